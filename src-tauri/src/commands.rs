//! The Tauri commands: each is one call into `persona_api`, with errors turned into
//! `{code, message}` for the UI. No logic lives here.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use persona_api::bundle::{ImportSummary, OnConflict};
use persona_api::model::{
    AssetHash, Brand, DatasetId, Evidence, EvidenceId, EvidencePolicy, EvidenceReport, FieldRef,
    Orientation, PageSize, Persona, PersonaId, Preset, Project, ProjectId, SegmentFilter, Template,
};
use persona_api::photo::{CropRect, ImageSize};
use persona_api::sheet::{DeckProgress, FontBook, Locale};
use persona_api::{
    font_book, BundleExport, BundlePreview, BundleSelection, DatasetProfile, DatasetSummary,
    ErrorBody, EvidenceSpec, ExampleOutcome, ExportFormat, ExportReport, ExportRequest, ImportInto,
    ImportOutcome, LibraryOverview, SearchHit, SearchQuery, SegmentComparison, Studio,
    SurveyImport, SurveyOverrides, SurveyPhase, SurveyPreview, SurveyProgress,
};
use tauri::ipc::{InvokeBody, Request, Response};
use tauri::{AppHandle, Emitter, Manager, State, WebviewWindow};

use crate::dialogs;

/// The open library, shared by the commands, and a file the window was asked to open
/// before the UI was ready to hear about it.
pub struct AppState {
    /// The mutex makes each command's read-modify-write atomic with respect to the others.
    studio: Mutex<Studio>,
    pending_open: Mutex<Option<PathBuf>>,
    /// Parsed on first use (the CJK fallbacks take a moment), then shared by exports.
    fonts: OnceLock<FontBook>,
    /// Set by `cancel_export`; a running deck export stops before its next persona.
    cancel: AtomicBool,
    /// The UI's language: the words exports add (footer, notes, cover) follow it.
    locale: Mutex<Locale>,
    /// The flag of the survey preview or import running now; `cancel_survey` sets it,
    /// and a newer one replaces (and cancels) it.
    survey_job: Mutex<Option<Arc<AtomicBool>>>,
}

impl AppState {
    pub fn new(studio: Studio, open: Option<PathBuf>) -> AppState {
        AppState {
            studio: Mutex::new(studio),
            pending_open: Mutex::new(open),
            fonts: OnceLock::new(),
            cancel: AtomicBool::new(false),
            survey_job: Mutex::new(None),
            locale: Mutex::new(Locale::default()),
        }
    }

    /// A fresh cancel flag for a survey job; the previous job, whose answer nobody
    /// waits for any more, is cancelled.
    fn start_survey_job(&self) -> Arc<AtomicBool> {
        let flag = Arc::new(AtomicBool::new(false));
        if let Ok(mut job) = self.survey_job.lock() {
            if let Some(old) = job.replace(flag.clone()) {
                old.store(true, Ordering::SeqCst);
            }
        }
        flag
    }

    fn locale(&self) -> Locale {
        self.locale.lock().map(|l| *l).unwrap_or_default()
    }

    fn fonts(&self) -> &FontBook {
        self.fonts.get_or_init(|| {
            let (fonts, missing) = font_book();
            for path in missing {
                eprintln!(
                    "persona-studio: fallback font {} is not installed",
                    path.display()
                );
            }
            fonts
        })
    }
}

/// The event a deck export reports its progress with.
pub const DECK_PROGRESS_EVENT: &str = "deck-progress";

/// The export preview's resolution: the sheet at the size the dialog shows it, sharp on
/// high-density screens.
const PREVIEW_DPI: u32 = 110;

type Reply<T> = Result<T, ErrorBody>;

fn studio<'a>(state: &'a State<'_, AppState>) -> Result<MutexGuard<'a, Studio>, ErrorBody> {
    locked(&state.studio)
}

