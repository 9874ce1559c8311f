use persona_model::ModelError;
use persona_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

/// Everything an operation can refuse or fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("there is no persona '{0}' (give an id or the exact name; `persona list` shows them)")]
    UnknownPersona(String),
    #[error("there is no project '{0}' (`project list` shows them)")]
    UnknownProject(String),
    #[error("{count} personas are named '{name}'; give one of their ids instead: {ids}")]
    AmbiguousPersona {
        name: String,
        count: usize,
        ids: String,
    },
    #[error("a project named '{0}' already exists")]
    DuplicateProject(String),
    #[error("a persona with the id {0} is already in the library, so it cannot be restored")]
    PersonaExists(String),
    #[error("there is no template '{0}' (`template list` shows them)")]
    UnknownTemplate(String),
    #[error("there is no preset '{0}' (`template presets` shows them)")]
    UnknownPreset(String),
    #[error("the preset '{preset}' is for the template '{wants}', not '{template}'")]
    PresetForOtherTemplate {
        preset: String,
        wants: String,
        template: String,
    },
    #[error(transparent)]
    Photo(#[from] crate::photo::PhotoError),
    #[error("there is no stored image '{0}'")]
    UnknownAsset(String),
    #[error("sheets cannot be set in the font '{font}'; use one of: {known}")]
    UnknownFont { font: String, known: String },
    #[error("the persona '{persona}' has no image module '{module}' (its image modules: {found})")]
    NotAnImageModule {
        persona: String,
        module: String,
        found: String,
    },
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("a template name needs 1 to {max} characters (this one has {len})")]
    BadTemplateName { len: usize, max: usize },
    #[error("'{0}' is a built-in template and cannot be deleted")]
    BuiltinTemplate(String),
    #[error(
        "the template '{id}' is used by {personas} persona(s); move them to another template first"
    )]
    TemplateInUse { id: String, personas: usize },
    #[error(transparent)]
    Sheet(#[from] persona_sheet::SheetError),
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot read the survey {}: {source}", path.display())]
    Survey {
        path: std::path::PathBuf,
        #[source]
        source: persona_survey::SurveyError,
    },
    #[error("there is no survey dataset '{0}' (`survey list` shows them)")]
    UnknownDataset(String),
    #[error("several survey datasets are named '{name}'; give one of their ids instead: {ids}")]
    AmbiguousDataset { name: String, ids: String },
    #[error("the survey dataset '{dataset}' belongs to another project than '{project}'")]
    DatasetInOtherProject { dataset: String, project: String },
    #[error("the stored survey dataset '{name}' cannot be read: {reason}")]
    CorruptDataset { name: String, reason: String },
    #[error("the survey dataset cannot be stored: {0}")]
    Encode(#[source] serde_json::Error),
    #[error("the survey '{dataset}' has no question '{question}' (`survey inspect` lists them)")]
    UnknownQuestion { dataset: String, question: String },
    #[error("question {question} has no option '{option}'; it has: {available}")]
    UnknownOption {
        question: String,
        option: String,
        available: String,
    },
    #[error("the segment cannot be applied: {source}")]
    Segment {
        #[source]
        source: persona_survey::SurveyError,
    },
    #[error("cannot attach evidence to '{field}': {reason}")]
    BadEvidenceTarget { field: String, reason: String },
    #[error("this evidence cannot be attached: {0}")]
    EvidenceRefused(String),
    #[error("the persona has no evidence '{0}' (`evidence list` shows the ids)")]
    UnknownEvidence(String),
    #[error("cannot open {}: {source}", path.display())]
    BundleRefused {
        path: std::path::PathBuf,
        #[source]
        source: persona_bundle::ReadError,
    },
    #[error(transparent)]
    BundleWrite(#[from] persona_bundle::WriteError),
    #[error("cannot import: {0}")]
    ImportPlan(#[from] persona_bundle::PlanError),
    #[error("the image {0} is missing from the library")]
    MissingAsset(String),
    #[error("no persona was chosen to export")]
    NothingToExport,
    #[error("a project exports as one PDF deck; use --format pdf")]
    DeckNeedsPdf,
    #[error("this system has no app-data folder; pass --data-dir or set PERSONA_STUDIO_DATA")]
    NoDataDir,
    #[error("cancelled; nothing was stored")]
    Cancelled,
    #[error("the import settings cannot be used: {0}")]
    BadOverride(String),
}

impl ApiError {
    /// A stable, machine-readable code for the UI and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Store(StoreError::Locked { .. }) => "library_locked",
            ApiError::Store(StoreError::BadDataDir { .. }) => "bad_data_dir",
            ApiError::Store(StoreError::Db(_)) => "database",
            ApiError::Store(StoreError::Corrupt { .. }) => "corrupt",
            ApiError::Store(StoreError::Invalid(_)) | ApiError::Model(_) => "invalid",
            ApiError::UnknownPersona(_) => "unknown_persona",
            ApiError::UnknownProject(_) => "unknown_project",
            ApiError::AmbiguousPersona { .. } => "ambiguous_persona",
            ApiError::DuplicateProject(_) => "duplicate_project",
            ApiError::PersonaExists(_) => "persona_exists",
            ApiError::UnknownTemplate(_) => "unknown_template",
            ApiError::BadTemplateName { .. } => "invalid",
            ApiError::BuiltinTemplate(_) => "builtin_template",
            ApiError::TemplateInUse { .. } => "template_in_use",
            ApiError::NoDataDir => "no_data_dir",
            ApiError::UnknownPreset(_) => "unknown_preset",
            ApiError::PresetForOtherTemplate { .. } => "preset_template_mismatch",
            ApiError::Photo(crate::photo::PhotoError::Unsupported { .. }) => "unsupported_image",
            ApiError::Photo(crate::photo::PhotoError::TooLarge { .. })
            | ApiError::Photo(crate::photo::PhotoError::TooManyPixels { .. }) => "image_too_large",
            ApiError::Photo(_) => "bad_image",
            ApiError::UnknownAsset(_) => "unknown_asset",
            ApiError::UnknownFont { .. } => "unknown_font",
            ApiError::NotAnImageModule { .. } => "not_an_image_module",
            ApiError::Read { .. } => "read_failed",
            ApiError::Sheet(persona_sheet::SheetError::Cancelled { .. }) => "cancelled",
            ApiError::Sheet(_) => "export_failed",
            ApiError::Write { .. } => "write_failed",
            ApiError::DeckNeedsPdf => "deck_needs_pdf",
            ApiError::Survey { .. } => "survey_unreadable",
            ApiError::UnknownDataset(_) => "unknown_dataset",
            ApiError::AmbiguousDataset { .. } => "ambiguous_dataset",
            ApiError::DatasetInOtherProject { .. } => "dataset_in_other_project",
            ApiError::CorruptDataset { .. } => "corrupt",
            ApiError::Encode(_) => "internal",
            ApiError::UnknownQuestion { .. } => "unknown_question",
            ApiError::UnknownOption { .. } => "unknown_option",
            ApiError::Segment { .. } => "bad_segment",
            ApiError::BadEvidenceTarget { .. } => "bad_evidence_target",
            ApiError::EvidenceRefused(_) => "evidence_refused",
            ApiError::UnknownEvidence(_) => "unknown_evidence",
            ApiError::BundleRefused { .. } => "bundle_refused",
            ApiError::BundleWrite(_) => "bundle_write_failed",
            ApiError::ImportPlan(_) => "import_refused",
            ApiError::MissingAsset(_) => "missing_asset",
            ApiError::NothingToExport => "nothing_to_export",
            ApiError::Cancelled => "cancelled",
            ApiError::BadOverride(_) => "bad_override",
        }
    }

    /// The error as the UI receives it.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            code: self.code().to_owned(),
            message: self.to_string(),
        }
    }
}

/// An error as it crosses to the UI: a code to branch on and a sentence to show.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
}
