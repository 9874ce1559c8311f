//! The command-line contract, run as a real process against a real library on disk.

mod common;

use std::process::{Command, Output};

use common::{json, ok, run, BIN};

/// Asserts a failure with exactly one line on stderr containing `needle`.
fn fails_with(out: &Output, needle: &str) {
    assert!(!out.status.success(), "expected failure, got success");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err}"
    );
    assert!(err.contains(needle), "stderr {err:?} lacks {needle:?}");
}

#[test]
fn version_and_help_document_every_subcommand() {
    let out = Command::new(BIN).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("persona-studio {}", env!("CARGO_PKG_VERSION"))
    );
    let help = String::from_utf8(Command::new(BIN).arg("--help").output().unwrap().stdout).unwrap();
    for word in ["example", "project", "persona", "template", "--data-dir"] {
        assert!(help.contains(word), "--help lacks {word}: {help}");
    }
    let help = String::from_utf8(
        Command::new(BIN)
            .args(["persona", "--help"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    for word in ["list", "show", "new"] {
        assert!(help.contains(word), "persona --help lacks {word}");
    }
}

#[test]
fn example_install_gives_three_personas_in_the_list_contract() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["example", "install"]);
    let list = json(dir.path(), &["persona", "list", "--json"]);
    let rows = list.as_array().expect("an array");
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["Frugal Fred", "Procurement Paul", "Tech-savvy Tara"]
    );
    for r in rows {
        let mut keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["id", "name", "project", "template", "updated"]);
        assert_eq!(r["project"], "Example store");
    }
    // Installing again changes nothing.
    ok(dir.path(), &["example", "install"]);
    assert_eq!(json(dir.path(), &["persona", "list", "--json"]), list);
    let projects = json(dir.path(), &["project", "list", "--json"]);
    assert_eq!(projects[0]["name"], "Example store");
    assert_eq!(projects[0]["personas"], 3);
}

#[test]
fn example_install_if_empty_leaves_a_used_library_alone() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["project", "new", "Mine"]);
    let out = run(dir.path(), &["example", "install", "--if-empty"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty"));
    assert_eq!(
        json(dir.path(), &["project", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn persona_show_by_name_and_by_id() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["example", "install"]);
    let tara = json(
        dir.path(),
        &["persona", "show", "Tech-savvy Tara", "--json"],
    );
    assert_eq!(tara["template"], "user-persona");
    assert_eq!(tara["schema"], 2);
    let facts = tara["modules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "facts")
        .unwrap();
    assert_eq!(facts["body"]["rows"][0]["label"], "Age");
    let id = tara["id"].as_str().unwrap();
    assert_eq!(json(dir.path(), &["persona", "show", id, "--json"]), tara);
    let text = ok(dir.path(), &["persona", "show", id]);
    assert!(text.contains("Tech-savvy Tara") && text.contains("Goals"));
}

#[test]
fn persona_new_in_every_built_in_template_and_in_any_script() {
    let dir = tempfile::tempdir().unwrap();
    let project_id = ok(dir.path(), &["project", "new", "Кофейня"]);
    assert!(project_id.trim().parse::<uuid_like::Id>().is_ok());
    let templates = json(dir.path(), &["template", "list", "--json"]);
    let ids: Vec<&str> = templates
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "user-persona",
            "ecommerce-shopper",
            "b2b-buyer",
            "proto-persona",
            "ideal-customer-profile"
        ]
    );
    for (i, template) in ids.iter().enumerate() {
        let name = format!("王芳 {i}");
        let id = ok(
            dir.path(),
            &[
                "persona",
                "new",
                "--project",
                "Кофейня",
                "--name",
                &name,
                "--template",
                template,
            ],
        );
        let shown = json(dir.path(), &["persona", "show", id.trim(), "--json"]);
        assert_eq!(shown["name"], name.as_str());
        assert_eq!(shown["template"], *template);
    }
    let default = ok(
        dir.path(),
        &[
            "persona",
            "new",
            "--project",
            project_id.trim(),
            "--name",
            "Ana",
        ],
    );
    let shown = json(dir.path(), &["persona", "show", default.trim(), "--json"]);
    assert_eq!(shown["template"], "user-persona");
    let list = json(
        dir.path(),
        &["persona", "list", "--project", "Кофейня", "--json"],
    );
    assert_eq!(list.as_array().unwrap().len(), ids.len() + 1);
}

#[test]
fn errors_are_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["example", "install"]);
    fails_with(
        &run(dir.path(), &["persona", "show", "Nobody"]),
        "there is no persona 'Nobody'",
    );
    fails_with(
        &run(dir.path(), &["persona", "list", "--project", "Nope"]),
        "there is no project 'Nope'",
    );
    fails_with(
        &run(
            dir.path(),
            &[
                "persona",
                "new",
                "--project",
                "Example store",
                "--name",
                "X",
                "--template",
                "nope",
            ],
        ),
        "there is no template 'nope'",
    );
    fails_with(
        &run(
            dir.path(),
            &[
                "persona",
                "new",
                "--project",
                "Example store",
                "--name",
                "  ",
            ],
        ),
        "name cannot be empty",
    );
    fails_with(
        &run(dir.path(), &["project", "new", "Example store"]),
        "already exists",
    );

    // Two personas of one name: the name is ambiguous and the ids are listed.
    ok(
        dir.path(),
        &[
            "persona",
            "new",
            "--project",
            "Example store",
            "--name",
            "Twin",
        ],
    );
    ok(
        dir.path(),
        &[
            "persona",
            "new",
            "--project",
            "Example store",
            "--name",
            "Twin",
        ],
    );
    fails_with(
        &run(dir.path(), &["persona", "show", "Twin"]),
        "2 personas are named 'Twin'",
    );
}

