//! The native open dialog for pictures (photos, logos), and its test stand-in.

use std::path::PathBuf;

use persona_api::ErrorBody;
use tauri::{AppHandle, Manager};

/// Test only: when set, "choose a photo" reads this file instead of opening the native
/// dialog, which WebDriver cannot drive. The end-to-end tests set it; users never do.
pub const TEST_PHOTO_ENV: &str = "PERSONA_STUDIO_TEST_PHOTO";

/// Asks the user for a JPEG, PNG or WebP file and answers its bytes, or `None` when
/// the dialog was cancelled.
pub async fn pick_image(app: &AppHandle, title: &str) -> Result<Option<Vec<u8>>, ErrorBody> {
    if let Some(path) = std::env::var_os(TEST_PHOTO_ENV) {
        return read(PathBuf::from(path)).map(Some);
    }
    let (tx, rx) = tokio_oneshot();
    let title = title.to_owned();
    let window = app.get_webview_window("main");
    // GTK dialogs are created on the main thread; the answer is awaited here.
    app.run_on_main_thread(move || {
        let mut dialog = rfd::AsyncFileDialog::new()
            .set_title(title)
            .add_filter("Images (JPEG, PNG, WebP)", &["jpg", "jpeg", "png", "webp"]);
        if let Some(w) = &window {
            dialog = dialog.set_parent(w);
        }
        let _ = tx.send(dialog.pick_file());
    })
    .map_err(internal)?;
    let pending = rx.recv().map_err(internal)?;
    match pending.await {
        Some(file) => Ok(Some(file.read().await)),
        None => Ok(None),
    }
}

fn tokio_oneshot<T>() -> (std::sync::mpsc::SyncSender<T>, std::sync::mpsc::Receiver<T>) {
    std::sync::mpsc::sync_channel(1)
}

fn read(path: PathBuf) -> Result<Vec<u8>, ErrorBody> {
    std::fs::read(&path).map_err(|source| persona_api::ApiError::Read { path, source }.body())
}

fn internal(e: impl std::fmt::Display) -> ErrorBody {
    ErrorBody {
        code: "internal".into(),
        message: format!("the file dialog could not open: {e}"),
    }
}
