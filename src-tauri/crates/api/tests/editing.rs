//! Presets, duplicate, move, photos and brands against a real library on disk.

use std::io::Cursor;

use chrono::{TimeZone, Utc};
use persona_api::model::{Color, FixedClock, ModuleBody, Persona};
use persona_api::photo::CropRect;
use persona_api::Studio;

fn open(dir: &std::path::Path) -> Studio {
    let when = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
    Studio::open(dir, Box::new(FixedClock(when))).unwrap()
}

/// Opens the library again after the previous `Studio` was dropped. sled's flusher
/// thread can hold its file lock a moment longer (seen under heavy load), so this
/// retries for a few seconds before failing.
fn reopen(dir: &std::path::Path) -> Studio {
    let when = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
    let mut last = None;
    for _ in 0..50 {
        match Studio::open(dir, Box::new(FixedClock(when))) {
            Ok(s) => return s,
            Err(e) => last = Some(e),
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the library did not open again: {last:?}");
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn list<'a>(p: &'a Persona, id: &str) -> &'a [String] {
    match &p.modules.iter().find(|m| m.id == id).unwrap().body {
        ModuleBody::List { items } => items,
        other => panic!("{id} is {}", other.kind_name()),
    }
}

#[test]
fn a_preset_prefills_a_new_persona_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let s = open(dir.path());
        s.create_project("Shop").unwrap();
        let p = s
            .create_persona_from("Shop", "Coupon Carla", None, Some("coupon-hunter"), None)
            .unwrap();
        assert_eq!(p.template.as_str(), "ecommerce-shopper");
        p.id
    };
    let s = open(dir.path());
    let p = s.persona(id).unwrap();
    assert_eq!(p.archetype, "Discount and coupon hunter");
    assert!(list(&p, "drivers")
        .iter()
        .any(|d| d.contains("Discount codes")));
}

#[test]
fn a_preset_for_another_template_or_an_unknown_one_is_refused_and_nothing_stored() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path());
    s.create_project("Shop").unwrap();
    let e = s
        .create_persona_from("Shop", "X", Some("b2b-buyer"), Some("coupon-hunter"), None)
        .unwrap_err();
    assert_eq!(e.code(), "preset_template_mismatch");
    let e = s
        .create_persona_from("Shop", "X", None, Some("bargain-bob"), None)
        .unwrap_err();
    assert_eq!(e.code(), "unknown_preset");
    assert!(s.persona_summaries(None).unwrap().is_empty());
}

#[test]
fn duplicate_gets_a_new_id_and_a_copy_name_and_leaves_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path());
    s.create_project("Shop").unwrap();
    let original = s
        .create_persona_from("Shop", "Frugal Fred", None, Some("coupon-hunter"), None)
        .unwrap();
    let copy = s.duplicate_persona(original.id).unwrap();
    assert_ne!(copy.id, original.id);
    assert_eq!(copy.name, "Frugal Fred (copy)");
    assert_eq!(copy.modules, original.modules);
    assert_eq!(copy.project, original.project);
    let names: Vec<String> = s
        .persona_summaries(None)
        .unwrap()
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(names, ["Frugal Fred", "Frugal Fred (copy)"]);
}

#[test]
fn move_changes_the_project_and_keeps_the_id() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path());
    s.create_project("Client A").unwrap();
    let b = s.create_project("Client B").unwrap();
    let p = s.create_persona("Client A", "Ana", None).unwrap();
    let moved = s.move_persona(p.id, "Client B").unwrap();
    assert_eq!(moved.id, p.id);
    assert_eq!(moved.project, b.id);
    assert_eq!(s.persona_summaries(Some("Client A")).unwrap().len(), 0);
    assert_eq!(s.persona_summaries(Some("Client B")).unwrap()[0].id, p.id);
    let e = s.move_persona(p.id, "Nowhere").unwrap_err();
    assert_eq!(e.code(), "unknown_project");
}

#[test]
fn a_photo_is_cropped_scaled_stored_once_and_set() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path());
    s.create_project("Shop").unwrap();
    let a = s.create_persona("Shop", "Ana", None).unwrap();
    let b = s.create_persona("Shop", "Bo", None).unwrap();
    let bytes = png(1200, 800);
    let a = s.set_persona_photo(a.id, &bytes, None).unwrap();
    let b = s.set_persona_photo(b.id, &bytes, None).unwrap();
    let hash = a.photo.clone().unwrap();
    assert_eq!(
        b.photo.as_ref(),
        Some(&hash),
        "the same picture is stored once"
    );
    let (stored, mime) = s.asset(&hash).unwrap();
    assert_eq!(mime, "image/jpeg");
    let img = image::load_from_memory(&stored).unwrap();
    assert_eq!((img.width(), img.height()), (512, 512));
    // A crop gives another picture.
    let crop = CropRect {
        x: 0,
        y: 0,
        width: 200,
        height: 200,
    };
    let a2 = s.set_persona_photo(a.id, &bytes, Some(crop)).unwrap();
    assert_ne!(a2.photo, a.photo);
    assert_eq!(s.remove_persona_photo(a.id).unwrap().photo, None);
}

#[test]
fn a_refused_photo_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path());
    s.create_project("Shop").unwrap();
    let p = s.create_persona("Shop", "Ana", None).unwrap();
    let p = s.set_persona_photo(p.id, &png(100, 100), None).unwrap();
    let good = p.photo.clone();
    let truncated = &png(800, 800)[..500];
    let e = s.set_persona_photo(p.id, truncated, None).unwrap_err();
    assert_eq!(e.code(), "bad_image");
    let e = s
        .set_persona_photo(p.id, b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", None)
        .unwrap_err();
    assert_eq!(e.code(), "unsupported_image");
    assert_eq!(
        e.to_string(),
        "GIF images are not supported; use a JPEG, PNG or WebP image"
    );
    let after = s.persona(p.id).unwrap();
    assert_eq!(after.photo, good);
    assert_eq!(after, p);
}

