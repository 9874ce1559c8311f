//! The import pipeline: bytes → container check → decoding → delimiter →
//! dialect → streamed rows into the column store → questions → [`Dataset`].

use std::io::Read;
use std::path::Path;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::delimiter;
use crate::dialect::{self, Dialect, HEAD_ROWS};
use crate::encoding;
use crate::error::SurveyError;
use crate::layout;
use crate::model::{Dataset, SourceInfo, Warning, WarningCode, DATASET_SCHEMA_VERSION};
use crate::options::ImportOptions;
use crate::progress::{Flow, Phase, Progress, Reporter};
use crate::questions;
use crate::stream;
use crate::table::{Batch, Table, TableBuilder, MAX_COLUMNS};
use crate::typing::Profile;
use crate::xlsx::{self, Workbook};

/// Largest file accepted, in bytes (1 GiB). Checked against the file's size
/// on disk before a single byte is read.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Text parsed between two progress reports.
const PARSE_REPORT_BYTES: u64 = 1 << 20;

/// Spreadsheet rows between two progress reports.
const PARSE_REPORT_ROWS: usize = 4096;

/// Most header rows a file may be told to have.
const MAX_HEADER_ROWS: usize = 5;

/// Reads and imports the survey file at `path`.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Dataset, SurveyError> {
    import_with(path, options, &mut |_| Flow::Continue)
}

/// Reads and imports the survey file at `path`, calling `progress` as it
/// goes (reading, then parsing, then typing; see [`Progress`]). When the
/// callback answers [`Flow::Cancel`] the import stops at once and returns
/// [`SurveyError::Cancelled`]. The callback is called on the calling
/// thread, a few hundred times at most for any file.
pub fn import_with(
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> Flow,
) -> Result<Dataset, SurveyError> {
    let mut reporter = Reporter::new(progress);
    if let Some(dataset) = import_streaming(path, options, &mut reporter)? {
        return Ok(dataset);
    }
    let bytes = read_reporting(path, options, &mut reporter)?;
    import_reporting(&bytes, options, &mut reporter)
}

/// Files at least this large are parsed as they are read when they are UTF-8
/// text; smaller ones are read whole first.
const STREAM_MIN_BYTES: u64 = 8 << 20;
/// What is read of a file to decide how to import it.
const PREFIX_BYTES: u64 = 1 << 20;

/// Imports a large UTF-8 text file while reading it, without holding the file
/// in memory; `None` when the file is not one, or turns out part-way not to be
/// UTF-8 after all, for [`import_with`] to read it whole.
fn import_streaming(
    path: &Path,
    options: &ImportOptions,
    reporter: &mut Reporter<'_>,
) -> Result<Option<Dataset>, SurveyError> {
    let io = |source| SurveyError::Io {
        path: path.to_path_buf(),
        source,
    };
    let limit = options.max_bytes.min(MAX_FILE_BYTES);
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if !(STREAM_MIN_BYTES..=limit).contains(&size) {
        return Ok(None);
    }
    if let Some(label) = &options.encoding {
        if encoding::encoding_for_label(label)? != encoding_rs::UTF_8 {
            return Ok(None);
        }
    }
    let mut prefix = Vec::new();
    (&file)
        .take(PREFIX_BYTES)
        .read_to_end(&mut prefix)
        .map_err(io)?;
    if xlsx::is_container(&prefix)
        || encoding::detect(&prefix) != encoding_rs::UTF_8
        || encoding::reject_binary(&prefix).is_err()
    {
        return Ok(None);
    }
    let head = match std::str::from_utf8(&prefix) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&prefix[..e.valid_up_to()]).unwrap_or_default(),
    };
    if head.trim().is_empty() {
        return Ok(None);
    }
    let delim = delimiter_of(options, head)?;
    reporter.report(Phase::Parsing, 0, size, 0)?;
    let text = stream::Utf8Text::new(std::io::Cursor::new(prefix).chain(file));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(text);
    let (dialect, builder) = match parse_rows(&mut reader, size, options, reporter) {
        Err(SurveyError::Io { source, .. }) if stream::is_not_utf8(&source) => return Ok(None),
        Err(SurveyError::Io { source, .. }) => return Err(io(source)),
        other => other?,
    };
    reporter.report(Phase::Parsing, size, size, builder.rows() as u64)?;
    let table = builder.finish();
    let source = SourceInfo {
        tool: dialect.tool,
        encoding: encoding_rs::UTF_8.name().to_string(),
        bom: reader.get_ref().bom,
        delimiter: Some(delim as char),
        header_rows: dialect.header_rows,
        sheet: None,
        sheets: Vec::new(),
        format: "csv".to_string(),
    };
    check_responses(&table, dialect.header_rows)?;
    assemble(Content::File(path), table, source, options, reporter).map(Some)
}

