//! The column store every reader streams rows into: header rows are kept
//! as text, respondent cells are trimmed, repaired if mis-decoded, and
//! dictionary-encoded per column so memory grows with distinct answers, not
//! with cells.

use std::collections::HashMap;

use crate::model::{Column, Repair, Warning, WarningCode};
use crate::mojibake;

/// Most columns accepted (Excel's own limit).
pub const MAX_COLUMNS: usize = 16_384;
/// Ragged rows listed one by one before a summary warning.
const MAX_RAGGED_LISTED: usize = 20;

/// One column being filled.
#[derive(Default)]
struct ColumnBuilder {
    /// Original cell text → (code, index into `repairs` or u32::MAX).
    index: HashMap<Box<str>, (u32, u32)>,
    values: Vec<String>,
    codes: Vec<u32>,
}

/// The table once all rows are in.
pub struct Table {
    /// Header rows, each padded to the table width.
    pub header_rows: Vec<Vec<String>>,
    /// The respondent columns.
    pub columns: Vec<Column>,
    /// Line of each respondent.
    pub lines: Vec<u64>,
    /// Warnings from reading.
    pub warnings: Vec<Warning>,
    /// Mojibake repairs.
    pub repairs: Vec<Repair>,
}

/// Receives rows from a reader.
pub struct TableBuilder {
    width: usize,
    header_rows: Vec<Vec<String>>,
    columns: Vec<ColumnBuilder>,
    lines: Vec<u64>,
    warnings: Vec<Warning>,
    repairs: Vec<Repair>,
    missing: Vec<String>,
    repair_mojibake: bool,
    ragged: usize,
    empty_rows: usize,
}

impl TableBuilder {
    /// Starts a table whose header is `header_rows` (already decided by the
    /// dialect); its width is the widest header row.
    pub fn new(
        mut header_rows: Vec<Vec<String>>,
        header_lines: &[u64],
        missing: &[String],
        repair_mojibake: bool,
    ) -> Self {
        let width = header_rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut repairs = Vec::new();
        for (r, row) in header_rows.iter_mut().enumerate() {
            row.resize(width, String::new());
            for cell in row.iter_mut() {
                let trimmed = cell.trim();
                if trimmed.len() != cell.len() {
                    *cell = trimmed.to_string();
                }
                if repair_mojibake {
                    if let Some(fixed) = mojibake::repair(cell) {
                        repairs.push(Repair {
                            column: None,
                            line: header_lines.get(r).copied().unwrap_or(r as u64 + 1),
                            original: std::mem::replace(cell, fixed.text.clone()),
                            repaired: fixed.text,
                            cells: 1,
                            guessed: fixed.guessed,
                        });
                    }
                }
            }
        }
        let columns = (0..width)
            .map(|_| ColumnBuilder {
                values: vec![String::new()],
                ..ColumnBuilder::default()
            })
            .collect();
        TableBuilder {
            width,
            header_rows,
            columns,
            lines: Vec::new(),
            warnings: Vec::new(),
            repairs,
            missing: missing.iter().map(|m| m.trim().to_string()).collect(),
            repair_mojibake,
            ragged: 0,
            empty_rows: 0,
        }
    }

    /// Respondent rows taken so far.
    pub fn rows(&self) -> usize {
        self.lines.len()
    }

    /// Width of the table (number of source columns).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Adds one respondent row that starts at `line`. Rows with no value at
    /// all are skipped (and counted); rows of the wrong width are padded or
    /// cut, with a warning giving the line.
    pub fn push_row<'a, I>(&mut self, line: u64, cells: I, len: usize)
    where
        I: IntoIterator<Item = &'a str>,
    {
        if len != self.width {
            self.note_ragged(line, len);
        }
        let respondent = self.lines.len();
        let mut any = false;
        let mut taken = 0;
        for (c, cell) in cells.into_iter().take(self.width).enumerate() {
            let code = self.code_of(c, cell.trim(), line);
            any |= code != 0;
            self.columns[c].codes.push(code);
            taken += 1;
        }
        for col in self.columns.iter_mut().skip(taken) {
            col.codes.push(0);
        }
        if !any {
            for col in &mut self.columns {
                col.codes.truncate(respondent);
            }
            self.empty_rows += 1;
            return;
        }
        self.lines.push(line);
    }

