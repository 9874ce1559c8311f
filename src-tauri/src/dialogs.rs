//! Native file dialogs (rfd, GTK on Linux). rfd's async dialogs run on the GTK main
//! thread themselves, so commands can await them without blocking the window.

use std::path::PathBuf;

use persona_api::ErrorBody;
use tauri::WebviewWindow;

/// Test only: when set, "choose a photo" (and "choose a logo") read this file instead of
/// opening the native dialog, which WebDriver cannot drive. The end-to-end tests set it;
/// users never do.
pub const TEST_PHOTO_ENV: &str = "PERSONA_STUDIO_TEST_PHOTO";

/// Asks for a JPEG, PNG or WebP picture and answers its bytes, or `None` when the
/// dialog was cancelled.
pub async fn pick_image(window: &WebviewWindow, title: &str) -> Result<Option<Vec<u8>>, ErrorBody> {
    if let Some(path) = std::env::var_os(TEST_PHOTO_ENV) {
        let path = PathBuf::from(path);
        return std::fs::read(&path)
            .map(Some)
            .map_err(|source| persona_api::ApiError::Read { path, source }.body());
    }
    match rfd::AsyncFileDialog::new()
        .set_parent(window)
        .set_title(title)
        .add_filter("Images (JPEG, PNG, WebP)", &["jpg", "jpeg", "png", "webp"])
        .pick_file()
        .await
    {
        Some(file) => Ok(Some(file.read().await)),
        None => Ok(None),
    }
}

/// Asks for a `.persona` file (or a persona's JSON) to open.
pub async fn open_bundle(window: &WebviewWindow) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_parent(window)
        .set_title("Open a Persona Studio file")
        .add_filter("Persona Studio file", &["persona"])
        .add_filter("Persona as JSON", &["json"])
        .pick_file()
        .await
        .map(|f| f.path().to_owned())
}

/// Asks where to save a file of type `ext` (`persona`, `pdf`, `png`), suggesting
/// `name.ext`; a name typed without the extension gets it.
pub async fn save_file(window: &WebviewWindow, name: &str, ext: &str) -> Option<PathBuf> {
    let file = format!("{}.{ext}", safe_file_name(name));
    let kind = match ext {
        "persona" => "Persona Studio file",
        "pdf" => "PDF document",
        "png" => "PNG image",
        _ => "File",
    };
    rfd::AsyncFileDialog::new()
        .set_parent(window)
        .set_file_name(&file)
        .add_filter(kind, &[ext])
        .save_file()
        .await
        .map(|f| {
            let path = f.path().to_owned();
            if path.extension().is_some() {
                path
            } else {
                path.with_extension(ext)
            }
        })
}

/// A persona or project name made fit to suggest as a file name on every system: path
/// separators and characters Windows refuses become spaces; letters of any script stay.
fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        "personas".to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::safe_file_name;

    #[test]
    fn suggested_names_keep_every_script_and_lose_separators() {
        assert_eq!(safe_file_name("Tiết kiệm Thảo"), "Tiết kiệm Thảo");
        assert_eq!(safe_file_name("精打细算的芳"), "精打细算的芳");
        assert_eq!(safe_file_name("a/b\\c:d"), "a b c d");
        assert_eq!(safe_file_name("../.."), "personas");
        assert_eq!(safe_file_name(""), "personas");
    }
}
