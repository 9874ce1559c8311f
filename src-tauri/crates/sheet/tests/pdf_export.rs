//! PDF exports read back with poppler (pdftotext, pdffonts, pdfinfo) and qpdf.

mod common;

use common::{fonts, input, run, samples, scratch, squash};
use persona_model::{Brand, ModuleBody, Orientation, PageSize};
use persona_sheet::{
    export_pdf, MemoryAssets, NoAssets, Overflow, PageOptions, SheetOptions, Warning,
};

fn write_pdf(name: &str, bytes: &[u8]) -> String {
    let path = scratch("pdf").join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// Checks the structure and fonts of a PDF; returns its extracted text.
fn check_pdf(path: &str) -> String {
    let check = run("qpdf", &["--check", path]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let fonts = run("pdffonts", &[path]);
    for line in fonts.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let n = cols.len();
        assert!(n >= 5, "unexpected pdffonts line: {line}");
        // name type… encoding emb sub uni object gen
        assert_eq!(
            (cols[n - 5], cols[n - 4]),
            ("yes", "yes"),
            "font not embedded as a subset: {line}"
        );
        assert!(cols[0].get(6..7) == Some("+"), "no subset tag: {line}");
    }
    run("pdftotext", &["-raw", "-enc", "UTF-8", path, "-"])
}

#[test]
fn every_language_every_template_has_all_its_text_with_subset_fonts() {
    let brand = Brand::default();
    for t in persona_model::builtin_templates() {
        for code in samples::LANGS {
            let p = samples::persona(t.id.as_str(), code);
            let pdf = export_pdf(
                &input(&p, t, &brand),
                &SheetOptions::default(),
                fonts(),
                &NoAssets,
            )
            .unwrap();
            let path = write_pdf(&format!("{}-{code}", t.id), &pdf.bytes);
            let text = squash(&check_pdf(&path));
            let mut last = 0;
            for s in samples::visible_strings(&p) {
                let want = squash(&s);
                let found = text.find(&want);
                assert!(
                    found.is_some(),
                    "{}-{code}: '{s}' is not in the PDF text",
                    t.id
                );
                // Modules come out in reading order: each one's first string after the
                // previous module's.
                if let Some(at) = found {
                    if p.modules.iter().any(|m| m.title.to_uppercase() == s) {
                        assert!(at >= last, "{}-{code}: '{s}' is out of reading order", t.id);
                        last = at;
                    }
                }
            }
            assert!(
                pdf.warnings.iter().all(|w| !matches!(
                    w,
                    Warning::MissingGlyph { .. } | Warning::Truncated { .. }
                )),
                "{}-{code}: {:?}",
                t.id,
                pdf.warnings
            );
        }
    }
}

#[test]
fn mixed_scripts_in_one_persona() {
    let brand = Brand::default();
    let p = samples::mixed();
    let t = samples::template("user-persona");
    let pdf = export_pdf(
        &input(&p, &t, &brand),
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
    )
    .unwrap();
    let path = write_pdf("mixed", &pdf.bytes);
    let text = squash(&check_pdf(&path));
    for s in samples::visible_strings(&p) {
        assert!(
            text.contains(&squash(&s)),
            "'{s}' is missing from the PDF text"
        );
    }
    let fonts_used = run("pdffonts", &[&path]);
    assert!(fonts_used.contains("NotoSans-Regular"), "{fonts_used}");
    assert!(fonts_used.contains("NotoSansCJKsc"), "{fonts_used}");
}

#[test]
fn title_dates_and_every_page_size() {
    let brand = Brand::default();
    let p = samples::persona("user-persona", "lt");
    let t = samples::template("user-persona");
    let sizes = [
        (PageSize::A4, Orientation::Landscape, "841.89 x 595.276"),
        (PageSize::A4, Orientation::Portrait, "595.276 x 841.89"),
        (PageSize::Letter, Orientation::Landscape, "792 x 612"),
        (PageSize::Letter, Orientation::Portrait, "612 x 792"),
    ];
    for (size, orientation, want) in sizes {
        let options = SheetOptions {
            page: PageOptions {
                size: Some(size),
                orientation: Some(orientation),
            },
            overflow: Overflow::FollowOnPage,
            ..SheetOptions::default()
        };
        let pdf = export_pdf(&input(&p, &t, &brand), &options, fonts(), &NoAssets).unwrap();
        let path = write_pdf(&format!("size-{size:?}-{orientation:?}"), &pdf.bytes);
        let text = squash(&check_pdf(&path));
        for s in samples::visible_strings(&p) {
            assert!(
                text.contains(&squash(&s)),
                "{size:?} {orientation:?}: '{s}' missing"
            );
        }
        let info = run("pdfinfo", &[&path]);
        assert!(
            info.contains("Title:           Žygimantas Šimkūnas"),
            "{info}"
        );
        assert!(
            info.contains("CreationDate:    Sat Mar 14 09:30:00 2026 UTC"),
            "{info}"
        );
        assert!(
            info.contains("ModDate:         Thu Apr  2 16:05:00 2026 UTC"),
            "{info}"
        );
        let page_line = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
        let got: Vec<f32> = page_line
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        let exp: Vec<f32> = want.split(" x ").map(|w| w.parse().unwrap()).collect();
        assert!(
            (got[0] - exp[0]).abs() < 0.5 && (got[1] - exp[1]).abs() < 0.5,
            "{size:?} {orientation:?}: {page_line}"
        );
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let brand = Brand::default();
    let p = samples::mixed();
    let t = samples::template("user-persona");
    let a = export_pdf(
        &input(&p, &t, &brand),
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
    )
    .unwrap();
    let b = export_pdf(
        &input(&p, &t, &brand),
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
    )
    .unwrap();
    assert!(a.bytes == b.bytes, "two exports of the same persona differ");
}

#[test]
fn a_sheet_without_photo_stays_small_even_with_cjk() {
    let brand = Brand::default();
    let p = samples::persona("user-persona", "zh");
    let t = samples::template("user-persona");
    let pdf = export_pdf(
        &input(&p, &t, &brand),
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
    )
    .unwrap();
    assert!(pdf.bytes.len() < 150 * 1024, "{} bytes", pdf.bytes.len());
}

#[test]
fn a_character_no_font_has_is_a_box_and_a_warning() {
    let brand = Brand::default();
    let mut p = samples::persona("user-persona", "en");
    p.quote = "Linear B: 𐀀 stays visible".to_owned();
    let t = samples::template("user-persona");
    let pdf = export_pdf(
        &input(&p, &t, &brand),
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
    )
    .unwrap();
    assert!(
        pdf.warnings.contains(&Warning::MissingGlyph {
            module: "Persona".to_owned(),
            character: '𐀀'
        }),
        "{:?}",
        pdf.warnings
    );
    let path = write_pdf("missing-glyph", &pdf.bytes);
    let text = check_pdf(&path);
    assert!(
        text.contains("Linear B:") && text.contains("stays visible"),
        "{text}"
    );
}

#[test]
fn overfull_modules_continue_on_a_follow_on_page_and_say_so() {
    let brand = Brand::default();
    let p = samples::overlong();
    let t = samples::template("user-persona");
    let pdf = export_pdf(
        &input(&p, &t, &brand),
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
    )
    .unwrap();
    assert!(pdf.pages >= 2, "pages: {}", pdf.pages);
    assert!(pdf
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::Shrunk { module, .. } if module == "Bio")));
    assert!(pdf
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::Continued { module, page: 2 } if module == "Bio")));
    let path = write_pdf("overlong", &pdf.bytes);
    check_pdf(&path);
    let first = squash(&run("pdftotext", &["-raw", "-l", "1", &path, "-"]));
    let rest = squash(&run("pdftotext", &["-raw", "-f", "2", &path, "-"]));
    // Nothing is lost: each string is on the sheet, or starts there and ends on a
    // follow-on page.
    for s in samples::visible_strings(&p) {
        let s = squash(&s);
        let chars: Vec<char> = s.chars().collect();
        let mut on_first = chars.len();
        while on_first > 0 && !first.contains(&chars[..on_first].iter().collect::<String>()) {
            on_first -= 1;
        }
        let tail: String = chars[on_first..].iter().collect();
        assert!(
            tail.is_empty() || rest.contains(&tail),
            "'{}…' was lost after {on_first} characters",
            s.chars().take(40).collect::<String>()
        );
    }
}

