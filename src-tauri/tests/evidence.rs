//! Surveys in the library and evidence on personas, through the command line as a real
//! process against real libraries on disk and the real survey exports read in place.
//! Figures are checked against an independent computation in the test itself.

mod common;

use std::path::Path;

use common::{fails, fixture, json, ok, run};
use serde_json::Value;

const SPANISH: &str = "googleforms_rstudio_community/2019 Spanish R Community Survey Responses.csv";

/// The 95% Wilson score interval in percent, written out from the closed form.
fn wilson(k: f64, n: f64) -> (f64, f64) {
    let z: f64 = 1.959_963_984_540_054;
    let p = k / n;
    let d = 1.0 + z * z / n;
    let c = (p + z * z / (2.0 * n)) / d;
    let h = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / d;
    ((c - h) * 100.0, (c + h) * 100.0)
}

/// Type-7 quantile (NumPy's default) of sorted values.
fn quantile(v: &[f64], q: f64) -> f64 {
    let h = (v.len() - 1) as f64 * q;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    v[lo] + (h - lo as f64) * (v[hi] - v[lo])
}

/// Every record of a CSV file after the header, read with the csv crate.
fn records(path: &Path) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .unwrap()
        .records()
        .map(Result::unwrap)
        .collect()
}

fn close(a: &Value, b: f64) {
    let a = a.as_f64().unwrap_or_else(|| panic!("{a} is not a number"));
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

/// `survey import FILE --project "Example store"`: what it prints (the dataset's id).
fn import_survey(dir: &Path, file: &str) -> String {
    ok(
        dir,
        &["survey", "import", file, "--project", "Example store"],
    )
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["example", "install"]);
    dir
}

fn field<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == name)
        .unwrap_or_else(|| panic!("no field {name} in {report}"))
}

