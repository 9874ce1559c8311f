//! Deck export: cover + one sheet per persona, progress and cancel.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};

use common::{fonts, input, run, samples, scratch, squash};
use persona_model::Brand;
use persona_sheet::{export_deck, DeckInput, DeckProgress, NoAssets, SheetError, SheetOptions};

#[test]
fn a_deck_has_a_cover_and_every_sheet() {
    let brand = Brand::default();
    let personas: Vec<_> = ["en", "zh", "ru", "vi", "lt"]
        .iter()
        .map(|l| samples::persona("ecommerce-shopper", l))
        .collect();
    let t = samples::template("ecommerce-shopper");
    let deck = DeckInput {
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

#[test]
fn a_deck_can_be_cancelled() {
    let brand = Brand::default();
    let personas: Vec<_> = ["en", "ru", "lt"]
        .iter()
        .map(|l| samples::persona("user-persona", l))
        .collect();
    let t = samples::template("user-persona");
    let deck = DeckInput {
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
