//! Sharing personas on the command line: `bundle export/inspect/import` and persona
//! JSON, against real libraries on disk, with the exported PDFs read back by poppler.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{json, ok, run};
use serde_json::Value;

fn library_with_example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["example", "install"]);
    dir
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/bundle/tests/fixtures")
        .join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

/// Every persona of a library as `persona show --json` prints it, by id.
fn personas(dir: &Path) -> Vec<Value> {
    let list = json(dir, &["persona", "list", "--json"]);
    let mut all: Vec<Value> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            json(
                dir,
                &["persona", "show", row["id"].as_str().unwrap(), "--json"],
            )
        })
        .collect();
    all.sort_by_key(|p| p["id"].as_str().unwrap().to_owned());
    all
}

fn pdf_text(dir: &Path, persona: &str, out: &Path) -> String {
    ok(
        dir,
        &["export", persona, "--format", "pdf", "--out", s(out)],
    );
    let text = Command::new("pdftotext")
        .args(["-layout", s(out), "-"])
        .output()
        .expect("pdftotext is installed by scripts/setup.sh");
    assert!(text.status.success());
    String::from_utf8(text.stdout).unwrap()
}

fn fails_with(out: &Output, needle: &str) {
    assert!(!out.status.success(), "expected a failure");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(needle), "stderr {err:?} lacks {needle:?}");
}

/// The sled files and everything else in a library folder, with their sizes: a refused
/// import must leave them all as they were.
fn projects_and_personas(dir: &Path) -> (Value, Value) {
    (
        json(dir, &["project", "list", "--json"]),
        json(dir, &["persona", "list", "--json"]),
    )
}

#[test]
fn a_project_round_trips_through_a_bundle_into_an_empty_library() {
    let from = library_with_example();
    let file = from.path().join("Example store.persona");
    let report = json(
        from.path(),
        &[
            "bundle",
            "export",
            "--project",
            "Example store",
            "--out",
            s(&file),
            "--json",
        ],
    );
    assert_eq!(report["personas"], 3);
    assert!(report["bytes"].as_u64().unwrap() > 1000);
    assert_eq!(
        std::fs::metadata(&file).unwrap().len(),
        report["bytes"].as_u64().unwrap()
    );

    let to = tempfile::tempdir().unwrap();
    let preview = json(to.path(), &["bundle", "inspect", s(&file), "--json"]);
    assert_eq!(preview["file"]["format_version"], "1.0");
    assert_eq!(preview["file"]["project"]["name"], "Example store");
    assert_eq!(preview["import"]["created"].as_array().unwrap().len(), 3);
    assert_eq!(preview["conflicts"], 0);
    // Inspecting wrote nothing.
    assert_eq!(
        json(to.path(), &["persona", "list", "--json"]),
        Value::Array(vec![])
    );

    let summary = json(to.path(), &["bundle", "import", s(&file), "--json"]);
    assert_eq!(summary["project_action"], "create");
    assert_eq!(summary["created"].as_array().unwrap().len(), 3);

    // Deep equality: every field of every persona, ids and times included.
    assert_eq!(personas(from.path()), personas(to.path()));
    assert_eq!(
        json(from.path(), &["project", "list", "--json"]),
        json(to.path(), &["project", "list", "--json"])
    );
    // And the same sheet comes out of both libraries.
    for name in ["Frugal Fred", "Tech-savvy Tara", "Procurement Paul"] {
        let a = pdf_text(from.path(), name, &from.path().join("a.pdf"));
        let b = pdf_text(to.path(), name, &to.path().join("b.pdf"));
        assert!(a.contains(name), "{name} missing from its own sheet");
        assert_eq!(a, b, "the sheet of {name} differs after the round trip");
    }
}

#[test]
fn importing_again_follows_the_conflict_policy() {
    let lib = library_with_example();
    let file = lib.path().join("fred.persona");
    ok(
        lib.path(),
        &["bundle", "export", "Frugal Fred", "--out", s(&file)],
    );
    let before = personas(lib.path());

    let preview = json(lib.path(), &["bundle", "inspect", s(&file), "--json"]);
    assert_eq!(preview["conflicts"], 1);

    let skipped = json(
        lib.path(),
        &[
            "bundle",
            "import",
            s(&file),
            "--on-conflict",
            "skip",
            "--json",
        ],
    );
    assert_eq!(skipped["skipped"].as_array().unwrap().len(), 1);
    assert_eq!(personas(lib.path()), before);

    let replaced = json(
        lib.path(),
        &[
            "bundle",
            "import",
            s(&file),
            "--project",
            "Example store",
            "--on-conflict",
            "replace",
            "--json",
        ],
    );
    assert_eq!(replaced["replaced"].as_array().unwrap().len(), 1);
    assert_eq!(personas(lib.path()), before);

    let both = json(
        lib.path(),
        &[
            "bundle",
            "import",
            s(&file),
            "--project",
            "Example store",
            "--json",
        ],
    );
    let new_id = both["created"][0]["id"].as_str().unwrap();
    let list = json(lib.path(), &["persona", "list", "--json"]);
    let freds: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == "Frugal Fred")
        .collect();
    assert_eq!(freds.len(), 2, "keep-both keeps both");
    assert!(freds.iter().any(|p| p["id"] == new_id));
}