#[test]
fn import_list_attach_and_list_evidence_of_a_real_google_forms_export() {
    let Some(file) = fixture(SPANISH) else { return };
    let dir = setup();
    let d = dir.path();
    let file_arg = file.to_str().unwrap();
    let id = ok(
        d,
        &["survey", "import", file_arg, "--project", "Example store"],
    );
    let id = id.trim();
    let list = json(d, &["survey", "list", "--json"]);
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    let mut keys: Vec<&str> = row
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "collected",
            "id",
            "imported",
            "name",
            "project",
            "questions",
            "respondents",
            "source_file",
            "tool"
        ]
    );
    assert_eq!(row["id"], id);
    assert_eq!(row["name"], "2019 Spanish R Community Survey Responses");
    assert_eq!(row["project"], "Example store");
    assert_eq!(row["tool"], "google_forms");
    assert_eq!(
        row["source_file"],
        "2019 Spanish R Community Survey Responses.csv"
    );

    // The independent count: column 2 is the experience question (q2), column 10 the
    // year the respondent started with R (q10); column 1 the Google Forms timestamp.
    let recs = records(&file);
    assert_eq!(row["respondents"], recs.len());
    let answered: Vec<&str> = recs
        .iter()
        .map(|r| &r[1])
        .filter(|v| !v.is_empty())
        .collect();
    let chosen = answered
        .iter()
        .filter(|v| **v == "Intermedio" || **v == "Experto")
        .count() as f64;
    let n = answered.len() as f64;
    let mut years: Vec<f64> = recs
        .iter()
        .filter_map(|r| r[9].trim().parse().ok())
        .collect();
    years.sort_by(f64::total_cmp);
    // Timestamps look like 12/13/2019 12:02:32 (month first): the latest day is the
    // collection date.
    let latest = recs
        .iter()
        .map(|r| {
            let day: Vec<u32> = r[0]
                .split(' ')
                .next()
                .unwrap()
                .split('/')
                .map(|p| p.parse().unwrap())
                .collect();
            format!("{}-{:02}-{:02}", day[2], day[0], day[1])
        })
        .max()
        .unwrap();
    assert_eq!(row["collected"], latest.as_str());

    let stat = json(
        d,
        &[
            "evidence",
            "add",
            "Frugal Fred",
            "--field",
            "goals/0",
            "--dataset",
            id,
            "--question",
            "q2",
            "--option",
            "Intermedio",
            "--option",
            "Experto",
            "--json",
        ],
    );
    assert_eq!(stat["source"]["kind"], "statistic");
    let summary = json(
        d,
        &[
            "evidence",
            "add",
            "Frugal Fred",
            "--field",
            "facts/0",
            "--dataset",
            "2019 Spanish R Community Survey Responses",
            "--question",
            "q10",
            "--json",
        ],
    );
    assert_eq!(summary["source"]["kind"], "numeric_summary");
    let manual = ok(
        d,
        &[
            "evidence",
            "add",
            "Frugal Fred",
            "--field",
            "quote",
            "--manual",
            "Interview with a customer",
            "--date",
            "2026-10-01",
            "--note",
            "in the shop",
        ],
    );
    assert!(
        manual.trim().len() == 36,
        "prints the evidence id: {manual}"
    );

    let report = json(d, &["evidence", "list", "Frugal Fred", "--json"]);
    let goal = field(&report, "goals/0");
    let e = &goal["evidence"][0]["evidence"]["source"];
    assert_eq!(e["count"], chosen as u64);
    assert_eq!(e["n"], n as u64);
    close(&e["percent"], chosen * 100.0 / n);
    let (lo, hi) = wilson(chosen, n);
    assert!((e["ci_low"].as_f64().unwrap() - lo).abs() < 1e-9);
    assert!((e["ci_high"].as_f64().unwrap() - hi).abs() < 1e-9);
    assert_eq!(e["survey"]["dataset"], id);
    assert_eq!(e["survey"]["collected"], latest.as_str());
    // 2019 data is more than a year old by today's clock: stale, not weak.
    assert_eq!(goal["evidence"][0]["weak"], false);
    assert_eq!(goal["evidence"][0]["stale"], true);
    assert_eq!(goal["flags"], serde_json::json!(["stale"]));

    let age = &field(&report, "facts/0")["evidence"][0]["evidence"]["source"];
    assert_eq!(age["n"], years.len());
    close(&age["median"], quantile(&years, 0.5));
    close(&age["q1"], quantile(&years, 0.25));
    close(&age["q3"], quantile(&years, 0.75));

    let quote = field(&report, "quote");
    assert_eq!(quote["flags"], serde_json::json!([]));
    assert_eq!(quote["evidence"][0]["weak"], false);
    assert_eq!(
        field(&report, "archetype")["flags"],
        serde_json::json!(["assumption"])
    );

    // Coverage: the quote is supported; goals/0 and facts/0 are evidenced but stale.
    let c = &report["coverage"];
    let fields = c["fields"].as_u64().unwrap();
    assert_eq!(c["evidenced"], 3);
    assert_eq!(c["supported"], 1);
    assert_eq!(c["assumptions"], fields - 3);
    let score = ((2.0 + 2.0) * 100.0 / (2.0 * fields as f64)).round() as u64;
    assert_eq!(c["score"], score);

    // With a longer allowed age, nothing is stale and all three are supported.
    let lenient = json(
        d,
        &[
            "evidence",
            "list",
            "Frugal Fred",
            "--stale-after",
            "100000",
            "--json",
        ],
    );
    assert_eq!(lenient["coverage"]["supported"], 3);

    // Detaching the quote's evidence makes it an assumption again.
    let quote_id = quote["evidence"][0]["evidence"]["id"].as_str().unwrap();
    ok(d, &["evidence", "remove", "Frugal Fred", quote_id]);
    let report = json(d, &["evidence", "list", "Frugal Fred", "--json"]);
    assert_eq!(
        field(&report, "quote")["flags"],
        serde_json::json!(["assumption"])
    );
    fails(
        d,
        &["evidence", "remove", "Frugal Fred", quote_id],
        "has no evidence",
    );
}

