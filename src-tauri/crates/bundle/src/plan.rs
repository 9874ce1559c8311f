//! What importing a bundle into a library would do, decided without touching it.
//!
//! The caller says what the library already holds ([`Existing`]), where the personas
//! go ([`ImportTarget`]) and what to do when an id is taken ([`OnConflict`]); the plan
//! says, persona by persona, what would be created, replaced or skipped, with every
//! value already rewritten (fresh ids, the target project, renamed templates). Storing
//! the plan is the caller's job, in one transaction.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use persona_model::{
    builtin_template, AssetHash, ModuleBody, Persona, PersonaId, Project, ProjectId, Template,
    TemplateId,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::contents::{module_assets, persona_assets, BundleContents, EvidenceSnapshot};

/// What to do with a persona (or project, or template) whose id the library already has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum OnConflict {
    /// Import it as a new item with a fresh id; the existing one stays.
    KeepBoth,
    /// Overwrite the existing item with the imported one.
    Replace,
    /// Leave the existing item and do not import this one.
    Skip,
}

impl FromStr for OnConflict {
    type Err = String;

    /// Parses the CLI's `keep-both`, `replace` or `skip`.
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "keep-both" => Ok(OnConflict::KeepBoth),
            "replace" => Ok(OnConflict::Replace),
            "skip" => Ok(OnConflict::Skip),
            other => Err(format!("'{other}' is not one of keep-both, replace, skip")),
        }
    }
}

impl fmt::Display for OnConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OnConflict::KeepBoth => "keep-both",
            OnConflict::Replace => "replace",
            OnConflict::Skip => "skip",
        })
    }
}

/// What the library already holds, as far as an import can collide with it.
#[derive(Debug, Clone, Default)]
pub struct Existing {
    pub projects: BTreeSet<ProjectId>,
    pub personas: BTreeSet<PersonaId>,
    /// Every template the library offers, built-in ones included, so that an imported
    /// template equal to one already there is reused rather than duplicated.
    pub templates: BTreeMap<TemplateId, Template>,
    pub assets: BTreeSet<AssetHash>,
}

/// Where imported personas go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportTarget {
    /// Into a project the library already has (the CLI's `--project NAME`); the
    /// bundle's own project and brand are ignored.
    Into(ProjectId),
    /// Into the bundle's own project (opening a file in the app): created, or handled
    /// by the conflict policy if its id is taken.
    BundleProject,
}

/// What happens to the project.
#[derive(Debug, Clone, PartialEq)]
pub enum ProjectPlan {
    /// Store this new project (perhaps under a fresh id).
    Create(Project),
    /// Overwrite the project with this id.
    Replace(Project),
    /// Put the personas into this existing project; store nothing.
    UseExisting(ProjectId),
}

impl ProjectPlan {
    /// The id the imported personas will belong to.
    pub fn id(&self) -> ProjectId {
        match self {
            ProjectPlan::Create(p) | ProjectPlan::Replace(p) => p.id,
            ProjectPlan::UseExisting(id) => *id,
        }
    }
}

/// What happens to one persona.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonaAction {
    Create,
    Replace,
    Skip,
}

/// One persona of the bundle and what the import does with it.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonaPlan {
    pub action: PersonaAction,
    /// Its id in the bundle.
    pub original: PersonaId,
    /// The persona as it would be stored: fresh id for keep-both, the target project,
    /// renamed template, references to images that exist nowhere removed.
    pub persona: Persona,
}

/// What happens to one template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TemplateAction {
    Create,
    Replace,
    /// The library's template of this id is used as it is.
    UseExisting,
}

/// One template of the bundle and what the import does with it.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplatePlan {
    pub action: TemplateAction,
    pub original: TemplateId,
    /// The template as it would be stored (perhaps under a new id).
    pub template: Template,
}

/// Everything an import would do. Applying it is the caller's job.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    pub project: ProjectPlan,
    pub templates: Vec<TemplatePlan>,
    pub personas: Vec<PersonaPlan>,
    /// Images to store: those that something imported uses and the library lacks.
    pub assets: BTreeMap<AssetHash, Vec<u8>>,
    /// Image references that were removed because neither the bundle nor the library
    /// has the image (only possible for a persona imported from plain JSON).
    pub dropped_assets: BTreeSet<AssetHash>,
    pub evidence: EvidenceSnapshot,
}

