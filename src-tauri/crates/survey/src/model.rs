//! The typed result of an import: the survey's questions, how each maps onto
//! source columns, and every respondent's answers (dictionary-encoded per
//! column). Everything here is serde-serializable so the store can persist it.

use serde::{Deserialize, Serialize};

/// The survey tool whose export layout was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tool {
    /// Google Forms (via Sheets): `Timestamp` first, multi-select joined with ", ".
    GoogleForms,
    /// SurveyMonkey: two header rows (question, then option / `Response`).
    SurveyMonkey,
    /// Qualtrics: ids, question text, ImportId JSON (or the legacy `V1…` layout).
    Qualtrics,
    /// Typeform: `#` token column, `Start Date (UTC)`, `Network ID`.
    Typeform,
    /// Microsoft Forms: `Id, Start time, Completion time, Email, Name`.
    MicrosoftForms,
    /// Tally: `Submission ID, Respondent ID, Submitted at`.
    Tally,
    /// Jotform: `Submission Date`.
    Jotform,
    /// 问卷星 (wjx.cn): `序号, 提交答卷时间, 所用时间`, multi-select joined with `┋`.
    Wenjuanxing,
    /// Any other spreadsheet with one header row.
    Generic,
}

impl Tool {
    /// Every tool, in a fixed order.
    pub const ALL: [Tool; 9] = [
        Tool::GoogleForms,
        Tool::SurveyMonkey,
        Tool::Qualtrics,
        Tool::Typeform,
        Tool::MicrosoftForms,
        Tool::Tally,
        Tool::Jotform,
        Tool::Wenjuanxing,
        Tool::Generic,
    ];
}

/// What a question asks for; decides how its answers are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One option per respondent.
    SingleChoice,
    /// Any number of options per respondent (joined string or one column per option).
    MultipleChoice,
    /// An ordered scale: Likert, rating, NPS.
    Scale,
    /// A number (age, income, hours).
    Numeric,
    /// A date and/or time.
    Datetime,
    /// Free text.
    Text,
    /// An identifier or tool metadata (response id, status, duration).
    Id,
    /// Personal data (e-mail, name, phone, IP address, precise location):
    /// hidden by default and never exported.
    Personal,
}

impl QuestionKind {
    /// Whether answers are counted per option.
    pub fn is_categorical(self) -> bool {
        match self {
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice | QuestionKind::Scale => true,
            QuestionKind::Numeric
            | QuestionKind::Datetime
            | QuestionKind::Text
            | QuestionKind::Id
            | QuestionKind::Personal => false,
        }
    }
}

/// How a question's answers sit in the source columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "layout", rename_all = "snake_case")]
pub enum Layout {
    /// One column, one answer per cell.
    Column {
        /// Source column index (0-based).
        column: usize,
    },
    /// One column whose cells join the chosen options with `separator`.
    Joined {
        /// Source column index (0-based).
        column: usize,
        /// The separator between options, e.g. ", " or "┋".
        separator: String,
    },
    /// One column per option; a non-empty cell (other than "0") means chosen.
    OptionColumns {
        /// Source column indices (0-based), one per option.
        columns: Vec<usize>,
        /// The option label of each column, same order.
        labels: Vec<String>,
    },
}

impl Layout {
    /// The source columns this layout reads, in order.
    pub fn columns(&self) -> Vec<usize> {
        match self {
            Layout::Column { column } | Layout::Joined { column, .. } => vec![*column],
            Layout::OptionColumns { columns, .. } => columns.clone(),
        }
    }
}

/// One question of the survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id: the tool's own id where it has one (Qualtrics `QID4`),
    /// otherwise `q1`, `q2`, … in column order.
    pub id: String,
    /// The question text as shown to respondents (sub-question label
    /// appended after " — " for matrix rows).
    pub text: String,
    /// The kind in force (after any override).
    pub kind: QuestionKind,
    /// The kind the importer detected, kept so an override can be undone.
    pub detected_kind: QuestionKind,
    /// Where the answers are.
    pub layout: Layout,
    /// Option labels for categorical kinds, in display order (scales in
    /// scale order, other choices by count then label). Empty otherwise.
    pub options: Vec<String>,
    /// Hidden by default in the UI (personal data); never exported.
    pub hidden: bool,
}

