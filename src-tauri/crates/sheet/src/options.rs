//! The typed inputs and results of an export: what the CLI and the app fill in and
//! what they print or show.

use std::collections::BTreeMap;
use std::fmt;

use persona_model::{AssetHash, Brand, Orientation, PageSize, Persona, Template};
use serde::Serialize;
use ts_rs::TS;

use crate::SheetError;

/// Overrides of the template's page; `None` keeps what the template says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageOptions {
    pub size: Option<PageSize>,
    pub orientation: Option<Orientation>,
}

/// What happens to text that does not fit its module even at the smallest type size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Overflow {
    /// Continue the module on a follow-on page (nothing is lost).
    #[default]
    FollowOnPage,
    /// End the module with an ellipsis and report the cut text as a warning.
    Ellipsis,
}

/// How a sheet is laid out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SheetOptions {
    pub page: PageOptions,
    pub overflow: Overflow,
    /// The language of the words the sheet adds (footer, notes, deck cover, appendix).
    pub locale: crate::Locale,
}

/// A raster resolution in dots per inch, checked to lie in [`Dpi::MIN`]..=[`Dpi::MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dpi(u32);

impl Dpi {
    /// The lowest resolution accepted.
    pub const MIN: u32 = 72;
    /// The highest resolution accepted.
    pub const MAX: u32 = 600;
    /// A screen at 1× (CSS pixels): 96 dpi.
    pub const SCREEN_1X: Dpi = Dpi(96);
    /// A screen at 2× (retina): 192 dpi.
    pub const SCREEN_2X: Dpi = Dpi(192);
    /// Print quality.
    pub const PRINT: Dpi = Dpi(300);

    /// Checks that `dpi` is within the supported range.
    pub fn new(dpi: u32) -> Result<Dpi, SheetError> {
        if (Self::MIN..=Self::MAX).contains(&dpi) {
            Ok(Dpi(dpi))
        } else {
            Err(SheetError::DpiOutOfRange {
                dpi,
                min: Self::MIN,
                max: Self::MAX,
            })
        }
    }

    /// The resolution in dots per inch.
    pub fn get(self) -> u32 {
        self.0
    }

    /// Pixels per PDF point (1/72 inch).
    pub fn px_per_pt(self) -> f32 {
        self.0 as f32 / 72.0
    }
}

/// A survey distribution for a chart module, as computed by the survey crate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartData {
    /// One bar per answer option, in the order to draw them.
    pub bars: Vec<ChartBar>,
    /// How many respondents answered; shown under the chart.
    pub respondents: u32,
}

/// One bar of a chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartBar {
    pub label: String,
    pub count: u32,
}

/// Where the bytes of photos, logos and pictures come from (the store implements it).
/// Returning `None` means the asset is gone; the sheet then shows a placeholder and
/// reports a warning.
pub trait AssetSource {
    /// The stored bytes of the asset, if it exists.
    fn load(&self, hash: &AssetHash) -> Option<Vec<u8>>;
}

/// An [`AssetSource`] with no assets: every picture becomes a placeholder.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoAssets;

impl AssetSource for NoAssets {
    fn load(&self, _hash: &AssetHash) -> Option<Vec<u8>> {
        None
    }
}

/// An [`AssetSource`] backed by a map; handy for tests and for callers that already
/// hold the bytes.
#[derive(Debug, Default, Clone)]
pub struct MemoryAssets(pub BTreeMap<AssetHash, Vec<u8>>);

impl AssetSource for MemoryAssets {
    fn load(&self, hash: &AssetHash) -> Option<Vec<u8>> {
        self.0.get(hash).cloned()
    }
}

/// Everything a sheet is made from.
#[derive(Clone, Copy)]
pub struct SheetInput<'a> {
    pub persona: &'a Persona,
    /// The template the persona uses (its grid and page).
    pub template: &'a Template,
    /// The project's brand: colours, logo, typeface.
    pub brand: &'a Brand,
    /// Shown in the footer when given and the brand has no name of its own.
    pub project_name: Option<&'a str>,
    /// Survey distributions for chart modules, by module id.
    pub charts: &'a BTreeMap<String, ChartData>,
}

