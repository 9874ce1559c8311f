//! The Tauri commands: each is one call into `persona_api`, with errors turned into
//! `{code, message}` for the UI. No logic lives here.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use persona_api::bundle::{ImportSummary, OnConflict};
use persona_api::model::{Persona, PersonaId, Project, ProjectId, Template};
use persona_api::{
    BundleExport, BundlePreview, BundleSelection, ErrorBody, ExampleOutcome, ImportInto,
    LibraryOverview, SearchFilters, SearchResults, SearchSort, Studio,
};
use tauri::{State, WebviewWindow};

use crate::dialogs;

/// The open library, shared by the commands, and a file the window was asked to open
/// before the UI was ready to hear about it.
pub struct AppState {
    /// The mutex makes each command's read-modify-write atomic with respect to the others.
    studio: Mutex<Studio>,
    pending_open: Mutex<Option<PathBuf>>,
}

impl AppState {
    pub fn new(studio: Studio, open: Option<PathBuf>) -> AppState {
        AppState {
            studio: Mutex::new(studio),
            pending_open: Mutex::new(open),
        }
    }
}

type Reply<T> = Result<T, ErrorBody>;

fn studio<'a>(state: &'a State<'_, AppState>) -> Result<MutexGuard<'a, Studio>, ErrorBody> {
    state.studio.lock().map_err(|_| ErrorBody {
        code: "internal".into(),
        message: "an earlier operation failed midway; restart Persona Studio".into(),
    })
}

#[tauri::command]
pub async fn library_overview(state: State<'_, AppState>) -> Reply<LibraryOverview> {
    studio(&state)?.overview().map_err(|e| e.body())
}

#[tauri::command]
pub async fn install_example(state: State<'_, AppState>) -> Reply<ExampleOutcome> {
    studio(&state)?.install_example(false).map_err(|e| e.body())
}

#[tauri::command]
pub async fn create_project(state: State<'_, AppState>, name: String) -> Reply<Project> {
    studio(&state)?.create_project(&name).map_err(|e| e.body())
}

#[tauri::command]
pub async fn create_persona(
    state: State<'_, AppState>,
    project: ProjectId,
    name: String,
    template: Option<String>,
) -> Reply<Persona> {
    studio(&state)?
        .create_persona(&project.to_string(), &name, template.as_deref())
        .map_err(|e| e.body())
}

#[tauri::command]
pub async fn get_persona(state: State<'_, AppState>, id: PersonaId) -> Reply<Persona> {
    studio(&state)?.persona(id).map_err(|e| e.body())
}

#[tauri::command]
pub async fn save_persona(state: State<'_, AppState>, persona: Persona) -> Reply<Persona> {
    studio(&state)?.save_persona(persona).map_err(|e| e.body())
}

#[tauri::command]
pub async fn delete_persona(state: State<'_, AppState>, id: PersonaId) -> Reply<()> {
    studio(&state)?.delete_persona(id).map_err(|e| e.body())
}

#[tauri::command]
pub async fn list_templates(state: State<'_, AppState>) -> Reply<Vec<Template>> {
    studio(&state)?.templates().map_err(|e| e.body())
}

#[tauri::command]
pub async fn search_personas(
    state: State<'_, AppState>,
    query: String,
    filters: SearchFilters,
    sort: SearchSort,
) -> Reply<SearchResults> {
    studio(&state)?
        .search(&query, &filters, sort)
        .map_err(|e| e.body())
}

#[tauri::command]
pub async fn save_template(
    state: State<'_, AppState>,
    persona: PersonaId,
    name: String,
) -> Reply<Template> {
    studio(&state)?
        .save_template_from_persona(persona, &name)
        .map_err(|e| e.body())
}

#[tauri::command]
pub async fn delete_template(state: State<'_, AppState>, id: String) -> Reply<()> {
    studio(&state)?.delete_template(&id).map_err(|e| e.body())
}

/// The file the app was started with (`open FILE`, a double-click), once.
#[tauri::command]
pub async fn take_pending_open(state: State<'_, AppState>) -> Reply<Option<String>> {
    let mut pending = state.pending_open.lock().map_err(|_| ErrorBody {
        code: "internal".into(),
        message: "the file to open could not be read; open it again".into(),
    })?;
    Ok(pending.take().map(|p| p.display().to_string()))
}

/// The native open dialog for .persona (and persona JSON) files; `None` if cancelled.
#[tauri::command]
pub async fn choose_bundle_file(window: WebviewWindow) -> Reply<Option<String>> {
    Ok(dialogs::open_bundle(&window)
        .await
        .map(|p| p.display().to_string()))
}

#[tauri::command]
pub async fn preview_bundle(
    state: State<'_, AppState>,
    path: String,
    project: Option<ProjectId>,
    on_conflict: OnConflict,
) -> Reply<BundlePreview> {
    let project = project.map(|p| p.to_string());
    studio(&state)?
        .preview_bundle(Path::new(&path), into(project.as_deref()), on_conflict)
        .map_err(|e| e.body())
}

#[tauri::command]
pub async fn import_bundle(
    state: State<'_, AppState>,
    path: String,
    project: Option<ProjectId>,
    on_conflict: OnConflict,
) -> Reply<ImportSummary> {
    let project = project.map(|p| p.to_string());
    studio(&state)?
        .import_bundle(Path::new(&path), into(project.as_deref()), on_conflict)
        .map_err(|e| e.body())
}

/// Asks where to save with the native dialog, then writes the personas (or the whole
/// project) as a .persona file; `None` if the dialog was cancelled.
#[tauri::command]
pub async fn export_bundle(
    window: WebviewWindow,
    state: State<'_, AppState>,
    personas: Vec<PersonaId>,
    project: Option<ProjectId>,
    suggested_name: String,
) -> Reply<Option<BundleExport>> {
    let Some(out) = dialogs::save_bundle(&window, &suggested_name).await else {
        return Ok(None);
    };
    let references: Vec<String> = personas.iter().map(PersonaId::to_string).collect();
    let project = project.map(|p| p.to_string());
    let selection = match &project {
        Some(p) => BundleSelection::Project(p),
        None => BundleSelection::Personas(&references),
    };
    studio(&state)?
        .export_bundle(selection, &out)
        .map(Some)
        .map_err(|e| e.body())
}

fn into(project: Option<&str>) -> ImportInto<'_> {
    project.map_or(ImportInto::BundleProject, ImportInto::Project)
}
