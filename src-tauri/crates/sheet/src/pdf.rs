//! The PDF back end: draws a [`Scene`] with printpdf. Text is real text (glyph ids
//! with a ToUnicode map, so it can be selected, searched and extracted), every font
//! is embedded as a subset, shapes are vectors, and JPEG photos are embedded as they
//! are. The file is deterministic: ids are derived from the content, dates from the
//! persona.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};

use persona_model::Color;
use printpdf::{
    Codepoint, CurTransMat, DictItem, ExternalStream, ExternalXObject, FontId, LineCapStyle,
    LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Polygon,
    PolygonRing, Pt, TextItem, TextMatrix, WindingOrder, XObject, XObjectId, XObjectTransform,
};

use crate::fonts::{FaceId, FontBook};
use crate::geometry::{circle_path, cover_rect, rounded_rect_path, PathSeg};
use crate::scene::{Clip, ImageData, Item, Paint, Point, Rect, Scene, SceneImage, Stroke, TextRun};
use crate::SheetError;

/// Draws `scene` as a PDF document.
pub fn render_pdf(scene: &Scene, fonts: &FontBook) -> Result<Vec<u8>, SheetError> {
    let mut doc = PdfDocument::new(&scene.title);
    let info = &mut doc.metadata.info;
    let created = printpdf::OffsetDateTime::from_unix_timestamp(scene.created_unix)
        .unwrap_or_else(|_| epoch());
    let modified = printpdf::OffsetDateTime::from_unix_timestamp(scene.modified_unix)
        .unwrap_or_else(|_| epoch());
    info.creation_date = created;
    info.modification_date = modified;
    info.metadata_date = modified;
    info.creator = "Persona Studio".to_owned();
    info.producer = "Persona Studio (printpdf)".to_owned();

    // Fonts: one resource per face used, named deterministically. printpdf takes the
    // first six letters of the id as the subset tag (`ABCDEF+Family`).
    let used: BTreeSet<FaceId> = scene
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text(run) => Some(run.face),
            Item::Rect { .. }
            | Item::RoundedRect { .. }
            | Item::Circle { .. }
            | Item::Line { .. }
            | Item::Image { .. } => None,
        })
        .collect();
    let mut font_ids = BTreeMap::new();
    for (n, face) in used.iter().enumerate() {
        let parsed = fonts.pdf_font(*face).ok_or_else(|| SheetError::BadFont {
            name: fonts
                .info(*face)
                .map_or_else(|| format!("face {}", face.0), |i| i.source.clone()),
            index: u32::from(face.0),
        })?;
        let id = FontId(subset_tag(n));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::PdfFont::new(parsed.clone()));
        font_ids.insert(*face, id);
    }

    let mut image_ids = Vec::new();
    for (n, image) in scene.images.iter().enumerate() {
        let id = XObjectId(format!("Im{n}"));
        doc.resources
            .xobjects
            .map
            .insert(id.clone(), XObject::External(image_xobject(image)));
        image_ids.push(id);
    }

    let pages = scene
        .pages
        .iter()
        .map(|page| {
            let mut w = Writer {
                ops: Vec::new(),
                height: page.height,
                fonts: &font_ids,
                images: &image_ids,
                scene,
            };
            w.ops.push(Op::SetLineCapStyle {
                cap: LineCapStyle::Round,
            });
            for item in &page.items {
                w.item(item);
            }
            PdfPage::new(pt_to_mm(page.width), pt_to_mm(page.height), w.ops)
        })
        .collect();
    doc.with_pages(pages);

    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    lo.compress();
    // printpdf fills the trailer /ID with a process-wide counter; replace it with a
    // digest of the document so the same scene always gives the same bytes.
    lo.trailer.remove(b"ID");
    let mut body = Vec::new();
    lo.save_to(&mut body).map_err(|e| SheetError::PdfWrite {
        reason: e.to_string(),
    })?;
    let digest = {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        body.hash(&mut h);
        format!("{:016x}{:016x}", h.finish(), body.len())
    };
    let id = lopdf::Object::String(digest.into_bytes(), lopdf::StringFormat::Literal);
    lo.trailer
        .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| SheetError::PdfWrite {
        reason: e.to_string(),
    })?;
    Ok(out)
}

