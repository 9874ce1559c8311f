//! The PNG back end: rasterises a page of a [`Scene`] with tiny-skia at any
//! resolution. Glyphs are filled from the same font outlines the PDF embeds and
//! shapes from the same paths, so the two agree up to anti-aliasing.

use std::collections::BTreeMap;

use persona_model::Color;
use rustybuzz::ttf_parser;
use tiny_skia::{
    FillRule, FilterQuality, IntSize, LineCap, Paint as SkPaint, Path, PathBuilder, Pattern,
    Pixmap, SpreadMode, Transform,
};

use crate::fonts::{FaceId, FontBook};
use crate::geometry::{circle_path, cover_rect, rounded_rect_path, PathSeg};
use crate::images;
use crate::options::Dpi;
use crate::scene::{Clip, ImageData, Item, Paint, Point, Rect, Scene, Stroke, TextRun};
use crate::SheetError;

/// Most pixels a page raster may have (A4 at 600 dpi is about 35 million).
pub const MAX_RASTER_PIXELS: u64 = 80_000_000;

/// Pixel size of `page` of `scene` at `dpi`.
pub fn raster_size(scene: &Scene, page: usize, dpi: Dpi) -> Result<(u32, u32), SheetError> {
    let p = scene.pages.get(page).ok_or(SheetError::NoSuchPage {
        page,
        pages: scene.pages.len(),
    })?;
    let s = dpi.px_per_pt();
    Ok(((p.width * s).round() as u32, (p.height * s).round() as u32))
}

/// Draws page `page` (from 0) of `scene` at `dpi` and encodes it as an RGB PNG
/// with its resolution recorded (pHYs).
pub fn render_png(
    scene: &Scene,
    page: usize,
    dpi: Dpi,
    fonts: &FontBook,
) -> Result<Vec<u8>, SheetError> {
    let pixmap = render_pixmap(scene, page, dpi, fonts)?;
    encode(&pixmap, dpi)
}

/// Draws a page into a pixmap (premultiplied RGBA, white background).
pub fn render_pixmap(
    scene: &Scene,
    page: usize,
    dpi: Dpi,
    fonts: &FontBook,
) -> Result<Pixmap, SheetError> {
    let (w, h) = raster_size(scene, page, dpi)?;
    if u64::from(w) * u64::from(h) > MAX_RASTER_PIXELS {
        return Err(SheetError::RasterTooLarge {
            width: w,
            height: h,
        });
    }
    let mut pixmap = Pixmap::new(w, h).ok_or(SheetError::RasterTooLarge {
        width: w,
        height: h,
    })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let mut r = Raster {
        pixmap: &mut pixmap,
        base: Transform::from_scale(dpi.px_per_pt(), dpi.px_per_pt()),
        fonts,
        faces: BTreeMap::new(),
        glyphs: BTreeMap::new(),
        images: BTreeMap::new(),
        scene,
    };
    if let Some(p) = scene.pages.get(page) {
        for item in &p.items {
            r.item(item);
        }
    }
    Ok(pixmap)
}

fn encode(pixmap: &Pixmap, dpi: Dpi) -> Result<Vec<u8>, SheetError> {
    let err = |e: png::EncodingError| SheetError::PngEncode {
        reason: e.to_string(),
    };
    // The background is opaque white, so the alpha channel carries nothing.
    let rgb: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue()]
        })
        .collect();
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Default);
        let ppm = (dpi.get() as f64 / 0.0254).round() as u32;
        enc.set_pixel_dims(Some(png::PixelDimensions {
            xppu: ppm,
            yppu: ppm,
            unit: png::Unit::Meter,
        }));
        let mut w = enc.write_header().map_err(err)?;
        w.write_image_data(&rgb).map_err(err)?;
        w.finish().map_err(err)?;
    }
    Ok(out)
}

struct Raster<'a> {
    pixmap: &'a mut Pixmap,
    base: Transform,
    fonts: &'a FontBook,
    faces: BTreeMap<FaceId, Option<ttf_parser::Face<'a>>>,
    glyphs: BTreeMap<(FaceId, u16), Option<Path>>,
    images: BTreeMap<usize, Option<Pixmap>>,
    scene: &'a Scene,
}

fn sk_color(c: Color) -> tiny_skia::Color {
    tiny_skia::Color::from_rgba8(c.r, c.g, c.b, 255)
}

fn solid(c: Color) -> SkPaint<'static> {
    let mut p = SkPaint::default();
    p.set_color(sk_color(c));
    p.anti_alias = true;
    p
}

fn build(path: &[PathSeg], close: bool) -> Option<Path> {
    let mut pb = PathBuilder::new();
    for seg in path {
        match *seg {
            PathSeg::Move(p) => pb.move_to(p.x, p.y),
            PathSeg::Line(p) => pb.line_to(p.x, p.y),
            PathSeg::Cubic(a, b, p) => pb.cubic_to(a.x, a.y, b.x, b.y, p.x, p.y),
        }
    }
    if close {
        pb.close();
    }
    pb.finish()
}

