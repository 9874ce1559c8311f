//! The window: open the library, then hand it to Tauri.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Mutex;

use persona_api::model::SystemClock;
use persona_api::{ApiError, Studio};
use tauri::Manager;

use crate::commands::{self, AppState};
use crate::instance;

/// Opens the window on the library in `data_dir`. If another process holds that library,
/// brings its window to the front, or says clearly why the library cannot be opened.
pub fn run(data_dir: &Path) -> ExitCode {
    let studio = match Studio::open(data_dir, Box::new(SystemClock)) {
        Ok(studio) => studio,
        Err(e) if e.code() == "library_locked" && instance::ask_running_to_focus(data_dir) => {
            eprintln!("Persona Studio is already open on this library; switched to its window.");
            return ExitCode::SUCCESS;
        }
        Err(e) => return refuse(&e),
    };
    let dir = data_dir.to_owned();
    let result = tauri::Builder::default()
        .manage(AppState(Mutex::new(studio)))
        .setup(move |app| {
            let handle = app.handle().clone();
            if let Err(e) = instance::listen(&dir, move || focus_main(&handle)) {
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
            commands::list_templates,
            commands::search_personas,
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