fn locked(studio: &Mutex<Studio>) -> Result<MutexGuard<'_, Studio>, ErrorBody> {
    studio.lock().map_err(|_| ErrorBody {
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
pub async fn restore_persona(state: State<'_, AppState>, persona: Persona) -> Reply<Persona> {
    studio(&state)?
        .restore_persona(persona)
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

/// A `.persona` or persona JSON file dropped on the window: its bytes are the raw body
/// and its name (percent-encoded, as headers are ASCII) the `file-name` header. Answers
/// the path it is kept at, which the import view then previews like any other file.
#[tauri::command]
pub async fn receive_dropped_file(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Reply<String> {
    let bytes = raw_body(&request)?;
    let name = header(&request, "file-name")
        .and_then(|v| {
            percent_encoding::percent_decode_str(&v)
                .decode_utf8()
                .ok()
                .map(|n| n.into_owned())
        })
        .ok_or_else(|| bad_request("file-name"))?;
    studio(&state)?
        .receive_file(&name, bytes)
        .map(|p| p.display().to_string())
        .map_err(|e| e.body())
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
    let Some(out) = dialogs::save_file(&window, &suggested_name, "persona").await else {
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

/// The UI's language (a tag such as "ru" or "zh-CN"), which exports follow from now on.
#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, tag: String) -> Reply<()> {
    let mut locale = state.locale.lock().map_err(|_| ErrorBody {
        code: "internal".into(),
        message: "the language could not be set; choose it again in Settings".into(),
    })?;
    *locale = Locale::from_tag(&tag);
    Ok(())
}

/// One page of a persona's sheet as a PNG, for the export preview (the same layout the
/// PDF and PNG exports draw). Sent as raw bytes, not JSON.
#[tauri::command]
pub async fn preview_sheet(
    state: State<'_, AppState>,
    id: PersonaId,
    page: Option<PageSize>,
    orientation: Option<Orientation>,
    index: usize,
) -> Result<tauri::ipc::Response, ErrorBody> {
    let fonts = state.fonts();
    let png = studio(&state)?
        .render_persona_png(id, page, orientation, state.locale(), PREVIEW_DPI, fonts)
        .map_err(|e| e.body())?;
    let count = png.pages.len();
    let bytes = png.pages.into_iter().nth(index).ok_or_else(|| ErrorBody {
        code: "no_such_page".into(),
        message: format!(
            "the sheet has {count} page(s); there is no page {}",
            index + 1
        ),
    })?;
    Ok(tauri::ipc::Response::new(bytes))
}

/// The export dialog's choices for one sheet.
#[derive(Debug, serde::Deserialize)]
pub struct SheetChoices {
    format: ExportFormat,
    page: Option<PageSize>,
    orientation: Option<Orientation>,
    dpi: Option<u32>,
}

/// Asks where to save (native dialog), then exports the persona's sheet; `None` if the
/// dialog was cancelled.
#[tauri::command]
pub async fn export_sheet(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: PersonaId,
    choices: SheetChoices,
    suggested_name: String,
) -> Reply<Option<ExportReport>> {
    let ext = match choices.format {
        ExportFormat::Pdf => "pdf",
        ExportFormat::Png => "png",
    };
    let Some(out) = dialogs::save_file(&window, &suggested_name, ext).await else {
        return Ok(None);
    };
    let request = ExportRequest {
        format: choices.format,
        dpi: choices.dpi,
        page: choices.page,
        orientation: choices.orientation,
        out,
        locale: state.locale(),
    };
    let fonts = state.fonts();
    studio(&state)?
        .export_persona(&id.to_string(), &request, fonts)
        .map(Some)
        .map_err(|e| e.body())
}

/// Asks where to save, then exports every persona of the project into one PDF deck,
/// reporting progress as `deck-progress` events; `None` if the dialog was cancelled.
#[tauri::command]
pub async fn export_deck(
    window: WebviewWindow,
    state: State<'_, AppState>,
    project: ProjectId,
    page: Option<PageSize>,
    orientation: Option<Orientation>,
    suggested_name: String,
) -> Reply<Option<ExportReport>> {
    let Some(out) = dialogs::save_file(&window, &suggested_name, "pdf").await else {
        return Ok(None);
    };
    let request = ExportRequest {
        format: ExportFormat::Pdf,
        dpi: None,
        page,
        orientation,
        out,
        locale: state.locale(),
    };
    state.cancel.store(false, Ordering::SeqCst);
    let fonts = state.fonts();
    let mut progress = |p: &DeckProgress| {
        let _ = window.emit(DECK_PROGRESS_EVENT, p);
    };
    studio(&state)?
        .export_project_deck(
            &project.to_string(),
            &request,
            fonts,
            &mut progress,
            &state.cancel,
        )
        .map(Some)
        .map_err(|e| e.body())
}

/// Stops a running deck export before its next persona; nothing is written.
#[tauri::command]
pub async fn cancel_export(state: State<'_, AppState>) -> Reply<()> {
    state.cancel.store(true, Ordering::SeqCst);
    Ok(())
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
    lang: Option<String>,
) -> Reply<Persona> {
    studio(&state)?
        .create_persona_from(
            &project.to_string(),
            &name,
            template.as_deref(),
            preset.as_deref(),
            lang.as_deref(),
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

/// Opens the native dialog for a picture (a persona's photo, an image module's
/// picture) and answers the chosen file's bytes, raw: the UI checks and crops or stores
/// them next. An empty body when the user cancelled.
#[tauri::command]
pub async fn choose_image_file(window: WebviewWindow) -> Reply<Response> {
    let bytes = dialogs::pick_image(&window, "Choose a picture").await?;
    Ok(Response::new(bytes.unwrap_or_default()))
}

/// Stores a picture for an image module (raw body) and answers its hash.
#[tauri::command]
pub async fn store_picture(state: State<'_, AppState>, request: Request<'_>) -> Reply<AssetHash> {
    let bytes = raw_body(&request)?;
    studio(&state)?.store_picture(bytes).map_err(|e| e.body())
}

/// Checks a photo (raw body) and answers its size, storing nothing.
#[tauri::command]
pub async fn check_photo(state: State<'_, AppState>, request: Request<'_>) -> Reply<ImageSize> {
    let bytes = raw_body(&request)?;
    studio(&state)?.check_photo(bytes).map_err(|e| e.body())
}

/// Asks for a survey export (CSV, TSV, a spreadsheet) with the native dialog; `None`
/// if cancelled. The import dialog then previews and imports that path.
#[tauri::command]
pub async fn choose_survey_file(window: WebviewWindow) -> Reply<Option<String>> {
    Ok(dialogs::open_survey(&window)
        .await
        .map(|p| p.display().to_string()))
}

/// The event survey previews and imports report their progress with.
pub const SURVEY_PROGRESS_EVENT: &str = "survey-progress";

/// Sends survey progress to the window, at most every 50 ms (and at every change of
/// phase): the importer reports far more often than a progress bar can show.
struct ProgressEvents {
    app: AppHandle,
    last: Option<(SurveyPhase, Instant)>,
}

impl ProgressEvents {
    fn send(&mut self, progress: SurveyProgress) {
        let due = match self.last {
            Some((phase, at)) => {
                phase != progress.phase || at.elapsed() >= Duration::from_millis(50)
            }
            None => true,
        };
        if due {
            self.last = Some((progress.phase, Instant::now()));
            let _ = self.app.emit(SURVEY_PROGRESS_EVENT, progress);
        }
    }
}

/// Runs survey work off the async runtime (a big file takes seconds) with a fresh
/// cancel flag and progress sent as `survey-progress` events.
async fn survey_job<T: Send + 'static>(
    app: &AppHandle,
    work: impl FnOnce(&AppState, &AtomicBool, &mut dyn FnMut(SurveyProgress)) -> Reply<T>
        + Send
        + 'static,
) -> Reply<T> {
    let handle = app.clone();
    let flag = app.state::<AppState>().start_survey_job();
    tauri::async_runtime::spawn_blocking(move || {
        let mut events = ProgressEvents {
            app: handle.clone(),
            last: None,
        };
        let state = handle.state::<AppState>();
        work(&state, &flag, &mut |p| events.send(p))
    })
    .await
    .map_err(|e| ErrorBody {
        code: "internal".into(),
        message: format!("the survey work stopped unexpectedly: {e}"),
    })?
}

/// What importing the survey at `path` with `options` would store; writes nothing.
#[tauri::command]
pub async fn preview_survey(
    app: AppHandle,
    path: String,
    options: SurveyOverrides,
) -> Reply<SurveyPreview> {
    survey_job(&app, move |_, cancel, progress| {
        persona_api::preview_survey(Path::new(&path), &options, cancel, progress)
            .map_err(|e| e.body())
    })
    .await
}

/// Imports the survey at `path` with `options` (as previewed) into `project`,
/// replacing `replaces` or a dataset it is a newer export of. The file is read without
/// holding the library; a cancel before storing stores nothing.
#[tauri::command]
pub async fn import_survey(
    app: AppHandle,
    project: ProjectId,
    path: String,
    options: SurveyOverrides,
    replaces: Option<DatasetId>,
) -> Reply<ImportOutcome> {
    survey_job(&app, move |state, cancel, progress| {
        let request = SurveyImport {
            file: PathBuf::from(path),
            project: project.to_string(),
            name: None,
            options: options.options().map_err(|e| e.body())?,
            replaces: replaces.map(|d| d.to_string()),
            as_new: false,
        };
        let dataset = persona_api::read_import(&request, cancel, progress).map_err(|e| e.body())?;
        let studio = locked(&state.studio)?;
        if cancel.load(Ordering::SeqCst) {
            return Err(persona_api::ApiError::Cancelled.body());
        }
        // Storing is one transaction: it cannot be cancelled half-way.
        progress(SurveyProgress::storing(dataset.respondents() as u64));
        studio.store_survey(&request, dataset).map_err(|e| e.body())
    })
    .await
}

/// Stops the running survey preview or import at its next phase; nothing is stored.
#[tauri::command]
pub async fn cancel_survey(state: State<'_, AppState>) -> Reply<()> {
    if let Ok(job) = state.survey_job.lock() {
        if let Some(flag) = job.as_ref() {
            flag.store(true, Ordering::SeqCst);
        }
    }
    Ok(())
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
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: ProjectId,
) -> Reply<Option<Project>> {
    let Some(bytes) = dialogs::pick_image(&window, "Choose a logo").await? else {
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
pub async fn list_datasets(state: State<'_, AppState>) -> Reply<Vec<DatasetSummary>> {
    studio(&state)?.dataset_summaries().map_err(|e| e.body())
}

/// Deletes a dataset and its answers; the evidence taken from it keeps its figures.
#[tauri::command]
pub async fn delete_dataset(state: State<'_, AppState>, id: DatasetId) -> Reply<DatasetSummary> {
    studio(&state)?
        .delete_dataset(&id.to_string())
        .map_err(|e| e.body())
}

#[tauri::command]
pub async fn dataset_profile(
    state: State<'_, AppState>,
    dataset: DatasetId,
    segment: Option<SegmentFilter>,
) -> Reply<DatasetProfile> {
    studio(&state)?
        .dataset_profile(&dataset.to_string(), segment.as_ref())
        .map_err(|e| e.body())
}

#[tauri::command]
pub async fn compare_segments(
    state: State<'_, AppState>,
    dataset: DatasetId,
    a: SegmentFilter,
    b: SegmentFilter,
) -> Reply<SegmentComparison> {
    studio(&state)?
        .compare_segments(&dataset.to_string(), &a, &b)
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
    let bytes = raw_body(request)?;
    let id = header(request, id_header).ok_or_else(|| bad_request(id_header))?;
    let crop = header(request, "crop")
        .map(|c| serde_json::from_str::<CropRect>(&c).map_err(|_| bad_request("crop")))
        .transpose()?;
    Ok((bytes, id, crop))
}

/// The bytes of a request sent raw (not JSON).
fn raw_body<'r>(request: &'r Request<'_>) -> Result<&'r [u8], ErrorBody> {
    match request.body() {
        InvokeBody::Raw(bytes) => Ok(bytes.as_slice()),
        _ => Err(bad_request("body")),
    }
}

/// A request header as text, if present and readable.
fn header(request: &Request<'_>, name: &str) -> Option<String> {
    request
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
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

#[tauri::command]
pub async fn add_evidence(
    state: State<'_, AppState>,
    persona: PersonaId,
    field: FieldRef,
    spec: EvidenceSpec,
) -> Reply<Evidence> {
    studio(&state)?
        .add_evidence(&persona.to_string(), &field, &spec)
        .map_err(|e| e.body())
}

#[tauri::command]
pub async fn remove_evidence(
    state: State<'_, AppState>,
    persona: PersonaId,
    evidence: EvidenceId,
) -> Reply<()> {
    studio(&state)?
        .remove_evidence(&persona.to_string(), evidence)
        .map_err(|e| e.body())
}

/// A persona's fields with their evidence, flags and coverage; `max_age_days` decides
/// staleness (365 when `None`).
#[tauri::command]
pub async fn evidence_report(
    state: State<'_, AppState>,
    persona: PersonaId,
    max_age_days: Option<u32>,
) -> Reply<EvidenceReport> {
    let mut policy = EvidencePolicy::default();
    if let Some(days) = max_age_days {
        policy.max_age_days = days;
    }
    studio(&state)?
        .evidence_report(&persona.to_string(), &policy)
        .map_err(|e| e.body())
}
