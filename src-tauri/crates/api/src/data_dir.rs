use std::path::PathBuf;

use crate::ApiError;

/// The environment variable that overrides the data folder (below `--data-dir`).
pub const DATA_DIR_ENV: &str = "PERSONA_STUDIO_DATA";

/// Where the library lives: `--data-dir` if given, else `$PERSONA_STUDIO_DATA`, else the
/// platform's app-data folder (`~/.local/share/persona-studio` on Linux).
pub fn resolve_data_dir(flag: Option<PathBuf>) -> Result<PathBuf, ApiError> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join("persona-studio"))
        .ok_or(ApiError::NoDataDir)
}
