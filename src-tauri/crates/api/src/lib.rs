//! The operations of Persona Studio, as one API over the core crates.
//!
//! The Tauri commands and the command line both call [`Studio`]; neither holds logic
//! of its own. Errors are [`ApiError`]: typed, with a stable [`ApiError::code`] for the
//! UI and a one-sentence `Display` for people.

mod bundles;
mod data_dir;
mod editing;
mod error;
mod example;
mod export;
pub mod photo;
mod search;
mod studio;
mod templates;
mod views;

pub use bundles::{BundleExport, BundlePreview, BundleSelection, ImportInto};
pub use data_dir::{resolve_data_dir, DATA_DIR_ENV};
pub use editing::COPY_SUFFIX;
pub use error::{ApiError, ErrorBody};
pub use example::{ExampleOutcome, EXAMPLE_PROJECT};
pub use export::{font_book, ExportFormat, ExportReport, ExportRequest};
pub use search::{SearchHit, SearchQuery, SearchSort};
pub use studio::Studio;
pub use views::{LibraryOverview, PersonaCard, ProjectCard};

pub use persona_bundle as bundle;
pub use persona_model as model;
pub use persona_sheet as sheet;
pub use persona_survey as survey;
