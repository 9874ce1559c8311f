//! Benchmarks of sheet exports, with headless Chromium printing an equivalent HTML
//! sheet for comparison. Writes docs/benchmarks-sheet.md.
//!
//! Run: `cargo bench -p persona-sheet --bench sheet`
//! (needs /usr/bin/chromium and the fonts of the tests; a small harness rather than
//! criterion because Chromium's run takes seconds and is timed the same way.)

#[path = "../tests/common/samples.rs"]
mod samples;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use persona_model::{Brand, ModuleBody, Persona};
use persona_sheet::{
    export_deck, export_pdf, export_png, DeckInput, Dpi, FontBook, NoAssets, SheetInput,
    SheetOptions,
};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut last = f(); // warm-up
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        last = f();
        times.push(t.elapsed());
    }
    (median(times), last)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// An HTML page with the same content and a similar grid, for Chromium.
fn html(p: &Persona) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let mut cards = String::new();
    for m in &p.modules {
        let a = m.area;
        let _ = write!(
            cards,
            "<div class=card style=\"grid-column:{} / span {};grid-row:{} / span {}\">",
            a.col + 1,
            a.cols,
            a.row + 1,
            a.rows
        );
        match &m.body {
            ModuleBody::Header => {
                let _ = write!(
                    cards,
                    "<h1>{}</h1><p>{}</p><blockquote>{}</blockquote>",
                    esc(&p.name),
                    esc(&p.archetype),
                    esc(&p.quote)
                );
            }
            body => {
                let _ = write!(cards, "<h2>{}</h2>", esc(&m.title));
                match body {
                    ModuleBody::List { items } => {
                        cards.push_str("<ul>");
                        for i in items {
                            let _ = write!(cards, "<li>{}</li>", esc(i));
                        }
                        cards.push_str("</ul>");
                    }
                    ModuleBody::Sliders { rows, .. } => {
                        for r in rows {
                            let _ = write!(cards, "<div class=s>{} <span class=t><span style=\"width:{}%\"></span></span> {}</div>", esc(&r.left), r.value, esc(&r.right));
                        }
                    }
                    ModuleBody::Tags { tags } => {
                        for t in tags {
                            let _ = write!(cards, "<span class=pill>{}</span> ", esc(t));
                        }
                    }
                    other => {
                        for t in other.texts() {
                            let _ = write!(cards, "<p>{}</p>", esc(t));
                        }
                    }
                }
            }
        }
        cards.push_str("</div>");
    }
    format!(
        "<!doctype html><html><head><meta charset=utf-8><title>{}</title><style>\
@page{{size:A4 landscape;margin:9mm}}body{{margin:0;font:9pt 'Noto Sans','Noto Sans CJK SC',sans-serif;color:#1f2933}}\
.g{{display:grid;grid-template-columns:repeat(12,1fr);grid-template-rows:repeat(8,1fr);gap:9pt;height:186mm}}\
.card{{background:#f3f4f8;border-radius:7pt;padding:11pt;overflow:hidden}}h1{{font-size:19pt;margin:0}}h2{{font-size:7.5pt;text-transform:uppercase;letter-spacing:.08em;color:#2f4b8f;margin:0 0 5pt}}\
.pill{{background:#dfe4ee;border-radius:9pt;padding:2pt 7pt;font-size:8pt}}.t{{display:inline-block;width:40%;height:3pt;background:#dfe4ee}}.t span{{display:block;height:3pt;background:#e86a4a}}\
</style></head><body><div class=g>{cards}</div></body></html>",
        esc(&p.name)
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (fonts, _) = FontBook::with_system_fallbacks("/usr/share/fonts".as_ref());
    let brand = Brand::default();
    let charts = BTreeMap::new();
    let p = samples::persona("user-persona", "zh");
    let t = samples::template("user-persona");
    let input = SheetInput {
        persona: &p,
        template: &t,
        brand: &brand,
        project_name: Some("Sample project"),
        charts: &charts,
    };
    let opts = SheetOptions::default();

    let (pdf_t, pdf) = time(30, || export_pdf(&input, &opts, &fonts, &NoAssets));
    let pdf = pdf?;
    let p_en = samples::persona("user-persona", "en");
    let input_en = SheetInput {
        persona: &p_en,
        ..input
    };
    let (pdf_en_t, pdf_en) = time(30, || export_pdf(&input_en, &opts, &fonts, &NoAssets));
    let pdf_en = pdf_en?;
    let (png_t, png) = time(5, || {
        export_png(&input, &opts, Dpi::PRINT, &fonts, &NoAssets)
    });
    let png = png?;

    let personas: Vec<Persona> = (0..50)
        .map(|i| {
            let tid = ["user-persona", "ecommerce-shopper", "b2b-buyer"][i % 3];
            samples::persona(tid, samples::LANGS[i % 5])
        })
        .collect();
    let templates: Vec<_> = personas
        .iter()
        .map(|p| samples::template(p.template.as_str()))
        .collect();
    let deck = DeckInput {
        judging: persona_sheet::Judging {
            policy: persona_model::EvidencePolicy::default(),
            today: chrono::NaiveDate::from_ymd_opt(2026, 4, 2).expect("a date"),
        },
        title: "Fifty personas",
        brand: &brand,
        sheets: personas
            .iter()
            .zip(&templates)
            .map(|(p, t)| SheetInput {
                persona: p,
                template: t,
                brand: &brand,
                project_name: None,
                charts: &charts,
            })
            .collect(),
    };
    let cancel = AtomicBool::new(false);
    let (deck_t, deck_pdf) = time(3, || {
        export_deck(&deck, &opts, &fonts, &NoAssets, &mut |_| {}, &cancel)
    });
    let deck_pdf = deck_pdf?;

    // Chromium printing the same sheet as HTML.
    let dir = std::env::temp_dir().join("persona-sheet-bench");
    std::fs::create_dir_all(&dir)?;
    let html_path = dir.join("sheet.html");
    std::fs::write(&html_path, html(&p))?;
    let chrome_pdf = dir.join("chromium.pdf");
    let chromium = |out: &PathBuf| {
        Command::new("/usr/bin/chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--print-to-pdf={}", out.display()))
            .arg(format!("file://{}", html_path.display()))
            .output()
    };
    let chrome = match chromium(&chrome_pdf) {
        Ok(o) if o.status.success() => {
            let (d, _) = time(3, || chromium(&chrome_pdf));
            Some((d, std::fs::metadata(&chrome_pdf)?.len()))
        }
        other => {
            eprintln!("chromium did not run: {other:?}");
            None
        }
    };

    let mut md = String::new();
    writeln!(md, "# Sheet export benchmarks\n")?;
    writeln!(md, "Made by `cargo bench -p persona-sheet --bench sheet` (benches/sheet.rs), release profile, warm (one warm-up run, then the median of several). The machine: {} CPU cores shared with other builds, so treat figures as rough.\n", std::thread::available_parallelism().map_or(0, |n| n.get()))?;
    writeln!(md, "| what | median time | output size |")?;
    writeln!(md, "|---|---|---|")?;
    writeln!(md, "| one sheet → PDF (user persona, Chinese: Noto Sans + Noto Sans CJK subsets) | {:.1} ms | {:.1} KB |", ms(pdf_t), pdf.bytes.len() as f64 / 1024.0)?;
    writeln!(
        md,
        "| one sheet → PDF (user persona, English) | {:.1} ms | {:.1} KB |",
        ms(pdf_en_t),
        pdf_en.bytes.len() as f64 / 1024.0
    )?;
    writeln!(
        md,
        "| one sheet → PNG at 300 dpi (3508 × 2480 px) | {:.1} ms | {:.1} KB |",
        ms(png_t),
        png.pages[0].len() as f64 / 1024.0
    )?;
    writeln!(
        md,
        "| 50-persona deck → PDF (cover + 50 sheets, five languages) | {:.1} ms | {:.1} KB |",
        ms(deck_t),
        deck_pdf.bytes.len() as f64 / 1024.0
    )?;
    match chrome {
        Some((d, size)) => {
            writeln!(md, "| headless Chromium printing an equivalent HTML sheet → PDF | {:.1} ms | {:.1} KB |", ms(d), size as f64 / 1024.0)?;
            writeln!(
                md,
                "\nThe sheet PDF is {:.0}× faster than Chromium's print of the same content.",
                d.as_secs_f64() / pdf_t.as_secs_f64()
            )?;
        }
        None => writeln!(md, "| headless Chromium | did not run | |")?,
    }
    writeln!(md, "\nTargets (issue 6): a sheet PDF under 50 ms warm and at least 10× faster than Chromium; a sheet without photo under 150 KB including CJK fonts.")?;
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../docs/benchmarks-sheet.md");
    std::fs::write(&out, &md)?;
    print!("{md}");
    Ok(())
}
