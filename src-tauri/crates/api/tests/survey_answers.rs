//! A dataset's answers are decoded once and kept while they stay the stored ones: a
//! newer export of the survey, stored over it, is what the next read answers.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use persona_api::model::FixedClock;
use persona_api::{Studio, SurveyImport};
use persona_survey::ImportOptions;

fn import(studio: &Studio, file: &std::path::Path) -> String {
    studio
        .import_survey(&SurveyImport {
            file: file.to_path_buf(),
            project: "Shop".into(),
            name: None,
            options: ImportOptions::default(),
            replaces: None,
            as_new: false,
        })
        .unwrap()
        .dataset
        .id
        .to_string()
}

#[test]
fn answers_are_read_once_and_a_newer_export_replaces_them() {
    let dir = tempfile::tempdir().unwrap();
    // One clock reading for both imports: only the content tells them apart.
    let when = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
    let studio = Studio::open(&dir.path().join("lib"), Box::new(FixedClock(when))).unwrap();
    studio.create_project("Shop").unwrap();
    let file = dir.path().join("shoppers.csv");
    std::fs::write(&file, "Channel,Age\nInstagram,34\nSearch,27\n").unwrap();
    let id = import(&studio, &file);

    let (_, first) = studio.load_dataset(&id).unwrap();
    let (_, again) = studio.load_dataset(&id).unwrap();
    assert!(
        Arc::ptr_eq(&first, &again),
        "the second read is the kept answers"
    );
    assert_eq!(first.respondents(), 2);

    std::fs::write(&file, "Channel,Age\nInstagram,34\nSearch,27\nTikTok,19\n").unwrap();
    assert_eq!(
        import(&studio, &file),
        id,
        "the newer export keeps the dataset's id"
    );
    let (_, newer) = studio.load_dataset(&id).unwrap();
    assert_eq!(newer.respondents(), 3);
    assert!(newer.columns[0].values.iter().any(|v| v == "TikTok"));

    // A library opened afresh reads the same answers from disk.
    drop(studio);
    let reopened = Studio::open(&dir.path().join("lib"), Box::new(FixedClock(when))).unwrap();
    let (_, stored) = reopened.load_dataset(&id).unwrap();
    assert_eq!(*stored, *newer);
}