fn epoch() -> printpdf::OffsetDateTime {
    printpdf::PdfDocumentInfo::default().creation_date
}

/// `AAAAAA`, `AAAAAB`, …: six capital letters as PDF subset tags require.
fn subset_tag(mut n: usize) -> String {
    let mut tag = [b'A'; 6];
    for slot in tag.iter_mut().rev() {
        *slot = b'A' + (n % 26) as u8;
        n /= 26;
    }
    String::from_utf8_lossy(&tag).into_owned()
}

fn pt_to_mm(pt: f32) -> Mm {
    Mm(pt * 25.4 / 72.0)
}

/// An image XObject: JPEG bytes as they are (DCTDecode), or RGB pixels with an
/// alpha soft mask (compressed by the writer).
fn image_xobject(image: &SceneImage) -> ExternalXObject {
    let mut dict = BTreeMap::new();
    dict.insert("Type".to_owned(), DictItem::Name(b"XObject".to_vec()));
    dict.insert("Subtype".to_owned(), DictItem::Name(b"Image".to_vec()));
    dict.insert("Width".to_owned(), DictItem::Int(i64::from(image.width)));
    dict.insert("Height".to_owned(), DictItem::Int(i64::from(image.height)));
    dict.insert("BitsPerComponent".to_owned(), DictItem::Int(8));
    let (content, compress) = match &image.data {
        ImageData::Jpeg { bytes, components } => {
            let space: &[u8] = if *components == 1 {
                b"DeviceGray"
            } else {
                b"DeviceRGB"
            };
            dict.insert("ColorSpace".to_owned(), DictItem::Name(space.to_vec()));
            dict.insert("Filter".to_owned(), DictItem::Name(b"DCTDecode".to_vec()));
            (bytes.clone(), false)
        }
        ImageData::Rgba(px) => {
            let rgb: Vec<u8> = px
                .chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect();
            dict.insert(
                "ColorSpace".to_owned(),
                DictItem::Name(b"DeviceRGB".to_vec()),
            );
            if px.chunks_exact(4).any(|p| p[3] != 255) {
                let alpha: Vec<u8> = px.chunks_exact(4).map(|p| p[3]).collect();
                let mut mask = BTreeMap::new();
                mask.insert("Type".to_owned(), DictItem::Name(b"XObject".to_vec()));
                mask.insert("Subtype".to_owned(), DictItem::Name(b"Image".to_vec()));
                mask.insert("Width".to_owned(), DictItem::Int(i64::from(image.width)));
                mask.insert("Height".to_owned(), DictItem::Int(i64::from(image.height)));
                mask.insert("BitsPerComponent".to_owned(), DictItem::Int(8));
                mask.insert(
                    "ColorSpace".to_owned(),
                    DictItem::Name(b"DeviceGray".to_vec()),
                );
                dict.insert(
                    "SMask".to_owned(),
                    DictItem::Stream {
                        stream: ExternalStream {
                            dict: mask,
                            content: alpha,
                            compress: true,
                        },
                    },
                );
            }
            (rgb, true)
        }
    };
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content,
            compress,
        },
        width: None,
        height: None,
        dpi: None,
    }
}

struct Writer<'a> {
    ops: Vec<Op>,
    height: f32,
    fonts: &'a BTreeMap<FaceId, FontId>,
    images: &'a [XObjectId],
    scene: &'a Scene,
}

