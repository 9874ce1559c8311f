//! Progress reports and cancellation of `import_with` / `import_bytes_with`.

use std::path::PathBuf;

use persona_survey::{
    import, import_bytes_with, import_with, Flow, ImportOptions, Phase, Progress, SurveyError,
};

/// A CSV large enough to cross several report intervals (a few MiB).
fn big_csv() -> String {
    let mut csv = String::from("Respondent,Colour,Rating,Comment\n");
    for r in 0..25_000 {
        let colour = ["red", "green", "blue"][r % 3];
        csv.push_str(&format!(
            "{r},{colour},{},\"some words, and more words for row {r}, padded so the file spans several reports of progress: lorem ipsum dolor sit amet\"\n",
            1 + r % 5
        ));
    }
    csv
}

/// A file in the temp folder, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> TempFile {
        let path =
            std::env::temp_dir().join(format!("persona-survey-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Phases in order, `done` monotone within each, every phase ending at its total.
fn assert_well_formed(reports: &[Progress], phases: &[Phase]) {
    assert!(!reports.is_empty());
    let seen: Vec<Phase> = reports.iter().fold(Vec::new(), |mut v, p| {
        if v.last() != Some(&p.phase) {
            v.push(p.phase);
        }
        v
    });
    assert_eq!(seen, phases, "phases in order, each once");
    for pair in reports.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        assert!(b.rows >= a.rows, "rows monotone: {a:?} then {b:?}");
        if a.phase == b.phase {
            assert!(b.done >= a.done, "done monotone: {a:?} then {b:?}");
        }
    }
    for phase in phases {
        let last = reports.iter().rev().find(|p| p.phase == *phase).unwrap();
        assert_eq!(last.done, last.total, "{phase:?} reaches its total");
        assert!(reports
            .iter()
            .filter(|p| p.phase == *phase)
            .all(|p| p.done <= p.total));
    }
}

#[test]
fn file_import_reports_every_phase_monotonically_up_to_its_total() {
    let csv = big_csv();
    let file = TempFile::new("progress.csv", csv.as_bytes());
    let mut reports = Vec::new();
    let dataset = import_with(&file.0, &ImportOptions::default(), &mut |p| {
        reports.push(p);
        Flow::Continue
    })
    .unwrap();
    assert_eq!(dataset.respondents(), 25_000);
    assert_well_formed(&reports, &[Phase::Reading, Phase::Parsing, Phase::Typing]);
    let reading = reports.iter().find(|p| p.phase == Phase::Reading).unwrap();
    assert_eq!(reading.total, csv.len() as u64);
    let parsing: Vec<&Progress> = reports
        .iter()
        .filter(|p| p.phase == Phase::Parsing)
        .collect();
    assert!(parsing.len() > 3, "several parsing reports: {parsing:?}");
    assert_eq!(parsing.last().unwrap().rows, 25_000);
    // The callback does not change the result.
    assert_eq!(dataset, import(&file.0, &ImportOptions::default()).unwrap());
}

#[test]
fn in_memory_import_reports_parsing_and_typing() {
    let csv = big_csv();
    let mut reports = Vec::new();
    import_bytes_with(csv.as_bytes(), &ImportOptions::default(), &mut |p| {
        reports.push(p);
        Flow::Continue
    })
    .unwrap();
    assert_well_formed(&reports, &[Phase::Parsing, Phase::Typing]);
}

#[test]
fn cancel_at_the_first_report_returns_cancelled() {
    let file = TempFile::new("cancel.csv", big_csv().as_bytes());
    let mut calls = 0;
    let result = import_with(&file.0, &ImportOptions::default(), &mut |_| {
        calls += 1;
        Flow::Cancel
    });
    assert!(matches!(result, Err(SurveyError::Cancelled)), "{result:?}");
    assert_eq!(calls, 1, "no report after a cancel");
}

#[test]
fn cancel_in_each_phase_returns_cancelled() {
    let csv = big_csv();
    for phase in [Phase::Parsing, Phase::Typing] {
        let mut after = 0;
        let result = import_bytes_with(csv.as_bytes(), &ImportOptions::default(), &mut |p| {
            if p.phase != phase {
                return Flow::Continue;
            }
            after += 1;
            // Cancel at the second report of the phase, mid-way for parsing.
            if after == 2 {
                Flow::Cancel
            } else {
                Flow::Continue
            }
        });
        assert!(
            matches!(result, Err(SurveyError::Cancelled)),
            "{phase:?}: {result:?}"
        );
    }
}