impl ImportPlan {
    /// What the plan does, in the short form `bundle import --json` prints and the
    /// app's import dialog shows.
    pub fn summary(&self) -> ImportSummary {
        let (project_action, project) = match &self.project {
            ProjectPlan::Create(p) => ("create", p.id),
            ProjectPlan::Replace(p) => ("replace", p.id),
            ProjectPlan::UseExisting(id) => ("use_existing", *id),
        };
        let personas = |action: PersonaAction| {
            self.personas
                .iter()
                .filter(|p| p.action == action)
                .map(|p| PlannedPersona {
                    id: p.persona.id,
                    original: p.original,
                    name: p.persona.name.clone(),
                })
                .collect()
        };
        ImportSummary {
            project,
            project_action,
            created: personas(PersonaAction::Create),
            replaced: personas(PersonaAction::Replace),
            skipped: personas(PersonaAction::Skip),
            templates_created: self
                .templates
                .iter()
                .filter(|t| t.action == TemplateAction::Create)
                .map(|t| t.template.id.clone())
                .collect(),
            templates_replaced: self
                .templates
                .iter()
                .filter(|t| t.action == TemplateAction::Replace)
                .map(|t| t.template.id.clone())
                .collect(),
            images_stored: self.assets.len(),
            images_dropped: self.dropped_assets.len(),
        }
    }
}

/// The short form of an [`ImportPlan`].
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportSummary {
    /// The project the personas go into.
    pub project: ProjectId,
    /// `create`, `replace` or `use_existing`.
    pub project_action: &'static str,
    pub created: Vec<PlannedPersona>,
    pub replaced: Vec<PlannedPersona>,
    pub skipped: Vec<PlannedPersona>,
    pub templates_created: Vec<TemplateId>,
    pub templates_replaced: Vec<TemplateId>,
    pub images_stored: usize,
    pub images_dropped: usize,
}

/// One persona in an [`ImportSummary`].
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlannedPersona {
    /// Its id in the library after the import.
    pub id: PersonaId,
    /// Its id in the file.
    pub original: PersonaId,
    pub name: String,
}

/// Why no plan could be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The target project is not in the library.
    #[error("there is no project {0} to import into")]
    UnknownProject(ProjectId),
    /// The bundle has no project to import into.
    #[error("the file holds no project; choose one to import into")]
    NoProjectInBundle,
    /// A persona's template is neither in the bundle nor in the library.
    #[error("the persona '{persona}' uses the template '{template}', which neither the file nor the library has")]
    UnknownTemplate {
        persona: String,
        template: TemplateId,
    },
}

/// Plans the import of `contents` into a library holding `existing`.
///
/// `new_id` supplies fresh ids for keep-both (inject a seeded source in tests; the app
/// passes `Uuid::new_v4`). Pure: reads its arguments, returns a plan, stores nothing.
pub fn plan_import(
    contents: &BundleContents,
    existing: &Existing,
    target: ImportTarget,
    on_conflict: OnConflict,
    new_id: &mut dyn FnMut() -> Uuid,
) -> Result<ImportPlan, PlanError> {
    let project = plan_project(contents, existing, target, on_conflict, new_id)?;
    let (templates, renamed) = plan_templates(contents, existing, on_conflict);
    let mut known_templates: BTreeSet<&TemplateId> = existing.templates.keys().collect();
    known_templates.extend(templates.iter().map(|t| &t.template.id));

    let mut have: BTreeSet<&AssetHash> = existing.assets.iter().collect();
    have.extend(contents.assets.keys());
    let mut dropped = BTreeSet::new();
    let mut personas = Vec::new();
    for original in &contents.personas {
        let mut p = original.clone();
        p.project = project.id();
        if let Some(new) = renamed.get(&p.template) {
            p.template = new.clone();
        }
        if !known_templates.contains(&p.template) {
            return Err(PlanError::UnknownTemplate {
                persona: p.name,
                template: p.template,
            });
        }
        drop_missing_assets(&mut p, &have, &mut dropped);
        let action = if existing.personas.contains(&p.id) {
            match on_conflict {
                OnConflict::KeepBoth => {
                    p.id = PersonaId(new_id());
                    PersonaAction::Create
                }
                OnConflict::Replace => PersonaAction::Replace,
                OnConflict::Skip => PersonaAction::Skip,
            }
        } else {
            PersonaAction::Create
        };
        personas.push(PersonaPlan {
            action,
            original: original.id,
            persona: p,
        });
    }

    let mut used: BTreeSet<&AssetHash> = BTreeSet::new();
    if let ProjectPlan::Create(p) | ProjectPlan::Replace(p) = &project {
        used.extend(p.brand.logo.iter());
    }
    for t in templates
        .iter()
        .filter(|t| t.action != TemplateAction::UseExisting)
    {
        used.extend(module_assets(&t.template.modules));
    }
    for p in personas.iter().filter(|p| p.action != PersonaAction::Skip) {
        used.extend(persona_assets(&p.persona));
    }
    let assets = used
        .into_iter()
        .filter(|h| !existing.assets.contains(*h))
        .filter_map(|h| Some((h.clone(), contents.assets.get(h)?.clone())))
        .collect();
    Ok(ImportPlan {
        project,
        templates,
        personas,
        assets,
        dropped_assets: dropped,
        evidence: contents.evidence.clone(),
    })
}