    fn note_ragged(&mut self, line: u64, len: usize) {
        self.ragged += 1;
        if self.ragged <= MAX_RAGGED_LISTED {
            let what = if len < self.width {
                "missing cells were left empty"
            } else {
                "extra cells were ignored"
            };
            self.warnings.push(Warning {
                code: WarningCode::RaggedRow,
                line: Some(line),
                column: Some(len.min(self.width)),
                message: format!(
                    "line {line} has {len} cells, the header has {}: {what}",
                    self.width
                ),
            });
        }
    }

    fn code_of(&mut self, c: usize, cell: &str, line: u64) -> u32 {
        if cell.is_empty() || self.missing.iter().any(|m| m == cell) {
            return 0;
        }
        let col = &mut self.columns[c];
        if let Some(&(code, repair)) = col.index.get(cell) {
            if let Some(r) = self.repairs.get_mut(repair as usize) {
                r.cells += 1;
            }
            return code;
        }
        let fixed = if self.repair_mojibake {
            mojibake::repair(cell)
        } else {
            None
        };
        let (value, repair) = match fixed {
            Some(fixed) => {
                self.repairs.push(Repair {
                    column: Some(c),
                    line,
                    original: cell.to_string(),
                    repaired: fixed.text.clone(),
                    cells: 1,
                    guessed: fixed.guessed,
                });
                (fixed.text, (self.repairs.len() - 1) as u32)
            }
            None => (cell.to_string(), u32::MAX),
        };
        // A repaired value may equal one already seen intact.
        let existing = if repair != u32::MAX {
            col.index.get(value.as_str()).map(|&(code, _)| code)
        } else {
            None
        };
        let code = match existing {
            Some(code) => code,
            None => {
                let code = col.values.len() as u32;
                if repair != u32::MAX {
                    // Later intact cells with the repaired text share the code.
                    col.index.insert(value.as_str().into(), (code, u32::MAX));
                }
                col.values.push(value);
                code
            }
        };
        col.index.insert(cell.into(), (code, repair));
        code
    }

    /// Adds a warning found by the reader.
    pub fn warn(&mut self, warning: Warning) {
        self.warnings.push(warning);
    }

    /// Finishes the table.
    pub fn finish(mut self) -> Table {
        if self.ragged > MAX_RAGGED_LISTED {
            self.warnings.push(Warning {
                code: WarningCode::MoreRaggedRows,
                line: None,
                column: None,
                message: format!(
                    "{} more rows had a different number of cells than the header",
                    self.ragged - MAX_RAGGED_LISTED
                ),
            });
        }
        if self.empty_rows > 0 {
            self.warnings.push(Warning {
                code: WarningCode::EmptyRowsSkipped,
                line: None,
                column: None,
                message: format!("{} rows with no value at all were skipped", self.empty_rows),
            });
        }
        if !self.repairs.is_empty() {
            let cells: u64 = self.repairs.iter().map(|r| r.cells).sum();
            self.warnings.push(Warning {
                code: WarningCode::MojibakeRepaired,
                line: self.repairs.first().map(|r| r.line),
                column: None,
                message: format!(
                    "{cells} cells or headers held text mis-decoded once before (UTF-8 read as Windows-1252); repaired, originals kept"
                ),
            });
        }
        let header_rows = self.header_rows;
        let columns = self
            .columns
            .into_iter()
            .enumerate()
            .map(|(c, b)| Column {
                headers: header_rows.iter().map(|row| row[c].clone()).collect(),
                values: b.values,
                codes: b.codes,
            })
            .collect();
        Table {
            header_rows,
            columns,
            lines: self.lines,
            warnings: self.warnings,
            repairs: self.repairs,
        }
    }
}
