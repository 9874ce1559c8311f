//! `export` and `survey inspect` on the command line, checked with poppler and qpdf.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{json as ok_json, run};

fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} is needed (scripts/setup.sh installs it): {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn library_with_example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    assert!(run(dir.path(), &["example", "install"]).status.success());
    dir
}

fn out_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

#[test]
fn a_persona_exports_as_a_pdf_with_real_text_and_subset_fonts() {
    let lib = library_with_example();
    let pdf = out_path(lib.path(), "fred.pdf");
    let report = ok_json(
        lib.path(),
        &[
            "export",
            "Frugal Fred",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(report["path"], pdf.to_str().unwrap());
    assert_eq!(report["pages"], 1);
    assert!(
        report["warnings"].as_array().unwrap().is_empty(),
        "{report}"
    );

    // Module titles are set in capitals on the sheet; compare without case.
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]).to_lowercase();
    for s in [
        "Frugal Fred",
        "Discount and coupon hunter",
        "Purchase barriers",
        "HotUKDeals",
    ] {
        assert!(text.contains(&s.to_lowercase()), "pdftotext lacks {s:?}");
    }
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding…] emb sub uni object ID
        let n = cols.len();
        assert_eq!(
            (cols[n - 5], cols[n - 4]),
            ("yes", "yes"),
            "not embedded as a subset: {row}"
        );
    }
    tool("qpdf", &["--check", pdf.to_str().unwrap()]);
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    let title = info
        .lines()
        .find_map(|l| l.strip_prefix("Title:"))
        .map(str::trim);
    assert_eq!(title, Some("Frugal Fred"), "{info}");
}

#[test]
fn page_size_and_orientation_can_be_chosen() {
    let lib = library_with_example();
    let pdf = out_path(lib.path(), "tara.pdf");
    ok_json(
        lib.path(),
        &[
            "export",
            "Tech-savvy Tara",
            "--format",
            "pdf",
            "--page",
            "letter",
            "--orientation",
            "portrait",
            "--out",
            pdf.to_str().unwrap(),
            "--json",
        ],
    );
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("612 x 792 pts (letter)"), "{info}");
}

