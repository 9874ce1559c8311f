//! The one error type of the crate: every way an import can fail, with the
//! position (line, column, sheet) and the offending value where there is one.

use std::path::PathBuf;

use thiserror::Error;

/// Why a survey file could not be read. Every variant is a distinct,
/// user-explainable failure; none is a catch-all string.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum SurveyError {
    /// The file could not be opened or read from disk.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file that failed.
        path: PathBuf,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },

    /// The file is larger than [`crate::MAX_FILE_BYTES`]; it was refused
    /// before being read.
    #[error("the file is {size} bytes, more than the {limit}-byte limit for a survey")]
    TooLarge {
        /// Size of the file in bytes.
        size: u64,
        /// The limit in force.
        limit: u64,
    },

    /// The file has no bytes at all (or only a byte-order mark / whitespace).
    #[error("the file is empty")]
    Empty,

    /// The file has a header but not a single respondent row.
    #[error("the file has a header ({header_rows} row(s)) but no responses")]
    NoResponses {
        /// How many header rows were found.
        header_rows: usize,
    },

    /// The bytes are not text and not a spreadsheet this crate reads.
    #[error("not a survey export: binary data at byte {offset} (byte 0x{byte:02x})")]
    Binary {
        /// Offset of the first byte that cannot occur in text.
        offset: u64,
        /// That byte.
        byte: u8,
    },

    /// An Apple Numbers document (a zip with `Index/Document.iwa`), whatever
    /// its name says.
    #[error("this is an Apple Numbers document, not a CSV or Excel file: export it from Numbers as CSV or Excel first")]
    AppleNumbers,

    /// A zip archive that is neither XLSX nor ODS.
    #[error("this is a zip archive but not an Excel (.xlsx) or OpenDocument (.ods) spreadsheet")]
    UnknownZip,

    /// An Excel file saved with a password (an encrypted OLE container).
    #[error(
        "the spreadsheet is password-protected: remove the password in Excel and export again"
    )]
    PasswordProtected,

    /// The spreadsheet archive is cut short or its directory is damaged.
    #[error("the spreadsheet is damaged or truncated: {reason}")]
    CorruptSpreadsheet {
        /// What the zip or spreadsheet reader reported.
        reason: String,
    },

    /// The spreadsheet would expand to far more data than its size suggests
    /// (a "zip bomb"); it was refused before being expanded.
    #[error("the spreadsheet entry {entry:?} would expand to {uncompressed} bytes from {compressed} (limit {limit} bytes, ratio {max_ratio}:1)")]
    ZipBomb {
        /// The archive entry at fault.
        entry: String,
        /// Its declared compressed size.
        compressed: u64,
        /// Its declared uncompressed size.
        uncompressed: u64,
        /// The total uncompressed limit.
        limit: u64,
        /// The largest compression ratio accepted.
        max_ratio: u64,
    },

    /// The requested worksheet does not exist.
    #[error("the workbook has no worksheet '{sheet}' with answers; its worksheets: {}", if available.is_empty() { "none".to_owned() } else { available.join(", ") })]
    SheetNotFound {
        /// The sheet asked for.
        sheet: String,
        /// The sheets that exist.
        available: Vec<String>,
    },

    /// Every worksheet of the workbook is empty.
    #[error("no worksheet of the workbook holds any cells (its worksheets: {})", if available.is_empty() { "none".to_owned() } else { available.join(", ") })]
    NoSheetWithData {
        /// The sheets that exist.
        available: Vec<String>,
    },

    /// The spreadsheet reader failed on a sheet.
    #[error("cannot read the worksheet '{sheet}': {reason}")]
    Sheet {
        /// The sheet being read.
        sheet: String,
        /// What the reader reported.
        reason: String,
    },

    /// An encoding name given in the options is not known.
    #[error("unknown text encoding {label:?}")]
    UnknownEncoding {
        /// The label as given.
        label: String,
    },

    /// A CSV record could not be parsed.
    #[error("line {line}: {reason}")]
    BadRow {
        /// 1-based line where the record starts.
        line: u64,
        /// 1-based column (field) if known.
        column: Option<usize>,
        /// What went wrong.
        reason: String,
    },

    /// The file has more rows or columns than this crate accepts.
    #[error("line {line}: more than {limit} {what}")]
    TooManyCells {
        /// 1-based line (or row) where the limit was crossed.
        line: u64,
        /// "columns" or "rows".
        what: &'static str,
        /// The limit.
        limit: usize,
    },

    /// A segment or override names a question the survey does not have.
    #[error("no question with id {id:?}")]
    UnknownQuestion {
        /// The id asked for.
        id: String,
    },

    /// The caller cancelled the import through its progress callback
    /// ([`crate::import_with`]).
    #[error("the import was cancelled")]
    Cancelled,

    /// An override in [`crate::ImportOptions`] cannot be applied.
    #[error("invalid option {option}: {reason}")]
    BadOption {
        /// The option name.
        option: &'static str,
        /// Why.
        reason: String,
    },
}
