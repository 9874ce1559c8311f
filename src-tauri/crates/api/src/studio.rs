use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use persona_model::{
    Clock, Persona, PersonaId, PersonaSummary, Project, ProjectId, ProjectSummary, TemplateId,
};
use persona_store::Library;

use crate::search::SearchIndex;
use crate::stored_answers::AnswersCache;
use crate::views::{LibraryOverview, PersonaCard, ProjectCard};
use crate::ApiError;

/// An open library and the clock that stamps its changes.
pub struct Studio {
    lib: Library,
    clock: Box<dyn Clock>,
    /// The search index, built on first use and rebuilt after the library changes.
    index: Mutex<Option<Arc<SearchIndex>>>,
    /// The survey answers read last, kept decoded for the explorer.
    pub(crate) answers: AnswersCache,
}

impl std::fmt::Debug for Studio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Studio").field("lib", &self.lib).finish()
    }
}

impl Studio {
    /// Opens the library in `dir`; fails with `library_locked` if another process has it.
    pub fn open(dir: &Path, clock: Box<dyn Clock>) -> Result<Studio, ApiError> {
        Ok(Studio {
            lib: Library::open(dir)?,
            clock,
            index: Mutex::new(None),
            answers: AnswersCache::default(),
        })
    }

    /// The library underneath, for operations of other crates (export, import).
    pub fn library(&self) -> &Library {
        &self.lib
    }

    /// The current time by this studio's clock.
    pub fn now(&self) -> persona_model::Timestamp {
        self.clock.now()
    }

    /// True when the library holds nothing yet (the UI then offers the example).
    pub fn is_empty(&self) -> bool {
        self.lib.is_empty()
    }

    pub(crate) fn index_slot(&self) -> &Mutex<Option<Arc<SearchIndex>>> {
        &self.index
    }

    /// Template names by id, for persona cards.
    pub(crate) fn template_names(&self) -> Result<BTreeMap<TemplateId, String>, ApiError> {
        Ok(self
            .templates()?
            .into_iter()
            .map(|t| (t.id, t.name))
            .collect())
    }

    /// Every project with its personas, for the library screen. The cards come from
    /// the search index, so opening the library reads every persona once.
    pub fn overview(&self) -> Result<LibraryOverview, ApiError> {
        let index = self.index()?;
        let mut by_project: BTreeMap<ProjectId, Vec<PersonaCard>> = BTreeMap::new();
        for e in &index.entries {
            by_project
                .entry(e.project)
                .or_default()
                .push(e.card.clone());
        }
        let projects: Vec<ProjectCard> = self
            .sorted_projects()?
            .into_iter()
            .map(|p| {
                let mut personas = by_project.remove(&p.id).unwrap_or_default();
                personas.sort_by_key(|c| sort_key(&c.name));
                ProjectCard {
                    id: p.id,
                    name: p.name,
                    brand: p.brand,
                    personas,
                }
            })
            .collect();
        Ok(LibraryOverview {
            data_dir: self.lib.dir().display().to_string(),
            projects,
        })
    }

    /// `project list`: every project with its number of personas, by name.
    pub fn project_summaries(&self) -> Result<Vec<ProjectSummary>, ApiError> {
        let personas = self.lib.personas()?;
        Ok(self
            .sorted_projects()?
            .into_iter()
            .map(|p| ProjectSummary {
                personas: personas.iter().filter(|q| q.project == p.id).count(),
                id: p.id,
                name: p.name,
            })
            .collect())
    }

    /// `persona list`: personas by project name then persona name, optionally of one project.
    pub fn persona_summaries(
        &self,
        project: Option<&str>,
    ) -> Result<Vec<PersonaSummary>, ApiError> {
        let only = project.map(|r| self.resolve_project(r)).transpose()?;
        let names: BTreeMap<ProjectId, String> = self
            .lib
            .projects()?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        let mut rows: Vec<PersonaSummary> = self
            .lib
            .personas()?
            .into_iter()
            .filter(|p| only.as_ref().is_none_or(|o| o.id == p.project))
            .map(|p| PersonaSummary {
                project: names.get(&p.project).cloned().unwrap_or_default(),
                id: p.id,
                name: p.name,
                template: p.template,
                updated: p.updated,
            })
            .collect();
        rows.sort_by(|a, b| {
            (sort_key(&a.project), sort_key(&a.name))
                .cmp(&(sort_key(&b.project), sort_key(&b.name)))
        });
        Ok(rows)
    }

