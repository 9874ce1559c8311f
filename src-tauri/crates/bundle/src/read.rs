//! Reading a bundle as hostile input, entirely in memory.
//!
//! The read runs in phases so that each refusal is the most useful one:
//! 1. the zip structure and every entry's name, kind and size (nothing is trusted:
//!    entries are read through a cap computed from the limits, never from the sizes
//!    the archive declares);
//! 2. the manifest: is it ours, and is it a version this build reads (so that a newer
//!    bundle says so rather than failing on an entry it does not know);
//! 3. the layout and the manifest's listing (sizes and SHA-256 of every entry);
//! 4. each document typed through the model's schema migrations, each image checked
//!    from its header;
//! 5. the references between them (templates, project, images).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

use persona_model::{migrate, Persona, Project, Template};
use serde_json::Value;

use crate::contents::{
    referenced_assets, AssetEntry, BundleContents, EvidenceSnapshot, Inspection, PersonaEntry,
    ProjectEntry, TemplateEntry, EVIDENCE_SCHEMA,
};
use crate::entry::{check_name, classify, EntryKind, EVIDENCE_PATH};
use crate::error::ReadError;
use crate::image::check_image;
use crate::json::{check_document, parse_value};
use crate::limits::Limits;
use crate::manifest::{
    migrate as migrate_format, FormatVersion, Manifest, RawBundle, FORMAT_NAME, FORMAT_VERSION,
    MANIFEST_PATH,
};
use crate::write::sha256_hex;
use crate::zipscan;

/// A bundle that passed every check: what it holds and what to show about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub inspection: Inspection,
    /// Personas and templates come sorted by id.
    pub contents: BundleContents,
}

/// Reads and checks a whole bundle held in memory.
///
/// Promises: every limit in `limits` holds for anything accepted; every entry is
/// listed in the manifest with a matching size and SHA-256; every reference between
/// documents resolves; nothing is written anywhere; no input makes it panic.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Bundle, ReadError> {
    let size = bytes.len() as u64;
    if size > limits.max_file_bytes {
        return Err(ReadError::FileTooLarge {
            size,
            limit: limits.max_file_bytes,
        });
    }
    let entries = read_entries(bytes, limits)?;
    let (raw, found_version) = read_manifest(entries, limits)?;
    let (manifest, entries) = check_listing(raw)?;
    let typed = type_entries(&entries, limits)?;
    check_references(&typed)?;
    let unpacked_bytes =
        manifest.contents.iter().map(|c| c.size).sum::<u64>() + entries.manifest_bytes;
    let inspection = Inspection {
        format_version: found_version,
        app_version: manifest.app_version,
        scope: manifest.scope,
        project: typed.contents.project.as_ref().map(|p| ProjectEntry {
            id: p.id,
            name: p.name.clone(),
        }),
        personas: typed.personas,
        templates: typed.templates,
        assets: typed.assets,
        evidence_items: typed.contents.evidence.items.len(),
        file_bytes: size,
        unpacked_bytes,
    };
    Ok(Bundle {
        inspection,
        contents: typed.contents,
    })
}