#[test]
fn a_locked_library_is_refused_with_the_owner_named() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["example", "install"]);
    let held = persona_store::Library::open(dir.path()).unwrap();
    let out = run(dir.path(), &["persona", "list", "--json"]);
    fails_with(&out, "is in use by another Persona Studio process");
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("pid {}", std::process::id())));
    assert!(out.stdout.is_empty());
    drop(held);
    assert_eq!(
        json(dir.path(), &["persona", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn a_bad_data_dir_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    fails_with(&run(&file, &["project", "list"]), "cannot use");
}

#[test]
fn the_environment_variable_chooses_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["project", "new", "From env"])
        .env("PERSONA_STUDIO_DATA", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let projects = json(dir.path(), &["project", "list", "--json"]);
    assert_eq!(projects[0]["name"], "From env");
}

mod uuid_like {
    /// Accepts the canonical 8-4-4-4-12 hex form the CLI prints for ids.
    pub struct Id;
    impl std::str::FromStr for Id {
        type Err = ();
        fn from_str(s: &str) -> Result<Self, ()> {
            let groups: Vec<usize> = s.split('-').map(str::len).collect();
            let hex = s.chars().all(|c| c == '-' || c.is_ascii_hexdigit());
            (groups == [8, 4, 4, 4, 12] && hex).then_some(Id).ok_or(())
        }
    }
}

#[test]
fn persona_new_with_lang_gets_titles_and_labels_in_that_language() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["project", "new", "Shop"]);
    let id = ok(
        dir.path(),
        &[
            "persona",
            "new",
            "--project",
            "Shop",
            "--name",
            "Ирина",
            "--template",
            "proto-persona",
            "--lang",
            "ru",
        ],
    );
    let shown = json(dir.path(), &["persona", "show", id.trim(), "--json"]);
    let module = |id: &str| {
        shown["modules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(module("needs")["title"], "Потребности и цели");
    assert_eq!(
        module("facts")["body"]["rows"][1]["label"],
        "Место жительства"
    );
    // clap refuses a language the app does not speak (its usage message is its own).
    let bad = run(
        dir.path(),
        &[
            "persona",
            "new",
            "--project",
            "Shop",
            "--name",
            "X",
            "--lang",
            "xx",
        ],
    );
    assert!(!bad.status.success());
    let said = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(said.trim_end().lines().count(), 1, "one sentence: {said}");
    assert!(
        said.contains("invalid value 'xx' for '--lang <LANG>'; use one of: en, zh, ru, vi, lt"),
        "{said}"
    );
    let unknown = run(dir.path(), &["persona", "frobnicate"]);
    assert_eq!(unknown.status.code(), Some(2));
    let said = String::from_utf8_lossy(&unknown.stderr);
    assert_eq!(said.trim_end().lines().count(), 1, "one sentence: {said}");
    assert!(said.contains("frobnicate"), "{said}");
    // A missing argument is named in the sentence, not on a line of its own.
    let missing = run(dir.path(), &["export", "X"]);
    assert_eq!(missing.status.code(), Some(2));
    let said = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(said.trim_end().lines().count(), 1, "one sentence: {said}");
    assert!(
        said.contains(
            "the following required arguments were not provided: --format <FORMAT>, --out <PATH>"
        ),
        "{said}"
    );
    let listed = json(
        dir.path(),
        &["persona", "list", "--project", "Shop", "--json"],
    );
    assert_eq!(listed.as_array().unwrap().len(), 1);
}

#[test]
fn persona_search_finds_by_words_in_any_script_and_filters_by_project() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["example", "install"]);
    ok(dir.path(), &["project", "new", "Кофейня"]);
    let ira = ok(
        dir.path(),
        &[
            "persona",
            "new",
            "--project",
            "Кофейня",
            "--name",
            "Ирина Волкова",
        ],
    );
    let names = |args: &[&str]| -> Vec<String> {
        let mut argv = vec!["persona", "search"];
        argv.extend_from_slice(args);
        argv.push("--json");
        json(dir.path(), &argv)
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_owned())
            .collect()
    };
    // Case and script folded: "ИРИНА" finds "Ирина"; every word must occur.
    assert_eq!(names(&["ИРИНА волкова"]), ["Ирина Волкова"]);
    assert_eq!(names(&["coupon"]), ["Frugal Fred"]);
    assert!(names(&["coupon zzzz"]).is_empty());
    // Empty text lists everything; --project narrows it.
    assert_eq!(names(&[""]).len(), 4);
    assert_eq!(names(&["", "--project", "Кофейня"]), ["Ирина Волкова"]);
    let rows = json(dir.path(), &["persona", "search", "Ирина", "--json"]);
    assert_eq!(rows[0]["id"], ira.trim());
    assert_eq!(rows[0]["project"], "Кофейня");
    assert_eq!(rows[0]["template"], "user-persona");
    fails_with(
        &run(dir.path(), &["persona", "search", "x", "--project", "Nope"]),
        "there is no project 'Nope'",
    );
}
