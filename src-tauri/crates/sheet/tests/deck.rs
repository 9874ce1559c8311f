//! Deck export: cover + one sheet per persona, progress and cancel.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};

use common::{fonts, input, run, samples, scratch, squash};
use persona_model::Brand;
use persona_sheet::{
    export_deck, AssetSource, DeckInput, DeckProgress, MemoryAssets, NoAssets, SheetError,
    SheetOptions,
};

#[test]
fn a_deck_has_a_cover_and_every_sheet() {
    let brand = Brand::default();
    let personas: Vec<_> = ["en", "zh", "ru", "vi", "lt"]
        .iter()
        .map(|l| samples::persona("ecommerce-shopper", l))
        .collect();
    let t = samples::template("ecommerce-shopper");
    let deck = DeckInput {
        judging: common::judging(),
        title: "Northwind Outdoor",
        brand: &brand,
        sheets: personas.iter().map(|p| input(p, &t, &brand)).collect(),
    };
    let mut seen = Vec::new();
    let cancel = AtomicBool::new(false);
    let pdf = export_deck(
        &deck,
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
        &mut |p| seen.push(p.clone()),
        &cancel,
    )
    .unwrap();
    assert_eq!(pdf.pages, 6);
    assert_eq!(seen.len(), 6);
    assert_eq!(
        seen.last(),
        Some(&DeckProgress {
            done: 5,
            total: 5,
            persona: "Žygimantas Šimkūnas".to_owned()
        })
    );
    let path = scratch("deck").join("deck.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    let path = path.to_string_lossy().into_owned();
    assert!(run("qpdf", &["--check", &path]).contains("No syntax or stream encoding errors"));
    let cover = squash(&run("pdftotext", &["-l", "1", &path, "-"]));
    assert!(cover.contains("NorthwindOutdoor"), "{cover}");
    for p in &personas {
        assert!(
            cover.contains(&squash(&p.name)),
            "{} missing from the cover",
            p.name
        );
    }
    let all = squash(&run("pdftotext", &["-raw", &path, "-"]));
    for p in &personas {
        for s in samples::visible_strings(p) {
            assert!(all.contains(&squash(&s)), "'{s}' missing from the deck");
        }
    }
    let info = run("pdfinfo", &[&path]);
    assert!(
        info.contains("Title:           Northwind Outdoor"),
        "{info}"
    );
}

/// A deck of e-commerce shoppers in `langs`, written to a scratch file: its path.
fn written_deck(
    name: &str,
    title: &str,
    brand: &Brand,
    langs: &[&str],
    assets: &dyn AssetSource,
) -> String {
    let personas: Vec<_> = langs
        .iter()
        .map(|l| samples::persona("ecommerce-shopper", l))
        .collect();
    let t = samples::template("ecommerce-shopper");
    let deck = DeckInput {
        judging: common::judging(),
        title,
        brand,
        sheets: personas.iter().map(|p| input(p, &t, brand)).collect(),
    };
    let pdf = export_deck(
        &deck,
        &SheetOptions::default(),
        fonts(),
        assets,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    let path = scratch(name).join("deck.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn the_brand_name_is_on_the_cover_and_in_every_footer_instead_of_the_project_name() {
    // A wide logo, with the name beside it.
    let logo = image::RgbaImage::from_fn(240, 80, |x, _| {
        image::Rgba([255, 255, 255, if x < 80 { 255 } else { 120 }])
    });
    let mut png = Vec::new();
    logo.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let hash = persona_model::AssetHash("logo".to_owned());
    let brand = Brand {
        name: Some("北风户外 Northwind".into()),
        logo: Some(hash.clone()),
        ..Brand::default()
    };
    let assets = MemoryAssets([(hash, png)].into_iter().collect());
    let path = written_deck("deck-brand", "Q3 research", &brand, &["zh", "ru"], &assets);
    let images = run("pdfimages", &["-list", "-f", "1", "-l", "1", &path]);
    assert!(
        images.contains(" 240    80 "),
        "the logo is on the cover: {images}"
    );
    let cover = squash(&run("pdftotext", &["-l", "1", &path, "-"]));
    assert!(cover.contains("北风户外Northwind"), "{cover}");
    assert!(cover.contains("Q3research"), "{cover}");
    for page in 2..=3 {
        let n = page.to_string();
        let text = squash(&run("pdftotext", &["-f", &n, "-l", &n, &path, "-"]));
        assert!(text.contains("北风户外Northwind"), "page {page}: {text}");
        // The project's own (internal) name is not what clients read on a sheet.
        assert!(!text.contains("Sampleproject"), "page {page}: {text}");
    }
}

#[test]
fn a_deck_can_be_cancelled() {
    let brand = Brand::default();
    let personas: Vec<_> = ["en", "ru", "lt"]
        .iter()
        .map(|l| samples::persona("user-persona", l))
        .collect();
    let t = samples::template("user-persona");
    let deck = DeckInput {
        judging: common::judging(),
        title: "Cancelled",
        brand: &brand,
        sheets: personas.iter().map(|p| input(p, &t, &brand)).collect(),
    };
    let cancel = AtomicBool::new(false);
    let result = export_deck(
        &deck,
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
        &mut |p| {
            if p.done == 1 {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        &cancel,
    );
    assert!(
        matches!(result, Err(SheetError::Cancelled { done: 1, total: 3 })),
        "{result:?}"
    );
}

#[test]
fn an_empty_deck_is_refused() {
    let brand = Brand::default();
    let deck = DeckInput {
        judging: common::judging(),
        title: "Empty",
        brand: &brand,
        sheets: Vec::new(),
    };
    let result = export_deck(
        &deck,
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
        &mut |_| {},
        &AtomicBool::new(false),
    );
    assert!(matches!(result, Err(SheetError::EmptyDeck)));
}

#[test]
fn a_persona_with_evidence_is_followed_by_its_evidence_appendix() {
    use chrono::NaiveDate;
    use persona_model::{DatasetId, EvidenceSource, SurveyRef};

    let brand = Brand::default();
    let t = samples::template("user-persona");
    let mut with = samples::persona("user-persona", "en");
    let without = samples::persona("user-persona", "ru");
    let survey = |collected: NaiveDate| SurveyRef {
        dataset: DatasetId(uuid::Uuid::nil()),
        dataset_name: "Pilot survey".into(),
        question: "q2".into(),
        question_text: "How often do you shop online?".into(),
        collected,
    };
    let goal = common::list_items(&with, "goals")[0].clone();
    let mut attach = |field: &str, source: EvidenceSource| common::attach(&mut with, field, source);
    // Weak: 12 respondents. Stale: collected two years before the judging day.
    attach(
        "goals/0",
        EvidenceSource::Statistic {
            survey: survey(NaiveDate::from_ymd_opt(2026, 1, 10).unwrap()),
            options: vec!["Weekly".into()],
            segment: None,
            count: 7,
            n: 12,
            percent: 58.3,
            ci_low: 31.9,
            ci_high: 80.7,
        },
    );
    attach(
        "quote",
        EvidenceSource::Manual {
            name: "Interview with Fred".into(),
            date: NaiveDate::from_ymd_opt(2024, 2, 1),
            url: None,
            note: "Said it twice, unprompted.".into(),
        },
    );
    let deck = DeckInput {
        judging: common::judging(),
        title: "Evidence deck",
        brand: &brand,
        sheets: vec![input(&with, &t, &brand), input(&without, &t, &brand)],
    };
    let cancel = AtomicBool::new(false);
    let pdf = export_deck(
        &deck,
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
        &mut |_| {},
        &cancel,
    )
    .unwrap();
    // Cover, Fred's sheet, Fred's appendix, the Russian persona's sheet (no evidence).
    assert_eq!(pdf.pages, 4);
    let path = scratch("deck").join("appendix.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    let path = path.to_string_lossy().into_owned();
    assert!(run("qpdf", &["--check", &path]).contains("No syntax or stream encoding errors"));
    let page = |n: usize| {
        let n = n.to_string();
        run("pdftotext", &["-raw", "-f", &n, "-l", &n, &path, "-"])
    };
    let appendix = page(3);
    for want in [
        "EVIDENCE APPENDIX",
        "Frugal Fred",
        "evidence coverage",
        "Judged on 2026-04-02",
        "Pilot survey — Weekly: 58% (7 of 12; 95% CI 32–81%) [weak]",
        "Interview with Fred, 2024-02-01 [stale] — Said it twice, unprompted.",
        "ASSUMPTIONS — NO EVIDENCE YET",
        "Frugal Fred · Evidence appendix",
        "About: Age, Gender, Location",
    ] {
        assert!(
            squash(&appendix).contains(&squash(want)),
            "“{want}” is not on the appendix page:\n{appendix}"
        );
    }
    assert!(squash(&appendix).contains(&squash(&goal)), "{appendix}");
    // One supported field of many: the score is low, and Bio is an assumption.
    assert!(appendix.contains("0 of"), "{appendix}");
    assert!(squash(&appendix).contains("Bio"), "{appendix}");
    assert!(!page(4).contains("EVIDENCE APPENDIX"));

    // The same deck with the words the sheet adds in Russian.
    let options = SheetOptions {
        locale: persona_sheet::Locale::Ru,
        ..SheetOptions::default()
    };
    let ru = export_deck(&deck, &options, fonts(), &NoAssets, &mut |_| {}, &cancel).unwrap();
    let path = scratch("deck").join("appendix-ru.pdf");
    std::fs::write(&path, &ru.bytes).unwrap();
    let text = |n: &str| {
        let path = path.to_string_lossy().into_owned();
        squash(&run("pdftotext", &["-raw", "-f", n, "-l", n, &path, "-"]))
    };
    for (page, want) in [
        ("1", "ПЕРСОНЫ"),
        ("1", "2 персоны"),
        ("2", "Обновлено 2026-04-02"),
        ("3", "ПРИЛОЖЕНИЕ: ДОКАЗАТЕЛЬСТВА"),
        (
            "3",
            "Pilot survey — Weekly: 58% (7 из 12; 95% ДИ 32–81%) [слабое]",
        ),
        ("3", "ПРЕДПОЛОЖЕНИЯ — ДОКАЗАТЕЛЬСТВ ПОКА НЕТ"),
        ("3", "Оценено 2026-04-02"),
        ("3", "Цитата"),
    ] {
        assert!(
            text(page).contains(&squash(want)),
            "page {page} lacks “{want}”:\n{}",
            text(page)
        );
    }
}
