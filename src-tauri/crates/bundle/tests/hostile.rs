//! Crafted bundles, each refused with its own typed error naming the entry and the
//! value or limit. The reader works on bytes in memory, so none of these can write
//! anything; `the_crate_never_touches_the_file_system` keeps it that way.

mod common;

use std::io::{Cursor, Write};

use common::*;
use persona_bundle::{read, write, Limits, PathProblem, ReadError, Scope};
use zip::write::SimpleFileOptions;

const RU: &str = "personas/00000000-0000-0000-0000-000000000002.json";

fn refuse(bytes: &[u8]) -> ReadError {
    match read(bytes, &Limits::default()) {
        Ok(_) => panic!("a hostile bundle was accepted"),
        Err(e) => {
            // Every refusal must also be one clear sentence.
            assert!(!e.to_string().is_empty());
            e
        }
    }
}

fn set(entries: &mut [(String, Vec<u8>)], name: &str, data: Vec<u8>) {
    let e = entries.iter_mut().find(|(n, _)| n == name).expect("entry");
    e.1 = data;
}

fn valid() -> Vec<u8> {
    write(&sample(), &options(Scope::Project)).unwrap()
}

#[test]
fn zip_bomb_is_refused_by_ratio() {
    let bytes = tampered(|e| set(e, RU, vec![b' '; 20 << 20]));
    assert!(bytes.len() < 200_000);
    match refuse(&bytes) {
        ReadError::CompressionRatio {
            entry,
            limit,
            compressed,
        } => {
            assert_eq!(entry, RU);
            assert_eq!(limit, 100);
            assert!(compressed < 200_000);
        }
        other => panic!("{other}"),
    }
}

#[test]
fn entries_and_totals_are_capped_by_limits() {
    let bytes = valid();
    let small = Limits {
        max_entry_bytes: 1000,
        ..Limits::default()
    };
    assert!(matches!(
        read(&bytes, &small),
        Err(ReadError::EntryTooLarge { limit: 1000, .. })
    ));
    let small = Limits {
        max_total_bytes: 10_000,
        ..Limits::default()
    };
    assert!(matches!(
        read(&bytes, &small),
        Err(ReadError::TotalTooLarge { limit: 10_000, .. })
    ));
    let small = Limits {
        max_file_bytes: 100,
        ..Limits::default()
    };
    assert!(matches!(
        read(&bytes, &small),
        Err(ReadError::FileTooLarge { limit: 100, size }) if size == bytes.len() as u64
    ));
    let small = Limits {
        max_json_bytes: 2000,
        ..Limits::default()
    };
    assert!(matches!(
        read(&bytes, &small),
        Err(ReadError::JsonTooLarge { limit: 2000, .. })
    ));
}

#[test]
fn path_traversal_is_refused() {
    for (name, problem) in [
        ("../../etc/cron.d/evil", PathProblem::ParentDir),
        ("personas/../../evil.json", PathProblem::ParentDir),
        ("/etc/passwd", PathProblem::Absolute),
        ("personas\\..\\evil.json", PathProblem::Backslash),
        ("C:/Windows/evil.dll", PathProblem::Colon),
    ] {
        let bytes = tampered(|e| e.push((name.to_owned(), b"{}".to_vec())));
        match refuse(&bytes) {
            ReadError::UnsafePath { entry, problem: p } => {
                assert_eq!(entry, name);
                assert_eq!(p, problem, "{name}");
            }
            other => panic!("{name}: {other}"),
        }
    }
}

#[test]
fn symlinks_are_refused() {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in unzip(&valid()) {
        z.start_file(name, SimpleFileOptions::default()).unwrap();
        z.write_all(&data).unwrap();
    }
    z.add_symlink("assets/link", "/etc/passwd", SimpleFileOptions::default())
        .unwrap();
    let bytes = z.finish().unwrap().into_inner();
    assert!(matches!(refuse(&bytes), ReadError::Symlink { entry } if entry == "assets/link"));
}

#[test]
fn ten_thousand_entries_are_refused() {
    let entries: Vec<_> = (0..10_000)
        .map(|i| (format!("assets/{i}.png"), Vec::new()))
        .collect();
    let bytes = zip_of(&entries);
    assert!(matches!(
        refuse(&bytes),
        ReadError::TooManyEntries {
            count: 10_000,
            limit: 4096
        }
    ));
}