#[test]
fn evidence_within_a_segment_counts_only_its_respondents() {
    let Some(file) = fixture(SPANISH) else { return };
    let dir = setup();
    let d = dir.path();
    let id = import_survey(d, file.to_str().unwrap());
    let recs = records(&file);
    // Segment: q12 (column 12, a 1–5 scale) answered 4 or 5.
    let seg: Vec<&csv::StringRecord> = recs
        .iter()
        .filter(|r| &r[11] == "4" || &r[11] == "5")
        .collect();
    let n = seg.iter().filter(|r| !r[1].is_empty()).count() as u64;
    let k = seg.iter().filter(|r| &r[1] == "Intermedio").count() as u64;
    let e = json(
        d,
        &[
            "evidence",
            "add",
            "Frugal Fred",
            "--field",
            "goals/1",
            "--dataset",
            id.trim(),
            "--question",
            "q2",
            "--option",
            "Intermedio",
            "--segment",
            "q12=4|5",
            "--json",
        ],
    );
    assert_eq!(e["source"]["n"], n);
    assert_eq!(e["source"]["count"], k);
    assert_eq!(e["source"]["segment"]["conditions"][0]["op"], "any_of");
    // The explorer's profile within the same segment agrees.
    let profile = json(
        d,
        &[
            "survey",
            "show",
            id.trim(),
            "--segment",
            "q12=4|5",
            "--json",
        ],
    );
    assert_eq!(profile["respondents"], seg.len());
    let q2 = profile["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "q2")
        .unwrap();
    assert_eq!(q2["answered"], n);
    let inter = q2["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["label"] == "Intermedio")
        .unwrap();
    assert_eq!(inter["count"], k);
}

#[test]
fn wrong_targets_and_wrong_questions_are_refused_without_a_change() {
    let Some(file) = fixture(SPANISH) else { return };
    let dir = setup();
    let d = dir.path();
    let id = import_survey(d, file.to_str().unwrap());
    let id = id.trim();
    let before = json(d, &["persona", "show", "Frugal Fred", "--json"]);
    fn add<'a>(rest: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec!["evidence", "add", "Frugal Fred"];
        args.extend_from_slice(rest);
        args
    }
    fails(d, &add(&["--field", "goals", "--manual", "x"]), "goals/0");
    fails(
        d,
        &add(&["--field", "goals/99", "--manual", "x"]),
        "numbered from 0 to",
    );
    fails(
        d,
        &add(&["--field", "nope/1", "--manual", "x"]),
        "no module 'nope'",
    );
    fails(
        d,
        &add(&["--field", "goals/x", "--manual", "x"]),
        "is not a persona field",
    );
    fails(
        d,
        &add(&["--field", "goals/0", "--dataset", id, "--question", "q999"]),
        "has no question 'q999'",
    );
    fails(
        d,
        &add(&[
            "--field",
            "goals/0",
            "--dataset",
            id,
            "--question",
            "q2",
            "--option",
            "Nope",
        ]),
        "has no option 'Nope'",
    );
    fails(
        d,
        &add(&[
            "--field",
            "goals/0",
            "--dataset",
            "no such survey",
            "--question",
            "q2",
        ]),
        "no survey dataset",
    );
    fails(
        d,
        &add(&[
            "--field",
            "goals/0",
            "--dataset",
            id,
            "--question",
            "q2",
            "--segment",
            "q2",
        ]),
        "is not a segment condition",
    );
    assert_eq!(
        json(d, &["persona", "show", "Frugal Fred", "--json"]),
        before
    );
}

/// A small Google-Forms-like export: `n` respondents, the first `email` of whom chose
/// "Email" as their channel; one column of e-mail addresses (personal data).
fn channels_csv(n: usize, email: usize, extra_question: bool) -> String {
    let mut s = String::from("Timestamp,Email Address,Preferred channel,Why us?");
    if extra_question {
        s.push_str(",How often do you buy?");
    }
    s.push('\n');
    for i in 0..n {
        let channel = if i < email {
            "Email"
        } else if i % 2 == 0 {
            "Social"
        } else {
            "Search"
        };
        s.push_str(&format!(
            "2025/03/{:02} 10:00:00,person{i}@example.org,{channel},good prices {i}",
            1 + i % 28
        ));
        if extra_question {
            s.push_str(",Monthly");
        }
        s.push('\n');
    }
    s
}

#[test]
fn a_newer_export_refreshes_evidence_and_reports_what_changed() {
    let dir = setup();
    let d = dir.path();
    let work = tempfile::tempdir().unwrap();
    let v1 = work.path().join("channels-march.csv");
    let v2 = work.path().join("channels-april.csv");
    let v3 = work.path().join("channels-may.csv");
    std::fs::write(&v1, channels_csv(50, 31, false)).unwrap();
    std::fs::write(&v2, channels_csv(100, 58, false)).unwrap();
    std::fs::write(&v3, channels_csv(120, 60, true)).unwrap();
    let id = import_survey(d, v1.to_str().unwrap());
    let id = id.trim();
    ok(
        d,
        &[
            "evidence",
            "add",
            "Frugal Fred",
            "--field",
            "channels/0",
            "--dataset",
            id,
            "--question",
            "q3",
            "--option",
            "Email",
        ],
    );
    let report = json(d, &["evidence", "list", "Frugal Fred", "--json"]);
    assert_eq!(
        field(&report, "channels/0")["evidence"][0]["summary"],
        "channels-march Email: 62% (31 of 50; 95% CI 48–74%)"
    );

    // Same questions, another file name: recognised as a newer export of the survey.
    let out = run(
        d,
        &[
            "survey",
            "import",
            v2.to_str().unwrap(),
            "--project",
            "Example store",
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let outcome: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(outcome["status"], "replaced");
    assert_eq!(outcome["id"], id, "the dataset keeps its id");
    let r = &outcome["replaced"];
    assert_eq!(r["respondents_before"], 50);
    assert_eq!(r["respondents_after"], 100);
    assert_eq!(r["questions"], serde_json::json!([]));
    let change = &r["evidence"][0];
    assert_eq!(change["field"], "channels/0");
    assert_eq!(change["before"], "62%");
    assert_eq!(change["after"], "58%");
    assert_eq!(change["status"], "updated");
    assert!(String::from_utf8_lossy(&out.stderr).contains("channels/0: 62% → 58%"));

    let report = json(d, &["evidence", "list", "Frugal Fred", "--json"]);
    let e = &field(&report, "channels/0")["evidence"][0]["evidence"]["source"];
    assert_eq!(
        (e["count"].as_u64(), e["n"].as_u64()),
        (Some(58), Some(100))
    );
    let list = json(d, &["survey", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["respondents"], 100);
    assert_eq!(list[0]["name"], "channels-march", "the name stays");

    // A new question changes the survey's fingerprint: --replaces says which it is.
    let outcome = json(
        d,
        &[
            "survey",
            "import",
            v3.to_str().unwrap(),
            "--project",
            "Example store",
            "--replaces",
            id,
            "--json",
        ],
    );
    assert_eq!(outcome["status"], "replaced");
    assert_eq!(outcome["replaced"]["questions"][0]["status"], "added");
    assert_eq!(outcome["replaced"]["questions"][0]["id"], "q5");
    assert_eq!(outcome["replaced"]["evidence"][0]["before"], "58%");
    assert_eq!(outcome["replaced"]["evidence"][0]["after"], "50%");

    // The very same file again changes nothing.
    let again = json(
        d,
        &[
            "survey",
            "import",
            v3.to_str().unwrap(),
            "--project",
            "Example store",
            "--json",
        ],
    );
    assert_eq!(again["status"], "unchanged");
    // --as-new keeps the two apart.
    let separate = json(
        d,
        &[
            "survey",
            "import",
            v1.to_str().unwrap(),
            "--project",
            "Example store",
            "--as-new",
            "--json",
        ],
    );
    assert_eq!(separate["status"], "imported");
    assert_ne!(separate["id"], id);
}

#[test]
fn personal_data_stays_in_the_library() {
    let dir = setup();
    let d = dir.path();
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("contacts.csv");
    std::fs::write(&file, channels_csv(40, 20, false)).unwrap();
    let id = import_survey(d, file.to_str().unwrap());
    let id = id.trim();
    let profile = ok(d, &["survey", "show", id, "--json"]);
    let v: Value = serde_json::from_str(&profile).unwrap();
    let email = &v["questions"][1];
    assert_eq!(email["kind"], "personal");
    assert_eq!(email["hidden"], true);
    assert_eq!(email["answered"], 40);
    assert!(
        !profile.contains("@example.org"),
        "no address leaves the library"
    );
    fails(
        d,
        &[
            "evidence",
            "add",
            "Frugal Fred",
            "--field",
            "quote",
            "--dataset",
            id,
            "--question",
            "q2",
            "--respondent",
            "R1",
        ],
        "personal data",
    );
    // A quote from a free-text answer carries an anonymous id only.
    let q = json(
        d,
        &[
            "evidence",
            "add",
            "Frugal Fred",
            "--field",
            "quote",
            "--dataset",
            id,
            "--question",
            "q4",
            "--respondent",
            "R7",
            "--json",
        ],
    );
    assert_eq!(q["source"]["respondent"], "R7");
    assert_eq!(q["source"]["text"], "good prices 6");
    let shown = ok(d, &["persona", "show", "Frugal Fred", "--json"]);
    assert!(!shown.contains("@example.org"));

    // A shared file carries the evidence snapshot: the quote with its anonymous id, and
    // nothing of the personal column.
    let bundle = work.path().join("store.persona");
    ok(
        d,
        &[
            "bundle",
            "export",
            "--project",
            "Example store",
            "--out",
            bundle.to_str().unwrap(),
        ],
    );
    let inspected = json(
        d,
        &["bundle", "inspect", bundle.to_str().unwrap(), "--json"],
    );
    assert_eq!(inspected["file"]["evidence_items"], 1, "{inspected}");
    let read = persona_bundle::read_from(
        std::fs::File::open(&bundle).unwrap(),
        &persona_bundle::Limits::default(),
    )
    .unwrap();
    let items = &read.contents.evidence.items;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].kind, "quote");
    assert_eq!(items[0].fields["field"], "quote");
    assert_eq!(items[0].fields["persona_name"], "Frugal Fred");
    assert_eq!(items[0].fields["respondent"], "R7");
    assert_eq!(items[0].fields["text"], "good prices 6");
    let snapshot = serde_json::to_string(&read.contents.evidence).unwrap();
    assert!(!snapshot.contains("@example.org"), "{snapshot}");
}

/// Everything a library holds, read back through the store after the process ended.
fn library_content(dir: &Path) -> String {
    let lib = persona_store::Library::open(dir).unwrap();
    let mut projects = lib.projects().unwrap();
    projects.sort_by_key(|p| p.id);
    let mut personas = lib.personas().unwrap();
    personas.sort_by_key(|p| p.id);
    let datasets = lib.datasets().unwrap();
    serde_json::to_string(&(projects, personas, datasets)).unwrap()
}

#[test]
fn bad_files_leave_the_library_unchanged() {
    let dir = setup();
    let d = dir.path();
    let work = tempfile::tempdir().unwrap();
    let empty = work.path().join("empty.csv");
    std::fs::write(&empty, b"").unwrap();
    let junk = work.path().join("junk.csv");
    std::fs::write(&junk, (0u8..=255).cycle().take(4096).collect::<Vec<u8>>()).unwrap();
    let header_only = work.path().join("header.csv");
    std::fs::write(&header_only, b"Timestamp,Age,Channel\n").unwrap();
    let mut cases: Vec<(std::path::PathBuf, &str)> = vec![
        (empty, "empty"),
        (junk, "binary"),
        (header_only, "no responses"),
        (work.path().join("missing.csv"), "cannot read"),
    ];
    if let Some(xlsx) =
        fixture("googleforms_rstudio_community/2019 Spanish R Community Survey Responses.xlsx")
    {
        let bytes = std::fs::read(&xlsx).unwrap();
        let cut = work.path().join("truncated.xlsx");
        std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
        cases.push((cut, "damaged or truncated"));
    }
    if let Some(numbers) = fixture("uvads_hotdog/DS-4002-spr23-survey-results.csv") {
        cases.push((numbers, "Apple Numbers"));
    }
    let before = library_content(d);
    for (file, needle) in &cases {
        fails(
            d,
            &[
                "survey",
                "import",
                file.to_str().unwrap(),
                "--project",
                "Example store",
            ],
            needle,
        );
        assert_eq!(
            library_content(d),
            before,
            "{} changed the library",
            file.display()
        );
    }
    assert_eq!(
        json(d, &["survey", "list", "--json"]),
        serde_json::json!([])
    );
    fails(
        d,
        &[
            "survey",
            "import",
            cases[0].0.to_str().unwrap(),
            "--project",
            "No such project",
        ],
        "no project",
    );
}

#[test]
fn deleting_a_dataset_removes_its_answers_and_keeps_the_evidence_taken_from_it() {
    let dir = setup();
    let d = dir.path();
    let file = d.join("channels.csv");
    let mut csv = String::from("Channel,Age\n");
    for r in 0..40 {
        csv.push_str(&format!("{},{}\n", ["Zalo", "Search"][r % 2], 20 + r));
    }
    std::fs::write(&file, csv).unwrap();
    let id = import_survey(d, file.to_str().unwrap());
    let id = id.trim();
    let added = json(
        d,
        &[
            "evidence",
            "add",
            "Frugal Fred",
            "--field",
            "goals/0",
            "--dataset",
            id,
            "--question",
            "q1",
            "--option",
            "Zalo",
            "--json",
        ],
    );
    assert_eq!(added["source"]["count"], 20);

    let out = run(d, &["survey", "delete", "channels"]);
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("Deleted the dataset 'channels' (40 respondents)"),
        "{said}"
    );
    assert_eq!(
        json(d, &["survey", "list", "--json"]),
        serde_json::json!([])
    );
    fails(d, &["survey", "show", id, "--json"], "no survey dataset");

    // The evidence keeps the figures it was attached with.
    let report = json(d, &["evidence", "list", "Frugal Fred", "--json"]);
    let kept = &field(&report, "goals/0")["evidence"][0]["evidence"]["source"];
    assert_eq!(kept["count"], 20);
    assert_eq!(kept["n"], 40);
    assert_eq!(kept["survey"]["dataset"], id);

    fails(d, &["survey", "delete", id], "no survey dataset");
}

#[test]
fn a_worksheet_other_than_the_first_can_be_imported() {
    let dir = setup();
    let d = dir.path();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let answers = wb.add_worksheet().set_name("Responses").unwrap();
    answers.write_string(0, 0, "Channel").unwrap();
    for r in 1..=30u32 {
        answers
            .write_string(r, 0, ["Zalo", "Search"][r as usize % 2])
            .unwrap();
    }
    let summary = wb.add_worksheet().set_name("Tổng hợp").unwrap();
    summary.write_string(0, 0, "Question").unwrap();
    summary.write_string(1, 0, "Channel").unwrap();
    let file = d.join("book.xlsx");
    wb.save(&file).unwrap();
    let file = file.to_str().unwrap();

    let out = run(
        d,
        &[
            "survey",
            "import",
            file,
            "--project",
            "Example store",
            "--sheet",
            "Nope",
        ],
    );
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(said.trim_end().lines().count(), 1, "{said}");
    assert!(
        said.contains("the workbook has no worksheet 'Nope' with answers; its worksheets: Responses, Tổng hợp"),
        "{said}"
    );
    let imported = json(
        d,
        &[
            "survey",
            "import",
            file,
            "--project",
            "Example store",
            "--sheet",
            "Tổng hợp",
            "--json",
        ],
    );
    assert_eq!(imported["respondents"], 1, "{imported}");
}
