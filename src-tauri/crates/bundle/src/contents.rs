//! What a bundle carries, as model values, and what an inspection reports about it.

use std::collections::{BTreeMap, BTreeSet};

use persona_model::{
    AssetHash, Module, ModuleBody, Persona, PersonaId, Project, ProjectId, Template, TemplateId,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::image::ImageInfo;
use crate::manifest::{FormatVersion, Scope};

/// The schema version of the evidence snapshot written by this build.
pub const EVIDENCE_SCHEMA: u32 = 1;

/// Everything a bundle carries. Writing then reading gives back an equal value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BundleContents {
    /// The project the personas belong to, with its brand; `None` exports personas
    /// without a project (the importer then chooses one).
    pub project: Option<Project>,
    /// The personas, in any order (they are filed by id).
    pub personas: Vec<Persona>,
    /// Every template a persona uses, built-in ones included, so that the receiver
    /// sees the same layout even if its own built-ins differ.
    pub templates: Vec<Template>,
    /// The bytes of every image a persona, module or brand refers to, by hash.
    pub assets: BTreeMap<AssetHash, Vec<u8>>,
    /// Aggregated evidence behind the personas.
    pub evidence: EvidenceSnapshot,
}

impl BundleContents {
    /// Every image the project, personas and templates refer to: exactly the keys
    /// [`crate::write()`] expects in `assets`. Build the contents without assets, ask
    /// this, then fetch those bytes from the library.
    pub fn used_assets(&self) -> BTreeSet<AssetHash> {
        referenced_assets(self).into_keys().cloned().collect()
    }
}

/// The evidence snapshot (`evidence/evidence.json`): aggregates and chosen quotes,
/// never raw respondent rows or contact data.
///
/// Format 1.0 fixes only the envelope: a schema number and a list of items, each an
/// object with a `kind`. Readers keep the items as they are. The app writes one item
/// per piece of evidence on the bundle's personas (see docs/file-format.md); the
/// personas' own evidence is what an import stores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceSnapshot {
    pub schema: u32,
    pub items: Vec<EvidenceItem>,
}

impl Default for EvidenceSnapshot {
    fn default() -> Self {
        EvidenceSnapshot {
            schema: EVIDENCE_SCHEMA,
            items: Vec::new(),
        }
    }
}

/// One evidence item: its kind and the rest of its fields, carried unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceItem {
    /// What the item is (`statistic`, `quote`, …); at most 64 characters.
    pub kind: String,
    #[serde(flatten)]
    pub fields: serde_json::Map<String, serde_json::Value>,
}

/// What [`crate::inspect`] and [`crate::read`] report about a bundle without touching
/// any library: enough to show "3 personas from Acme, 1.2 MB" before importing.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Inspection {
    /// The format version the file was written in (before any migration).
    pub format_version: FormatVersion,
    /// The app version that wrote it, as it says.
    pub app_version: String,
    pub scope: Scope,
    pub project: Option<ProjectEntry>,
    pub personas: Vec<PersonaEntry>,
    pub templates: Vec<TemplateEntry>,
    pub assets: Vec<AssetEntry>,
    /// How many evidence items the snapshot holds.
    pub evidence_items: usize,
    /// The size of the bundle file, in bytes.
    #[ts(type = "number")]
    pub file_bytes: u64,
    /// The sum of the uncompressed entries, in bytes.
    #[ts(type = "number")]
    pub unpacked_bytes: u64,
}

/// The project in a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProjectEntry {
    pub id: ProjectId,
    pub name: String,
}

/// One persona in a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PersonaEntry {
    pub id: PersonaId,
    pub name: String,
    pub template: TemplateId,
    /// Its document's size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// One template in a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TemplateEntry {
    pub id: TemplateId,
    pub name: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// One image in a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AssetEntry {
    pub hash: AssetHash,
    #[serde(flatten)]
    pub image: ImageInfo,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Every asset a persona refers to: its photo and its image modules.
pub(crate) fn persona_assets(p: &Persona) -> impl Iterator<Item = &AssetHash> {
    p.photo.iter().chain(module_assets(&p.modules))
}

/// Every asset a list of modules refers to.
pub(crate) fn module_assets(modules: &[Module]) -> impl Iterator<Item = &AssetHash> {
    modules.iter().filter_map(|m| match &m.body {
        ModuleBody::Image { asset, .. } => asset.as_ref(),
        // Listed one by one so that a new kind holding an image cannot be missed.
        ModuleBody::Header
        | ModuleBody::Facts { .. }
        | ModuleBody::Text { .. }
        | ModuleBody::List { .. }
        | ModuleBody::Sliders { .. }
        | ModuleBody::Tags { .. }
        | ModuleBody::Chart { .. } => None,
    })
}

/// Every asset the contents refer to, each with the entry that first refers to it.
pub(crate) fn referenced_assets(c: &BundleContents) -> BTreeMap<&AssetHash, String> {
    let mut refs = BTreeMap::new();
    if let Some(p) = &c.project {
        if let Some(logo) = &p.brand.logo {
            refs.entry(logo)
                .or_insert_with(|| crate::entry::PROJECT_PATH.to_owned());
        }
    }
    for p in &c.personas {
        for a in persona_assets(p) {
            refs.entry(a)
                .or_insert_with(|| crate::entry::persona_path(p.id));
        }
    }
    for t in &c.templates {
        for a in module_assets(&t.modules) {
            refs.entry(a)
                .or_insert_with(|| crate::entry::template_path(&t.id));
        }
    }
    refs
}
