//! The window: open the library, then hand it to Tauri.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use persona_api::model::SystemClock;
use persona_api::{ApiError, Studio};
use tauri::{Emitter, Manager};

use crate::commands::{self, AppState};
use crate::instance::{self, Request};

/// The event the UI hears when a file should open in the import view.
pub const OPEN_FILE_EVENT: &str = "open-file";

/// Opens the window on the library in `data_dir`, with `open` (a `.persona` file) in
/// the import view. If another process holds that library, hands the request to its
/// window, or says clearly why the library cannot be opened.
pub fn run(data_dir: &Path, open: Option<PathBuf>) -> ExitCode {
    // The running window has another working directory: send it an absolute path.
    let open = open.map(|f| std::path::absolute(&f).unwrap_or(f));
    let studio = match Studio::open(data_dir, Box::new(SystemClock)) {
        Ok(studio) => studio,
        Err(e) if e.code() == "library_locked" => {
            let request = open.clone().map_or(Request::Focus, Request::Open);
            if instance::ask_running(data_dir, &request) {
                eprintln!(
                    "Persona Studio is already open on this library; switched to its window."
                );
                return ExitCode::SUCCESS;
            }
            return refuse(&e);
        }
        Err(e) => return refuse(&e),
    };
    studio.clear_incoming();
    let dir = data_dir.to_owned();
    let result = tauri::Builder::default()
        .manage(AppState::new(studio, open))
        .setup(move |app| {
            let handle = app.handle().clone();
            if let Err(e) = instance::listen(&dir, move |r| on_request(&handle, r)) {
                eprintln!("persona-studio: cannot listen for other launches: {e}");
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::library_overview,
            commands::install_example,
            commands::create_project,
            commands::create_persona,
            commands::get_persona,
            commands::save_persona,
            commands::delete_persona,
            commands::restore_persona,
            commands::list_templates,
            commands::list_presets,
            commands::create_persona_from,
            commands::duplicate_persona,
            commands::move_persona,
            commands::choose_image_file,
            commands::store_picture,
            commands::check_photo,
            commands::set_persona_photo,
            commands::remove_persona_photo,
            commands::get_asset,
            commands::update_project,
            commands::choose_brand_logo,
            commands::set_brand_logo,
            commands::brand_fonts,
            commands::search_personas,
            commands::save_template,
            commands::delete_template,
            commands::take_pending_open,
            commands::choose_bundle_file,
            commands::receive_dropped_file,
            commands::preview_bundle,
            commands::import_bundle,
            commands::export_bundle,
            commands::choose_survey_file,
            commands::preview_survey,
            commands::import_survey,
            commands::cancel_survey,
            commands::list_datasets,
            commands::delete_dataset,
            commands::dataset_profile,
            commands::compare_segments,
            commands::add_evidence,
            commands::remove_evidence,
            commands::evidence_report,
            commands::set_language,
            commands::preview_sheet,
            commands::export_sheet,
            commands::export_deck,
            commands::cancel_export,
        ])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("persona-studio: the window could not start: {e}");
            ExitCode::FAILURE
        }
    }
}

fn on_request(handle: &tauri::AppHandle, request: Request) {
    if let Request::Open(path) = request {
        let _ = handle.emit(OPEN_FILE_EVENT, path.display().to_string());
    }
    focus_main(handle);
}

fn focus_main(handle: &tauri::AppHandle) {
    let handle2 = handle.clone();
    // Window calls belong on the main thread; the listener runs on its own.
    let _ = handle.run_on_main_thread(move || {
        if let Some(w) = handle2.get_webview_window("main") {
            let _ = w.unminimize();
            let _ = w.show();
            let _ = w.set_focus();
        }
    });
}

/// Explains on stderr and in a dialog why the window cannot open.
fn refuse(error: &ApiError) -> ExitCode {
    eprintln!("persona-studio: {error}");
    if std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some() {
        rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title("Persona Studio cannot open the library")
            .set_description(error.to_string())
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
    }
    ExitCode::FAILURE
}
