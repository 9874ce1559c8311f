//! The import dialog's preview and the import it leads to: overrides change what is
//! read, what was previewed is what is stored, and a cancelled job stores nothing.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{TimeZone, Utc};
use persona_api::model::FixedClock;
use persona_api::{
    preview_survey, read_import, ApiError, Studio, SurveyImport, SurveyOverrides, SurveyPhase,
    SurveyProgress,
};

fn open(dir: &Path) -> Studio {
    let when = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
    Studio::open(dir, Box::new(FixedClock(when))).unwrap()
}

/// A real export from the shared fixtures, read in place; `None` when they are absent.
fn fixture(relative: &str) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/fixtures/surveys");
    if !root.is_dir() {
        eprintln!("SKIP: survey fixtures folder {} is absent", root.display());
        return None;
    }
    Some(root.join(relative))
}

fn not_cancelled() -> AtomicBool {
    AtomicBool::new(false)
}

#[test]
fn overriding_the_header_rows_and_tool_changes_the_preview_of_a_surveymonkey_export() {
    let Some(file) = fixture("fivethirtyeight_surveymonkey/StarWars.csv") else {
        return;
    };
    let detected = preview_survey(
        &file,
        &SurveyOverrides::default(),
        &not_cancelled(),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(detected.tool, "survey_monkey");
    assert_eq!(detected.header_rows, 2);
    assert_eq!(detected.encoding, "macintosh");
    assert_eq!(detected.file, "StarWars.csv");

    let forced = SurveyOverrides {
        tool: Some(persona_api::survey::Tool::Generic),
        header_rows: Some(1),
        ..SurveyOverrides::default()
    };
    let generic = preview_survey(&file, &forced, &not_cancelled(), &mut |_| {}).unwrap();
    assert_eq!(generic.tool, "generic");
    assert_eq!(generic.header_rows, 1);
    // The second header row ("Response", option labels) is now read as a respondent.
    assert_eq!(generic.respondents, detected.respondents + 1);
}

#[test]
fn a_forced_encoding_is_what_the_preview_reads_with() {
    let Some(file) = fixture("fivethirtyeight_surveymonkey/StarWars.csv") else {
        return;
    };
    let forced = SurveyOverrides {
        encoding: Some("windows-1252".into()),
        ..SurveyOverrides::default()
    };
    let preview = preview_survey(&file, &forced, &not_cancelled(), &mut |_| {}).unwrap();
    assert_eq!(preview.encoding, "windows-1252");
}

#[test]
fn a_kind_override_in_the_preview_is_the_kind_the_import_stores() {
    let Some(file) = fixture("fivethirtyeight_surveymonkey/StarWars.csv") else {
        return;
    };
    let detected = preview_survey(
        &file,
        &SurveyOverrides::default(),
        &not_cancelled(),
        &mut |_| {},
    )
    .unwrap();
    let choice = detected
        .questions
        .iter()
        .find(|q| q.kind == "single_choice")
        .expect("a single-choice question");
    let mut overrides = SurveyOverrides::default();
    overrides
        .kinds
        .insert(choice.id.clone(), persona_api::survey::QuestionKind::Text);
    let previewed = preview_survey(&file, &overrides, &not_cancelled(), &mut |_| {}).unwrap();
    let q = previewed
        .questions
        .iter()
        .find(|q| q.id == choice.id)
        .unwrap();
    assert_eq!(q.kind, "text");
    assert_eq!(q.detected_kind, "single_choice");

    let dir = tempfile::tempdir().unwrap();
    let studio = open(dir.path());
    studio.create_project("Films").unwrap();
    let request = SurveyImport {
        file: file.clone(),
        project: "Films".into(),
        name: None,
        options: overrides.options().unwrap(),
        replaces: None,
        as_new: false,
    };
    let dataset = read_import(&request, &not_cancelled(), &mut |_| {}).unwrap();
    let outcome = studio.store_survey(&request, dataset).unwrap();
    let profile = studio
        .dataset_profile(&outcome.dataset.id.to_string(), None)
        .unwrap();
    let stored = profile
        .questions
        .iter()
        .find(|q| q.id == choice.id)
        .unwrap();
    assert_eq!(stored.kind, "text");
    assert!(
        stored.options.is_empty(),
        "a text question lists no options"
    );
}

#[test]
fn mojibake_is_repaired_in_the_preview_and_the_repair_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cafes.csv");
    // UTF-8 text that was once read as Windows-1252 and saved again as UTF-8.
    let twice = |s: &str| s.bytes().map(char::from).collect::<String>();
    let mut csv = String::from("Name of the café,Rating\n");
    for i in 0..12 {
        csv.push_str(&format!("{},{}\n", twice("Café Żalias"), i % 5 + 1));
    }
    std::fs::write(&file, csv).unwrap();

    let repaired = preview_survey(
        &file,
        &SurveyOverrides::default(),
        &not_cancelled(),
        &mut |_| {},
    )
    .unwrap();
    assert!(repaired.repairs_total >= 1, "{:?}", repaired.warnings);
    let repair = &repaired.repairs[0];
    assert_eq!(repair.repaired, "Café Żalias");
    assert_ne!(repair.original, repair.repaired);

    let kept = SurveyOverrides {
        repair_mojibake: false,
        ..SurveyOverrides::default()
    };
    let as_found = preview_survey(&file, &kept, &not_cancelled(), &mut |_| {}).unwrap();
    assert_eq!(as_found.repairs_total, 0);
    assert!(as_found.repairs.is_empty());
}

