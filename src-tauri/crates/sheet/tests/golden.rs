//! Golden images: small renders of sample sheets compared with committed references
//! in tests/golden/, with a tolerance. On failure a diff image is written to
//! tests/golden/failed/ (git-ignored).
//!
//! Regenerate the references on purpose with
//! `PERSONA_SHEET_BLESS=1 cargo test -p persona-sheet --test golden`, then look at
//! them before committing.

mod common;

use std::path::Path;

use common::{diff, failed_dir, fonts, input, samples};
use persona_model::{Brand, Color};
use persona_sheet::{layout, render_png, Dpi, NoAssets, SheetOptions};

/// The lowest resolution the back end accepts keeps the references small.
const GOLDEN_DPI: u32 = 72;

fn check(name: &str, persona: &persona_model::Persona, brand: &Brand, page: usize) {
    let t = samples::template(persona.template.as_str());
    let laid = layout(
        &input(persona, &t, brand),
        &SheetOptions::default(),
        fonts(),
        &NoAssets,
    )
    .unwrap();
    let png = render_png(&laid.scene, page, Dpi::new(GOLDEN_DPI).unwrap(), fonts()).unwrap();
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/{name}.png"));
    if std::env::var_os("PERSONA_SHEET_BLESS").is_some() {
        std::fs::write(&reference, &png).unwrap();
        return;
    }
    let want = image::open(&reference)
        .unwrap_or_else(|e| {
            panic!(
                "no reference {} ({e}); make it with PERSONA_SHEET_BLESS=1",
                reference.display()
            )
        })
        .into_rgb8();
    let got = image::load_from_memory(&png).unwrap().into_rgb8();
    assert_eq!(got.dimensions(), want.dimensions(), "{name}: size changed");
    let d = diff(&got, &want);
    if d.mean > 0.5 || d.strong > 0.002 {
        let out = failed_dir().join(format!("{name}-diff.png"));
        d.image.save(&out).unwrap();
        std::fs::write(failed_dir().join(format!("{name}-got.png")), &png).unwrap();
        panic!(
            "{name}: differs from its reference (mean {:.3}, strong {:.4}); see {}",
            d.mean,
            d.strong,
            out.display()
        );
    }
}

#[test]
fn user_persona_in_english() {
    check(
        "user-persona-en",
        &samples::persona("user-persona", "en"),
        &Brand::default(),
        0,
    );
}

#[test]
fn ecommerce_shopper_in_chinese() {
    check(
        "ecommerce-shopper-zh",
        &samples::persona("ecommerce-shopper", "zh"),
        &Brand::default(),
        0,
    );
}

#[test]
fn b2b_buyer_in_vietnamese_with_another_brand() {
    let brand = Brand {
        name: None,
        primary: Color::rgb(0x0f, 0x5e, 0x4f),
        accent: Color::rgb(0xf2, 0xb7, 0x05),
        logo: None,
        font: None,
    };
    check(
        "b2b-buyer-vi",
        &samples::persona("b2b-buyer", "vi"),
        &brand,
        0,
    );
}

#[test]
fn proto_persona_in_russian() {
    check(
        "proto-persona-ru",
        &samples::persona("proto-persona", "ru"),
        &Brand::default(),
        0,
    );
}

#[test]
fn ideal_customer_profile_in_lithuanian() {
    check(
        "ideal-customer-profile-lt",
        &samples::persona("ideal-customer-profile", "lt"),
        &Brand::default(),
        0,
    );
}

#[test]
fn mixed_scripts() {
    check("mixed-scripts", &samples::mixed(), &Brand::default(), 0);
}

#[test]
fn overflow_follow_on_page() {
    check("overflow-page2", &samples::overlong(), &Brand::default(), 1);
}
