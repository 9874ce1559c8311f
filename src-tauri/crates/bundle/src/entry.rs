//! Entry names: which names are safe, and what each known name holds.
//!
//! The layout of format 1.0 is closed:
//! `manifest.json`, `project.json`, `personas/<uuid>.json`, `templates/<slug>.json`,
//! `assets/<sha256>.{png,jpg,webp}` and `evidence/evidence.json`. Anything else is
//! refused, so a bundle can never carry a file the app does not understand.

use persona_model::{AssetHash, PersonaId, TemplateId};

use crate::error::PathProblem;
use crate::image::ImageFormat;

/// The path of the project document.
pub const PROJECT_PATH: &str = "project.json";
/// The path of the evidence snapshot.
pub const EVIDENCE_PATH: &str = "evidence/evidence.json";

/// What a known entry name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EntryKind {
    Manifest,
    Project,
    Persona(PersonaId),
    Template(TemplateId),
    Asset(AssetHash, ImageFormat),
    Evidence,
}

/// Checks that a raw zip entry name is a plain relative path that means the same on
/// every system and cannot leave the bundle if someone extracts it.
pub(crate) fn check_name(raw: &[u8]) -> Result<&str, PathProblem> {
    let name = std::str::from_utf8(raw).map_err(|_| PathProblem::NotUtf8)?;
    if name.is_empty() {
        return Err(PathProblem::Empty);
    }
    if name.len() > 255 {
        return Err(PathProblem::TooLong);
    }
    if name.chars().any(char::is_control) {
        return Err(PathProblem::ControlChar);
    }
    if name.contains('\\') {
        return Err(PathProblem::Backslash);
    }
    if name.starts_with('/') {
        return Err(PathProblem::Absolute);
    }
    if name.contains(':') {
        return Err(PathProblem::Colon);
    }
    for part in name.split('/') {
        match part {
            ".." => return Err(PathProblem::ParentDir),
            "" | "." => return Err(PathProblem::EmptyComponent),
            _ => {}
        }
    }
    Ok(name)
}

/// What a safe name holds, or `None` when the format has no such entry.
pub(crate) fn classify(name: &str) -> Option<EntryKind> {
    match name {
        crate::manifest::MANIFEST_PATH => return Some(EntryKind::Manifest),
        PROJECT_PATH => return Some(EntryKind::Project),
        EVIDENCE_PATH => return Some(EntryKind::Evidence),
        _ => {}
    }
    if let Some(stem) = name
        .strip_prefix("personas/")
        .and_then(|r| r.strip_suffix(".json"))
    {
        // Only the canonical lowercase hyphenated form, so one persona has one name.
        let id: uuid::Uuid = stem.parse().ok()?;
        return (id.hyphenated().to_string() == stem).then_some(EntryKind::Persona(PersonaId(id)));
    }
    if let Some(stem) = name
        .strip_prefix("templates/")
        .and_then(|r| r.strip_suffix(".json"))
    {
        return is_safe_template_id(stem).then(|| EntryKind::Template(TemplateId(stem.into())));
    }
    if let Some(file) = name.strip_prefix("assets/") {
        let (stem, ext) = file.split_once('.')?;
        let format = ImageFormat::from_extension(ext)?;
        return is_sha256_hex(stem).then(|| EntryKind::Asset(AssetHash(stem.into()), format));
    }
    None
}

/// The entry name of a persona.
pub(crate) fn persona_path(id: PersonaId) -> String {
    format!("personas/{}.json", id.0.hyphenated())
}

/// The entry name of a template.
pub(crate) fn template_path(id: &TemplateId) -> String {
    format!("templates/{}.json", id.as_str())
}

/// The entry name of an image.
pub(crate) fn asset_path(hash: &AssetHash, format: ImageFormat) -> String {
    format!("assets/{}.{}", hash.0, format.extension())
}

/// Template ids become file names, so they are held to a portable slug.
pub fn is_safe_template_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A lowercase hex SHA-256, as the model names assets.
pub(crate) fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_names_are_named() {
        let cases: &[(&[u8], PathProblem)] = &[
            (b"", PathProblem::Empty),
            (b"/etc/passwd", PathProblem::Absolute),
            (b"../evil", PathProblem::ParentDir),
            (b"personas/../../evil", PathProblem::ParentDir),
            (b"personas\\x.json", PathProblem::Backslash),
            (b"C:/x", PathProblem::Colon),
            (b"a//b", PathProblem::EmptyComponent),
            (b"./manifest.json", PathProblem::EmptyComponent),
            (b"personas/", PathProblem::EmptyComponent),
            (b"a\nb", PathProblem::ControlChar),
            (b"\xff\xfe", PathProblem::NotUtf8),
        ];
        for (raw, problem) in cases {
            assert_eq!(check_name(raw), Err(*problem), "{raw:?}");
        }
        assert_eq!(check_name(b"personas/x.json"), Ok("personas/x.json"));
    }

    #[test]
    fn only_the_layout_is_known() {
        let id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        assert!(matches!(
            classify(&format!("personas/{id}.json")),
            Some(EntryKind::Persona(_))
        ));
        assert_eq!(
            classify(&format!("personas/{}.json", id.to_uppercase())),
            None
        );
        assert_eq!(classify("personas/nope.json"), None);
        assert!(matches!(
            classify("templates/user-persona.json"),
            Some(EntryKind::Template(_))
        ));
        assert_eq!(classify("templates/a.b.json"), None);
        let hash = "a".repeat(64);
        assert!(matches!(
            classify(&format!("assets/{hash}.png")),
            Some(EntryKind::Asset(_, ImageFormat::Png))
        ));
        assert_eq!(classify(&format!("assets/{hash}.gif")), None);
        assert_eq!(classify(&format!("assets/{}.png", "A".repeat(64))), None);
        assert_eq!(classify("evidence/other.json"), None);
        assert_eq!(classify("readme.txt"), None);
    }
}
