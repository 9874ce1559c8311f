//! The Tauri commands: each is one call into `persona_api`, with errors turned into
//! `{code, message}` for the UI. No logic lives here.

use std::sync::{Mutex, MutexGuard};

use persona_api::model::{
    AssetHash, Brand, Persona, PersonaId, Preset, Project, ProjectId, Template,
};
use persona_api::photo::CropRect;
use persona_api::{ErrorBody, ExampleOutcome, LibraryOverview, SearchHit, SearchQuery, Studio};
use tauri::ipc::{InvokeBody, Request, Response};
use tauri::{AppHandle, State};

use crate::dialogs;

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
pub async fn list_presets(state: State<'_, AppState>) -> Reply<Vec<Preset>> {
    Ok(studio(&state)?.presets().to_vec())
}

#[tauri::command]
pub async fn create_persona_from(
    state: State<'_, AppState>,
    project: ProjectId,
    name: String,
    template: Option<String>,
    preset: Option<String>,
) -> Reply<Persona> {
    studio(&state)?
        .create_persona_from(
            &project.to_string(),
            &name,
            template.as_deref(),
            preset.as_deref(),
        )
        .map_err(|e| e.body())
}

#[tauri::command]
pub async fn duplicate_persona(state: State<'_, AppState>, id: PersonaId) -> Reply<Persona> {
    studio(&state)?.duplicate_persona(id).map_err(|e| e.body())
}

#[tauri::command]
pub async fn move_persona(
    state: State<'_, AppState>,
    id: PersonaId,
    project: ProjectId,
) -> Reply<Persona> {
    studio(&state)?
        .move_persona(id, &project.to_string())
        .map_err(|e| e.body())
}

/// Opens the native dialog; `None` when the user cancelled.
#[tauri::command]
pub async fn choose_persona_photo(
    app: AppHandle,
    state: State<'_, AppState>,
    id: PersonaId,
) -> Reply<Option<Persona>> {
    let Some(bytes) = dialogs::pick_image(&app, "Choose a photo").await? else {
        return Ok(None);
    };
    studio(&state)?
        .set_persona_photo(id, &bytes, None)
        .map(Some)
        .map_err(|e| e.body())
}

/// Bytes dropped or pasted on the header, sent as the raw body of the request with the
/// persona's id (and optionally a JSON crop rectangle) in the headers.
#[tauri::command]
pub async fn set_persona_photo(state: State<'_, AppState>, request: Request<'_>) -> Reply<Persona> {
    let (bytes, id, crop) = raw_image(&request, "persona-id")?;
    let id: PersonaId = id.parse().map_err(|_| bad_request("persona-id"))?;
    studio(&state)?
        .set_persona_photo(id, bytes, crop)
        .map_err(|e| e.body())
}

#[tauri::command]
pub async fn remove_persona_photo(state: State<'_, AppState>, id: PersonaId) -> Reply<Persona> {
    studio(&state)?
        .remove_persona_photo(id)
        .map_err(|e| e.body())
}

/// A stored image's bytes, sent raw (the UI makes a blob URL of them).
#[tauri::command]
pub async fn get_asset(state: State<'_, AppState>, hash: AssetHash) -> Reply<Response> {
    let (bytes, _mime) = studio(&state)?.asset(&hash).map_err(|e| e.body())?;
    Ok(Response::new(bytes))
}

#[tauri::command]
pub async fn update_project(
    state: State<'_, AppState>,
    id: ProjectId,
    name: String,
    brand: Brand,
) -> Reply<Project> {
    studio(&state)?
        .update_project(id, &name, brand)
        .map_err(|e| e.body())
}

/// Opens the native dialog for a logo; `None` when the user cancelled.
#[tauri::command]
pub async fn choose_brand_logo(
    app: AppHandle,
    state: State<'_, AppState>,
    id: ProjectId,
) -> Reply<Option<Project>> {
    let Some(bytes) = dialogs::pick_image(&app, "Choose a logo").await? else {
        return Ok(None);
    };
    studio(&state)?
        .set_brand_logo(id, &bytes)
        .map(Some)
        .map_err(|e| e.body())
}

/// Logo bytes dropped on the settings dialog, raw, with the project's id in a header.
#[tauri::command]
pub async fn set_brand_logo(state: State<'_, AppState>, request: Request<'_>) -> Reply<Project> {
    let (bytes, id, _) = raw_image(&request, "project-id")?;
    let id: ProjectId = id.parse().map_err(|_| bad_request("project-id"))?;
    studio(&state)?
        .set_brand_logo(id, bytes)
        .map_err(|e| e.body())
}

#[tauri::command]
pub async fn brand_fonts(state: State<'_, AppState>) -> Reply<Vec<String>> {
    Ok(studio(&state)?.brand_fonts())
}

/// The raw body, the id header and the optional `crop` header (JSON) of an image upload.
fn raw_image<'r>(
    request: &'r Request<'_>,
    id_header: &str,
) -> Result<(&'r [u8], String, Option<CropRect>), ErrorBody> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(bad_request("body"));
    };
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let id = header(id_header).ok_or_else(|| bad_request(id_header))?;
    let crop = header("crop")
        .map(|c| serde_json::from_str::<CropRect>(&c).map_err(|_| bad_request("crop")))
        .transpose()?;
    Ok((bytes.as_slice(), id, crop))
}

fn bad_request(what: &str) -> ErrorBody {
    ErrorBody {
        code: "bad_request".into(),
        message: format!("the request's {what} is missing or malformed"),
    }
}

#[tauri::command]
pub async fn search_personas(
    state: State<'_, AppState>,
    query: SearchQuery,
) -> Reply<Vec<SearchHit>> {
    studio(&state)?.search(&query).map_err(|e| e.body())
}