impl Writer<'_> {
    /// A scene point (y down) as a PDF point (y up).
    fn p(&self, x: f32, y: f32) -> printpdf::Point {
        printpdf::Point {
            x: Pt(x),
            y: Pt(self.height - y),
        }
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Rect { rect, paint } => {
                let path = rounded_rect_path(*rect, 0.0);
                self.path(&path, *paint);
            }
            Item::RoundedRect {
                rect,
                radius,
                paint,
            } => {
                let path = rounded_rect_path(*rect, *radius);
                self.path(&path, *paint);
            }
            Item::Circle {
                center,
                radius,
                paint,
            } => {
                let path = circle_path(*center, *radius);
                self.path(&path, *paint);
            }
            Item::Line { from, to, stroke } => self.line(*from, *to, *stroke),
            Item::Text(run) => self.text(run),
            Item::Image { image, rect, clip } => self.image(*image, *rect, *clip),
        }
    }

    fn polygon(&self, path: &[PathSeg], mode: PaintMode) -> Polygon {
        let mut points = Vec::new();
        for seg in path {
            match *seg {
                PathSeg::Move(p) | PathSeg::Line(p) => points.push(LinePoint {
                    p: self.p(p.x, p.y),
                    bezier: false,
                }),
                PathSeg::Cubic(c1, c2, p) => {
                    points.push(LinePoint {
                        p: self.p(c1.x, c1.y),
                        bezier: true,
                    });
                    points.push(LinePoint {
                        p: self.p(c2.x, c2.y),
                        bezier: true,
                    });
                    points.push(LinePoint {
                        p: self.p(p.x, p.y),
                        bezier: false,
                    });
                }
            }
        }
        Polygon {
            rings: vec![PolygonRing { points }],
            mode,
            winding_order: WindingOrder::NonZero,
        }
    }

    fn path(&mut self, path: &[PathSeg], paint: Paint) {
        let mode = match (paint.fill, paint.stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            (None, Some(_)) => PaintMode::Stroke,
            (None, None) => return,
        };
        if let Some(fill) = paint.fill {
            self.ops.push(Op::SetFillColor { col: color(fill) });
        }
        if let Some(s) = paint.stroke {
            self.stroke_style(s);
        }
        let polygon = self.polygon(path, mode);
        self.ops.push(Op::DrawPolygon { polygon });
    }

    fn stroke_style(&mut self, s: Stroke) {
        self.ops.push(Op::SetOutlineColor {
            col: color(s.color),
        });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(s.width) });
    }

    fn line(&mut self, from: Point, to: Point, stroke: Stroke) {
        self.stroke_style(stroke);
        self.ops.push(Op::DrawLine {
            line: printpdf::Line {
                points: vec![
                    LinePoint {
                        p: self.p(from.x, from.y),
                        bezier: false,
                    },
                    LinePoint {
                        p: self.p(to.x, to.y),
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }

    fn text(&mut self, run: &TextRun) {
        let Some(font) = self.fonts.get(&run.face) else {
            return;
        };
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetFont {
            font: PdfFontHandle::External(font.clone()),
            size: Pt(run.size),
        });
        self.ops.push(Op::SetFillColor {
            col: color(run.color),
        });
        for g in &run.glyphs {
            let p = self.p(run.origin.x + g.x, run.origin.y + g.y);
            self.ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(p.x, p.y),
            });
            let cid = if g.text.is_empty() {
                None
            } else {
                Some(g.text.clone())
            };
            self.ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(vec![Codepoint {
                    gid: g.id,
                    offset: 0.0,
                    cid,
                }])],
            });
        }
        self.ops.push(Op::EndTextSection);
    }

    fn image(&mut self, index: usize, frame: Rect, clip: Clip) {
        let (Some(id), Some(img)) = (self.images.get(index), self.scene.images.get(index)) else {
            return;
        };
        let r = cover_rect(frame, img.width, img.height);
        self.ops.push(Op::SaveGraphicsState);
        let clip_path = match clip {
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
        let polygon = self.polygon(&clip_path, PaintMode::Clip);
        self.ops.push(Op::DrawPolygon { polygon });
        // The image's unit square mapped onto the cover rectangle (PDF y up).
        self.ops.push(Op::SetTransformationMatrix {
            matrix: CurTransMat::Raw([r.w, 0.0, 0.0, r.h, r.x, self.height - r.y - r.h]),
        });
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                no_auto_scale: true,
                ..XObjectTransform::default()
            },
        });
        self.ops.push(Op::RestoreGraphicsState);
    }
}

fn color(c: Color) -> printpdf::Color {
    printpdf::Color::Rgb(printpdf::Rgb::new(
        f32::from(c.r) / 255.0,
        f32::from(c.g) / 255.0,
        f32::from(c.b) / 255.0,
        None,
    ))
}