/// The delimiter the user chose, or the one that splits `text` best.
fn delimiter_of(options: &ImportOptions, text: &str) -> Result<u8, SurveyError> {
    match options.delimiter {
        Some(d) if d.is_ascii() && d != '"' && d != '\n' && d != '\r' => Ok(d as u8),
        Some(d) => Err(SurveyError::BadOption {
            option: "delimiter",
            reason: format!("{d:?} cannot separate fields"),
        }),
        None => Ok(delimiter::sniff(text)),
    }
}

/// Reads a file, refusing it by its size before reading when it is too big.
pub(crate) fn read_bounded(path: &Path, options: &ImportOptions) -> Result<Vec<u8>, SurveyError> {
    read_reporting(path, options, &mut Reporter::new(&mut |_| Flow::Continue))
}

/// How much of a file is read between two progress reports.
const READ_CHUNK: usize = 4 << 20;

fn read_reporting(
    path: &Path,
    options: &ImportOptions,
    reporter: &mut Reporter<'_>,
) -> Result<Vec<u8>, SurveyError> {
    let io = |source| SurveyError::Io {
        path: path.to_path_buf(),
        source,
    };
    let limit = options.max_bytes.min(MAX_FILE_BYTES);
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limit {
        return Err(SurveyError::TooLarge { size, limit });
    }
    reporter.report(Phase::Reading, 0, size, 0)?;
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` guards against a file that grows while being read.
    let mut file = file.take(limit + 1);
    loop {
        let read = (&mut file)
            .take(READ_CHUNK as u64)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if read == 0 {
            break;
        }
        reporter.report(Phase::Reading, bytes.len() as u64, size, 0)?;
    }
    if bytes.len() as u64 > limit {
        return Err(SurveyError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    // A file that shrank while being read still ends its phase at its total.
    let total = bytes.len() as u64;
    reporter.report(Phase::Reading, total, total, 0)?;
    Ok(bytes)
}

/// Imports a survey held in memory (the bytes of a CSV, TSV, XLSX, XLS,
/// XLSB or ODS file).
pub fn import_bytes(bytes: &[u8], options: &ImportOptions) -> Result<Dataset, SurveyError> {
    import_bytes_with(bytes, options, &mut |_| Flow::Continue)
}

/// [`import_bytes`] with progress reports and cancellation, as
/// [`import_with`] (without its reading phase).
pub fn import_bytes_with(
    bytes: &[u8],
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> Flow,
) -> Result<Dataset, SurveyError> {
    import_reporting(bytes, options, &mut Reporter::new(progress))
}

fn import_reporting(
    bytes: &[u8],
    options: &ImportOptions,
    reporter: &mut Reporter<'_>,
) -> Result<Dataset, SurveyError> {
    let limit = options.max_bytes.min(MAX_FILE_BYTES);
    if bytes.len() as u64 > limit {
        return Err(SurveyError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    let (table, source) = match xlsx::classify(bytes)? {
        Some(kind) => read_workbook(bytes, kind, options, reporter)?,
        None => read_text(bytes, options, reporter)?,
    };
    assemble(Content::Bytes(bytes), table, source, options, reporter)
}

fn choose_dialect(head: &[Vec<String>], options: &ImportOptions) -> Result<Dialect, SurveyError> {
    let mut dialect = dialect::detect(head);
    if let Some(tool) = options.tool {
        dialect = Dialect {
            tool,
            header_rows: dialect::default_header_rows(tool, head),
        };
    }
    if let Some(rows) = options.header_rows {
        if !(1..=MAX_HEADER_ROWS).contains(&rows) {
            return Err(SurveyError::BadOption {
                option: "header_rows",
                reason: format!("{rows} is not between 1 and {MAX_HEADER_ROWS}"),
            });
        }
        dialect.header_rows = rows;
    }
    Ok(dialect)
}

fn start_table(
    head: &mut Vec<(u64, Vec<String>)>,
    options: &ImportOptions,
) -> Result<(Dialect, TableBuilder), SurveyError> {
    let cells: Vec<Vec<String>> = head.iter().map(|(_, r)| r.clone()).collect();
    let dialect = choose_dialect(&cells, options)?;
    let header_rows = dialect.header_rows.min(head.len());
    let header: Vec<(u64, Vec<String>)> = head.drain(..header_rows).collect();
    let lines: Vec<u64> = header.iter().map(|(l, _)| *l).collect();
    let rows = header.into_iter().map(|(_, r)| r).collect();
    let builder = TableBuilder::new(
        rows,
        &lines,
        &options.missing_values,
        options.repair_mojibake,
    );
    if builder.width() > MAX_COLUMNS {
        return Err(SurveyError::TooManyCells {
            line: lines.first().copied().unwrap_or(1),
            what: "columns",
            limit: MAX_COLUMNS,
        });
    }
    Ok((
        Dialect {
            tool: dialect.tool,
            header_rows,
        },
        builder,
    ))
}

fn read_text(
    bytes: &[u8],
    options: &ImportOptions,
    reporter: &mut Reporter<'_>,
) -> Result<(Table, SourceInfo), SurveyError> {
    let forced = options
        .encoding
        .as_deref()
        .map(encoding::encoding_for_label)
        .transpose()?;
    let decoded = encoding::decode(bytes, forced)?;
    if decoded.text.trim().is_empty() {
        return Err(SurveyError::Empty);
    }
    let delim = delimiter_of(options, &decoded.text)?;
    // Line breaks as `\n` (see the `stream` module), as a streamed file reads.
    let mut text = decoded.text.into_owned().into_bytes();
    let kept = stream::join_crlf(&mut text);
    text.truncate(kept);
    let total = text.len() as u64;
    reporter.report(Phase::Parsing, 0, total, 0)?;
    let mut reader = csv_reader(delim, &text);
    let (dialect, mut builder) = parse_rows(&mut reader, total, options, reporter)?;
    if decoded.had_errors {
        builder.warn(Warning {
            code: WarningCode::InvalidBytes,
            line: None,
            column: None,
            message: format!(
                "some bytes are not valid {} and were replaced by \u{FFFD}",
                decoded.encoding.name()
            ),
        });
    }
    reporter.report(Phase::Parsing, total, total, builder.rows() as u64)?;
    let table = builder.finish();
    let source = SourceInfo {
        tool: dialect.tool,
        encoding: decoded.encoding.name().to_string(),
        bom: decoded.bom,
        delimiter: Some(delim as char),
        header_rows: dialect.header_rows,
        sheet: None,
        sheets: Vec::new(),
        format: "csv".to_string(),
    };
    check_responses(&table, dialect.header_rows)?;
    Ok((table, source))
}

/// Reads the header rows and every respondent row of `reader` into a table.
fn parse_rows<R: Read + Send>(
    reader: &mut csv::Reader<R>,
    total: u64,
    options: &ImportOptions,
    reporter: &mut Reporter<'_>,
) -> Result<(Dialect, TableBuilder), SurveyError> {
    let mut record = csv::ByteRecord::new();
    let field = |f: &[u8]| String::from_utf8_lossy(f).into_owned();
    let mut head: Vec<(u64, Vec<String>)> = Vec::new();
    while head.len() < HEAD_ROWS {
        match next_row(reader, &mut record)? {
            Some(line) => head.push((line, record.iter().map(field).collect())),
            None => break,
        }
    }
    if head.is_empty() {
        return Err(SurveyError::Empty);
    }
    let (dialect, mut builder) = start_table(&mut head, options)?;
    for (line, row) in &head {
        builder.push_row(*line, row.iter().map(String::as_str), row.len());
    }
    read_rows(reader, &mut builder, total, reporter)?;
    Ok((dialect, builder))
}

fn csv_reader(delim: u8, text: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(text)
}

/// Reads the next row into `record`; answers the line it starts on, or
/// `None` at the end. A failure to read the file itself comes back as
/// [`SurveyError::Io`] (its path for the caller to fill in).
fn next_row<R: Read>(
    reader: &mut csv::Reader<R>,
    record: &mut csv::ByteRecord,
) -> Result<Option<u64>, SurveyError> {
    match reader.read_byte_record(record) {
        Ok(true) => Ok(Some(record.position().map_or(0, |p| p.line()))),
        Ok(false) => Ok(None),
        Err(e) => {
            let line = e.position().map_or(0, |p| p.line());
            let reason = e.to_string();
            Err(match e.into_kind() {
                csv::ErrorKind::Io(source) => SurveyError::Io {
                    path: std::path::PathBuf::new(),
                    source,
                },
                _ => SurveyError::BadRow {
                    line,
                    column: None,
                    reason,
                },
            })
        }
    }
}

/// Fills `batch` with the next rows; answers the byte offset reached.
fn fill<R: Read>(reader: &mut csv::Reader<R>, batch: &mut Batch) -> Result<u64, SurveyError> {
    batch.clear();
    while !batch.is_full() {
        let record = batch.slot();
        match next_row(reader, record)? {
            Some(line) => batch.commit(line),
            None => break,
        }
    }
    Ok(reader.position().byte())
}

/// The rows after the header: reading the next batch overlaps with encoding
/// the current one.
fn read_rows<R: Read + Send>(
    reader: &mut csv::Reader<R>,
    builder: &mut TableBuilder,
    total: u64,
    reporter: &mut Reporter<'_>,
) -> Result<(), SurveyError> {
    let (mut current, mut ahead) = (Batch::default(), Batch::default());
    let mut at = fill(reader, &mut current)?;
    let mut reported = 0u64;
    while !current.is_empty() {
        let (read, ()) = rayon::join(|| fill(reader, &mut ahead), || builder.push_batch(&current));
        if at >= reported + PARSE_REPORT_BYTES {
            reported = at;
            reporter.report(Phase::Parsing, at, total, builder.rows() as u64)?;
        }
        at = read?;
        std::mem::swap(&mut current, &mut ahead);
    }
    Ok(())
}

fn read_workbook(
    bytes: &[u8],
    kind: Workbook,
    options: &ImportOptions,
    reporter: &mut Reporter<'_>,
) -> Result<(Table, SourceInfo), SurveyError> {
    let sheet = xlsx::read_sheet(bytes, kind, options.sheet.as_deref())?;
    let mut rows = sheet
        .rows
        .into_iter()
        .skip_while(|(_, cells)| cells.iter().all(|c| c.trim().is_empty()));
    let mut head: Vec<(u64, Vec<String>)> = rows.by_ref().take(HEAD_ROWS).collect();
    if head.is_empty() {
        return Err(SurveyError::Empty);
    }
    let (dialect, mut builder) = start_table(&mut head, options)?;
    let rest: Vec<(u64, Vec<String>)> = rows.collect();
    let total = (head.len() + rest.len()) as u64;
    reporter.report(Phase::Parsing, 0, total, 0)?;
    for (n, (line, row)) in head.iter().chain(rest.iter()).enumerate() {
        if n % PARSE_REPORT_ROWS == PARSE_REPORT_ROWS - 1 {
            reporter.report(Phase::Parsing, n as u64, total, builder.rows() as u64)?;
        }
        builder.push_row(*line, row.iter().map(String::as_str), row.len());
    }
    reporter.report(Phase::Parsing, total, total, builder.rows() as u64)?;
    for w in sheet.warnings {
        builder.warn(w);
    }
    let table = builder.finish();
    let source = SourceInfo {
        tool: dialect.tool,
        encoding: "UTF-8".to_string(),
        bom: false,
        delimiter: None,
        header_rows: dialect.header_rows,
        sheet: Some(sheet.name),
        sheets: sheet.names,
        format: kind.name().to_string(),
    };
    check_responses(&table, dialect.header_rows)?;
    Ok((table, source))
}

fn check_responses(table: &Table, header_rows: usize) -> Result<(), SurveyError> {
    if table.lines.is_empty() {
        return Err(SurveyError::NoResponses { header_rows });
    }
    Ok(())
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a dataset's content fingerprint is taken of: the file's bytes.
#[derive(Clone, Copy)]
enum Content<'a> {
    Bytes(&'a [u8]),
    /// A file not held in memory, read again for its digest.
    File(&'a Path),
}

impl Content<'_> {
    fn sha256(self) -> Result<String, SurveyError> {
        match self {
            Content::Bytes(bytes) => Ok(hex(&Sha256::digest(bytes))),
            Content::File(path) => {
                let io = |source| SurveyError::Io {
                    path: path.to_path_buf(),
                    source,
                };
                let mut file = std::fs::File::open(path).map_err(io)?;
                let mut digest = Sha256::new();
                std::io::copy(&mut file, &mut digest).map_err(io)?;
                Ok(hex(&digest.finalize()))
            }
        }
    }
}

fn assemble(
    content: Content<'_>,
    table: Table,
    source: SourceInfo,
    options: &ImportOptions,
    reporter: &mut Reporter<'_>,
) -> Result<Dataset, SurveyError> {
    let width = table.columns.len() as u64;
    let rows = table.lines.len() as u64;
    reporter.report(Phase::Typing, 0, width, rows)?;
    // The file's digest is taken while the columns are typed.
    let (content_fingerprint, questions) = rayon::join(
        || content.sha256(),
        || {
            let profiles: Vec<Profile> = table.columns.par_iter().map(Profile::of).collect();
            let drafts = layout::group(source.tool, &table.header_rows, &table.columns, &profiles);
            questions::build(source.tool, drafts, &table.columns, &profiles, options)
        },
    );
    let mut survey = Sha256::new();
    survey.update(format!("{:?}\n", source.tool));
    for q in &questions {
        survey.update(q.text.trim().to_lowercase().as_bytes());
        survey.update(b"\n");
    }
    let content_fingerprint = content_fingerprint?;
    reporter.report(Phase::Typing, width, width, rows)?;
    Ok(Dataset {
        schema_version: DATASET_SCHEMA_VERSION,
        survey_fingerprint: hex(&survey.finalize()),
        content_fingerprint,
        source,
        questions,
        columns: table.columns,
        lines: table.lines,
        warnings: table.warnings,
        repairs: table.repairs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ragged_row_of_a_file_with_windows_line_endings_is_found_on_its_line() {
        let text =
            "Channel,Age\r\nInstagram,34\r\nSearch\r\n\"TikTok\r\nand more\",19\r\nEmail\r\n";
        let dataset = import_bytes(text.as_bytes(), &ImportOptions::default()).unwrap();
        let ragged: Vec<Option<u64>> = dataset
            .warnings
            .iter()
            .filter(|w| w.code == WarningCode::RaggedRow)
            .map(|w| w.line)
            .collect();
        assert_eq!(ragged, [Some(3), Some(6)]);
        assert_eq!(dataset.lines, [2, 3, 4, 6]);
    }
}
