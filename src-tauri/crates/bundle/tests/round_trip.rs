//! Writing then reading gives back the same model values, byte-stable.

mod common;

use common::*;
use persona_bundle::{
    inspect, read, read_from, write, BundleContents, EvidenceItem, Limits, Scope, WriteError,
};

#[test]
fn a_project_in_four_scripts_with_images_comes_back_equal() {
    let contents = sample();
    let bytes = write(&contents, &options(Scope::Project)).unwrap();
    let bundle = read(&bytes, &Limits::default()).unwrap();
    assert_eq!(bundle.contents, sorted(contents));
    let names: Vec<_> = bundle
        .inspection
        .personas
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "王芳",
            "Ирина Волкова",
            "Đặng Thu Hà",
            "Žydrūnė Čiurlionytė"
        ]
    );
    assert_eq!(bundle.inspection.assets.len(), 3);
    assert_eq!(bundle.inspection.file_bytes, bytes.len() as u64);
    assert_eq!(
        bundle.inspection.project.as_ref().unwrap().name,
        "Acme 咖啡 — Кофе"
    );
}

#[test]
fn one_persona_without_project_comes_back_equal() {
    let mut c = sample();
    c.project = None;
    c.personas.truncate(1);
    c.templates.truncate(1);
    c.assets.retain(|h, _| *h == hash(PNG));
    let bytes = write(&c, &options(Scope::Persona)).unwrap();
    let back = read_from(&bytes[..], &Limits::default()).unwrap();
    assert_eq!(back.contents, c);
    assert_eq!(back.inspection.scope, Scope::Persona);
}

#[test]
fn evidence_items_come_back_equal() {
    let mut c = sample();
    let item: EvidenceItem = serde_json::from_value(serde_json::json!({
        "kind": "statistic", "question": "Возраст", "count": 12, "n": 40
    }))
    .unwrap();
    c.evidence.items.push(item);
    let bytes = write(&c, &options(Scope::Project)).unwrap();
    let back = read(&bytes, &Limits::default()).unwrap();
    assert_eq!(back.contents.evidence, c.evidence);
    assert_eq!(back.inspection.evidence_items, 1);
}

#[test]
fn the_same_contents_give_the_same_bytes() {
    let a = write(&sample(), &options(Scope::Project)).unwrap();
    let mut shuffled = sample();
    shuffled.personas.reverse();
    shuffled.templates.reverse();
    let b = write(&shuffled, &options(Scope::Project)).unwrap();
    assert_eq!(a, b);
    let names: Vec<_> = unzip(&a).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names[0], "manifest.json");
    let mut rest = names[1..].to_vec();
    rest.sort();
    assert_eq!(names[1..], rest[..]);
}

#[test]
fn inspection_reports_without_writing() {
    let bytes = write(&sample(), &options(Scope::Project)).unwrap();
    let i = inspect(&bytes, &Limits::default()).unwrap();
    assert_eq!(i.format_version.to_string(), "1.0");
    assert_eq!(i.personas.len(), 4);
    assert!(i.personas.iter().all(|p| p.bytes > 0));
    let json = serde_json::to_value(&i).unwrap();
    assert_eq!(json["format_version"], "1.0");
    assert!(json["assets"][0]["format"].as_str().is_some());
}

#[test]
fn the_writer_refuses_incomplete_contents() {
    let mut c = sample();
    c.assets.clear();
    assert!(matches!(
        write(&c, &options(Scope::Project)),
        Err(WriteError::MissingAsset(_))
    ));

    let mut c = sample();
    c.templates.pop();
    assert!(matches!(
        write(&c, &options(Scope::Project)),
        Err(WriteError::MissingTemplate { template, .. }) if template.as_str() == "acme-custom"
    ));

    let mut c = sample();
    c.personas[0].project = persona_model::ProjectId::new();
    assert!(matches!(
        write(&c, &options(Scope::Project)),
        Err(WriteError::ForeignPersona { .. })
    ));

    let mut c = sample();
    let dup = c.personas[0].clone();
    c.personas.push(dup);
    assert!(matches!(
        write(&c, &options(Scope::Project)),
        Err(WriteError::DuplicatePersona(_))
    ));

    let mut c = sample();
    c.assets.insert(hash(b"x"), b"x".to_vec());
    assert!(matches!(
        write(&c, &options(Scope::Project)),
        Err(WriteError::UnusedAsset(_))
    ));

    let mut c = sample();
    let h = hash(PNG);
    c.assets.insert(h, JPEG.to_vec());
    assert!(matches!(
        write(&c, &options(Scope::Project)),
        Err(WriteError::AssetHashMismatch(_))
    ));

    let mut c = sample();
    c.templates[1].id = "../evil".into();
    assert!(matches!(
        write(&c, &options(Scope::Project)),
        Err(WriteError::UnsafeTemplateId(_))
    ));
}

#[test]
fn the_writer_refuses_what_a_reader_would_refuse() {
    // A GIF is not an allowed image: the self-check names it.
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec();
    let mut c = sample();
    c.assets.remove(&hash(PNG));
    c.assets.insert(hash(&gif), gif.clone());
    c.personas[0].photo = Some(hash(&gif));
    let err = write(&c, &options(Scope::Project)).unwrap_err();
    assert!(
        matches!(&err, WriteError::WouldBeRefused(e) if matches!(**e, persona_bundle::ReadError::UnsupportedImage { .. })),
        "{err}"
    );
}

#[test]
fn an_empty_project_is_a_valid_bundle() {
    let mut c = sample();
    c.personas.clear();
    c.templates.clear();
    c.assets.retain(|h, _| *h == hash(JPEG));
    let bytes = write(&c, &options(Scope::Project)).unwrap();
    assert_eq!(read(&bytes, &Limits::default()).unwrap().contents, c);
    let nothing = BundleContents::default();
    let bytes = write(&nothing, &options(Scope::Selection)).unwrap();
    assert_eq!(read(&bytes, &Limits::default()).unwrap().contents, nothing);
}

#[test]
fn entry_order_and_compression_do_not_matter_to_the_reader() {
    let bytes = write(&sample(), &options(Scope::Project)).unwrap();
    let mut entries = unzip(&bytes);
    entries.reverse();
    let reordered = zip_of(&entries);
    assert_ne!(reordered, bytes);
    assert_eq!(
        read(&reordered, &Limits::default()).unwrap().contents,
        read(&bytes, &Limits::default()).unwrap().contents
    );
}

#[test]
fn used_assets_names_exactly_what_the_writer_needs() {
    let full = sample();
    let mut c = full.clone();
    c.assets.clear();
    let used = c.used_assets();
    assert_eq!(used, full.assets.keys().cloned().collect());
    c.assets = used
        .iter()
        .map(|h| (h.clone(), full.assets[h].clone()))
        .collect();
    assert!(write(&c, &options(Scope::Project)).is_ok());
}
