//! Sharing personas as files: `.persona` bundles and single-persona JSON.
//!
//! The `persona-bundle` crate knows the format and decides what an import would do;
//! this module feeds it from the library and stores its plan in one transaction, so a
//! refused or failed import leaves the library exactly as it was.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::path::{Path, PathBuf};

use persona_bundle::{
    plan_import, Bundle, BundleContents, EvidenceItem, EvidenceSnapshot, Existing, ImportPlan,
    ImportSummary, ImportTarget, Inspection, Limits, OnConflict, PersonaAction, PersonaEntry,
    ProjectPlan, Scope, TemplateAction, WriteOptions, FORMAT_VERSION,
};
use persona_model::{Persona, Project, Template};
use persona_store::Batch;
use serde::Serialize;
use ts_rs::TS;

use crate::export::write_file;
use crate::{ApiError, Studio};

/// Which personas go into a bundle.
#[derive(Debug, Clone, Copy)]
pub enum BundleSelection<'a> {
    /// These personas (ids or exact names). When they all belong to one project, its
    /// brand travels with them.
    Personas(&'a [String]),
    /// A whole project (name or id): its brand and every persona.
    Project(&'a str),
}

/// What `bundle export` wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BundleExport {
    pub path: String,
    pub personas: usize,
    pub templates: usize,
    pub images: usize,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// What `bundle inspect` prints and the import dialog shows: the file as it is, and
/// what importing it would do to this library (nothing is written to find out).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BundlePreview {
    pub file: Inspection,
    pub import: ImportSummary,
    /// How many of the file's personas already exist in this library (the choice of
    /// keep both / replace / skip matters only when this is above zero).
    pub conflicts: usize,
}

/// Where an import goes: a project of the library, or the file's own project.
#[derive(Debug, Clone, Copy)]
pub enum ImportInto<'a> {
    Project(&'a str),
    BundleProject,
}

impl Studio {
    /// Writes the selected personas, their templates, images and project brand to a
    /// `.persona` file at `out` (through a temporary file: never half a file).
    pub fn export_bundle(
        &self,
        selection: BundleSelection<'_>,
        out: &Path,
    ) -> Result<BundleExport, ApiError> {
        let (project, personas, scope) = match selection {
            BundleSelection::Project(reference) => {
                let project = self.resolve_project(reference)?;
                let mut personas: Vec<Persona> = self
                    .library()
                    .personas()?
                    .into_iter()
                    .filter(|p| p.project == project.id)
                    .collect();
                personas.sort_by_key(|p| p.id);
                (Some(project), personas, Scope::Project)
            }
            BundleSelection::Personas(references) => {
                let mut personas = Vec::new();
                let mut seen = BTreeSet::new();
                for r in references {
                    let p = self.resolve_persona(r)?;
                    if seen.insert(p.id) {
                        personas.push(p);
                    }
                }
                if personas.is_empty() {
                    return Err(ApiError::NothingToExport);
                }
                let projects: BTreeSet<_> = personas.iter().map(|p| p.project).collect();
                let project = match projects.into_iter().collect::<Vec<_>>().as_slice() {
                    [only] => self.library().project(*only)?,
                    _ => None,
                };
                let scope = if personas.len() == 1 {
                    Scope::Persona
                } else {
                    Scope::Selection
                };
                (project, personas, scope)
            }
        };
        let mut templates: BTreeMap<_, Template> = BTreeMap::new();
        for p in &personas {
            if !templates.contains_key(&p.template) {
                templates.insert(p.template.clone(), self.template(p.template.as_str())?);
            }
        }
        let mut contents = BundleContents {
            project,
            evidence: evidence_snapshot(&personas),
            personas,
            templates: templates.into_values().collect(),
            ..BundleContents::default()
        };
        for hash in contents.used_assets() {
            let bytes = self
                .library()
                .asset(&hash)?
                .ok_or_else(|| ApiError::MissingAsset(hash.0.clone()))?;
            contents.assets.insert(hash, bytes);
        }
        let options = WriteOptions {
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            scope,
        };
        let bytes = persona_bundle::write(&contents, &options)?;
        write_file(out, &bytes)?;
        Ok(BundleExport {
            path: out.display().to_string(),
            personas: contents.personas.len(),
            templates: contents.templates.len(),
            images: contents.assets.len(),
            bytes: bytes.len() as u64,
        })
    }

