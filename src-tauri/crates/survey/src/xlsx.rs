//! Spreadsheets: recognising what a zip or OLE file really is (XLSX, ODS,
//! XLSB, legacy XLS, Apple Numbers, an encrypted workbook), refusing zip
//! bombs before anything is expanded, and turning cells into text the way a
//! CSV export of the same sheet would show them.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Ods, Reader, Xls, Xlsb, Xlsx};

use crate::error::SurveyError;
use crate::model::{Warning, WarningCode};

/// Most bytes all entries of a spreadsheet archive may expand to.
pub const MAX_UNCOMPRESSED_BYTES: u64 = 1 << 30;
/// Highest compression ratio accepted for an entry larger than
/// [`RATIO_CHECK_FROM`]; sheet XML compresses 10–50:1, bombs 1000:1.
pub const MAX_COMPRESSION_RATIO: u64 = 200;
/// Entries smaller than this are not ratio-checked (tiny XML compresses
/// extremely well and is harmless).
const RATIO_CHECK_FROM: u64 = 8 << 20;

/// What a binary container turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workbook {
    /// Office Open XML workbook.
    Xlsx,
    /// Excel binary workbook.
    Xlsb,
    /// OpenDocument spreadsheet.
    Ods,
    /// Legacy Excel 97–2003 (OLE).
    Xls,
}

impl Workbook {
    /// The format name reported in `SourceInfo::format`.
    pub fn name(self) -> &'static str {
        match self {
            Workbook::Xlsx => "xlsx",
            Workbook::Xlsb => "xlsb",
            Workbook::Ods => "ods",
            Workbook::Xls => "xls",
        }
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const ZIP_EMPTY_MAGIC: &[u8] = b"PK\x05\x06";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether `bytes` start like a spreadsheet container (ZIP or OLE), whatever
/// is inside.
pub(crate) fn is_container(bytes: &[u8]) -> bool {
    [ZIP_MAGIC, ZIP_EMPTY_MAGIC, OLE_MAGIC]
        .iter()
        .any(|magic| bytes.starts_with(magic))
}

/// Classifies `bytes`: `Ok(None)` for text, `Ok(Some(kind))` for a
/// spreadsheet this crate reads, an error for any other container.
pub fn classify(bytes: &[u8]) -> Result<Option<Workbook>, SurveyError> {
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(ZIP_EMPTY_MAGIC) {
        return classify_zip(bytes).map(Some);
    }
    if bytes.starts_with(OLE_MAGIC) {
        // An encrypted OOXML workbook is an OLE file holding these streams.
        let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
        let encrypted = [utf16("EncryptedPackage"), utf16("EncryptionInfo")]
            .iter()
            .any(|needle| bytes.windows(needle.len()).any(|w| w == needle.as_slice()));
        if encrypted {
            return Err(SurveyError::PasswordProtected);
        }
        return Ok(Some(Workbook::Xls));
    }
    Ok(None)
}

fn classify_zip(bytes: &[u8]) -> Result<Workbook, SurveyError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| SurveyError::CorruptSpreadsheet {
            reason: e.to_string(),
        })?;
    let mut total = 0u64;
    let mut names = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| SurveyError::CorruptSpreadsheet {
                reason: e.to_string(),
            })?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        if entry.encrypted() {
            return Err(SurveyError::PasswordProtected);
        }
        let (size, packed) = (entry.size(), entry.compressed_size().max(1));
        total = total.saturating_add(size);
        let bomb = total > MAX_UNCOMPRESSED_BYTES
            || (size >= RATIO_CHECK_FROM && size / packed > MAX_COMPRESSION_RATIO);
        if bomb {
            return Err(SurveyError::ZipBomb {
                entry: name,
                compressed: entry.compressed_size(),
                uncompressed: size,
                limit: MAX_UNCOMPRESSED_BYTES,
                max_ratio: MAX_COMPRESSION_RATIO,
            });
        }
        names.push(name);
    }
    let has = |n: &str| names.iter().any(|x| x == n);
    if names
        .iter()
        .any(|n| n.starts_with("Index/") && n.ends_with(".iwa"))
    {
        Err(SurveyError::AppleNumbers)
    } else if has("xl/workbook.xml") {
        Ok(Workbook::Xlsx)
    } else if has("xl/workbook.bin") {
        Ok(Workbook::Xlsb)
    } else if has("content.xml") && has("mimetype") {
        Ok(Workbook::Ods)
    } else {
        Err(SurveyError::UnknownZip)
    }
}