/// One source column, dictionary-encoded: `codes[r]` indexes `values` for
/// respondent `r`; code 0 is always the missing value "".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// The header cells of this column, one per header row.
    pub headers: Vec<String>,
    /// Distinct cell values (after trimming and mojibake repair); `values[0]` is "".
    pub values: Vec<String>,
    /// One code per respondent (stored packed, see `packed_codes`).
    #[serde(with = "crate::packed_codes")]
    pub codes: Vec<u32>,
}

impl Column {
    /// The answer text of respondent `r`, `None` when missing.
    pub fn get(&self, r: usize) -> Option<&str> {
        let code = *self.codes.get(r)? as usize;
        if code == 0 {
            None
        } else {
            self.values.get(code).map(String::as_str)
        }
    }
}

/// Something the importer noticed that did not stop the import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Machine-readable kind.
    pub code: WarningCode,
    /// 1-based line (CSV) or row (spreadsheet) concerned, if any.
    pub line: Option<u64>,
    /// 0-based column concerned, if any.
    pub column: Option<usize>,
    /// One readable sentence.
    pub message: String,
}

/// The kinds of [`Warning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// A row has fewer or more cells than the header.
    RaggedRow,
    /// More ragged rows than are listed one by one.
    MoreRaggedRows,
    /// Some bytes were not valid in the encoding and became U+FFFD.
    InvalidBytes,
    /// Text mis-decoded once before (mojibake) was repaired.
    MojibakeRepaired,
    /// Rows with no value at all were skipped.
    EmptyRowsSkipped,
    /// The last record ends inside a quoted field (file cut short).
    UnterminatedQuote,
    /// A spreadsheet cell held an error value (#N/A, #REF!, …).
    CellError,
}

/// A cell value repaired from mojibake; the original is kept so the UI can
/// show the repair and undo it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repair {
    /// 0-based source column, `None` for a header cell.
    pub column: Option<usize>,
    /// First line where this value occurs.
    pub line: u64,
    /// The text as found in the file.
    pub original: String,
    /// The repaired text now in the dataset.
    pub repaired: String,
    /// How many cells held this value.
    pub cells: u64,
    /// True when bytes lost in the first mis-decoding had to be guessed.
    pub guessed: bool,
}

/// What was detected about the file itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The tool recognised (or forced).
    pub tool: Tool,
    /// Encoding name as encoding_rs spells it ("UTF-8", "windows-1251",
    /// "macintosh", "x-mac-cyrillic", "GBK", …); "xlsx"/"ods" data is UTF-8.
    pub encoding: String,
    /// Whether the text started with a byte-order mark.
    pub bom: bool,
    /// The CSV delimiter; `None` for spreadsheets.
    pub delimiter: Option<char>,
    /// Number of header rows before the first respondent.
    pub header_rows: usize,
    /// The worksheet read, for spreadsheets.
    pub sheet: Option<String>,
    /// Every worksheet of a spreadsheet, in the workbook's order; empty for text.
    #[serde(default)]
    pub sheets: Vec<String>,
    /// "csv" (any delimited text), "xlsx", "xls", "xlsb" or "ods".
    pub format: String,
}

/// A whole imported survey: what the store persists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Version of this structure, for migrations in the store.
    pub schema_version: u32,
    /// Identifies the survey (tool + question texts), stable across
    /// re-exports with more responses: hex SHA-256.
    pub survey_fingerprint: String,
    /// Identifies the exact file content: hex SHA-256 of the bytes.
    pub content_fingerprint: String,
    /// What was detected about the file.
    pub source: SourceInfo,
    /// The questions, in source column order.
    pub questions: Vec<Question>,
    /// The source columns with every respondent's cell.
    pub columns: Vec<Column>,
    /// 1-based line (or row) where each respondent's record starts.
    pub lines: Vec<u64>,
    /// Things noticed along the way.
    pub warnings: Vec<Warning>,
    /// Mojibake repairs made, with their originals.
    pub repairs: Vec<Repair>,
}

/// Current [`Dataset::schema_version`].
pub const DATASET_SCHEMA_VERSION: u32 = 1;

impl Dataset {
    /// Number of respondents.
    pub fn respondents(&self) -> usize {
        self.lines.len()
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}