    /// What importing the bundle (or persona JSON) at `path` would do, writing nothing.
    pub fn preview_bundle(
        &self,
        path: &Path,
        into: ImportInto<'_>,
        on_conflict: OnConflict,
    ) -> Result<BundlePreview, ApiError> {
        let bundle = read_share_file(path)?;
        let existing = self.existing()?;
        let plan = self.plan(&bundle.contents, &existing, into, on_conflict)?;
        let conflicts = bundle
            .contents
            .personas
            .iter()
            .filter(|p| existing.personas.contains(&p.id))
            .count();
        Ok(BundlePreview {
            file: bundle.inspection,
            import: plan.summary(),
            conflicts,
        })
    }

    /// Imports the bundle (or persona JSON) at `path`: everything in one transaction, or
    /// nothing.
    pub fn import_bundle(
        &self,
        path: &Path,
        into: ImportInto<'_>,
        on_conflict: OnConflict,
    ) -> Result<ImportSummary, ApiError> {
        let bundle = read_share_file(path)?;
        let existing = self.existing()?;
        let plan = self.plan(&bundle.contents, &existing, into, on_conflict)?;
        self.apply(plan)
    }

    /// Writes one persona as plain JSON (the documented persona schema) to `out`.
    pub fn export_persona_json(&self, reference: &str, out: &Path) -> Result<PathBuf, ApiError> {
        let persona = self.resolve_persona(reference)?;
        let bytes = persona_bundle::to_json(&persona)?;
        write_file(out, &bytes)?;
        Ok(out.to_owned())
    }

    /// Imports one persona from a plain JSON file into `project`. Its template must be
    /// one the library has; images it refers to that the library lacks are dropped.
    pub fn import_persona_json(
        &self,
        path: &Path,
        project: &str,
        on_conflict: OnConflict,
    ) -> Result<ImportSummary, ApiError> {
        let bundle = read_persona_json(path)?;
        let existing = self.existing()?;
        let plan = self.plan(
            &bundle.contents,
            &existing,
            ImportInto::Project(project),
            on_conflict,
        )?;
        self.apply(plan)
    }

    fn existing(&self) -> Result<Existing, ApiError> {
        let lib = self.library();
        Ok(Existing {
            projects: lib.projects()?.into_iter().map(|p| p.id).collect(),
            personas: lib.personas()?.into_iter().map(|p| p.id).collect(),
            templates: self
                .templates()?
                .into_iter()
                .map(|t| (t.id.clone(), t))
                .collect(),
            assets: lib.asset_hashes()?,
        })
    }

    fn plan(
        &self,
        contents: &BundleContents,
        existing: &Existing,
        into: ImportInto<'_>,
        on_conflict: OnConflict,
    ) -> Result<ImportPlan, ApiError> {
        let target = match into {
            ImportInto::Project(reference) => {
                ImportTarget::Into(self.resolve_project(reference)?.id)
            }
            ImportInto::BundleProject => ImportTarget::BundleProject,
        };
        let mut plan = plan_import(
            contents,
            existing,
            target,
            on_conflict,
            &mut uuid::Uuid::new_v4,
        )?;
        // Project names are unique in a library (the CLI refers to projects by name):
        // a new project whose name is taken gets a numbered one.
        if let ProjectPlan::Create(p) = &mut plan.project {
            p.name = self.free_project_name(&p.name)?;
        }
        Ok(plan)
    }