    /// Finds a persona by id or by exact name.
    pub fn resolve_persona(&self, reference: &str) -> Result<Persona, ApiError> {
        if let Ok(id) = reference.trim().parse::<PersonaId>() {
            if let Some(p) = self.lib.persona(id)? {
                return Ok(p);
            }
        }
        let mut matches: Vec<Persona> = self
            .lib
            .personas()?
            .into_iter()
            .filter(|p| p.name == reference)
            .collect();
        match matches.len() {
            0 => Err(ApiError::UnknownPersona(reference.to_owned())),
            1 => Ok(matches.remove(0)),
            count => Err(ApiError::AmbiguousPersona {
                name: reference.to_owned(),
                count,
                ids: matches
                    .iter()
                    .map(|p| p.id.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// The persona with this id.
    pub fn persona(&self, id: PersonaId) -> Result<Persona, ApiError> {
        self.lib
            .persona(id)?
            .ok_or_else(|| ApiError::UnknownPersona(id.to_string()))
    }

    /// Finds a project by id or by exact name (project names are unique).
    pub fn resolve_project(&self, reference: &str) -> Result<Project, ApiError> {
        let projects = self.lib.projects()?;
        let by_id = reference.trim().parse::<ProjectId>().ok();
        projects
            .into_iter()
            .find(|p| Some(p.id) == by_id || p.name == reference)
            .ok_or_else(|| ApiError::UnknownProject(reference.to_owned()))
    }

    /// `project new`: a new, empty project. Names are unique so they can be used as
    /// references on the command line.
    pub fn create_project(&self, name: &str) -> Result<Project, ApiError> {
        let project = Project::new(name, self.clock.now())?;
        if self.lib.projects()?.iter().any(|p| p.name == project.name) {
            return Err(ApiError::DuplicateProject(project.name));
        }
        self.lib.put_project(&project)?;
        Ok(project)
    }

    /// `persona new`: a persona laid out by a template (the default one if `None`).
    pub fn create_persona(
        &self,
        project: &str,
        name: &str,
        template: Option<&str>,
    ) -> Result<Persona, ApiError> {
        self.create_persona_from(project, name, template, None, None)
    }

    /// Stores an edited persona and answers it as stored (with its new `updated` time).
    /// Only returns once the change is on disk. The stored evidence is kept: evidence is
    /// written only by `add_evidence`, `remove_evidence` and re-imports, so an editor's
    /// copy of the persona, older than an evidence change, never drops or revives any.
    pub fn save_persona(&self, persona: Persona) -> Result<Persona, ApiError> {
        self.write_persona(persona, false)
    }

    /// Stores a persona with the evidence it carries (for the evidence operations).
    pub(crate) fn save_persona_with_evidence(&self, persona: Persona) -> Result<Persona, ApiError> {
        self.write_persona(persona, true)
    }

    fn write_persona(&self, mut persona: Persona, own_evidence: bool) -> Result<Persona, ApiError> {
        let stored = self.persona(persona.id)?;
        if self.lib.project(persona.project)?.is_none() {
            return Err(ApiError::UnknownProject(persona.project.to_string()));
        }
        persona.schema = persona_model::PERSONA_SCHEMA;
        persona.created = stored.created;
        if !own_evidence {
            persona.evidence = stored.evidence;
        }
        persona.updated = self.clock.now();
        self.lib.put_persona(&persona)?;
        Ok(persona)
    }

    /// Puts a deleted persona back exactly as it was (same id, times, photo and
    /// evidence): the undo of `delete_persona`. Refused if a persona with its id is in
    /// the library or its project is gone; only returns once it is on disk.
    pub fn restore_persona(&self, persona: Persona) -> Result<Persona, ApiError> {
        if self.lib.persona(persona.id)?.is_some() {
            return Err(ApiError::PersonaExists(persona.id.to_string()));
        }
        if self.lib.project(persona.project)?.is_none() {
            return Err(ApiError::UnknownProject(persona.project.to_string()));
        }
        // The store validates it before writing, like any persona.
        self.lib.put_persona(&persona)?;
        Ok(persona)
    }

    /// Deletes a persona.
    pub fn delete_persona(&self, id: PersonaId) -> Result<(), ApiError> {
        if self.lib.delete_persona(id)? {
            Ok(())
        } else {
            Err(ApiError::UnknownPersona(id.to_string()))
        }
    }

    fn sorted_projects(&self) -> Result<Vec<Project>, ApiError> {
        let mut projects = self.lib.projects()?;
        projects.sort_by_key(|p| sort_key(&p.name));
        Ok(projects)
    }
}

/// Case-insensitive order that keeps names equal but for case in a stable order.
fn sort_key(name: &str) -> (String, String) {
    (name.to_lowercase(), name.to_owned())
}
