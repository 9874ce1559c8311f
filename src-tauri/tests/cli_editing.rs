//! `persona new --preset`, `template presets`, `persona duplicate|move|photo` as a real
//! process against a real library on disk.

mod common;

use std::io::Cursor;

use common::{json, ok, run};

fn fails_with(out: &std::process::Output, needle: &str) {
    assert!(!out.status.success(), "expected failure, got success");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err}"
    );
    assert!(err.contains(needle), "stderr {err:?} lacks {needle:?}");
}

#[test]
fn every_preset_is_listed_and_makes_a_prefilled_persona() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["project", "new", "Shop"]);
    let presets = json(dir.path(), &["template", "presets", "--json"]);
    let rows = presets.as_array().unwrap();
    assert_eq!(rows.len(), 8);
    for row in rows {
        let id = row["id"].as_str().unwrap();
        let template = row["template"].as_str().unwrap();
        let new = ok(
            dir.path(),
            &[
                "persona",
                "new",
                "--project",
                "Shop",
                "--name",
                id,
                "--template",
                template,
                "--preset",
                id,
            ],
        );
        let shown = json(dir.path(), &["persona", "show", new.trim(), "--json"]);
        assert_eq!(shown["template"], template);
        assert!(!shown["archetype"].as_str().unwrap().is_empty(), "{id}");
        let goals = shown["modules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == "goals")
            .unwrap();
        assert!(
            !goals["body"]["items"].as_array().unwrap().is_empty(),
            "{id}"
        );
    }
    let out = run(
        dir.path(),
        &[
            "persona",
            "new",
            "--project",
            "Shop",
            "--name",
            "X",
            "--template",
            "b2b-buyer",
            "--preset",
            "coupon-hunter",
        ],
    );
    fails_with(
        &out,
        "is for the template 'ecommerce-shopper', not 'b2b-buyer'",
    );
}

#[test]
fn duplicate_and_move_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["project", "new", "A"]);
    ok(dir.path(), &["project", "new", "B"]);
    let id = ok(
        dir.path(),
        &["persona", "new", "--project", "A", "--name", "Ana"],
    );
    let copy = ok(dir.path(), &["persona", "duplicate", "Ana"]);
    assert_ne!(copy.trim(), id.trim());
    ok(
        dir.path(),
        &["persona", "move", copy.trim(), "--project", "B"],
    );
    let in_b = json(dir.path(), &["persona", "list", "--project", "B", "--json"]);
    assert_eq!(in_b[0]["name"], "Ana (copy)");
    assert_eq!(in_b[0]["id"], copy.trim());
    let in_a = json(dir.path(), &["persona", "list", "--project", "A", "--json"]);
    assert_eq!(in_a.as_array().unwrap().len(), 1);
}

#[test]
fn photo_from_a_file_and_a_refused_one() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["project", "new", "A"]);
    ok(
        dir.path(),
        &["persona", "new", "--project", "A", "--name", "Ana"],
    );
    let img = image::RgbImage::from_fn(900, 600, |x, _| image::Rgb([(x % 256) as u8, 90, 40]));
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Jpeg)
        .unwrap();
    let photo = dir.path().join("ana.jpg");
    std::fs::write(&photo, &bytes).unwrap();
    let hash = ok(
        dir.path(),
        &["persona", "photo", "Ana", photo.to_str().unwrap()],
    );
    assert_eq!(hash.trim().len(), 64);
    let shown = json(dir.path(), &["persona", "show", "Ana", "--json"]);
    assert_eq!(shown["photo"], hash.trim());

    let broken = dir.path().join("broken.png");
    std::fs::write(&broken, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = run(
        dir.path(),
        &["persona", "photo", "Ana", broken.to_str().unwrap()],
    );
    fails_with(&out, "the image is damaged");
    assert_eq!(
        json(dir.path(), &["persona", "show", "Ana", "--json"])["photo"],
        hash.trim()
    );

    ok(dir.path(), &["persona", "photo", "Ana", "--remove"]);
    assert!(json(dir.path(), &["persona", "show", "Ana", "--json"])["photo"].is_null());
}

