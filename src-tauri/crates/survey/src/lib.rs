//! Headless survey import for Persona Studio.
//!
//! Reads CSV/TSV (any of the encodings survey tools and Excel produce) and
//! XLSX/XLS/XLSB/ODS exports, recognises the tool that wrote them (Google
//! Forms, SurveyMonkey, Qualtrics, Typeform, Microsoft Forms, Tally,
//! Jotform, 问卷星, or a plain spreadsheet), types every question, and
//! gives statistics for evidence. Nothing here touches a UI or a store:
//!
//! - [`inspect`] / [`inspect_bytes`]: the preview and the
//!   `survey inspect --json` contract ([`Inspection`]).
//! - [`import`] / [`import_bytes`]: the full [`Dataset`] the store keeps;
//!   [`import_with`] / [`import_bytes_with`] report [`Progress`] and can be
//!   cancelled ([`Flow::Cancel`] → [`SurveyError::Cancelled`]). A large
//!   UTF-8 text file is parsed as it is read, never held whole in memory.
//! - [`stats`] and [`segment`]: counts, percentages, Wilson intervals,
//!   medians, phrases, within a segment.
//!
//! Every failure is a [`SurveyError`] with its position; hostile input
//! never panics.

mod answers;
mod dates;
mod delimiter;
mod dialect;
mod encoding;
mod error;
mod import;
mod inspect;
mod layout;
mod matching;
mod model;
pub mod mojibake;
mod options;
mod packed_codes;
mod progress;
mod questions;
pub mod segment;
pub mod stats;
mod stream;
mod table;
mod typing;
mod values;
mod xlsx;

pub use answers::{answer, answered, Answer, ChoiceReader};
pub use dates::latest_response_date;
pub use error::SurveyError;
pub use import::{import, import_bytes, import_bytes_with, import_with, MAX_FILE_BYTES};
pub use inspect::{inspect, inspect_bytes, inspection, InspectedQuestion, Inspection, OptionCount};
pub use matching::{match_questions, QuestionMatch};
pub use model::{
    Column, Dataset, Layout, Question, QuestionKind, Repair, SourceInfo, Tool, Warning,
    WarningCode, DATASET_SCHEMA_VERSION,
};
pub use options::ImportOptions;
pub use progress::{Flow, Phase, Progress};
pub use table::MAX_COLUMNS;
pub use xlsx::{MAX_COMPRESSION_RATIO, MAX_UNCOMPRESSED_BYTES};

/// `inspect` under the name the CLI contract uses for in-memory input.
pub use inspect::inspect_bytes as from_bytes;