    fn apply(&self, plan: ImportPlan) -> Result<ImportSummary, ApiError> {
        let summary = plan.summary();
        let projects: Vec<Project> = match plan.project {
            ProjectPlan::Create(p) | ProjectPlan::Replace(p) => vec![p],
            ProjectPlan::UseExisting(_) => Vec::new(),
        };
        let templates: Vec<Template> = plan
            .templates
            .into_iter()
            .filter(|t| t.action != TemplateAction::UseExisting)
            .map(|t| t.template)
            .collect();
        let personas: Vec<Persona> = plan
            .personas
            .into_iter()
            .filter(|p| p.action != PersonaAction::Skip)
            .map(|p| p.persona)
            .collect();
        let assets: Vec<Vec<u8>> = plan.assets.into_values().collect();
        self.library().commit(&Batch {
            projects: &projects,
            personas: &personas,
            templates: &templates,
            assets: &assets,
        })?;
        Ok(summary)
    }

    fn free_project_name(&self, name: &str) -> Result<String, ApiError> {
        let taken: BTreeSet<String> = self
            .library()
            .projects()?
            .into_iter()
            .map(|p| p.name)
            .collect();
        if !taken.contains(name) {
            return Ok(name.to_owned());
        }
        Ok((2..)
            .map(|n| format!("{name} ({n})"))
            .find(|candidate| !taken.contains(candidate))
            .unwrap_or_else(|| name.to_owned()))
    }
}

/// Reads a file to import: a `.persona` bundle, or a single persona's JSON (told apart
/// by their first byte, not their name, since files get renamed).
pub(crate) fn read_share_file(path: &Path) -> Result<Bundle, ApiError> {
    use std::io::Read;
    let is_json = File::open(path)
        .and_then(|mut f| {
            let mut head = Vec::new();
            f.by_ref().take(64).read_to_end(&mut head)?;
            Ok(head.iter().find(|b| !b.is_ascii_whitespace()).copied())
        })
        .map_err(|e| ApiError::BundleRefused {
            path: path.to_owned(),
            source: e.into(),
        })?
        == Some(b'{');
    if is_json {
        read_persona_json(path)
    } else {
        read_bundle(path)
    }
}

/// A single persona's JSON, seen as a bundle of that one persona without a project.
fn read_persona_json(path: &Path) -> Result<Bundle, ApiError> {
    let limits = Limits::default();
    let bytes = read_limited(path, limits.max_json_bytes)?;
    let persona =
        persona_bundle::from_json(&bytes, &limits).map_err(|source| ApiError::BundleRefused {
            path: path.to_owned(),
            source,
        })?;
    let size = bytes.len() as u64;
    let inspection = Inspection {
        format_version: FORMAT_VERSION,
        app_version: String::new(),
        scope: Scope::Persona,
        project: None,
        personas: vec![PersonaEntry {
            id: persona.id,
            name: persona.name.clone(),
            template: persona.template.clone(),
            bytes: size,
        }],
        templates: Vec::new(),
        assets: Vec::new(),
        evidence_items: 0,
        file_bytes: size,
        unpacked_bytes: size,
    };
    Ok(Bundle {
        inspection,
        contents: BundleContents {
            personas: vec![persona],
            ..BundleContents::default()
        },
    })
}

/// The bundle's evidence snapshot: one item per piece of evidence on the personas, with
/// the persona and field it supports and its one-line summary. Evidence holds only
/// figures computed from a survey and chosen quotes with anonymous respondent ids, never
/// rows, so nothing personal can leave through it. Import reads each persona's own
/// `evidence`; the snapshot lets a reader (or `bundle inspect`) see what backs the
/// personas without reading them.
fn evidence_snapshot(personas: &[Persona]) -> EvidenceSnapshot {
    let mut items = Vec::new();
    for p in personas {
        for e in &p.evidence {
            let Ok(serde_json::Value::Object(mut fields)) = serde_json::to_value(&e.source) else {
                continue;
            };
            fields.remove("kind");
            fields.insert("id".into(), e.id.to_string().into());
            fields.insert("persona".into(), p.id.to_string().into());
            fields.insert("persona_name".into(), p.name.clone().into());
            fields.insert("field".into(), e.field.to_string().into());
            fields.insert("summary".into(), e.source.summary().into());
            items.push(EvidenceItem {
                kind: e.source.kind_name().to_owned(),
                fields,
            });
        }
    }
    EvidenceSnapshot {
        items,
        ..EvidenceSnapshot::default()
    }
}

