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