#[test]
fn a_bundles_own_project_with_a_taken_name_gets_a_numbered_one() {
    let lib = library_with_example();
    let file = lib.path().join("store.persona");
    ok(
        lib.path(),
        &[
            "bundle",
            "export",
            "--project",
            "Example store",
            "--out",
            s(&file),
        ],
    );
    json(lib.path(), &["bundle", "import", s(&file), "--json"]);
    let projects = json(lib.path(), &["project", "list", "--json"]);
    let names: Vec<&str> = projects
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Example store", "Example store (2)"]);
}

#[test]
fn released_format_fixtures_import_with_their_images() {
    let lib = tempfile::tempdir().unwrap();
    let summary = json(
        lib.path(),
        &[
            "bundle",
            "import",
            s(&fixture("v1.0-project.persona")),
            "--json",
        ],
    );
    let created = summary["created"].as_array().unwrap();
    assert!(!created.is_empty());
    // Every imported persona exports: its template and images arrived with it.
    for p in created {
        let id = p["id"].as_str().unwrap();
        let out = lib.path().join(format!("{id}.pdf"));
        let report = json(
            lib.path(),
            &["export", id, "--format", "pdf", "--out", s(&out), "--json"],
        );
        let warnings = report["warnings"].as_array().unwrap();
        assert!(
            !warnings.iter().any(|w| w.to_string().contains("image")),
            "an image went missing: {warnings:?}"
        );
    }
    let single = tempfile::tempdir().unwrap();
    ok(single.path(), &["project", "new", "Inbox"]);
    let summary = json(
        single.path(),
        &[
            "bundle",
            "import",
            s(&fixture("v1.0-persona.persona")),
            "--project",
            "Inbox",
            "--json",
        ],
    );
    assert_eq!(summary["created"].as_array().unwrap().len(), 1);
}

#[test]
fn a_refused_bundle_names_its_reason_and_changes_nothing() {
    let lib = library_with_example();
    let before = projects_and_personas(lib.path());
    let junk = lib.path().join("junk.persona");
    std::fs::write(&junk, b"PK\x03\x04 this is no zip at all").unwrap();
    fails_with(
        &run(lib.path(), &["bundle", "import", s(&junk)]),
        "junk.persona",
    );
    let missing = lib.path().join("nowhere.persona");
    fails_with(
        &run(lib.path(), &["bundle", "inspect", s(&missing)]),
        "nowhere.persona",
    );
    fails_with(
        &run(
            lib.path(),
            &[
                "bundle",
                "import",
                s(&fixture("v1.0-persona.persona")),
                "--project",
                "No such project",
            ],
        ),
        "No such project",
    );
    fails_with(
        &run(
            lib.path(),
            &["bundle", "import", s(&junk), "--on-conflict", "merge"],
        ),
        "keep-both, replace, skip",
    );
    assert_eq!(projects_and_personas(lib.path()), before);
}

#[test]
fn one_persona_travels_as_plain_json() {
    let from = library_with_example();
    let file = from.path().join("tara.json");
    ok(
        from.path(),
        &[
            "persona",
            "export",
            "Tech-savvy Tara",
            "--format",
            "json",
            "--out",
            s(&file),
        ],
    );
    let doc: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(doc["name"], "Tech-savvy Tara");

    let to = tempfile::tempdir().unwrap();
    ok(to.path(), &["project", "new", "Clients"]);
    let id = ok(
        to.path(),
        &["persona", "import", s(&file), "--project", "Clients"],
    );
    let imported = json(to.path(), &["persona", "show", id.trim(), "--json"]);
    let original = json(
        from.path(),
        &["persona", "show", "Tech-savvy Tara", "--json"],
    );
    for key in [
        "id",
        "name",
        "archetype",
        "quote",
        "modules",
        "template",
        "updated",
    ] {
        assert_eq!(imported[key], original[key], "{key} changed on the way");
    }

    let broken = to.path().join("broken.json");
    std::fs::write(&broken, br#"{"schema": 1, "name": 42}"#).unwrap();
    fails_with(
        &run(
            to.path(),
            &["persona", "import", s(&broken), "--project", "Clients"],
        ),
        "broken.json",
    );
}

#[test]
fn a_persona_saved_as_a_template_makes_new_personas() {
    let lib = library_with_example();
    let id = ok(
        lib.path(),
        &[
            "template",
            "save",
            "Frugal Fred",
            "--name",
            "Bargain shopper",
        ],
    );
    let id = id.trim();
    assert_eq!(id, "user-bargain-shopper");
    let list = json(lib.path(), &["template", "list", "--json"]);
    let mine = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .expect("the new template is listed");
    assert_eq!(mine["builtin"], false);
    assert_eq!(mine["name"], "Bargain shopper");

    let new = ok(
        lib.path(),
        &[
            "persona",
            "new",
            "--project",
            "Example store",
            "--name",
            "Coupon Cora",
            "--template",
            id,
        ],
    );
    let cora = json(lib.path(), &["persona", "show", new.trim(), "--json"]);
    let fred = json(lib.path(), &["persona", "show", "Frugal Fred", "--json"]);
    let titles = |p: &Value| -> Vec<Value> {
        p["modules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["title"].clone())
            .collect()
    };
    assert_eq!(titles(&cora), titles(&fred));
    assert!(!ok(lib.path(), &["persona", "show", "Coupon Cora"]).contains("coupon"));

    // In use: kept. Built in: kept.
    fails_with(
        &run(lib.path(), &["template", "delete", id]),
        "used by 1 persona",
    );
    fails_with(
        &run(lib.path(), &["template", "delete", "user-persona"]),
        "built-in",
    );
}
