//! Writing a bundle: validate the contents, lay them out, zip them deterministically.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Write};

use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

use crate::contents::{referenced_assets, BundleContents};
use crate::entry::{self, EVIDENCE_PATH, PROJECT_PATH};
use crate::error::WriteError;
use crate::image::ImageFormat;
use crate::json::pretty;
use crate::limits::Limits;
use crate::manifest::{ContentEntry, Manifest, Scope, FORMAT_NAME, FORMAT_VERSION, MANIFEST_PATH};

/// What the writer is told besides the contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteOptions {
    /// The version of the app writing the bundle (`env!("CARGO_PKG_VERSION")` of the
    /// app), recorded in the manifest for people, never used to decide anything.
    pub app_version: String,
    /// What is being exported.
    pub scope: Scope,
}

/// Writes `contents` as a `.persona` bundle and returns its bytes.
///
/// Promises: the same contents and options give the same bytes (entries sorted,
/// timestamps fixed at 1980-01-01, permissions fixed); the result opens again with
/// [`crate::read`] under the default [`Limits`] and gives back equal contents;
/// nothing is written anywhere but the returned buffer.
pub fn write(contents: &BundleContents, options: &WriteOptions) -> Result<Vec<u8>, WriteError> {
    validate(contents)?;
    let entries = lay_out(contents);
    let manifest = Manifest {
        format: FORMAT_NAME.to_owned(),
        format_version: FORMAT_VERSION,
        app_version: options.app_version.clone(),
        scope: options.scope,
        contents: entries
            .iter()
            .map(|(path, bytes)| ContentEntry {
                path: path.clone(),
                size: bytes.len() as u64,
                sha256: sha256_hex(bytes),
            })
            .collect(),
    };
    let bytes = zip_entries(&pretty(&manifest), &entries).map_err(|e| WriteError::Zip {
        reason: e.to_string(),
    })?;
    // The reader is the one judge of what a bundle may hold; asking it here means the
    // writer can never produce a file that this build (or a receiver) would refuse.
    crate::read::read(&bytes, &Limits::default())
        .map_err(|e| WriteError::WouldBeRefused(Box::new(e)))?;
    Ok(bytes)
}

/// Writes the bundle to `out` (a file, a socket…) after building it in memory, so that
/// a failed export never leaves half a file behind from this function.
pub fn write_to(
    contents: &BundleContents,
    options: &WriteOptions,
    out: &mut impl Write,
) -> Result<(), WriteError> {
    let bytes = write(contents, options)?;
    out.write_all(&bytes)?;
    Ok(())
}

/// The lowercase hex SHA-256 of `bytes`, as assets and manifest entries are named.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Checks what a reader would refuse and the caller can fix, with messages about the
/// caller's values rather than about entry names.
fn validate(c: &BundleContents) -> Result<(), WriteError> {
    if let Some(p) = &c.project {
        p.validate().map_err(|source| WriteError::Invalid {
            what: format!("the project '{}'", p.name),
            source,
        })?;
    }
    let mut templates = BTreeSet::new();
    for t in &c.templates {
        if !entry::is_safe_template_id(t.id.as_str()) {
            return Err(WriteError::UnsafeTemplateId(t.id.clone()));
        }
        t.validate().map_err(|source| WriteError::Invalid {
            what: format!("the template '{}'", t.id),
            source,
        })?;
        if !templates.insert(&t.id) {
            return Err(WriteError::DuplicateTemplate(t.id.clone()));
        }
    }
    let mut personas = BTreeSet::new();
    for p in &c.personas {
        p.validate().map_err(|source| WriteError::Invalid {
            what: format!("the persona '{}'", p.name),
            source,
        })?;
        if !personas.insert(p.id) {
            return Err(WriteError::DuplicatePersona(p.id));
        }
        if !templates.contains(&p.template) {
            return Err(WriteError::MissingTemplate {
                persona: p.name.clone(),
                template: p.template.clone(),
            });
        }
        if c.project
            .as_ref()
            .is_some_and(|project| project.id != p.project)
        {
            return Err(WriteError::ForeignPersona {
                persona: p.name.clone(),
            });
        }
    }
    let used = referenced_assets(c);
    if let Some(missing) = used.keys().find(|h| !c.assets.contains_key(**h)) {
        return Err(WriteError::MissingAsset((*missing).clone()));
    }
    for (hash, bytes) in &c.assets {
        if !used.contains_key(hash) {
            return Err(WriteError::UnusedAsset(hash.clone()));
        }
        if sha256_hex(bytes) != hash.0 {
            return Err(WriteError::AssetHashMismatch(hash.clone()));
        }
    }
    Ok(())
}

/// Every entry but the manifest, by path (so sorted).
fn lay_out(c: &BundleContents) -> BTreeMap<String, Vec<u8>> {
    let mut entries = BTreeMap::new();
    if let Some(p) = &c.project {
        entries.insert(PROJECT_PATH.to_owned(), pretty(p));
    }
    for p in &c.personas {
        entries.insert(entry::persona_path(p.id), pretty(p));
    }
    for t in &c.templates {
        entries.insert(entry::template_path(&t.id), pretty(t));
    }
    for (hash, bytes) in &c.assets {
        // An unknown kind is filed as PNG so that the reader's check names it; the
        // self-check in `write` then refuses it as not PNG, JPEG or WebP.
        let format = ImageFormat::sniff(bytes).unwrap_or(ImageFormat::Png);
        entries.insert(entry::asset_path(hash, format), bytes.clone());
    }
    entries.insert(EVIDENCE_PATH.to_owned(), pretty(&c.evidence));
    entries
}

fn zip_entries(
    manifest: &[u8],
    entries: &BTreeMap<String, Vec<u8>>,
) -> zip::result::ZipResult<Vec<u8>> {
    let base = SimpleFileOptions::default()
        .last_modified_time(DateTime::DEFAULT)
        .system(System::Unix)
        .unix_permissions(0o644);
    let json = base
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6));
    // Images are already compressed; deflating them again costs time and saves nothing.
    let stored = base.compression_method(CompressionMethod::Stored);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file(MANIFEST_PATH, json)?;
    zip.write_all(manifest)?;
    for (path, bytes) in entries {
        let options = if path.ends_with(".json") {
            json
        } else {
            stored
        };
        zip.start_file(path.as_str(), options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