/// The folder, inside the library's, where files dropped on the window wait for the
/// import view. A webview hands over a dropped file's bytes, never its path, and every
/// import reads a path: keeping the bytes here lets a drop take the same road as a
/// double-click.
const INCOMING_DIR: &str = "incoming";

impl Studio {
    /// Keeps the bytes of a file dropped on the window under `incoming/` and answers
    /// its path for [`Studio::preview_bundle`] and [`Studio::import_bundle`]. Only the
    /// final component of `name` is used, so a name cannot point outside the folder.
    /// A file over the bundle size limit is refused before anything is written.
    pub fn receive_file(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, ApiError> {
        let limit = Limits::default().max_file_bytes;
        if bytes.len() as u64 > limit {
            return Err(ApiError::BundleRefused {
                path: PathBuf::from(name),
                source: persona_bundle::ReadError::FileTooLarge {
                    size: bytes.len() as u64,
                    limit,
                },
            });
        }
        let dir = self.library().dir().join(INCOMING_DIR);
        std::fs::create_dir_all(&dir).map_err(|source| ApiError::Write {
            path: dir.clone(),
            source,
        })?;
        let path = dir.join(safe_file_name(name));
        write_file(&path, bytes)?;
        Ok(path)
    }

    /// Removes what earlier sessions left under `incoming/`: those drops were either
    /// imported or abandoned. Best effort; a file that cannot be removed stays.
    pub fn clear_incoming(&self) {
        let dir = self.library().dir().join(INCOMING_DIR);
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for entry in entries.flatten() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// The last component of a dropped file's name, without anything that could make it
/// a path or a hidden file; `dropped.persona` when nothing usable is left.
fn safe_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .trim_start_matches('.')
        .to_owned();
    if cleaned.is_empty() {
        "dropped.persona".to_owned()
    } else {
        cleaned
    }
}

/// Reads and checks a bundle file under the default limits.
fn read_bundle(path: &Path) -> Result<persona_bundle::Bundle, ApiError> {
    let refused = |source| ApiError::BundleRefused {
        path: path.to_owned(),
        source,
    };
    let file = File::open(path).map_err(|e| refused(e.into()))?;
    persona_bundle::read_from(file, &Limits::default()).map_err(refused)
}

/// Reads at most `limit` bytes (and one more, so that the reader can tell it is too big).
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ApiError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| ApiError::BundleRefused {
            path: path.to_owned(),
            source: e.into(),
        })?;
    Ok(bytes)
}

#[cfg(test)]
mod incoming_tests {
    use super::*;
    use persona_model::SystemClock;

    #[test]
    fn a_dropped_name_cannot_leave_the_incoming_folder() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("C:\\Users\\x\\Team.persona"), "Team.persona");
        assert_eq!(safe_file_name(".hidden.persona"), "hidden.persona");
        assert_eq!(safe_file_name("Khách hàng.persona"), "Khách hàng.persona");
        assert_eq!(safe_file_name("/"), "dropped.persona");
        assert_eq!(safe_file_name(".."), "dropped.persona");
    }

    #[test]
    fn received_bytes_land_in_incoming_and_are_cleared_next_time() {
        let dir = tempfile::tempdir().expect("temp dir");
        let studio = Studio::open(dir.path(), Box::new(SystemClock)).expect("open");
        let path = studio
            .receive_file("../Команда.persona", b"PK-not-really")
            .expect("received");
        assert_eq!(path, dir.path().join("incoming").join("Команда.persona"));
        assert_eq!(std::fs::read(&path).expect("read back"), b"PK-not-really");
        studio.clear_incoming();
        assert!(!path.exists());
    }
}
