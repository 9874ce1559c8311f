//! The preview contract of `persona-studio survey inspect FILE --json`:
//! what was detected and, per question, its kind and option counts —
//! computed without storing anything.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::SurveyError;
use crate::import::{import_bytes, read_bounded};
use crate::model::{Dataset, QuestionKind, Tool, Warning};
use crate::options::ImportOptions;
use crate::stats::{answered_count, distribution};

/// What `survey inspect --json` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inspection {
    /// The tool recognised.
    pub tool: Tool,
    /// The encoding (encoding_rs name); "UTF-8" for spreadsheets.
    pub encoding: String,
    /// The delimiter as a one-character string; `null` for spreadsheets.
    pub delimiter: Option<String>,
    /// Header rows before the first respondent.
    pub header_rows: usize,
    /// Number of respondents.
    pub respondents: usize,
    /// What the importer noticed (ragged rows with their lines, repairs…).
    pub warnings: Vec<Warning>,
    /// The questions in source order.
    pub questions: Vec<InspectedQuestion>,
}

/// One question of an [`Inspection`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InspectedQuestion {
    /// Stable question id.
    pub id: String,
    /// Question text.
    pub text: String,
    /// The kind, snake_case in JSON.
    pub kind: QuestionKind,
    /// The 0-based indices of the source columns the question reads (one per
    /// option for a checkbox question spread over columns).
    pub columns: Vec<usize>,
    /// Option counts for single/multiple choice and scales (each respondent
    /// counted once per option chosen); empty for other kinds, and always
    /// for personal data.
    pub options: Vec<OptionCount>,
    /// Respondents who answered.
    pub answered: u64,
    /// Respondents who did not.
    pub missing: u64,
}

/// An option and how many respondents chose it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionCount {
    /// Option label.
    pub label: String,
    /// Respondents who chose it.
    pub count: u64,
}

/// Inspects the survey file at `path` (refused by size before reading if it
/// is larger than the limit).
pub fn inspect(path: &Path, options: &ImportOptions) -> Result<Inspection, SurveyError> {
    let bytes = read_bounded(path, options)?;
    inspect_bytes(&bytes, options)
}

/// Inspects a survey held in memory.
pub fn inspect_bytes(bytes: &[u8], options: &ImportOptions) -> Result<Inspection, SurveyError> {
    Ok(inspection(&import_bytes(bytes, options)?))
}

/// The inspection of an already imported dataset.
pub fn inspection(dataset: &Dataset) -> Inspection {
    let respondents = dataset.respondents() as u64;
    let questions = dataset
        .questions
        .iter()
        .map(|q| {
            let answered = answered_count(dataset, q, None);
            let options = if q.kind.is_categorical() {
                distribution(dataset, q, None)
                    .options
                    .into_iter()
                    .map(|o| OptionCount {
                        label: o.label,
                        count: o.count,
                    })
                    .collect()
            } else {
                Vec::new()
            };
            InspectedQuestion {
                id: q.id.clone(),
                text: q.text.clone(),
                kind: q.kind,
                columns: q.layout.columns(),
                options,
                answered,
                missing: respondents - answered,
            }
        })
        .collect();
    Inspection {
        tool: dataset.source.tool,
        encoding: dataset.source.encoding.clone(),
        delimiter: dataset.source.delimiter.map(String::from),
        header_rows: dataset.source.header_rows,
        respondents: dataset.respondents(),
        warnings: dataset.warnings.clone(),
        questions,
    }
}
