//! The positioned scene both back ends draw. Units are PDF points (1/72 inch), the
//! origin is the top-left corner of the page and y grows downwards.
//!
//! `Item` is a closed enum: each back end matches it exhaustively, so a new kind of
//! item makes the compiler list every place that must learn to draw it.

use std::sync::Arc;

use persona_model::Color;

use crate::fonts::FaceId;

/// A laid-out document: one or more pages, plus the images they share.
#[derive(Debug, Clone)]
pub struct Scene {
    /// The document title (the persona's name, or the deck's title).
    pub title: String,
    /// Seconds since the Unix epoch of the document's dates (taken from the data,
    /// never from the clock).
    pub created_unix: i64,
    pub modified_unix: i64,
    pub pages: Vec<Page>,
    /// Images referenced by [`Item::Image`] by index.
    pub images: Vec<Arc<SceneImage>>,
}

/// One page.
#[derive(Debug, Clone)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// Drawn in order: later items paint over earlier ones.
    pub items: Vec<Item>,
}

/// A point on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    /// The rectangle shrunk by `d` on every side.
    pub fn inset(self, d: f32) -> Rect {
        Rect {
            x: self.x + d,
            y: self.y + d,
            w: (self.w - 2.0 * d).max(0.0),
            h: (self.h - 2.0 * d).max(0.0),
        }
    }

    /// The bottom edge.
    pub fn bottom(self) -> f32 {
        self.y + self.h
    }

    /// The right edge.
    pub fn right(self) -> f32 {
        self.x + self.w
    }
}

/// How a closed shape is painted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paint {
    pub fill: Option<Color>,
    pub stroke: Option<Stroke>,
}

impl Paint {
    /// Filled, no outline.
    pub fn fill(color: Color) -> Paint {
        Paint {
            fill: Some(color),
            stroke: None,
        }
    }

    /// Outlined, not filled.
    pub fn stroke(color: Color, width: f32) -> Paint {
        Paint {
            fill: None,
            stroke: Some(Stroke { color, width }),
        }
    }
}

/// An outline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub color: Color,
    pub width: f32,
}

/// How an image is clipped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Clip {
    /// The image's rectangle.
    None,
    /// The circle inscribed in the rectangle.
    Circle,
    /// A rounded rectangle with this corner radius.
    Rounded(f32),
}

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A rectangle with square corners.
    Rect { rect: Rect, paint: Paint },
    /// A rectangle with rounded corners.
    RoundedRect {
        rect: Rect,
        radius: f32,
        paint: Paint,
    },
    /// A circle.
    Circle {
        center: Point,
        radius: f32,
        paint: Paint,
    },
    /// A straight line with round caps.
    Line {
        from: Point,
        to: Point,
        stroke: Stroke,
    },
    /// A shaped run of glyphs in one face, size and colour.
    Text(TextRun),
    /// An image (by index into [`Scene::images`]) stretched over `rect` and clipped.
    Image {
        image: usize,
        rect: Rect,
        clip: Clip,
    },
}

/// A shaped run of text: glyphs of one face, already positioned.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub face: FaceId,
    /// Font size in points.
    pub size: f32,
    /// The start of the baseline.
    pub origin: Point,
    pub color: Color,
    pub glyphs: Vec<PlacedGlyph>,
    /// The text the run shows, for search, tests and accessibility.
    pub text: String,
}

/// A glyph placed relative to its run's origin.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    pub id: u16,
    /// Offset from the run's origin in points (y down).
    pub x: f32,
    pub y: f32,
    /// The characters this glyph stands for in extracted text (may be empty for the
    /// second and later glyphs of one cluster).
    pub text: String,
}

/// An image ready for both back ends.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneImage {
    pub width: u32,
    pub height: u32,
    pub data: ImageData,
}

/// Image pixels, in the form each back end can use without needless work.
#[derive(Debug, Clone, PartialEq)]
pub enum ImageData {
    /// A baseline or progressive JPEG, embedded in the PDF as is (no re-encoding).
    Jpeg {
        bytes: Vec<u8>,
        /// 1 (grey) or 3 (YCbCr/RGB).
        components: u8,
    },
    /// Decoded 8-bit RGBA pixels, straight (not premultiplied) alpha.
    Rgba(Vec<u8>),
}