#[test]
fn a_brand_is_renamed_recoloured_and_given_a_logo() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path());
    let project = s.create_project("Acme").unwrap();
    s.create_project("Other").unwrap();
    let with_logo = s.set_brand_logo(project.id, &png(1024, 256)).unwrap();
    let logo = with_logo.brand.logo.clone().unwrap();
    let (bytes, mime) = s.asset(&logo).unwrap();
    assert_eq!(mime, "image/png");
    let img = image::load_from_memory(&bytes).unwrap();
    assert_eq!((img.width(), img.height()), (512, 128));
    let mut brand = with_logo.brand.clone();
    brand.primary = Color::parse("#112233").unwrap();
    brand.font = Some("Noto Sans".into());
    brand.name = Some(" Acme Coffee  ".into());
    let updated = s.update_project(project.id, " Acme Ltd ", brand).unwrap();
    assert_eq!(updated.name, "Acme Ltd");
    let reread = s.project(project.id).unwrap();
    assert_eq!(reread.brand.name.as_deref(), Some("Acme Coffee"));
    assert_eq!(reread.brand.primary.to_string(), "#112233");
    // A brand name too long for a footer is refused and nothing changes.
    let mut long = reread.brand.clone();
    long.name = Some("ą".repeat(121));
    let e = s.update_project(project.id, "Acme Ltd", long).unwrap_err();
    assert_eq!(e.code(), "invalid");
    assert!(e.to_string().contains("brand name"), "{e}");
    assert_eq!(s.project(project.id).unwrap(), reread);
    // A blank one means none: sheets go back to the project's name.
    let mut blank = reread.brand.clone();
    blank.name = Some("   ".into());
    let cleared = s.update_project(project.id, "Acme Ltd", blank).unwrap();
    assert_eq!(cleared.brand.name, None);
    let reread = s.project(project.id).unwrap();
    assert_eq!(reread.brand.logo, Some(logo));
    let e = s
        .update_project(project.id, "Other", reread.brand.clone())
        .unwrap_err();
    assert_eq!(e.code(), "duplicate_project");
}

fn module<'a>(p: &'a Persona, id: &str) -> &'a persona_api::model::Module {
    p.modules.iter().find(|m| m.id == id).unwrap()
}

#[test]
fn a_persona_created_in_russian_gets_russian_titles_hints_and_labels_that_stay() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let s = open(dir.path());
        s.create_project("Shop").unwrap();
        let p = s
            .create_persona_from("Shop", "Ирина", None, None, Some("ru"))
            .unwrap();
        p.id
    };
    let s = open(dir.path());
    let p = s.persona(id).unwrap();
    assert_eq!(module(&p, "goals").title, "Цели");
    assert!(module(&p, "goals")
        .hint
        .starts_with("Чего они хотят добиться"));
    match &module(&p, "facts").body {
        ModuleBody::Facts { rows } => {
            assert_eq!(rows[0].label, "Возраст");
            assert!(rows.iter().all(|r| r.value.is_empty()));
        }
        other => panic!("facts is {}", other.kind_name()),
    }
    match &module(&p, "personality").body {
        ModuleBody::Sliders { rows, .. } => {
            assert_eq!(
                (rows[0].left.as_str(), rows[0].right.as_str()),
                ("Интроверт", "Экстраверт")
            );
        }
        other => panic!("personality is {}", other.kind_name()),
    }
    // The template itself is unchanged: another persona in English still reads English.
    let en = s.create_persona("Shop", "Ira", None).unwrap();
    assert_eq!(module(&en, "goals").title, "Goals");
}

#[test]
fn a_preset_applies_in_any_language_and_a_region_tag_or_unknown_language_is_handled() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path());
    s.create_project("Shop").unwrap();
    let p = s
        .create_persona_from("Shop", "Hà", None, Some("coupon-hunter"), Some("vi-VN"))
        .unwrap();
    assert_eq!(module(&p, "mindset").title, "Tư duy");
    match &module(&p, "mindset").body {
        ModuleBody::Sliders { rows, .. } => {
            assert_eq!(rows[0].left, "Săn giá rẻ");
            // The preset's position for "Bargain-seeking" survived the translation.
            assert_ne!(rows[0].value, 50);
        }
        other => panic!("mindset is {}", other.kind_name()),
    }
    let fallback = s
        .create_persona_from("Shop", "Jan", Some("b2b-buyer"), None, Some("pl"))
        .unwrap();
    assert_eq!(module(&fallback, "goals").title, "Goals");
}

#[test]
fn a_deleted_persona_is_restored_exactly_with_its_id_and_only_once() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path());
    s.create_project("Shop").unwrap();
    let mut p = s
        .create_persona_from("Shop", "Coupon Carla", None, Some("coupon-hunter"), None)
        .unwrap();
    p.notes = "from 212 answers".into();
    let p = s.save_persona(p).unwrap();
    let photo = s.set_persona_photo(p.id, &png(64, 64), None).unwrap();
    s.delete_persona(p.id).unwrap();
    assert!(s.persona(p.id).is_err());
    let back = s.restore_persona(photo.clone()).unwrap();
    assert_eq!(back, photo);
    drop(s);
    let s = reopen(dir.path());
    assert_eq!(s.persona(p.id).unwrap(), photo);
    assert!(s.asset(photo.photo.as_ref().unwrap()).is_ok());
    let again = s.restore_persona(photo.clone()).unwrap_err();
    assert_eq!(again.code(), "persona_exists");
}