#[test]
fn broken_central_directory_is_refused() {
    let bytes = valid();
    // Cut the end record off, then damage the central directory's signature.
    assert!(matches!(
        refuse(&bytes[..bytes.len() - 10]),
        ReadError::NotAZip { .. }
    ));
    let mut damaged = bytes.clone();
    let cd = damaged
        .windows(4)
        .position(|w| w == [0x50, 0x4b, 0x01, 0x02])
        .unwrap();
    damaged[cd + 2] = 0x09;
    assert!(matches!(refuse(&damaged), ReadError::NotAZip { .. }));
    assert!(matches!(refuse(b""), ReadError::NotAZip { .. }));
    assert!(matches!(
        refuse(b"PK\x05\x06 not really"),
        ReadError::NotAZip { .. }
    ));
}

#[test]
fn corrupt_entry_data_is_refused() {
    let mut bytes = valid();
    // The first entry is the deflated manifest; flip bytes inside its data.
    let at = 30 + "manifest.json".len() + 20;
    for b in &mut bytes[at..at + 8] {
        *b ^= 0x5a;
    }
    match refuse(&bytes) {
        ReadError::CorruptEntry { entry, .. } => assert_eq!(entry, "manifest.json"),
        other => panic!("{other}"),
    }
}

#[test]
fn invalid_json_is_refused() {
    let bytes = tampered(|e| set(e, RU, b"{\"schema\": 1, \"id\": ".to_vec()));
    assert!(matches!(refuse(&bytes), ReadError::InvalidDocument { entry, .. } if entry == RU));
    let bytes = tampered(|e| set(e, "manifest.json", b"not json".to_vec()));
    assert!(
        matches!(refuse(&bytes), ReadError::InvalidJson { entry, .. } if entry == "manifest.json")
    );
    let bytes = tampered(|e| set(e, "evidence/evidence.json", b"[1, 2".to_vec()));
    assert!(
        matches!(refuse(&bytes), ReadError::InvalidJson { entry, .. } if entry == "evidence/evidence.json")
    );
}

#[test]
fn wrong_types_are_refused() {
    let entries = sample_entries();
    let mut persona: serde_json::Value = serde_json::from_slice(&entries[RU]).unwrap();
    persona["name"] = serde_json::json!(42);
    let bytes = tampered(|e| set(e, RU, serde_json::to_vec(&persona).unwrap()));
    match refuse(&bytes) {
        ReadError::InvalidDocument { entry, source } => {
            assert_eq!(entry, RU);
            assert!(source.to_string().contains("expected a string"), "{source}");
        }
        other => panic!("{other}"),
    }
    let bytes = tampered(|e| {
        set(
            e,
            "evidence/evidence.json",
            br#"{"schema": 1, "items": [{"kind": 3}]}"#.to_vec(),
        )
    });
    assert!(
        matches!(refuse(&bytes), ReadError::InvalidJson { entry, .. } if entry == "evidence/evidence.json")
    );
    let bytes = tampered(|e| {
        set(
            e,
            "evidence/evidence.json",
            br#"{"schema": 1, "items": [{"kind": ""}]}"#.to_vec(),
        )
    });
    assert!(
        matches!(refuse(&bytes), ReadError::InvalidJson { entry, .. } if entry == "evidence/evidence.json")
    );
    // The manifest's own types: contents must be a list.
    let bytes = {
        let mut entries = unzip(&valid());
        let mut m: serde_json::Value = serde_json::from_slice(&entries[0].1).unwrap();
        m["contents"] = serde_json::json!("everything");
        entries[0].1 = serde_json::to_vec(&m).unwrap();
        zip_of(&entries)
    };
    assert!(
        matches!(refuse(&bytes), ReadError::InvalidJson { entry, .. } if entry == "manifest.json")
    );
}

