//! What can stop an export. Everything that merely degrades the result (a missing
//! glyph, a cut text, an unusable photo) is a [`crate::Warning`] instead.

use std::path::PathBuf;

/// Why a sheet could not be laid out or drawn.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    /// A resolution outside what the PNG back end accepts.
    #[error("{dpi} dpi is outside the supported range {min}–{max} dpi")]
    DpiOutOfRange { dpi: u32, min: u32, max: u32 },
    /// A font file could not be read from disk.
    #[error("cannot read font file {path}: {source}")]
    FontFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Bytes handed to the font book are not a font it can use.
    #[error("'{name}' is not a usable font (face {index})")]
    BadFont { name: String, index: u32 },
    /// The font book has no face at all, so no text can be drawn.
    #[error("no fonts are available to draw text")]
    NoFonts,
    /// The template has no room for modules (a zero-sized grid).
    #[error("template '{template}' has an empty grid ({columns}×{rows})")]
    EmptyGrid {
        template: String,
        columns: u8,
        rows: u8,
    },
    /// A page of the scene was asked for that does not exist.
    #[error("page {page} does not exist (the sheet has {pages} pages)")]
    NoSuchPage { page: usize, pages: usize },
    /// The raster for a page would be larger than the PNG back end allows.
    #[error("a {width}×{height} px image is too large to render")]
    RasterTooLarge { width: u32, height: u32 },
    /// PNG encoding failed.
    #[error("cannot encode PNG: {reason}")]
    PngEncode { reason: String },
    /// The PDF writer reported an error while saving.
    #[error("cannot write PDF: {reason}")]
    PdfWrite { reason: String },
    /// A deck export was asked for with no personas in it.
    #[error("a deck needs at least one persona")]
    EmptyDeck,
    /// The caller cancelled a deck export.
    #[error("the export was cancelled after {done} of {total} personas")]
    Cancelled { done: usize, total: usize },
}