#[test]
fn a_persona_exports_as_png_at_the_chosen_dpi() {
    let lib = library_with_example();
    let png = out_path(lib.path(), "paul.png");
    let report = ok_json(
        lib.path(),
        &[
            "export",
            "Procurement Paul",
            "--format",
            "png",
            "--dpi",
            "72",
            "--out",
            png.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(report["pages"], 1);
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    // A4 landscape at 72 dpi: 297 × 210 mm = 841.9 × 595.3 pt.
    assert_eq!((width, height), (842, 595));

    let out = run(
        lib.path(),
        &[
            "export",
            "Procurement Paul",
            "--format",
            "png",
            "--dpi",
            "1000",
            "--out",
            png.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn a_project_exports_as_one_deck() {
    let lib = library_with_example();
    let pdf = out_path(lib.path(), "deck.pdf");
    let report = ok_json(
        lib.path(),
        &[
            "export",
            "--project",
            "Example store",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(report["pages"], 4, "a cover and three sheets: {report}");
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    for name in [
        "Example store",
        "Frugal Fred",
        "Tech-savvy Tara",
        "Procurement Paul",
    ] {
        assert!(text.contains(name), "the deck lacks {name}");
    }
    tool("qpdf", &["--check", pdf.to_str().unwrap()]);
}

#[test]
fn a_shared_file_exports_without_being_imported() {
    let from = library_with_example();
    let bundle = out_path(from.path(), "store.persona");
    let exported = run(
        from.path(),
        &[
            "bundle",
            "export",
            "--project",
            "Example store",
            "--out",
            bundle.to_str().unwrap(),
        ],
    );
    assert!(exported.status.success());
    let original = out_path(from.path(), "original.pdf");
    let deck = ok_json(
        from.path(),
        &[
            "export",
            "--project",
            "Example store",
            "--format",
            "pdf",
            "--out",
            original.to_str().unwrap(),
            "--json",
        ],
    );

    // Another, empty library: the file is drawn from what it holds alone.
    let other = tempfile::tempdir().unwrap();
    let from_file = out_path(other.path(), "from-file.pdf");
    let report = ok_json(
        other.path(),
        &[
            "export",
            bundle.to_str().unwrap(),
            "--format",
            "pdf",
            "--out",
            from_file.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(report["pages"], deck["pages"]);
    let text = |p: &Path| tool("pdftotext", &["-layout", p.to_str().unwrap(), "-"]);
    assert_eq!(text(&from_file), text(&original));
    let listed = ok_json(other.path(), &["persona", "list", "--json"]);
    assert_eq!(
        listed.as_array().map(Vec::len),
        Some(0),
        "nothing was imported"
    );

    // One persona's JSON exports as its sheet, as PNG too; several refuse PNG.
    let json = out_path(from.path(), "fred.json");
    assert!(run(
        from.path(),
        &[
            "persona",
            "export",
            "Frugal Fred",
            "--format",
            "json",
            "--out",
            json.to_str().unwrap()
        ],
    )
    .status
    .success());
    let png = out_path(other.path(), "fred.png");
    let one = ok_json(
        other.path(),
        &[
            "export",
            json.to_str().unwrap(),
            "--format",
            "png",
            "--dpi",
            "72",
            "--out",
            png.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(one["pages"], 1);
    assert_eq!(&std::fs::read(&png).unwrap()[1..4], b"PNG");
    let refused = run(
        other.path(),
        &[
            "export",
            bundle.to_str().unwrap(),
            "--format",
            "png",
            "--out",
            png.to_str().unwrap(),
        ],
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("one PDF deck"));
}

#[test]
fn a_failed_export_names_the_problem_and_writes_nothing() {
    let lib = library_with_example();
    let pdf = out_path(lib.path(), "nobody.pdf");
    let out = run(
        lib.path(),
        &[
            "export",
            "Nobody",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no persona 'Nobody'"));
    assert!(!pdf.exists());
    let missing_dir = lib.path().join("no/such/folder/x.pdf");
    let out = run(
        lib.path(),
        &[
            "export",
            "Frugal Fred",
            "--format",
            "pdf",
            "--out",
            missing_dir.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
}

fn fixture(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/fixtures/surveys")
        .join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipping: the shared survey fixtures are not beside this checkout ({})",
            path.display()
        );
        None
    }
}

#[test]
fn survey_inspect_prints_the_contract() {
    let Some(csv) =
        fixture("googleforms_rstudio_community/2019 Spanish R Community Survey Responses.csv")
    else {
        return;
    };
    let lib = tempfile::tempdir().unwrap();
    let v = ok_json(
        lib.path(),
        &["survey", "inspect", csv.to_str().unwrap(), "--json"],
    );
    for key in [
        "tool",
        "encoding",
        "delimiter",
        "header_rows",
        "respondents",
        "warnings",
        "questions",
    ] {
        assert!(v.get(key).is_some(), "inspect lacks {key}");
    }
    assert_eq!(v["tool"], "google_forms");
    assert_eq!(v["respondents"], 338);
    assert_eq!(v["delimiter"], ",");
    let q = &v["questions"][1];
    for key in [
        "id", "text", "kind", "columns", "options", "answered", "missing",
    ] {
        assert!(q.get(key).is_some(), "a question lacks {key}");
    }
}

#[test]
fn survey_inspect_refuses_a_file_that_is_not_a_survey() {
    let Some(numbers) = fixture("uvads_hotdog/DS-4002-spr23-survey-results.csv") else {
        return;
    };
    let lib = tempfile::tempdir().unwrap();
    let out = run(
        lib.path(),
        &["survey", "inspect", numbers.to_str().unwrap(), "--json"],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("cannot read the survey"), "{err}");
    assert!(out.stdout.is_empty());
}
