//! Renders every built-in template in each of the five sample languages to
//! `docs/gallery/` (PNG at 100 dpi), plus the mixed-script and overlong samples.
//!
//! Run: `cargo run -p persona-sheet --example gallery [OUT_DIR]`

#[path = "../tests/common/samples.rs"]
mod samples;

use std::collections::BTreeMap;
use std::path::PathBuf;

use persona_model::Brand;
use persona_sheet::{
    export_pdf, export_png, layout_deck, render_png, DeckInput, Dpi, FontBook, NoAssets,
    SheetInput, SheetOptions,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../docs/gallery"));
    std::fs::create_dir_all(&out)?;
    let (fonts, missing) = FontBook::with_system_fallbacks("/usr/share/fonts".as_ref());
    for m in missing {
        eprintln!("note: fallback font not found: {}", m.display());
    }
    let brand = Brand::default();
    let charts = BTreeMap::new();
    let dpi = Dpi::new(100)?;
    let mut jobs = Vec::new();
    for t in persona_model::builtin_templates() {
        for code in samples::LANGS {
            jobs.push((
                format!("{}-{code}", t.id),
                samples::persona(t.id.as_str(), code),
            ));
        }
    }
    jobs.push(("mixed-scripts".to_owned(), samples::mixed()));
    jobs.push(("overflow".to_owned(), samples::overlong()));
    for (name, persona) in jobs {
        let template = samples::template(persona.template.as_str());
        let input = SheetInput {
            persona: &persona,
            template: &template,
            brand: &brand,
            project_name: Some("Sample project"),
            charts: &charts,
        };
        // The words the sheet adds follow the sample's language, as in the app.
        let options = SheetOptions {
            locale: persona_sheet::Locale::from_tag(name.rsplit('-').next().unwrap_or("en")),
            ..SheetOptions::default()
        };
        let png = export_png(&input, &options, dpi, &fonts, &NoAssets)?;
        for (i, page) in png.pages.iter().enumerate() {
            let file = if i == 0 {
                format!("{name}.png")
            } else {
                format!("{name}-page{}.png", i + 1)
            };
            std::fs::write(out.join(&file), page)?;
            println!("{file}: {} KB", page.len() / 1024);
        }
        if std::env::var_os("GALLERY_PDF").is_some() {
            let pdf = export_pdf(&input, &SheetOptions::default(), &fonts, &NoAssets)?;
            std::fs::write(out.join(format!("{name}.pdf")), &pdf.bytes)?;
        }
        for w in png.warnings {
            println!("  warning: {w}");
        }
    }
    // The cover of a deck of the five user personas.
    let personas: Vec<_> = samples::LANGS
        .iter()
        .map(|l| samples::persona("user-persona", l))
        .collect();
    let template = samples::template("user-persona");
    let deck = DeckInput {
        judging: persona_sheet::Judging {
            policy: persona_model::EvidencePolicy::default(),
            today: chrono::NaiveDate::from_ymd_opt(2026, 4, 2).expect("a date"),
        },
        title: "Sample project",
        brand: &brand,
        sheets: personas
            .iter()
            .map(|p| SheetInput {
                persona: p,
                template: &template,
                brand: &brand,
                project_name: Some("Sample project"),
                charts: &charts,
            })
            .collect(),
    };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let (scene, _) = layout_deck(
        &deck,
        &SheetOptions::default(),
        &fonts,
        &NoAssets,
        &mut |_| {},
        &cancel,
    )?;
    std::fs::write(
        out.join("deck-cover.png"),
        render_png(&scene, 0, dpi, &fonts)?,
    )?;
    Ok(())
}
