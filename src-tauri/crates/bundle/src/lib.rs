//! The `.persona` file: a zip that carries personas, their templates, the project's
//! brand, images and an evidence snapshot from one Persona Studio to another.
//!
//! The format is specified in `docs/file-format.md`, with a JSON Schema per document
//! under `docs/schemas/`. This crate knows nothing of the library on disk: it turns
//! model values and image bytes into a bundle ([`write()`]), a bundle back into model
//! values ([`read()`], [`inspect`]), and decides what an import would do
//! ([`plan_import`]); the caller stores the result.
//!
//! Every file read is treated as hostile: see [`Limits`] and [`ReadError`].

mod contents;
mod entry;
mod error;
mod image;
mod json;
mod limits;
mod manifest;
mod plan;
mod read;
mod write;
mod zipscan;

pub use contents::{
    AssetEntry, BundleContents, EvidenceItem, EvidenceSnapshot, Inspection, PersonaEntry,
    ProjectEntry, TemplateEntry, EVIDENCE_SCHEMA,
};
pub use entry::{is_safe_template_id, EVIDENCE_PATH, PROJECT_PATH};
pub use error::{PathProblem, ReadError, WriteError};
pub use image::{ImageFormat, ImageInfo};
pub use json::{from_json, to_json, PERSONA_JSON_ENTRY};
pub use limits::Limits;
pub use manifest::{
    ContentEntry, FormatVersion, Manifest, Scope, FORMAT_NAME, FORMAT_VERSION, MANIFEST_PATH,
};
pub use plan::{
    plan_import, Existing, ImportPlan, ImportSummary, ImportTarget, OnConflict, PersonaAction,
    PersonaPlan, PlanError, PlannedPersona, ProjectPlan, TemplateAction, TemplatePlan,
};
pub use read::{inspect, read, read_from, Bundle};
pub use write::{sha256_hex, write, write_to, WriteOptions};
