//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod samples;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use persona_model::{Brand, Persona};
use persona_sheet::{ChartData, FontBook, SheetInput};

/// The fonts the tests use: the bundled faces plus Noto Sans CJK and DejaVu Sans
/// from /usr/share/fonts. Fails with a clear message when the CJK font is absent.
pub fn fonts() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(|| {
        let (book, missing) = FontBook::with_system_fallbacks(Path::new("/usr/share/fonts"));
        let cjk_missing: Vec<_> = missing
            .iter()
            .filter(|p| p.to_string_lossy().contains("CJK"))
            .collect();
        assert!(
            cjk_missing.is_empty(),
            "these tests need Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk); missing: {cjk_missing:?}"
        );
        book
    })
}

/// Runs an external tool, failing with a clear message when it is not installed.
pub fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run `{tool}` ({e}); install poppler-utils and qpdf (apt-get install poppler-utils qpdf)")
    });
    assert!(
        out.status.success(),
        "`{tool} {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A scratch directory for this test binary, under the target directory.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join("persona-sheet-tests")
        .join(format!("{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// No chart data.
pub fn no_charts() -> &'static BTreeMap<String, ChartData> {
    static EMPTY: OnceLock<BTreeMap<String, ChartData>> = OnceLock::new();
    EMPTY.get_or_init(BTreeMap::new)
}

/// The input for a persona on its own built-in template with the default brand.
pub fn input<'a>(
    persona: &'a Persona,
    template: &'a persona_model::Template,
    brand: &'a Brand,
) -> SheetInput<'a> {
    SheetInput {
        persona,
        template,
        brand,
        project_name: Some("Sample project"),
        charts: no_charts(),
    }
}

/// Text with all white space removed: line breaks land wherever the layout put them.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// How two same-sized RGB images differ.
#[derive(Debug)]
pub struct Diff {
    /// Mean absolute difference per channel, 0–255.
    pub mean: f64,
    /// Share of pixels whose largest channel difference exceeds 64.
    pub strong: f64,
    /// An image of the differences (red where they are strong), for a human to look at.
    pub image: image::RgbImage,
}

/// Compares two images over their common area (rasterisers may round the page
/// size differently by a pixel).
pub fn diff(a: &image::RgbImage, b: &image::RgbImage) -> Diff {
    let w = a.width().min(b.width());
    let h = a.height().min(b.height());
    let mut sum = 0u64;
    let mut strong = 0u64;
    let mut out = image::RgbImage::new(w, h);
    for y in 0..h {
        for x in 0..w {
            let (pa, pb) = (a.get_pixel(x, y), b.get_pixel(x, y));
            let mut max = 0u8;
            for c in 0..3 {
                let d = pa[c].abs_diff(pb[c]);
                sum += u64::from(d);
                max = max.max(d);
            }
            if max > 64 {
                strong += 1;
            }
            let grey = (u16::from(pa[0]) + u16::from(pa[1]) + u16::from(pa[2])) / 6 + 127;
            let g = grey.min(255) as u8;
            out.put_pixel(
                x,
                y,
                if max > 64 {
                    image::Rgb([255, 0, 0])
                } else {
                    image::Rgb([g, g, g])
                },
            );
        }
    }
    let n = f64::from(w) * f64::from(h);
    Diff {
        mean: sum as f64 / (n * 3.0),
        strong: strong as f64 / n,
        image: out,
    }
}

/// Where diff images of failed comparisons go (git-ignored).
pub fn failed_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/failed");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The evidence appendix's judging in tests: default policy, a fixed day.
pub fn judging() -> persona_sheet::Judging {
    persona_sheet::Judging {
        policy: persona_model::EvidencePolicy::default(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 4, 2).unwrap(),
    }
}

/// Attaches evidence to `field` ("goals/1", "quote", "bio") of `p`, anchored to the
/// field's current text as the app does.
pub fn attach(p: &mut Persona, field: &str, source: persona_model::EvidenceSource) {
    use chrono::TimeZone;
    let field: persona_model::FieldRef = field.parse().unwrap();
    let anchor = persona_model::coverage::anchor_of(p, &field);
    p.evidence.push(persona_model::Evidence {
        id: persona_model::EvidenceId::new(),
        field,
        anchor,
        source,
        added: chrono::Utc.with_ymd_and_hms(2026, 3, 20, 10, 0, 0).unwrap(),
    });
}

/// The items of list module `module` of `p`.
pub fn list_items(p: &Persona, module: &str) -> Vec<String> {
    match &p.modules.iter().find(|m| m.id == module).unwrap().body {
        persona_model::ModuleBody::List { items } => items.clone(),
        other => panic!("{module} is not a list: {other:?}"),
    }
}