#[test]
fn deep_json_nesting_is_refused() {
    let deep = format!(
        "{{\"schema\": 1, \"notes\": {}1{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let bytes = tampered(|e| set(e, RU, deep.into_bytes()));
    assert!(matches!(
        refuse(&bytes),
        ReadError::JsonTooDeep { entry, limit: 64 } if entry == RU
    ));
    let deep = format!("{}{}", "{\"a\":".repeat(100), "}".repeat(100));
    let bytes = tampered(|e| set(e, "manifest.json", deep.into_bytes()));
    assert!(
        matches!(refuse(&bytes), ReadError::JsonTooDeep { entry, .. } if entry == "manifest.json")
    );
}

/// A PNG signature and IHDR chunk claiming `w` × `h` pixels, and nothing else.
fn lying_png(w: u32, h: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    b.extend(w.to_be_bytes());
    b.extend(h.to_be_bytes());
    b.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b
}

fn png_entry() -> String {
    format!("assets/{}.png", hash(PNG).0)
}

#[test]
fn images_that_lie_about_their_size_are_refused() {
    let bytes = tampered(|e| set(e, &png_entry(), lying_png(100_000, 100_000)));
    match refuse(&bytes) {
        ReadError::ImageTooLarge {
            entry,
            width,
            height,
            limit,
        } => {
            assert_eq!(entry, png_entry());
            assert_eq!((width, height), (100_000, 100_000));
            assert_eq!(limit, 40_000_000);
        }
        other => panic!("{other}"),
    }
    let bytes = tampered(|e| set(e, &png_entry(), lying_png(0, 10)));
    assert!(matches!(
        refuse(&bytes),
        ReadError::ImageTooLarge { width: 0, .. }
    ));
    // A JPEG whose frame header claims 65535 × 65535.
    let mut jpeg = vec![
        0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0xff, 0xff, 0xff, 0xff, 0x03,
    ];
    jpeg.extend([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);
    let jpg_entry = format!("assets/{}.jpg", hash(JPEG).0);
    let bytes = tampered(|e| set(e, &jpg_entry, jpeg));
    assert!(matches!(
        refuse(&bytes),
        ReadError::ImageTooLarge {
            width: 65535,
            height: 65535,
            ..
        }
    ));
}

#[test]
fn images_of_other_kinds_or_damaged_are_refused() {
    let bytes = tampered(|e| set(e, &png_entry(), JPEG.to_vec()));
    assert!(matches!(
        refuse(&bytes),
        ReadError::ImageTypeMismatch {
            named: "png",
            actual: "a JPEG",
            ..
        }
    ));
    let bytes = tampered(|e| set(e, &png_entry(), b"GIF89a\x01\x00\x01\x00".to_vec()));
    assert!(
        matches!(refuse(&bytes), ReadError::UnsupportedImage { entry } if entry == png_entry())
    );
    let bytes = tampered(|e| set(e, &png_entry(), b"\x89PNG\r\n\x1a\n".to_vec()));
    assert!(matches!(refuse(&bytes), ReadError::UnreadableImage { entry } if entry == png_entry()));
    // A valid PNG, but not the one its name promises.
    let other = lying_png(2, 2);
    let bytes = tampered(|e| set(e, &png_entry(), other.clone()));
    assert!(matches!(
        refuse(&bytes),
        ReadError::AssetNameMismatch { actual, .. } if actual == hash(&other).0
    ));
}

#[test]
fn hash_mismatch_is_refused() {
    let bytes = valid();
    let mut entries = unzip(&bytes);
    let ru = entries.iter_mut().find(|(n, _)| n == RU).unwrap();
    let at = ru.1.iter().position(|b| *b == b'E').unwrap();
    ru.1[at] = b'F';
    let bytes = zip_of(&entries);
    match refuse(&bytes) {
        ReadError::HashMismatch {
            entry,
            listed,
            actual,
        } => {
            assert_eq!(entry, RU);
            assert_ne!(listed, actual);
        }
        other => panic!("{other}"),
    }
    let mut entries = unzip(&valid());
    entries
        .iter_mut()
        .find(|(n, _)| n == RU)
        .unwrap()
        .1
        .push(b' ');
    assert!(matches!(
        refuse(&zip_of(&entries)),
        ReadError::SizeMismatch { entry, .. } if entry == RU
    ));
}

#[test]
fn missing_manifest_is_refused() {
    let bytes = tampered(|e| e.retain(|(n, _)| n != "manifest.json"));
    assert!(matches!(refuse(&bytes), ReadError::MissingManifest));
}

fn with_manifest(change: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut entries = unzip(&valid());
    let mut m: serde_json::Value = serde_json::from_slice(&entries[0].1).unwrap();
    change(&mut m);
    entries[0].1 = serde_json::to_vec(&m).unwrap();
    zip_of(&entries)
}

#[test]
fn newer_major_version_is_refused_with_its_version() {
    let bytes = with_manifest(|m| {
        m["format_version"] = "2.0".into();
        // A newer format may hold anything; the version is judged first.
        m["contents"] = serde_json::json!({"new": "shape"});
    });
    let err = refuse(&bytes);
    assert!(matches!(err, ReadError::NewerFormat { .. }));
    assert!(
        err.to_string()
            .contains("made by a newer Persona Studio (2.0)"),
        "{err}"
    );
}

#[test]
fn newer_minor_version_with_new_optional_fields_reads() {
    let bytes = with_manifest(|m| {
        m["format_version"] = "1.7".into();
        m["exported_by"] = "someone".into();
    });
    let bundle = read(&bytes, &Limits::default()).unwrap();
    assert_eq!(bundle.inspection.format_version.to_string(), "1.7");
    assert_eq!(bundle.contents, sorted(sample()));
}

#[test]
fn other_formats_and_bad_versions_are_refused() {
    let bytes = with_manifest(|m| m["format"] = "something-else".into());
    assert!(matches!(refuse(&bytes), ReadError::NotABundle { found } if found == "something-else"));
    let bytes = with_manifest(|m| m["format_version"] = "one".into());
    assert!(matches!(refuse(&bytes), ReadError::BadFormatVersion { found } if found == "one"));
    let bytes = with_manifest(|m| m["format_version"] = 1.into());
    assert!(matches!(refuse(&bytes), ReadError::BadFormatVersion { .. }));
}

#[test]
fn duplicate_names_are_refused() {
    let mut entries = unzip(&valid());
    entries.push(("assets/dupe-a".into(), b"1".to_vec()));
    entries.push(("assets/dupe-b".into(), b"2".to_vec()));
    let mut bytes = zip_of(&entries);
    // The zip writer will not write two entries of one name, so rename one in place
    // (in the local header and the central directory alike).
    let mut at = 0;
    while let Some(i) = bytes[at..].windows(13).position(|w| w == b"assets/dupe-b") {
        bytes[at + i + 12] = b'a';
        at += i + 13;
    }
    assert!(
        matches!(refuse(&bytes), ReadError::DuplicateEntry { entry } if entry == "assets/dupe-a")
    );
}

#[test]
fn unknown_unlisted_and_missing_entries_are_refused() {
    let bytes = tampered(|e| e.push(("readme.txt".into(), b"hi".to_vec())));
    assert!(matches!(refuse(&bytes), ReadError::UnknownEntry { entry } if entry == "readme.txt"));
    let bytes = tampered(|e| e.push(("personas/".into(), Vec::new())));
    assert!(matches!(refuse(&bytes), ReadError::UnsafePath { .. }));

    let mut entries = unzip(&valid());
    entries.push(("assets/extra.png".into(), PNG.to_vec()));
    assert!(matches!(
        refuse(&zip_of(&entries)),
        ReadError::UnknownEntry { .. }
    ));

    let extra = format!("assets/{}.png", hash(&lying_png(3, 3)).0);
    let mut entries = unzip(&valid());
    entries.push((extra.clone(), lying_png(3, 3)));
    assert!(
        matches!(refuse(&zip_of(&entries)), ReadError::UnlistedEntry { entry } if entry == extra)
    );
    // Listed as well: then it is an image nothing uses.
    let mut entries = unzip(&valid());
    entries.push((extra.clone(), lying_png(3, 3)));
    relist(&mut entries);
    assert!(
        matches!(refuse(&zip_of(&entries)), ReadError::UnreferencedAsset { entry } if entry == extra)
    );

    let mut entries = unzip(&valid());
    entries.retain(|(n, _)| n != RU);
    assert!(matches!(refuse(&zip_of(&entries)), ReadError::MissingEntry { entry } if entry == RU));
}

#[test]
fn broken_references_are_refused() {
    let bytes = tampered(|e| e.retain(|(n, _)| *n != png_entry()));
    assert!(matches!(
        refuse(&bytes),
        ReadError::MissingAsset { asset, .. } if asset == hash(PNG)
    ));
    let bytes = tampered(|e| e.retain(|(n, _)| n != "templates/acme-custom.json"));
    assert!(matches!(
        refuse(&bytes),
        ReadError::MissingTemplate { template, .. } if template.as_str() == "acme-custom"
    ));
    let bytes = tampered(|e| {
        let data = e.iter().find(|(n, _)| n == RU).unwrap().1.clone();
        e.retain(|(n, _)| n != RU);
        e.push((
            "personas/00000000-0000-0000-0000-0000000000ff.json".into(),
            data,
        ));
    });
    assert!(matches!(refuse(&bytes), ReadError::IdMismatch { .. }));
    let bytes = tampered(|e| e.retain(|(n, _)| n != "evidence/evidence.json"));
    assert!(
        matches!(refuse(&bytes), ReadError::MissingEntry { entry } if entry == "evidence/evidence.json")
    );
    let bytes = tampered(|e| {
        set(
            e,
            "evidence/evidence.json",
            br#"{"schema": 9, "items": []}"#.to_vec(),
        )
    });
    assert!(matches!(
        refuse(&bytes),
        ReadError::EvidenceTooNew { found: 9, .. }
    ));
}

#[test]
fn newer_document_schema_inside_a_bundle_is_refused() {
    let entries = sample_entries();
    let mut persona: serde_json::Value = serde_json::from_slice(&entries[RU]).unwrap();
    persona["schema"] = 7.into();
    let bytes = tampered(|e| set(e, RU, serde_json::to_vec(&persona).unwrap()));
    let err = refuse(&bytes);
    assert!(err.to_string().contains("newer Persona Studio"), "{err}");
}

#[test]
fn unsupported_compression_is_refused() {
    let mut bytes = valid();
    // Mark every entry as bzip2 (method 12) in its local and central headers.
    for sig in [[0x50u8, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x01, 0x02]] {
        let offset = if sig[2] == 3 { 8 } else { 10 };
        let mut at = 0;
        while let Some(i) = bytes[at..].windows(4).position(|w| w == sig) {
            bytes[at + i + offset] = 12;
            bytes[at + i + offset + 1] = 0;
            at += i + 4;
        }
    }
    assert!(
        matches!(refuse(&bytes), ReadError::UnsupportedCompression { entry, .. } if entry == "manifest.json")
    );
}

#[test]
fn the_crate_never_touches_the_file_system() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for file in std::fs::read_dir(src).unwrap() {
        let path = file.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for banned in ["std::fs", "File::", "create_dir", ".extract(", "tempfile"] {
            assert!(!text.contains(banned), "{} uses {banned}", path.display());
        }
    }
}

#[test]
fn a_zip64_record_claiming_billions_of_entries_is_refused_before_parsing() {
    let bytes = valid();
    let eocd = bytes.len() - 22;
    assert_eq!(bytes[eocd..eocd + 4], [0x50, 0x4b, 0x05, 0x06]);
    let mut crafted = bytes[..eocd].to_vec();
    let record_at = crafted.len() as u64;
    crafted.extend([0x50, 0x4b, 0x06, 0x06]);
    crafted.extend(44u64.to_le_bytes());
    crafted.extend([45, 0, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    crafted.extend(u64::MAX.to_le_bytes());
    crafted.extend(u64::MAX.to_le_bytes());
    crafted.extend(0u64.to_le_bytes());
    crafted.extend(0u64.to_le_bytes());
    crafted.extend([0x50, 0x4b, 0x06, 0x07, 0, 0, 0, 0]);
    crafted.extend(record_at.to_le_bytes());
    crafted.extend(1u32.to_le_bytes());
    crafted.extend(&bytes[eocd..]);
    assert!(matches!(
        refuse(&crafted),
        ReadError::TooManyEntries { limit: 4096, count } if count == usize::MAX
    ));
}

#[test]
fn a_manifest_listing_itself_is_refused_as_invalid() {
    let bytes = with_manifest(|m| {
        let listing = m["contents"].as_array_mut().unwrap();
        listing.push(serde_json::json!({"path": "manifest.json", "size": 1, "sha256": "00"}));
    });
    assert!(matches!(
        refuse(&bytes),
        ReadError::InvalidJson { entry, reason } if entry == "manifest.json" && reason.contains("itself")
    ));
}
