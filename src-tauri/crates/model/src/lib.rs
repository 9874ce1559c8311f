//! The domain model of Persona Studio.
//!
//! Everything here is plain data: serde-serialisable, free of storage and UI concerns,
//! and mirrored into TypeScript (`ts-rs`) so the UI and the core cannot drift apart.
//! Every stored document carries a schema version; [`migrate`] brings older documents
//! forward and refuses newer ones with a clear error.

mod clock;
mod color;
pub mod coverage;
mod dataset;
mod digest;
mod error;
mod evidence;
mod ids;
pub mod migrate;
mod module;
mod persona;
mod preset;
mod project;
mod template;
mod templates;

pub use chrono::NaiveDate;
pub use clock::{Clock, FixedClock, SystemClock, Timestamp};
pub use color::Color;
pub use coverage::{
    assess, AssessedEvidence, Coverage, EvidencePolicy, EvidenceReport, FieldFlag, FieldReport,
    PersonaField,
};
pub use dataset::{DatasetRecord, DatasetVersion, DATASET_RECORD_SCHEMA};
pub use digest::{fold, PersonaDigest};
pub use error::ModelError;
pub use evidence::{
    plain_number, Evidence, EvidenceSource, FieldRef, OptionShare, SegmentCondition, SegmentFilter,
    SurveyRef,
};
pub use ids::{AssetHash, DatasetId, EvidenceId, PersonaId, ProjectId, TemplateId};
pub use module::{Fact, GridArea, Module, ModuleBody, Slider, SliderScale};
pub use persona::{initials, Persona, PersonaSummary, MAX_NAME_CHARS, PERSONA_SCHEMA};
pub use preset::{builtin_preset, builtin_presets, Preset, PresetFile, PRESET_SCHEMA};
pub use project::{Brand, Project, ProjectSummary, PROJECT_SCHEMA};
pub use template::{
    Grid, ModuleLocale, Orientation, PageSize, PageSpec, Template, TemplateLocale, TemplateSummary,
    LANGUAGES, TEMPLATE_SCHEMA,
};
pub use templates::{builtin_template, builtin_templates, DEFAULT_TEMPLATE};
