//! The operations of Persona Studio, as one API over the core crates.
//!
//! The Tauri commands and the command line both call [`Studio`]; neither holds logic
//! of its own. Errors are [`ApiError`]: typed, with a stable [`ApiError::code`] for the
//! UI and a one-sentence `Display` for people.

mod bundles;
mod data_dir;
mod editing;
mod error;
mod evidence;
mod example;
mod explore;
mod export;
pub mod photo;
mod reimport;
mod search;
mod stored_answers;
mod studio;
mod survey_preview;
mod survey_progress;
mod surveys;
mod templates;
mod views;

pub use bundles::{BundleExport, BundlePreview, BundleSelection, ImportInto};
pub use data_dir::{resolve_data_dir, DATA_DIR_ENV};
pub use editing::{BrandChange, COPY_SUFFIX};
pub use error::{ApiError, ErrorBody};
pub use evidence::{respondent_id, EvidenceSpec, SurveyEvidenceKind, SurveyEvidenceSpec};
pub use example::{ExampleOutcome, EXAMPLE_PROJECT};
pub use explore::{
    DatasetProfile, HistogramBin, NumericFigures, PhraseCount, QuestionProfile, SegmentComparison,
    TextAnswer,
};
pub use export::{font_book, ExportFormat, ExportReport, ExportRequest};
pub use reimport::{
    headline, EvidenceChange, EvidenceStatus, QuestionChange, QuestionStatus, ReimportReport,
};
pub use search::{SearchHit, SearchQuery, SearchSort};
pub use stored_answers::encode_answers;
pub use studio::Studio;
pub use survey_preview::{
    preview_survey, PreviewOption, PreviewQuestion, PreviewRepair, PreviewWarning, SurveyOverrides,
    SurveyPreview, MAX_PREVIEW_OPTIONS, MAX_PREVIEW_REPAIRS,
};
pub use survey_progress::{SurveyPhase, SurveyProgress};
pub use surveys::{read_import, DatasetSummary, ImportOutcome, ImportStatus, SurveyImport};
pub use views::{LibraryOverview, PersonaCard, ProjectCard};

pub use persona_bundle as bundle;
pub use persona_model as model;
pub use persona_sheet as sheet;
pub use persona_survey as survey;
