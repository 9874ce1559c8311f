//! What the user (or the CLI) can force instead of letting the importer
//! detect it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{QuestionKind, Tool};

/// Overrides for an import. `Default` detects everything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    /// Force a text encoding by any WHATWG label ("cp1251", "macintosh",
    /// "x-mac-cyrillic", "gbk", "utf-16le", …).
    pub encoding: Option<String>,
    /// Force the delimiter of a text file (',', ';', '\t', '|' or any ASCII).
    pub delimiter: Option<char>,
    /// Force the tool dialect.
    pub tool: Option<Tool>,
    /// Force the number of header rows (1 to 5).
    pub header_rows: Option<usize>,
    /// Read this worksheet of a spreadsheet instead of the first.
    pub sheet: Option<String>,
    /// Force a question's kind, keyed by question id.
    pub kinds: BTreeMap<String, QuestionKind>,
    /// Repair text that was mis-decoded once before (UTF-8 read as
    /// Windows-1252). On by default; originals are kept in `Dataset::repairs`.
    pub repair_mojibake: bool,
    /// Cell values that mean "no answer" (compared after trimming; the empty
    /// cell always does).
    pub missing_values: Vec<String>,
    /// Refuse files larger than this many bytes (capped at
    /// [`crate::MAX_FILE_BYTES`]).
    pub max_bytes: u64,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            encoding: None,
            delimiter: None,
            tool: None,
            header_rows: None,
            sheet: None,
            kinds: BTreeMap::new(),
            repair_mojibake: true,
            missing_values: ["NA", "#N/A", "(跳过)", "(空)"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            max_bytes: crate::MAX_FILE_BYTES,
        }
    }
}