fn plan_project(
    contents: &BundleContents,
    existing: &Existing,
    target: ImportTarget,
    on_conflict: OnConflict,
    new_id: &mut dyn FnMut() -> Uuid,
) -> Result<ProjectPlan, PlanError> {
    match target {
        ImportTarget::Into(id) if existing.projects.contains(&id) => {
            Ok(ProjectPlan::UseExisting(id))
        }
        ImportTarget::Into(id) => Err(PlanError::UnknownProject(id)),
        ImportTarget::BundleProject => {
            let mut p = contents
                .project
                .clone()
                .ok_or(PlanError::NoProjectInBundle)?;
            if !existing.projects.contains(&p.id) {
                return Ok(ProjectPlan::Create(p));
            }
            Ok(match on_conflict {
                OnConflict::KeepBoth => {
                    p.id = ProjectId(new_id());
                    ProjectPlan::Create(p)
                }
                OnConflict::Replace => ProjectPlan::Replace(p),
                OnConflict::Skip => ProjectPlan::UseExisting(p.id),
            })
        }
    }
}

/// Templates of the bundle: an equal one in the library is reused; a different one
/// follows the policy, except that built-in templates are never replaced (keep-both
/// applies instead). Returns the plans and the ids that were renamed.
fn plan_templates(
    contents: &BundleContents,
    existing: &Existing,
    on_conflict: OnConflict,
) -> (Vec<TemplatePlan>, BTreeMap<TemplateId, TemplateId>) {
    let mut taken: BTreeSet<TemplateId> = existing.templates.keys().cloned().collect();
    taken.extend(contents.templates.iter().map(|t| t.id.clone()));
    let mut plans = Vec::new();
    let mut renamed = BTreeMap::new();
    for t in &contents.templates {
        let plan = |action, template| TemplatePlan {
            action,
            original: t.id.clone(),
            template,
        };
        let Some(have) = existing.templates.get(&t.id) else {
            plans.push(plan(TemplateAction::Create, t.clone()));
            continue;
        };
        if have == t {
            plans.push(plan(TemplateAction::UseExisting, t.clone()));
            continue;
        }
        let builtin = builtin_template(&t.id).is_some();
        match on_conflict {
            OnConflict::Skip => plans.push(plan(TemplateAction::UseExisting, have.clone())),
            OnConflict::Replace if !builtin => plans.push(plan(TemplateAction::Replace, t.clone())),
            OnConflict::Replace | OnConflict::KeepBoth => {
                let id = fresh_template_id(&t.id, &taken);
                taken.insert(id.clone());
                renamed.insert(t.id.clone(), id.clone());
                let mut copy = t.clone();
                copy.id = id;
                plans.push(plan(TemplateAction::Create, copy));
            }
        }
    }
    (plans, renamed)
}

/// `base-2`, `base-3`, … : the first id not taken, kept within the 64-byte slug limit.
fn fresh_template_id(base: &TemplateId, taken: &BTreeSet<TemplateId>) -> TemplateId {
    (2u32..)
        .map(|n| {
            let suffix = format!("-{n}");
            // Ids read from a bundle are ASCII slugs, but callers may pass any
            // contents: cut on a character boundary, never inside one.
            let room = 64usize.saturating_sub(suffix.len());
            let mut used = 0;
            let head: String = base
                .as_str()
                .chars()
                .take_while(|c| {
                    used += c.len_utf8();
                    used <= room
                })
                .collect();
            TemplateId(format!("{head}{suffix}"))
        })
        .find(|id| !taken.contains(id))
        .unwrap_or_else(|| base.clone())
}

fn drop_missing_assets(
    p: &mut Persona,
    have: &BTreeSet<&AssetHash>,
    dropped: &mut BTreeSet<AssetHash>,
) {
    let mut keep = |slot: &mut Option<AssetHash>| {
        if let Some(h) = slot.take() {
            if have.contains(&h) {
                *slot = Some(h);
            } else {
                dropped.insert(h);
            }
        }
    };
    keep(&mut p.photo);
    for m in &mut p.modules {
        match &mut m.body {
            ModuleBody::Image { asset, .. } => keep(asset),
            ModuleBody::Header
            | ModuleBody::Facts { .. }
            | ModuleBody::Text { .. }
            | ModuleBody::List { .. }
            | ModuleBody::Sliders { .. }
            | ModuleBody::Tags { .. }
            | ModuleBody::Chart { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_template_ids_stay_within_64_bytes_and_never_split_a_character() {
        let taken = BTreeSet::new();
        let long = TemplateId("a".repeat(64));
        assert_eq!(
            fresh_template_id(&long, &taken).as_str(),
            format!("{}-2", "a".repeat(62))
        );
        let wide = TemplateId("ж".repeat(40));
        let id = fresh_template_id(&wide, &taken);
        assert!(id.as_str().len() <= 64);
        assert!(id.as_str().ends_with("-2"));
        let mut taken = BTreeSet::new();
        taken.insert(TemplateId("x-2".into()));
        assert_eq!(
            fresh_template_id(&TemplateId("x".into()), &taken).as_str(),
            "x-3"
        );
    }
}