#[test]
fn a_picture_goes_into_an_image_module_and_out_again() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["project", "new", "A"]);
    ok(d, &["persona", "new", "--project", "A", "--name", "Ana"]);
    // No built-in template has an image module: add one as a user would, then import.
    let file = d.join("ana.json");
    ok(
        d,
        &[
            "persona",
            "export",
            "Ana",
            "--format",
            "json",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    let mut persona: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let modules = persona["modules"].as_array_mut().unwrap();
    let mut board = modules.last().unwrap().clone();
    board["id"] = "moodboard".into();
    board["title"] = "Mood board".into();
    board["body"] = serde_json::json!({"kind": "image", "asset": null, "caption": ""});
    modules.push(board);
    std::fs::write(&file, persona.to_string()).unwrap();
    ok(
        d,
        &[
            "persona",
            "import",
            file.to_str().unwrap(),
            "--project",
            "A",
            "--on-conflict",
            "replace",
        ],
    );

    let img = image::RgbImage::from_fn(3000, 1500, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 40])
    });
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
        .unwrap();
    let picture = d.join("shelf.png");
    std::fs::write(&picture, &bytes).unwrap();
    let hash = ok(
        d,
        &[
            "persona",
            "image",
            "Ana",
            "moodboard",
            picture.to_str().unwrap(),
            "--caption",
            " Полка в магазине ",
        ],
    );
    let hash = hash.trim();
    assert_eq!(hash.len(), 64);
    let board = |shown: &serde_json::Value| {
        shown["modules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == "moodboard")
            .unwrap()["body"]
            .clone()
    };
    let body = board(&json(d, &["persona", "show", "Ana", "--json"]));
    assert_eq!(body["asset"], hash);
    assert_eq!(body["caption"], "Полка в магазине");
    // The sheet draws it, scaled down to what a sheet can use (2000 px on its long side).
    let sheet = d.join("ana.pdf");
    ok(
        d,
        &[
            "export",
            "Ana",
            "--format",
            "pdf",
            "--out",
            sheet.to_str().unwrap(),
        ],
    );
    let listed = std::process::Command::new("pdfimages")
        .args(["-list", sheet.to_str().unwrap()])
        .output()
        .expect("pdfimages (poppler-utils) runs");
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.lines().any(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            cols.get(3) == Some(&"2000") && cols.get(4) == Some(&"1000")
        }),
        "{listed}"
    );

    // A refused file, a module that is not an image module: one sentence, nothing changes.
    let broken = d.join("broken.png");
    std::fs::write(&broken, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = run(
        d,
        &[
            "persona",
            "image",
            "Ana",
            "moodboard",
            broken.to_str().unwrap(),
        ],
    );
    fails_with(&out, "the image is damaged");
    let out = run(
        d,
        &[
            "persona",
            "image",
            "Ana",
            "goals",
            picture.to_str().unwrap(),
        ],
    );
    fails_with(
        &out,
        "has no image module 'goals' (its image modules: moodboard)",
    );
    assert_eq!(
        board(&json(d, &["persona", "show", "Ana", "--json"]))["asset"],
        hash
    );

    ok(d, &["persona", "image", "Ana", "moodboard", "--remove"]);
    let body = board(&json(d, &["persona", "show", "Ana", "--json"]));
    assert!(body["asset"].is_null());
    assert_eq!(body["caption"], "Полка в магазине");
}

#[test]
fn a_brand_is_shown_and_changed_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["project", "new", "Q3 research"]);
    let shown = json(d, &["project", "brand", "Q3 research", "--json"]);
    assert!(shown["name"].is_null());
    assert_eq!(shown["primary"], "#2f4b8f");

    let logo = image::RgbaImage::from_pixel(1024, 256, image::Rgba([20, 60, 200, 255]));
    let mut bytes = Vec::new();
    logo.write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
        .unwrap();
    let file = d.join("logo.png");
    std::fs::write(&file, &bytes).unwrap();
    let changed = json(
        d,
        &[
            "project",
            "brand",
            "Q3 research",
            "--name",
            " Cà phê Sữa ",
            "--primary",
            "#0F5E4F",
            "--font",
            "Noto Sans",
            "--logo",
            file.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(changed["name"], "Cà phê Sữa");
    assert_eq!(changed["primary"], "#0f5e4f");
    assert_eq!(changed["accent"], "#e86a4a", "what is not named stays");
    assert_eq!(changed["font"], "Noto Sans");
    assert_eq!(changed["logo"].as_str().unwrap().len(), 64);
    // The sheets use it: the footer names the brand, not the project.
    ok(
        d,
        &[
            "persona",
            "new",
            "--project",
            "Q3 research",
            "--name",
            "Lan",
        ],
    );
    let pdf = d.join("lan.pdf");
    ok(
        d,
        &[
            "export",
            "Lan",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Cà phê Sữa"), "{text}");
    assert!(!text.contains("Q3 research"), "{text}");

    // Refused changes say why in one sentence and change nothing.
    let before = json(d, &["project", "brand", "Q3 research", "--json"]);
    fails_with(
        &run(
            d,
            &["project", "brand", "Q3 research", "--font", "Comic Sans"],
        ),
        "sheets cannot be set in the font 'Comic Sans'; use one of:",
    );
    fails_with(
        &run(
            d,
            &[
                "project",
                "brand",
                "Q3 research",
                "--primary",
                "teal",
                "--name",
                "X",
            ],
        ),
        "'teal' is not a colour of the form #rrggbb",
    );
    let broken = d.join("broken.png");
    std::fs::write(&broken, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    fails_with(
        &run(
            d,
            &[
                "project",
                "brand",
                "Q3 research",
                "--logo",
                broken.to_str().unwrap(),
                "--name",
                "Y",
            ],
        ),
        "the image is damaged",
    );
    assert_eq!(
        json(d, &["project", "brand", "Q3 research", "--json"]),
        before
    );

    // An empty name goes back to the project's; the logo can be taken away.
    let cleared = json(
        d,
        &[
            "project",
            "brand",
            "Q3 research",
            "--name",
            "",
            "--no-logo",
            "--json",
        ],
    );
    assert!(cleared["name"].is_null());
    assert!(cleared["logo"].is_null());
    assert_eq!(cleared["font"], "Noto Sans");
}
