//! Shared helpers for the integration tests.

#![allow(dead_code)]

use std::path::PathBuf;

use persona_survey::{ImportOptions, InspectedQuestion, Inspection, QuestionKind};

/// The shared folder of real survey exports, read in place.
pub const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../../shared/fixtures/surveys"
);

/// The path of a fixture, or `None` (with a clear message) when the shared
/// fixtures folder is not beside the repository.
pub fn fixture(relative: &str) -> Option<PathBuf> {
    let root = PathBuf::from(FIXTURES);
    if !root.is_dir() {
        eprintln!(
            "SKIP: survey fixtures folder {} is absent; test of {relative} not run",
            root.display()
        );
        return None;
    }
    Some(root.join(relative))
}

/// Inspects a fixture with default options; `None` when fixtures are absent.
pub fn inspect_fixture(relative: &str) -> Option<Inspection> {
    let path = fixture(relative)?;
    match persona_survey::inspect(&path, &ImportOptions::default()) {
        Ok(i) => Some(i),
        Err(e) => panic!("{relative}: {e}"),
    }
}

/// The question whose text starts with `prefix`.
pub fn question<'a>(inspection: &'a Inspection, prefix: &str) -> &'a InspectedQuestion {
    inspection
        .questions
        .iter()
        .find(|q| q.text.starts_with(prefix))
        .unwrap_or_else(|| panic!("no question starting with {prefix:?}"))
}

/// The count of option `label` of a question.
pub fn count(q: &InspectedQuestion, label: &str) -> u64 {
    q.options
        .iter()
        .find(|o| o.label == label)
        .unwrap_or_else(|| panic!("{}: no option {label:?} in {:?}", q.id, q.options))
        .count
}

/// Asserts the kind of the question starting with `prefix`.
pub fn assert_kind(inspection: &Inspection, prefix: &str, kind: QuestionKind) {
    let q = question(inspection, prefix);
    assert_eq!(q.kind, kind, "{prefix}");
}
