//! Persona sheets: one layout step turns a persona, its template, the project's brand
//! and page options into a positioned [`Scene`]; two back ends draw that same scene,
//! [`render_pdf`] (printpdf: real text, subset fonts, vector shapes) and
//! [`render_png`] (tiny-skia, any resolution from 72 to 600 dpi).
//!
//! Nothing here reads the clock, a random source or global state: fonts come in as a
//! [`FontBook`], pictures through an [`AssetSource`], dates from the persona. The
//! same input therefore gives the same bytes.
//!
//! ```no_run
//! use persona_sheet::{export_pdf, FontBook, NoAssets, SheetInput, SheetOptions};
//! # fn demo(persona: &persona_model::Persona, template: &persona_model::Template,
//! #         brand: &persona_model::Brand) -> Result<(), persona_sheet::SheetError> {
//! let (fonts, _missing) = FontBook::with_system_fallbacks("/usr/share/fonts".as_ref());
//! let charts = Default::default();
//! let input = SheetInput { persona, template, brand, project_name: None, charts: &charts };
//! let pdf = export_pdf(&input, &SheetOptions::default(), &fonts, &NoAssets)?;
//! std::fs::write("sheet.pdf", &pdf.bytes).ok();
//! # Ok(()) }
//! ```

mod appendix;
mod deck;
mod error;
mod fonts;
mod geometry;
mod images;
mod layout;
mod locale;
mod options;
mod pdf;
mod png;
mod scene;
mod text;

pub use appendix::Judging;
pub use deck::{export_deck, layout_deck, DeckInput, DeckProgress};
pub use error::SheetError;
pub use fonts::{FaceId, FaceInfo, FontBook, Style};
pub use images::{ImageError, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE};
pub use layout::{layout, Laid};
pub use locale::Locale;
pub use options::{
    AssetSource, ChartBar, ChartData, Dpi, MemoryAssets, NoAssets, Overflow, PageOptions,
    PdfExport, PngExport, SheetInput, SheetOptions, Warning,
};
pub use pdf::render_pdf;
pub use png::{raster_size, render_pixmap, render_png, MAX_RASTER_PIXELS};
pub use scene::{
    Clip, ImageData, Item, Page, Paint, PlacedGlyph, Point, Rect, Scene, SceneImage, Stroke,
    TextRun,
};

/// Lays out a persona sheet and writes it as PDF.
pub fn export_pdf(
    input: &SheetInput,
    options: &SheetOptions,
    fonts: &FontBook,
    assets: &dyn AssetSource,
) -> Result<PdfExport, SheetError> {
    let laid = layout(input, options, fonts, assets)?;
    let bytes = render_pdf(&laid.scene, fonts)?;
    Ok(PdfExport {
        bytes,
        pages: laid.scene.pages.len(),
        warnings: laid.warnings,
    })
}

/// Lays out a persona sheet and draws every page as a PNG at `dpi`.
pub fn export_png(
    input: &SheetInput,
    options: &SheetOptions,
    dpi: Dpi,
    fonts: &FontBook,
    assets: &dyn AssetSource,
) -> Result<PngExport, SheetError> {
    let laid = layout(input, options, fonts, assets)?;
    let pages = (0..laid.scene.pages.len())
        .map(|i| render_png(&laid.scene, i, dpi, fonts))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(PngExport {
        pages,
        warnings: laid.warnings,
    })
}