#[test]
fn overfull_modules_can_end_with_an_ellipsis_and_report_the_cut() {
    let brand = Brand::default();
    let p = samples::overlong();
    let t = samples::template("user-persona");
    let options = SheetOptions {
        overflow: Overflow::Ellipsis,
        ..SheetOptions::default()
    };
    let pdf = export_pdf(&input(&p, &t, &brand), &options, fonts(), &NoAssets).unwrap();
    assert_eq!(pdf.pages, 1);
    let cut = pdf
        .warnings
        .iter()
        .find_map(|w| match w {
            Warning::Truncated { module, text } if module == "Goals" => Some(text.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no truncation reported: {:?}", pdf.warnings));
    assert!(cut.contains("Goal number 24"), "{cut}");
    let path = write_pdf("ellipsis", &pdf.bytes);
    let text = check_pdf(&path);
    assert!(text.contains('…'), "no ellipsis drawn");
}

#[test]
fn photos_are_embedded_as_they_are() {
    let brand = Brand::default();
    let mut p = samples::persona("user-persona", "en");
    let img = image::RgbImage::from_fn(64, 48, |x, y| {
        image::Rgb([(x * 4) as u8, (y * 5) as u8, 128])
    });
    let mut jpeg = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut jpeg),
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    let hash = persona_model::AssetHash("photo".to_owned());
    p.photo = Some(hash.clone());
    let assets = MemoryAssets([(hash, jpeg.clone())].into_iter().collect());
    let t = samples::template("user-persona");
    let pdf = export_pdf(
        &input(&p, &t, &brand),
        &SheetOptions::default(),
        fonts(),
        &assets,
    )
    .unwrap();
    // The JPEG's bytes appear verbatim in the file: no re-encoding.
    assert!(
        pdf.bytes.windows(jpeg.len()).any(|w| w == jpeg.as_slice()),
        "JPEG was re-encoded"
    );
    let path = write_pdf("photo", &pdf.bytes);
    check_pdf(&path);
    let images = run("pdfimages", &["-list", &path]);
    assert!(images.contains("jpeg"), "{images}");
    assert!(pdf
        .warnings
        .iter()
        .all(|w| !matches!(w, Warning::ImageUnusable { .. })));
}

#[test]
fn a_missing_or_hostile_photo_becomes_initials_and_a_warning() {
    let brand = Brand::default();
    let mut p = samples::persona("user-persona", "ru");
    p.photo = Some(persona_model::AssetHash("gone".to_owned()));
    let assets = MemoryAssets(
        [(
            persona_model::AssetHash("gone".to_owned()),
            b"\x89PNG garbage".to_vec(),
        )]
        .into_iter()
        .collect(),
    );
    let t = samples::template("user-persona");
    let pdf = export_pdf(
        &input(&p, &t, &brand),
        &SheetOptions::default(),
        fonts(),
        &assets,
    )
    .unwrap();
    assert!(pdf
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::ImageUnusable { .. })));
    let text = check_pdf(&write_pdf("hostile-photo", &pdf.bytes));
    assert!(text.contains("ИВ"), "initials missing: {text}");
}

#[test]
fn empty_modules_show_their_hint() {
    let brand = Brand::default();
    let t = samples::template("b2b-buyer");
    let mut p = samples::persona("b2b-buyer", "en");
    for m in &mut p.modules {
        m.body = m.body.emptied();
    }
    let pdf = export_pdf(
        &input(&p, &t, &brand),
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
    )
    .unwrap();
    let text = squash(&check_pdf(&write_pdf("empty", &pdf.bytes)));
    for m in p
        .modules
        .iter()
        .filter(|m| matches!(m.body, ModuleBody::List { .. } | ModuleBody::Text { .. }))
    {
        assert!(text.contains(&squash(&m.hint)), "hint of {} missing", m.id);
    }
}