/// Something the export did not draw as asked, reported so that nothing is lost
/// silently. Serialised for `--json` as `{ "kind": ..., ... }`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Warning {
    /// No font has a glyph for this character; a box was drawn in its place.
    MissingGlyph { module: String, character: char },
    /// The module's text was set smaller than normal to fit.
    Shrunk { module: String, percent: u32 },
    /// The module did not fit and continues on a follow-on page.
    Continued { module: String, page: usize },
    /// The module did not fit and was cut with an ellipsis; `text` is what was cut.
    Truncated { module: String, text: String },
    /// The brand's font is not installed; the default was used.
    FontNotFound { family: String },
    /// A photo, logo or picture could not be used; a placeholder was drawn.
    ImageUnusable { asset: String, reason: String },
    /// A chart module has no survey data linked; a placeholder was drawn.
    ChartWithoutData { module: String },
    /// The sheet's source notes did not all fit its notes band; `shown` of `total`
    /// are on the sheet (the deck's evidence appendix lists them all).
    NotesCut { shown: usize, total: usize },
}

impl Warning {
    /// The same warning inside a deck: modules are prefixed with the persona's name
    /// and page numbers count from the deck's first page.
    pub fn in_deck(self, persona: &str, page_offset: usize) -> Warning {
        let name = |m: String| format!("{persona} / {m}");
        match self {
            Warning::MissingGlyph { module, character } => Warning::MissingGlyph {
                module: name(module),
                character,
            },
            Warning::Shrunk { module, percent } => Warning::Shrunk {
                module: name(module),
                percent,
            },
            Warning::Continued { module, page } => Warning::Continued {
                module: name(module),
                page: page + page_offset,
            },
            Warning::Truncated { module, text } => Warning::Truncated {
                module: name(module),
                text,
            },
            Warning::FontNotFound { family } => Warning::FontNotFound { family },
            Warning::ImageUnusable { asset, reason } => Warning::ImageUnusable { asset, reason },
            Warning::ChartWithoutData { module } => Warning::ChartWithoutData {
                module: name(module),
            },
            Warning::NotesCut { shown, total } => Warning::NotesCut { shown, total },
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::MissingGlyph { module, character } => write!(
                f,
                "{module}: no font can draw '{character}' (U+{:04X}); a box is shown instead",
                u32::from(*character)
            ),
            Warning::Shrunk { module, percent } => {
                write!(f, "{module}: text set at {percent}% of its size to fit")
            }
            Warning::Continued { module, page } => {
                write!(
                    f,
                    "{module}: too long for its box, continued on page {page}"
                )
            }
            Warning::Truncated { module, text } => {
                write!(f, "{module}: too long for its box, cut: “{text}”")
            }
            Warning::FontNotFound { family } => {
                write!(
                    f,
                    "font '{family}' is not available; the default font was used"
                )
            }
            Warning::ImageUnusable { asset, reason } => {
                write!(
                    f,
                    "image {asset} cannot be used ({reason}); a placeholder is shown"
                )
            }
            Warning::ChartWithoutData { module } => {
                write!(f, "{module}: no survey data is linked to this chart")
            }
            Warning::NotesCut { shown, total } => write!(
                f,
                "only {shown} of {total} source notes fit on the sheet; the deck's evidence appendix lists them all"
            ),
        }
    }
}

/// A finished PDF export.
#[derive(Debug, Clone)]
pub struct PdfExport {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub warnings: Vec<Warning>,
}

/// A finished PNG export: one image per page of the sheet.
#[derive(Debug, Clone)]
pub struct PngExport {
    pub pages: Vec<Vec<u8>>,
    pub warnings: Vec<Warning>,
}