/// A sheet read into rows of text, with the sheet name and warnings.
pub struct Sheet {
    /// The worksheet read.
    pub name: String,
    /// Every worksheet of the workbook, in its order (a survey tool's export may hold
    /// the responses on one and a summary on another).
    pub names: Vec<String>,
    /// (1-based row number, cells) for every row of the used range.
    pub rows: Vec<(u64, Vec<String>)>,
    /// Cells that held errors.
    pub warnings: Vec<Warning>,
}

/// Reads one worksheet (the named one, else the first that has data).
pub fn read_sheet(
    bytes: &[u8],
    kind: Workbook,
    wanted: Option<&str>,
) -> Result<Sheet, SurveyError> {
    let corrupt = |e: &dyn std::fmt::Display| SurveyError::CorruptSpreadsheet {
        reason: e.to_string(),
    };
    let cursor = Cursor::new(bytes);
    match kind {
        Workbook::Xlsx => {
            let wb: Xlsx<_> = open_workbook_from_rs(cursor).map_err(|e| corrupt(&e))?;
            pick_sheet(wb, wanted)
        }
        Workbook::Xlsb => {
            let wb: Xlsb<_> = open_workbook_from_rs(cursor).map_err(|e| corrupt(&e))?;
            pick_sheet(wb, wanted)
        }
        Workbook::Ods => {
            let wb: Ods<_> = open_workbook_from_rs(cursor).map_err(|e| corrupt(&e))?;
            pick_sheet(wb, wanted)
        }
        Workbook::Xls => {
            let wb: Xls<_> = open_workbook_from_rs(cursor).map_err(|e| corrupt(&e))?;
            pick_sheet(wb, wanted)
        }
    }
}

fn pick_sheet<RS, R>(mut wb: R, wanted: Option<&str>) -> Result<Sheet, SurveyError>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let names = wb.sheet_names();
    let candidates: Vec<String> = match wanted {
        Some(w) => match names.iter().find(|n| n.as_str() == w) {
            Some(n) => vec![n.clone()],
            None => {
                return Err(SurveyError::SheetNotFound {
                    sheet: w.to_string(),
                    available: names,
                })
            }
        },
        None => names.clone(),
    };
    for name in candidates {
        let range = wb.worksheet_range(&name).map_err(|e| SurveyError::Sheet {
            sheet: name.clone(),
            reason: e.to_string(),
        })?;
        if range.is_empty() && wanted.is_none() {
            continue;
        }
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut warnings = Vec::new();
        let mut rows = Vec::with_capacity(range.height());
        for (r, row) in range.rows().enumerate() {
            let line = row0 as u64 + r as u64 + 1;
            // Cells left of the used range are empty in a CSV export too.
            let mut cells = vec![String::new(); col0 as usize];
            for (c, cell) in row.iter().enumerate() {
                cells.push(cell_text(cell, line, col0 as usize + c, &mut warnings));
            }
            rows.push((line, cells));
        }
        return Ok(Sheet {
            name,
            names,
            rows,
            warnings,
        });
    }
    Err(SurveyError::NoSheetWithData { available: names })
}

/// The text a CSV export would show for a cell: integers without ".0",
/// dates as ISO 8601.
fn cell_text(cell: &Data, line: u64, column: usize, warnings: &mut Vec<Warning>) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => {
            if dt.is_datetime() {
                let (y, mo, d, h, mi, s, _ms) = dt.to_ymd_hms_milli();
                if (h, mi, s) == (0, 0, 0) {
                    format!("{y:04}-{mo:02}-{d:02}")
                } else {
                    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
                }
            } else {
                float_text(dt.as_f64())
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => {
            warnings.push(Warning {
                code: WarningCode::CellError,
                line: Some(line),
                column: Some(column),
                message: format!("row {line}, column {}: cell error {e}", column + 1),
            });
            String::new()
        }
    }
}

fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}
