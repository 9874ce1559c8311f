import { describe, expect, it } from 'vitest';
import { centred, clamped, cropRect, maxZoom, panned, zoomed } from './crop';

const wide = { width: 1200, height: 800 };

describe('photo crop geometry', () => {
  it('starts on the centre square, as the app crops when nobody does', () => {
    expect(cropRect(wide, centred(wide))).toEqual({ x: 200, y: 0, width: 800, height: 800 });
  });

  it('drags the picture, never past its edges', () => {
    // Dragging the picture right shows more of its left side.
    const left = panned(wide, centred(wide), 150, 0, 400);
    expect(cropRect(wide, left)).toEqual({ x: 0, y: 0, width: 800, height: 800 });
    const right = panned(wide, centred(wide), -10_000, -10_000, 400);
    expect(cropRect(wide, right)).toEqual({ x: 400, y: 0, width: 800, height: 800 });
  });

  it('zooms around the centre, down to a 64-pixel square at most', () => {
    const two = zoomed(wide, centred(wide), 2);
    expect(cropRect(wide, two)).toEqual({ x: 400, y: 200, width: 400, height: 400 });
    expect(maxZoom(wide)).toBe(12.5);
    const far = zoomed(wide, centred(wide), 1000);
    expect(cropRect(wide, far).width).toBe(64);
    expect(zoomed(wide, centred(wide), 0.2).zoom).toBe(1);
  });

  it('keeps a zoomed-in corner inside the image when zooming out again', () => {
    const corner = panned(wide, zoomed(wide, centred(wide), 4), 10_000, 10_000, 300);
    expect(cropRect(wide, corner)).toEqual({ x: 0, y: 0, width: 200, height: 200 });
    const out = zoomed(wide, corner, 1);
    expect(cropRect(wide, out)).toEqual({ x: 0, y: 0, width: 800, height: 800 });
  });

  it('handles tall pictures and ones smaller than the least crop', () => {
    const tall = { width: 300, height: 901 };
    expect(cropRect(tall, centred(tall))).toEqual({ x: 0, y: 301, width: 300, height: 300 });
    const tiny = { width: 40, height: 30 };
    expect(maxZoom(tiny)).toBe(1);
    expect(cropRect(tiny, clamped(tiny, { zoom: 3, cx: 0, cy: 0 }))).toEqual({ x: 0, y: 0, width: 30, height: 30 });
  });
});
