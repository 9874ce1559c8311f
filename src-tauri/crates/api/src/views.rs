//! What the UI's library screen shows: projects with their personas, ready to draw.

use persona_model::{AssetHash, Brand, Fact, PersonaId, ProjectId, TemplateId, Timestamp};
use serde::Serialize;
use ts_rs::TS;

/// The whole library at a glance.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LibraryOverview {
    /// Where the library lives on disk, shown in the UI's footer.
    pub data_dir: String,
    /// Projects sorted by name, each with its personas sorted by name.
    pub projects: Vec<ProjectCard>,
}

/// A project and its personas.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProjectCard {
    pub id: ProjectId,
    pub name: String,
    pub brand: Brand,
    pub personas: Vec<PersonaCard>,
}

/// One persona in the library grid: enough to recognise it at a glance.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PersonaCard {
    pub id: PersonaId,
    /// The project the persona belongs to.
    pub project: ProjectId,
    pub name: String,
    pub archetype: String,
    /// The persona's quote, for the card (the UI clamps it).
    pub quote: String,
    /// Up to three filled-in facts from the sheet, in sheet order.
    pub key_facts: Vec<Fact>,
    /// The persona's own tags.
    pub tags: Vec<String>,
    pub template: TemplateId,
    /// The template's display name.
    pub template_name: String,
    pub photo: Option<AssetHash>,
    /// Shown on the avatar when there is no photo.
    pub initials: String,
    pub updated: Timestamp,
}
