//! The Tauri commands: each is one call into `persona_api`, with errors turned into
//! `{code, message}` for the UI. No logic lives here.

use std::sync::{Mutex, MutexGuard};

use persona_api::model::{Persona, PersonaId, Project, ProjectId, Template};
use persona_api::{
    ErrorBody, ExampleOutcome, LibraryOverview, SearchFilters, SearchResults, SearchSort, Studio,
};
use tauri::State;

/// The open library, shared by the commands. The mutex makes each command's
/// read-modify-write atomic with respect to the others.
pub struct AppState(pub Mutex<Studio>);

type Reply<T> = Result<T, ErrorBody>;

fn studio<'a>(state: &'a State<'_, AppState>) -> Result<MutexGuard<'a, Studio>, ErrorBody> {
    state.0.lock().map_err(|_| ErrorBody {
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