#[test]
fn a_cancelled_preview_or_import_stops_and_stores_nothing() {
    let Some(file) = fixture("fivethirtyeight_surveymonkey/StarWars.csv") else {
        return;
    };
    let cancelled = AtomicBool::new(true);
    let err =
        preview_survey(&file, &SurveyOverrides::default(), &cancelled, &mut |_| {}).unwrap_err();
    assert!(matches!(err, ApiError::Cancelled));
    assert_eq!(err.code(), "cancelled");

    let dir = tempfile::tempdir().unwrap();
    let studio = open(dir.path());
    studio.create_project("Films").unwrap();
    let request = SurveyImport {
        file,
        project: "Films".into(),
        name: None,
        options: SurveyOverrides::default().options().unwrap(),
        replaces: None,
        as_new: false,
    };
    assert!(matches!(
        read_import(&request, &cancelled, &mut |_| {}),
        Err(ApiError::Cancelled)
    ));
    assert!(studio.dataset_summaries().unwrap().is_empty());
}

#[test]
fn a_delimiter_of_more_than_one_character_is_refused_with_a_sentence() {
    let overrides = SurveyOverrides {
        delimiter: Some(";;".into()),
        ..SurveyOverrides::default()
    };
    let err = overrides.options().unwrap_err();
    assert_eq!(err.code(), "bad_override");
    assert!(err.to_string().contains("one character"), "{err}");
}

/// A survey file of some megabytes, for work long enough to report along the way.
fn large_survey(dir: &Path) -> PathBuf {
    let mut csv = String::from("Respondent,Channel,Rating,Comment\n");
    for r in 0..120_000 {
        csv.push_str(&format!(
            "{r},{},{},\"words for row {r}, long enough to make the file a few megabytes\"\n",
            ["Zalo", "Search", "TikTok"][r % 3],
            1 + r % 5
        ));
    }
    let path = dir.join("large.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[test]
fn a_preview_reports_each_phase_from_start_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let file = large_survey(dir.path());
    let mut seen: Vec<SurveyProgress> = Vec::new();
    preview_survey(
        &file,
        &SurveyOverrides::default(),
        &not_cancelled(),
        &mut |p| seen.push(p),
    )
    .unwrap();
    let mut phases: Vec<SurveyPhase> = seen.iter().map(|p| p.phase).collect();
    phases.dedup();
    assert_eq!(phases, [SurveyPhase::Parsing, SurveyPhase::Typing]);
    for pair in seen.windows(2) {
        if pair[0].phase == pair[1].phase {
            assert!(pair[0].fraction <= pair[1].fraction, "{pair:?}");
        }
    }
    let parsing: Vec<&SurveyProgress> = seen
        .iter()
        .filter(|p| p.phase == SurveyPhase::Parsing)
        .collect();
    assert!(
        parsing.len() > 3,
        "parsing reports along the way: {}",
        parsing.len()
    );
    assert_eq!(parsing.last().unwrap().fraction, 1.0);
    assert_eq!(parsing.last().unwrap().rows, 120_000);
}

#[test]
fn a_cancel_in_the_middle_of_reading_stops_the_import_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = large_survey(dir.path());
    let studio = open(&dir.path().join("library"));
    studio.create_project("Shop").unwrap();
    let request = SurveyImport {
        file,
        project: "Shop".into(),
        name: None,
        options: SurveyOverrides::default().options().unwrap(),
        replaces: None,
        as_new: false,
    };
    // The user presses Cancel while the rows are being read.
    let cancel = AtomicBool::new(false);
    let mut last = None;
    let outcome = read_import(&request, &cancel, &mut |p| {
        last = Some(p);
        if p.phase == SurveyPhase::Parsing && p.fraction > 0.2 {
            cancel.store(true, Ordering::SeqCst);
        }
    });
    assert!(matches!(outcome, Err(ApiError::Cancelled)), "{outcome:?}");
    let last = last.unwrap();
    assert_eq!(last.phase, SurveyPhase::Parsing);
    assert!(
        last.fraction < 0.5,
        "stopped soon after the cancel: {last:?}"
    );
    assert!(studio.dataset_summaries().unwrap().is_empty());
}
