//! The survey import dialog's preview: what importing a file with given overrides
//! would store (tool, layout, encoding, repairs, every question typed), computed
//! without writing anything, and the overrides themselves as the UI sends them.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use persona_survey::{Dataset, ImportOptions, QuestionKind, Tool};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::survey_progress::{check, read_watched, SurveyProgress};
use crate::surveys::tool_name;
use crate::ApiError;

/// Most mojibake repairs a preview lists (the dataset keeps them all).
pub const MAX_PREVIEW_REPAIRS: usize = 50;
/// Most options a preview lists per question (the most chosen first).
pub const MAX_PREVIEW_OPTIONS: usize = 12;

/// What the user overrides in the import dialog; everything left out is detected.
/// The same value is sent to the preview and to the import, so what was previewed is
/// what is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SurveyOverrides {
    /// A WHATWG encoding label ("windows-1252", "x-mac-cyrillic", "gbk", …).
    pub encoding: Option<String>,
    /// The delimiter of a text file, one character.
    pub delimiter: Option<String>,
    #[ts(
        type = "\"google_forms\" | \"survey_monkey\" | \"qualtrics\" | \"typeform\" | \"microsoft_forms\" | \"tally\" | \"jotform\" | \"wenjuanxing\" | \"generic\" | null"
    )]
    pub tool: Option<Tool>,
    /// Header rows before the first respondent (1 to 5).
    pub header_rows: Option<u32>,
    /// The worksheet of a spreadsheet.
    pub sheet: Option<String>,
    /// A question's kind, by question id.
    #[ts(
        type = "Record<string, \"single_choice\" | \"multiple_choice\" | \"scale\" | \"numeric\" | \"datetime\" | \"text\" | \"id\" | \"personal\">"
    )]
    pub kinds: BTreeMap<String, QuestionKind>,
    /// Repair text mis-decoded once before (mojibake); false keeps it as found.
    pub repair_mojibake: bool,
}

impl Default for SurveyOverrides {
    fn default() -> Self {
        SurveyOverrides {
            encoding: None,
            delimiter: None,
            tool: None,
            header_rows: None,
            sheet: None,
            kinds: BTreeMap::new(),
            repair_mojibake: true,
        }
    }
}

impl SurveyOverrides {
    /// The importer's options with these overrides (its defaults for the rest:
    /// missing-value markers, size limit).
    pub fn options(&self) -> Result<ImportOptions, ApiError> {
        let delimiter = match self.delimiter.as_deref().filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => {
                let mut chars = d.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Some(c),
                    _ => {
                        return Err(ApiError::BadOverride(format!(
                            "the delimiter '{d}' is not one character"
                        )))
                    }
                }
            }
        };
        Ok(ImportOptions {
            encoding: self.encoding.clone().filter(|e| !e.trim().is_empty()),
            delimiter,
            tool: self.tool,
            header_rows: self.header_rows.map(|n| n as usize),
            sheet: self.sheet.clone().filter(|s| !s.is_empty()),
            kinds: self.kinds.clone(),
            repair_mojibake: self.repair_mojibake,
            ..ImportOptions::default()
        })
    }
}

/// What the import dialog shows before anything is stored.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SurveyPreview {
    /// The file's name.
    pub file: String,
    /// "csv", "xlsx", "xls", "xlsb" or "ods".
    pub format: String,
    /// The tool recognised (or forced), snake_case.
    pub tool: String,
    /// The encoding as encoding_rs names it; "UTF-8" for spreadsheets.
    pub encoding: String,
    /// The delimiter of a text file.
    pub delimiter: Option<String>,
    pub header_rows: u32,
    /// The worksheet read, for spreadsheets.
    pub sheet: Option<String>,
    /// Every worksheet of a spreadsheet, for the user to pick another; empty for text.
    pub sheets: Vec<String>,
    #[ts(type = "number")]
    pub respondents: u64,
    /// What the importer noticed, one sentence each.
    pub warnings: Vec<PreviewWarning>,
    /// Mojibake repairs (at most [`MAX_PREVIEW_REPAIRS`]; `repairs_total` counts all).
    pub repairs: Vec<PreviewRepair>,
    pub repairs_total: u32,
    pub questions: Vec<PreviewQuestion>,
}

