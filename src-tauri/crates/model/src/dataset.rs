//! What the library records about an imported survey, beside its answers: enough to
//! list it, name it in evidence and judge whether its data is stale.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{DatasetId, ProjectId, Timestamp};

/// The schema version of dataset records written by this build.
pub const DATASET_RECORD_SCHEMA: u32 = 1;

/// One imported survey. The answers themselves are stored beside it, keyed by the same
/// id, and never leave the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DatasetRecord {
    pub schema: u32,
    pub id: DatasetId,
    pub project: ProjectId,
    /// For people; the file name without extension unless given.
    pub name: String,
    /// The survey tool recognised (`google_forms`, `survey_monkey`, `generic`…).
    pub tool: String,
    /// `csv`, `xlsx`, `xls`, `xlsb` or `ods`.
    pub format: String,
    /// The text encoding read (`UTF-8` for spreadsheets).
    pub encoding: String,
    #[ts(type = "number")]
    pub respondents: u64,
    pub questions: u32,
    /// When this version of the data was imported.
    pub imported: Timestamp,
    /// The file name it was imported from (no folder).
    pub source_file: String,
    /// When the answers were collected: the latest response date in the data, else
    /// the day of the import.
    pub collected: NaiveDate,
    /// Whether `collected` was read from the data (not the import day).
    pub collected_from_data: bool,
    /// Identifies the survey (tool and question texts) across re-exports.
    pub survey_fingerprint: String,
    /// Identifies the exact file imported.
    pub content_fingerprint: String,
    /// Earlier versions this dataset replaced, oldest first.
    #[serde(default)]
    pub history: Vec<DatasetVersion>,
}

/// An earlier import of a dataset that a newer export replaced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DatasetVersion {
    pub imported: Timestamp,
    pub source_file: String,
    #[ts(type = "number")]
    pub respondents: u64,
    pub collected: NaiveDate,
    pub content_fingerprint: String,
}
