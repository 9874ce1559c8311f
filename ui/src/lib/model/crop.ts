// Where the round avatar frame sits on a photo: a square of the source image, chosen by
// zoom and centre. Pure geometry so that the crop dialog, its keyboard path and the
// rectangle sent to the app agree, and can be tested without a browser.
import type { CropRect } from '../bindings/CropRect';
import type { ImageSize } from '../bindings/ImageSize';

/** How the frame sits: `zoom` 1 shows the whole shorter side; `cx`, `cy` the centre in source pixels. */
export interface CropView {
  zoom: number;
  cx: number;
  cy: number;
}

/** The smallest square a crop may keep, in source pixels (or the whole image if smaller). */
export const MIN_CROP_SIDE = 64;

/** How far in the frame can zoom on this image. */
export function maxZoom(size: ImageSize): number {
  const short = Math.min(size.width, size.height);
  return Math.max(1, short / Math.min(short, MIN_CROP_SIDE));
}

/** The side of the kept square, in source pixels. */
export function cropSide(size: ImageSize, view: CropView): number {
  return Math.min(size.width, size.height) / view.zoom;
}

/** The centre square at zoom 1: what the app keeps when nobody crops. */
export function centred(size: ImageSize): CropView {
  return { zoom: 1, cx: size.width / 2, cy: size.height / 2 };
}

/** The view moved and zoomed back inside the image: the square never leaves it. */
export function clamped(size: ImageSize, view: CropView): CropView {
  const zoom = Math.min(Math.max(view.zoom, 1), maxZoom(size));
  const half = cropSide(size, { ...view, zoom }) / 2;
  const within = (c: number, extent: number) => Math.min(Math.max(c, half), extent - half);
  return { zoom, cx: within(view.cx, size.width), cy: within(view.cy, size.height) };
}

/** Drags the picture by (dx, dy) screen pixels in a frame `frame` pixels wide. */
export function panned(size: ImageSize, view: CropView, dx: number, dy: number, frame: number): CropView {
  const perPixel = cropSide(size, view) / frame;
  return clamped(size, { ...view, cx: view.cx - dx * perPixel, cy: view.cy - dy * perPixel });
}

/** The same centre at another zoom (kept within the image). */
export function zoomed(size: ImageSize, view: CropView, zoom: number): CropView {
  return clamped(size, { ...view, zoom });
}

/** The rectangle the app crops, in whole source pixels, always inside the image. */
export function cropRect(size: ImageSize, view: CropView): CropRect {
  const v = clamped(size, view);
  const side = Math.max(1, Math.min(Math.round(cropSide(size, v)), size.width, size.height));
  const corner = (c: number, extent: number) => Math.min(Math.max(Math.round(c - side / 2), 0), extent - side);
  return { x: corner(v.cx, size.width), y: corner(v.cy, size.height), width: side, height: side };
}