/// A warning of a [`SurveyPreview`].
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PreviewWarning {
    /// snake_case code: ragged_row, invalid_bytes, mojibake_repaired, …
    pub code: String,
    #[ts(type = "number | null")]
    pub line: Option<u64>,
    pub message: String,
}

/// One repaired text and what it was in the file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PreviewRepair {
    pub original: String,
    pub repaired: String,
    #[ts(type = "number")]
    pub cells: u64,
    /// True when lost bytes had to be guessed.
    pub guessed: bool,
}

/// One question of a [`SurveyPreview`].
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PreviewQuestion {
    pub id: String,
    pub text: String,
    /// The kind in force (after any override), snake_case.
    pub kind: String,
    /// The kind the importer detected.
    pub detected_kind: String,
    /// Personal data: hidden by default, never exported.
    pub hidden: bool,
    /// The most chosen options with their counts (choices and scales only).
    pub options: Vec<PreviewOption>,
    /// How many options there are in all.
    pub options_total: u32,
    #[ts(type = "number")]
    pub answered: u64,
    #[ts(type = "number")]
    pub missing: u64,
}

/// An option and how many respondents chose it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PreviewOption {
    pub label: String,
    #[ts(type = "number")]
    pub count: u64,
}

fn snake<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Reads and types the survey at `path` with `overrides`, reporting `progress` and
/// stopping when `cancel` is set; nothing is stored.
pub(crate) fn read_survey(
    path: &Path,
    overrides: &SurveyOverrides,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(SurveyProgress),
) -> Result<Dataset, ApiError> {
    let options = overrides.options()?;
    read_watched(path, &options, cancel, progress)
}

/// The preview of the survey file at `path` with `overrides`; writes nothing.
pub fn preview_survey(
    path: &Path,
    overrides: &SurveyOverrides,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(SurveyProgress),
) -> Result<SurveyPreview, ApiError> {
    let dataset = read_survey(path, overrides, cancel, progress)?;
    let inspection = persona_survey::inspection(&dataset);
    check(cancel)?;
    let questions = inspection
        .questions
        .into_iter()
        .zip(&dataset.questions)
        .map(|(q, source)| {
            let options_total = q.options.len() as u32;
            PreviewQuestion {
                kind: snake(q.kind),
                detected_kind: snake(source.detected_kind),
                hidden: source.hidden,
                options: q
                    .options
                    .into_iter()
                    .take(MAX_PREVIEW_OPTIONS)
                    .map(|o| PreviewOption {
                        label: o.label,
                        count: o.count,
                    })
                    .collect(),
                options_total,
                answered: q.answered,
                missing: q.missing,
                id: q.id,
                text: q.text,
            }
        })
        .collect();
    Ok(SurveyPreview {
        file: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        format: dataset.source.format.clone(),
        tool: tool_name(inspection.tool),
        encoding: inspection.encoding,
        delimiter: inspection.delimiter,
        header_rows: inspection.header_rows as u32,
        sheet: dataset.source.sheet.clone(),
        sheets: dataset.source.sheets.clone(),
        respondents: inspection.respondents as u64,
        warnings: inspection
            .warnings
            .into_iter()
            .map(|w| PreviewWarning {
                code: snake(w.code),
                line: w.line,
                message: w.message,
            })
            .collect(),
        repairs_total: dataset.repairs.len() as u32,
        repairs: dataset
            .repairs
            .iter()
            .take(MAX_PREVIEW_REPAIRS)
            .map(|r| PreviewRepair {
                original: r.original.clone(),
                repaired: r.repaired.clone(),
                cells: r.cells,
                guessed: r.guessed,
            })
            .collect(),
        questions,
    })
}