impl<'a> Raster<'a> {
    fn item(&mut self, item: &Item) {
        match item {
            Item::Rect { rect, paint } => self.shape(&rounded_rect_path(*rect, 0.0), *paint),
            Item::RoundedRect {
                rect,
                radius,
                paint,
            } => self.shape(&rounded_rect_path(*rect, *radius), *paint),
            Item::Circle {
                center,
                radius,
                paint,
            } => self.shape(&circle_path(*center, *radius), *paint),
            Item::Line { from, to, stroke } => {
                let segs = [PathSeg::Move(*from), PathSeg::Line(*to)];
                if let Some(path) = build(&segs, false) {
                    self.stroke(&path, *stroke);
                }
            }
            Item::Text(run) => self.text(run),
            Item::Image { image, rect, clip } => self.image(*image, *rect, *clip),
        }
    }

    fn shape(&mut self, segs: &[PathSeg], paint: Paint) {
        let Some(path) = build(segs, true) else {
            return;
        };
        if let Some(fill) = paint.fill {
            self.pixmap
                .fill_path(&path, &solid(fill), FillRule::Winding, self.base, None);
        }
        if let Some(s) = paint.stroke {
            self.stroke(&path, s);
        }
    }

    fn stroke(&mut self, path: &Path, s: Stroke) {
        let stroke = tiny_skia::Stroke {
            width: s.width,
            line_cap: LineCap::Round,
            ..tiny_skia::Stroke::default()
        };
        self.pixmap
            .stroke_path(path, &solid(s.color), &stroke, self.base, None);
    }

    fn glyph(&mut self, face_id: FaceId, gid: u16) -> Option<Path> {
        if let Some(p) = self.glyphs.get(&(face_id, gid)) {
            return p.clone();
        }
        let fonts = self.fonts;
        let face = self
            .faces
            .entry(face_id)
            .or_insert_with(|| {
                let (data, index) = fonts.data(face_id)?;
                ttf_parser::Face::parse(data, index).ok()
            })
            .as_ref();
        let path = face.and_then(|f| {
            let mut b = Outline(PathBuilder::new());
            f.outline_glyph(ttf_parser::GlyphId(gid), &mut b)?;
            b.0.finish()
        });
        self.glyphs.insert((face_id, gid), path.clone());
        path
    }

    fn text(&mut self, run: &TextRun) {
        let em = run.size / self.fonts.units_per_em(run.face);
        let paint = solid(run.color);
        for g in &run.glyphs {
            let Some(path) = self.glyph(run.face, g.id) else {
                continue;
            };
            // Font units (y up) → page points (y down) → pixels.
            let t = Transform::from_row(em, 0.0, 0.0, -em, run.origin.x + g.x, run.origin.y + g.y)
                .post_concat(self.base);
            self.pixmap
                .fill_path(&path, &paint, FillRule::Winding, t, None);
        }
    }

    fn image(&mut self, index: usize, frame: Rect, clip: Clip) {
        let scene = self.scene;
        let Some(img) = scene.images.get(index) else {
            return;
        };
        let pixmap = self
            .images
            .entry(index)
            .or_insert_with(|| {
                let rgba = match &img.data {
                    ImageData::Jpeg { bytes, .. } => images::decode_rgba(bytes).ok()?,
                    ImageData::Rgba(px) => px.clone(),
                };
                let premul: Vec<u8> = rgba
                    .chunks_exact(4)
                    .flat_map(|p| {
                        let a = u16::from(p[3]);
                        let m = |c: u8| ((u16::from(c) * a + 127) / 255) as u8;
                        [m(p[0]), m(p[1]), m(p[2]), p[3]]
                    })
                    .collect();
                Pixmap::from_vec(premul, IntSize::from_wh(img.width, img.height)?)
            })
            .clone();
        let Some(pixmap) = pixmap else {
            return;
        };
        let r = cover_rect(frame, img.width, img.height);
        let shader = Pattern::new(
            pixmap.as_ref(),
            SpreadMode::Pad,
            FilterQuality::Bicubic,
            1.0,
            Transform::from_row(
                r.w / img.width as f32,
                0.0,
                0.0,
                r.h / img.height as f32,
                r.x,
                r.y,
            ),
        );
        let segs = match clip {
            Clip::None => rounded_rect_path(frame, 0.0),
            Clip::Circle => circle_path(
                Point {
                    x: frame.x + frame.w / 2.0,
                    y: frame.y + frame.h / 2.0,
                },
                frame.w.min(frame.h) / 2.0,
            ),
            Clip::Rounded(radius) => rounded_rect_path(frame, radius),
        };
        let Some(path) = build(&segs, true) else {
            return;
        };
        let paint = SkPaint {
            shader,
            anti_alias: true,
            ..SkPaint::default()
        };
        self.pixmap
            .fill_path(&path, &paint, FillRule::Winding, self.base, None);
    }
}

/// Collects a glyph outline into a tiny-skia path (in font units).
struct Outline(PathBuilder);

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}