/// Reads a bundle from any reader (a file, stdin), taking at most
/// `limits.max_file_bytes` from it, then checks it as [`read`] does.
pub fn read_from(source: impl Read, limits: &Limits) -> Result<Bundle, ReadError> {
    let mut bytes = Vec::new();
    source
        .take(limits.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    read(&bytes, limits)
}

/// What a bundle holds, checked exactly as [`read`] checks it, for showing before an
/// import (`bundle inspect`, the app's open dialog).
pub fn inspect(bytes: &[u8], limits: &Limits) -> Result<Inspection, ReadError> {
    read(bytes, limits).map(|b| b.inspection)
}

/// Phase 1: every entry's bytes, by name, read under the limits.
fn read_entries(bytes: &[u8], limits: &Limits) -> Result<BTreeMap<String, Vec<u8>>, ReadError> {
    if let Some(count) = zipscan::declared_entries(bytes) {
        if count > limits.max_entries as u64 {
            return Err(ReadError::TooManyEntries {
                count: usize::try_from(count).unwrap_or(usize::MAX),
                limit: limits.max_entries,
            });
        }
    }
    let not_zip = |e: zip::result::ZipError| ReadError::NotAZip {
        reason: e.to_string(),
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(not_zip)?;
    if archive.len() > limits.max_entries {
        return Err(ReadError::TooManyEntries {
            count: archive.len(),
            limit: limits.max_entries,
        });
    }
    if archive.has_duplicate_names() {
        let entry = zipscan::repeated_name(
            bytes,
            archive.central_directory_start(),
            limits.max_entries.saturating_add(1),
        )
        .unwrap_or_default();
        return Err(ReadError::DuplicateEntry { entry });
    }
    let mut entries = BTreeMap::new();
    let mut total = 0u64;
    for index in 0..archive.len() {
        let meta = archive.by_index_data(index).map_err(not_zip)?;
        let name = check_name(meta.name_raw())
            .map_err(|problem| ReadError::UnsafePath {
                entry: String::from_utf8_lossy(meta.name_raw()).into_owned(),
                problem,
            })?
            .to_owned();
        if meta.is_symlink() {
            return Err(ReadError::Symlink { entry: name });
        }
        if meta.is_dir() {
            return Err(ReadError::UnknownEntry { entry: name });
        }
        if meta.encrypted() {
            return Err(ReadError::Encrypted { entry: name });
        }
        match meta.compression() {
            zip::CompressionMethod::Stored | zip::CompressionMethod::Deflated => {}
            other => {
                return Err(ReadError::UnsupportedCompression {
                    entry: name,
                    method: format!("{other:?}"),
                })
            }
        }
        let compressed = meta.compressed_size();
        drop(meta);
        let data = read_capped(&mut archive, index, &name, compressed, total, limits)?;
        total += data.len() as u64;
        entries.insert(name, data);
    }
    Ok(entries)
}

/// Reads one entry through a cap: the smallest of the per-entry limit, what is left of
/// the total, and what the compression ratio allows for its compressed size.
fn read_capped(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    index: usize,
    name: &str,
    compressed: u64,
    total_so_far: u64,
    limits: &Limits,
) -> Result<Vec<u8>, ReadError> {
    let corrupt = |reason: String| ReadError::CorruptEntry {
        entry: name.to_owned(),
        reason,
    };
    let by_entry = limits.max_entry_bytes;
    let by_total = limits.max_total_bytes.saturating_sub(total_so_far);
    let by_ratio = compressed
        .saturating_mul(limits.max_compression_ratio)
        .max(limits.ratio_floor_bytes);
    let cap = by_entry.min(by_total).min(by_ratio);
    let file = archive
        .by_index(index)
        .map_err(|e| corrupt(e.to_string()))?;
    let mut data = Vec::new();
    file.take(cap.saturating_add(1))
        .read_to_end(&mut data)
        .map_err(|e| corrupt(e.to_string()))?;
    if data.len() as u64 <= cap {
        return Ok(data);
    }
    let entry = name.to_owned();
    Err(if cap == by_entry {
        ReadError::EntryTooLarge {
            entry,
            limit: by_entry,
        }
    } else if cap == by_total {
        ReadError::TotalTooLarge {
            entry,
            limit: limits.max_total_bytes,
        }
    } else {
        ReadError::CompressionRatio {
            entry,
            compressed,
            limit: limits.max_compression_ratio,
        }
    })
}

/// Phase 2: the manifest is ours and of a version this build reads; older versions are
/// migrated. Returns the bundle at the current version and the version it was found in.
fn read_manifest(
    mut entries: BTreeMap<String, Vec<u8>>,
    limits: &Limits,
) -> Result<(RawBundle, FormatVersion), ReadError> {
    let bytes = entries
        .remove(MANIFEST_PATH)
        .ok_or(ReadError::MissingManifest)?;
    let manifest = parse_value(MANIFEST_PATH, &bytes, limits)?;
    let format = manifest.get("format").and_then(Value::as_str).unwrap_or("");
    if format != FORMAT_NAME {
        return Err(ReadError::NotABundle {
            found: format.chars().take(64).collect(),
        });
    }
    let version_text = manifest
        .get("format_version")
        .and_then(Value::as_str)
        .unwrap_or("");
    let found: FormatVersion = version_text
        .parse()
        .map_err(|()| ReadError::BadFormatVersion {
            found: version_text.chars().take(32).collect(),
        })?;
    if found.major > FORMAT_VERSION.major {
        return Err(ReadError::NewerFormat {
            found,
            supported: FORMAT_VERSION,
        });
    }
    let mut raw = RawBundle {
        manifest,
        entries,
        manifest_bytes: bytes.len() as u64,
    };
    migrate_format(&mut raw, found);
    Ok((raw, found))
}

/// The entries of a bundle whose manifest and listing have been checked.
struct Listed {
    entries: Vec<(String, EntryKind, Vec<u8>)>,
    manifest_bytes: u64,
}

/// Phase 3: the layout is known and the manifest lists exactly the entries there are,
/// with their sizes and hashes.
fn check_listing(raw: RawBundle) -> Result<(Manifest, Listed), ReadError> {
    let manifest: Manifest =
        serde_json::from_value(raw.manifest).map_err(|e| ReadError::InvalidJson {
            entry: MANIFEST_PATH.to_owned(),
            reason: e.to_string(),
        })?;
    let mut kinds = BTreeMap::new();
    for name in raw.entries.keys() {
        match classify(name) {
            Some(EntryKind::Manifest) | None => {
                return Err(ReadError::UnknownEntry {
                    entry: name.clone(),
                })
            }
            Some(kind) => {
                kinds.insert(name.clone(), kind);
            }
        }
    }
    let mut listed = BTreeSet::new();
    for c in &manifest.contents {
        if c.path == MANIFEST_PATH {
            return Err(ReadError::InvalidJson {
                entry: MANIFEST_PATH.to_owned(),
                reason: "the manifest lists itself".into(),
            });
        }
        if !listed.insert(c.path.as_str()) {
            return Err(ReadError::DuplicateListing {
                entry: c.path.clone(),
            });
        }
        let Some(bytes) = raw.entries.get(&c.path) else {
            return Err(ReadError::MissingEntry {
                entry: c.path.clone(),
            });
        };
        let actual = bytes.len() as u64;
        if actual != c.size {
            return Err(ReadError::SizeMismatch {
                entry: c.path.clone(),
                listed: c.size,
                actual,
            });
        }
        let hash = sha256_hex(bytes);
        if hash != c.sha256 {
            return Err(ReadError::HashMismatch {
                entry: c.path.clone(),
                listed: c.sha256.chars().take(64).collect(),
                actual: hash,
            });
        }
    }
    if let Some(name) = raw.entries.keys().find(|n| !listed.contains(n.as_str())) {
        return Err(ReadError::UnlistedEntry {
            entry: name.clone(),
        });
    }
    let entries = raw
        .entries
        .into_iter()
        .filter_map(|(name, bytes)| {
            let kind = kinds.remove(&name)?;
            Some((name, kind, bytes))
        })
        .collect();
    Ok((
        manifest,
        Listed {
            entries,
            manifest_bytes: raw.manifest_bytes,
        },
    ))
}

/// The typed contents and the per-entry facts the inspection shows.
struct Typed {
    contents: BundleContents,
    personas: Vec<PersonaEntry>,
    templates: Vec<TemplateEntry>,
    assets: Vec<AssetEntry>,
}

/// Phase 4: every document through the model, every image through its header.
fn type_entries(listed: &Listed, limits: &Limits) -> Result<Typed, ReadError> {
    let mut typed = Typed {
        contents: BundleContents::default(),
        personas: Vec::new(),
        templates: Vec::new(),
        assets: Vec::new(),
    };
    let mut evidence = None;
    for (name, kind, bytes) in &listed.entries {
        let size = bytes.len() as u64;
        match kind {
            EntryKind::Manifest => {
                return Err(ReadError::UnknownEntry {
                    entry: name.clone(),
                })
            }
            EntryKind::Project => {
                let project: Project = document(name, bytes, limits, migrate::project)?;
                typed.contents.project = Some(project);
            }
            EntryKind::Persona(id) => {
                let persona: Persona = document(name, bytes, limits, migrate::persona)?;
                if persona.id != *id {
                    return Err(ReadError::IdMismatch {
                        entry: name.clone(),
                        id: persona.id.to_string(),
                    });
                }
                typed.personas.push(PersonaEntry {
                    id: persona.id,
                    name: persona.name.clone(),
                    template: persona.template.clone(),
                    bytes: size,
                });
                typed.contents.personas.push(persona);
            }
            EntryKind::Template(id) => {
                let template: Template = document(name, bytes, limits, migrate::template)?;
                if template.id != *id {
                    return Err(ReadError::IdMismatch {
                        entry: name.clone(),
                        id: template.id.to_string(),
                    });
                }
                typed.templates.push(TemplateEntry {
                    id: template.id.clone(),
                    name: template.name.clone(),
                    bytes: size,
                });
                typed.contents.templates.push(template);
            }
            EntryKind::Asset(hash, format) => {
                let image = check_image(name, *format, bytes, limits)?;
                let actual = sha256_hex(bytes);
                if actual != hash.0 {
                    return Err(ReadError::AssetNameMismatch {
                        entry: name.clone(),
                        actual,
                    });
                }
                typed.assets.push(AssetEntry {
                    hash: hash.clone(),
                    image,
                    bytes: size,
                });
                typed.contents.assets.insert(hash.clone(), bytes.clone());
            }
            EntryKind::Evidence => evidence = Some(read_evidence(name, bytes, limits)?),
        }
    }
    typed.contents.evidence = evidence.ok_or_else(|| ReadError::MissingEntry {
        entry: EVIDENCE_PATH.to_owned(),
    })?;
    Ok(typed)
}

fn document<T>(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
    read: fn(&[u8]) -> Result<T, persona_model::ModelError>,
) -> Result<T, ReadError> {
    check_document(name, bytes, limits)?;
    read(bytes).map_err(|source| ReadError::InvalidDocument {
        entry: name.to_owned(),
        source,
    })
}

/// The evidence envelope: a known schema and a list of items that each have a kind.
fn read_evidence(name: &str, bytes: &[u8], limits: &Limits) -> Result<EvidenceSnapshot, ReadError> {
    let value = parse_value(name, bytes, limits)?;
    let invalid = |reason: String| ReadError::InvalidJson {
        entry: name.to_owned(),
        reason,
    };
    let schema = value
        .get("schema")
        .and_then(Value::as_u64)
        .filter(|s| *s >= 1)
        .ok_or_else(|| invalid("it has no schema version".into()))?;
    if schema > u64::from(EVIDENCE_SCHEMA) {
        return Err(ReadError::EvidenceTooNew {
            entry: name.to_owned(),
            found: schema,
            supported: EVIDENCE_SCHEMA,
        });
    }
    let snapshot: EvidenceSnapshot =
        serde_json::from_value(value).map_err(|e| invalid(e.to_string()))?;
    if let Some((i, item)) = snapshot
        .items
        .iter()
        .enumerate()
        .find(|(_, item)| item.kind.is_empty() || item.kind.chars().count() > 64)
    {
        return Err(invalid(format!(
            "item {i} has a kind of {} characters; 1–64 are allowed",
            item.kind.chars().count()
        )));
    }
    Ok(snapshot)
}

/// Phase 5: what the documents refer to is in the bundle, and nothing else is.
fn check_references(typed: &Typed) -> Result<(), ReadError> {
    let c = &typed.contents;
    let templates: BTreeSet<_> = c.templates.iter().map(|t| &t.id).collect();
    for p in &c.personas {
        let entry = crate::entry::persona_path(p.id);
        if !templates.contains(&p.template) {
            return Err(ReadError::MissingTemplate {
                entry,
                template: p.template.clone(),
            });
        }
        if let Some(project) = &c.project {
            if project.id != p.project {
                return Err(ReadError::ForeignPersona {
                    entry,
                    project: p.project,
                });
            }
        }
    }
    let used = referenced_assets(c);
    if let Some((asset, entry)) = used.iter().find(|(h, _)| !c.assets.contains_key(**h)) {
        return Err(ReadError::MissingAsset {
            entry: entry.clone(),
            asset: (*asset).clone(),
        });
    }
    if let Some(a) = typed.assets.iter().find(|a| !used.contains_key(&a.hash)) {
        return Err(ReadError::UnreferencedAsset {
            entry: crate::entry::asset_path(&a.hash, a.image.format),
        });
    }
    Ok(())
}
