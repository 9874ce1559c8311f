//! The column store every reader streams rows into: header rows are kept
//! as text, respondent cells are trimmed, repaired if mis-decoded, and
//! dictionary-encoded per column so memory grows with distinct answers, not
//! with cells.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;
use hashbrown::HashTable;
use rayon::prelude::*;

use crate::model::{Column, Repair, Warning, WarningCode};
use crate::mojibake;

/// Most columns accepted (Excel's own limit).
pub const MAX_COLUMNS: usize = 16_384;
/// Ragged rows listed one by one before a summary warning.
const MAX_RAGGED_LISTED: usize = 20;
/// Rows encoded together: enough to share the work between threads by
/// column, small enough that a batch stays in cache-friendly megabytes.
pub const BATCH_ROWS: usize = 1024;
/// Rows seen before choosing the columns whose cells are encoded only when
/// the table is finished (see [`Deferred`]).
const DECIDE_AFTER_ROWS: usize = 512;
/// Marks a dictionary entry that is not a mojibake original.
const NO_REPAIR: u32 = u32::MAX;

/// Rows read but not yet encoded. The records are reused from batch to
/// batch, so reading allocates only while rows grow longer.
#[derive(Default)]
pub struct Batch {
    records: Vec<csv::ByteRecord>,
    lines: Vec<u64>,
}

impl Batch {
    /// Whether the batch has no row.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Whether the batch should be encoded before taking more rows.
    pub fn is_full(&self) -> bool {
        self.lines.len() >= BATCH_ROWS
    }

    /// Empties the batch, keeping its buffers.
    pub fn clear(&mut self) {
        self.lines.clear();
    }

    /// The record to fill with the next row; it counts once [`Batch::commit`]ted.
    pub fn slot(&mut self) -> &mut csv::ByteRecord {
        let n = self.lines.len();
        if n == self.records.len() {
            self.records.push(csv::ByteRecord::new());
        }
        &mut self.records[n]
    }

    /// Takes the row filled in [`Batch::slot`], which starts at `line`.
    pub fn commit(&mut self, line: u64) {
        self.lines.push(line);
    }

    fn rows(&self) -> impl Iterator<Item = (u64, &csv::ByteRecord)> {
        self.lines.iter().copied().zip(&self.records)
    }
}

/// What every column needs to know to encode a cell.
struct CellRules<'a> {
    missing: &'a [String],
    repair_mojibake: bool,
    hasher: FixedState,
}

impl CellRules<'_> {
    /// The cell as stored, trimmed and valid UTF-8, or `None` when empty.
    /// `ascii` says the whole record is ASCII (checked once per record);
    /// otherwise each field is validated and an invalid one reads as U+FFFD.
    /// Missing-value markers ("NA"…) are not recognised here but once per
    /// distinct value, by the column's dictionary.
    fn cell<'c>(&self, field: &'c [u8], ascii: bool) -> Option<&'c [u8]> {
        let field = if ascii {
            field
        } else {
            std::str::from_utf8(field).map_or("\u{FFFD}".as_bytes(), str::as_bytes)
        };
        let cell = trim(field);
        (!cell.is_empty()).then_some(cell)
    }

    /// Whether a cell means "no answer".
    fn is_missing(&self, cell: &[u8]) -> bool {
        self.missing.iter().any(|m| m.as_bytes() == cell)
    }

    /// [`CellRules::cell`], `None` for a missing-value marker too.
    fn answer<'c>(&self, field: &'c [u8], ascii: bool) -> Option<&'c [u8]> {
        self.cell(field, ascii).filter(|c| !self.is_missing(c))
    }
}

/// `str::trim` on text known to be UTF-8, skipping the Unicode-aware scan
/// in the usual case of a cell that starts and ends with a visible ASCII
/// character.
fn trim(cell: &[u8]) -> &[u8] {
    match (cell.first(), cell.last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => cell,
        _ => std::str::from_utf8(cell).map_or(cell, |s| s.trim().as_bytes()),
    }
}

/// Whether two texts are equal. Most answers are a few bytes long and are
/// compared millions of times; a call to `memcmp` for each cost more than
/// the comparison itself, so texts up to 16 bytes are compared as two
/// (overlapping) words.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    fn word<const N: usize>(s: &[u8], at: usize) -> [u8; N] {
        let mut w = [0u8; N];
        w.copy_from_slice(&s[at..at + N]);
        w
    }
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => word::<4>(a, 0) == word::<4>(b, 0) && word::<4>(a, n - 4) == word::<4>(b, n - 4),
        8..=16 => word::<8>(a, 0) == word::<8>(b, 0) && word::<8>(a, n - 8) == word::<8>(b, n - 8),
        _ => a == b,
    }
}

/// One column being filled.
///
/// Every text the column meets once (an answer, a mojibake original, a
/// repaired answer) is written once into `text`, back to back: a look-up
/// that finds its entry compares against that one buffer instead of
/// following a pointer per value, and a new value costs no allocation.
/// The values become `String`s only when the table is finished.
struct ColumnBuilder {
    /// Cell text → entry; each entry keeps its hash so growing the table
    /// reads no text.
    index: HashTable<Entry>,
    /// The texts of the entries and values.
    text: Vec<u8>,
    /// Where each value (by code) lies in `text`; code 0 is the missing value.
    values: Vec<Span>,
    codes: Vec<u32>,
    /// Repairs of this column's cells, each with the respondent where it
    /// was found, so the table can list all repairs in reading order.
    repairs: Vec<(usize, Repair)>,
    /// Cells kept as read, to encode when the table is finished.
    deferred: Option<Deferred>,
}

/// The cells of a column whose answers are mostly distinct (times, ids,
/// free text), kept as read from some row on and put in the dictionary when
/// the table is finished. Encoded row by row beside all the other columns,
/// the large dictionaries of such columns together outgrow the processor's
/// cache and nearly every look-up waits for memory; encoded one column at a
/// time at the end, each stays in cache. The codes come out the same.
struct Deferred {
    /// The respondent of the first cell kept.
    first: usize,
    text: Vec<u8>,
    /// One per respondent from `first` on; an empty span is no answer.
    cells: Vec<Span>,
}

/// A stretch of a column's `text`.
#[derive(Clone, Copy)]
struct Span {
    start: u32,
    len: u32,
}

/// A dictionary entry: the hash and place of its text, the code it stands
/// for (0 for a missing-value marker), and its repair when the text is a
/// mojibake original.
#[derive(Clone, Copy)]
struct Entry {
    hash: u64,
    span: Span,
    code: u32,
    repair: u32,
}

impl ColumnBuilder {
    fn new() -> Self {
        ColumnBuilder {
            index: HashTable::new(),
            text: Vec::new(),
            values: vec![Span { start: 0, len: 0 }],
            codes: Vec::new(),
            repairs: Vec::new(),
            deferred: None,
        }
    }

    /// Takes a cell (`None`: no answer) of respondent `respondent` at `line`:
    /// encodes it now, or keeps it for later when the column defers.
    #[inline]
    fn take(
        &mut self,
        column: usize,
        cell: Option<&[u8]>,
        line: u64,
        respondent: usize,
        rules: &CellRules<'_>,
    ) {
        if let Some(d) = &mut self.deferred {
            let start = d.text.len() as u32;
            if let Some(cell) = cell {
                d.text.extend_from_slice(cell);
            }
            d.cells.push(Span {
                start,
                len: d.text.len() as u32 - start,
            });
            return;
        }
        let code = match cell {
            Some(cell) => self.code_of(column, cell, line, respondent, rules),
            None => 0,
        };
        self.codes.push(code);
    }

    /// Encodes the cells kept for later, in reading order; `lines` holds the
    /// line of every respondent.
    fn catch_up(&mut self, column: usize, lines: &[u64], rules: &CellRules<'_>) {
        let Some(d) = self.deferred.take() else {
            return;
        };
        self.codes.reserve(d.cells.len());
        for (k, span) in d.cells.iter().enumerate() {
            let respondent = d.first + k;
            let code = match span.len {
                0 => 0,
                _ => {
                    let start = span.start as usize;
                    let cell = d.text.get(start..start + span.len as usize).unwrap_or(b"");
                    let line = lines.get(respondent).copied().unwrap_or(0);
                    self.code_of(column, cell, line, respondent, rules)
                }
            };
            self.codes.push(code);
        }
    }

    fn text_of(&self, span: Span) -> &[u8] {
        let start = span.start as usize;
        self.text
            .get(start..start + span.len as usize)
            .unwrap_or(b"")
    }

    fn find(&self, hash: u64, text: &[u8]) -> Option<Entry> {
        self.index
            .find(hash, |e| e.hash == hash && same(self.text_of(e.span), text))
            .copied()
    }

    /// Keeps `text` in the column's buffer.
    fn keep(&mut self, text: &[u8]) -> Span {
        let span = Span {
            start: self.text.len() as u32,
            len: text.len() as u32,
        };
        self.text.extend_from_slice(text);
        span
    }

    /// Adds an entry whose text is not in the index yet.
    fn insert_new(&mut self, entry: Entry) {
        self.index.insert_unique(entry.hash, entry, |e| e.hash);
    }

    /// A new value's code.
    fn new_value(&mut self, span: Span) -> u32 {
        self.values.push(span);
        (self.values.len() - 1) as u32
    }

    /// The code of a (trimmed, non-empty, UTF-8) cell of `column`, found
    /// in respondent row `respondent` at `line`.
    fn code_of(
        &mut self,
        column: usize,
        cell: &[u8],
        line: u64,
        respondent: usize,
        rules: &CellRules<'_>,
    ) -> u32 {
        let hash = rules.hasher.hash_one(cell);
        if let Some(e) = self.find(hash, cell) {
            if let Some((_, r)) = self.repairs.get_mut(e.repair as usize) {
                r.cells += 1;
            }
            return e.code;
        }
        let span = self.keep(cell);
        let (code, repair) = if rules.is_missing(cell) {
            (0, NO_REPAIR)
        } else {
            match self.repaired(column, cell, line, respondent, rules) {
                Some(found) => found,
                None => (self.new_value(span), NO_REPAIR),
            }
        };
        self.insert_new(Entry {
            hash,
            span,
            code,
            repair,
        });
        code
    }

    /// For a cell mis-decoded once before (mojibake), its repair's number
    /// and the code of the repaired text (shared with intact cells that
    /// hold the same text).
    fn repaired(
        &mut self,
        column: usize,
        cell: &[u8],
        line: u64,
        respondent: usize,
        rules: &CellRules<'_>,
    ) -> Option<(u32, u32)> {
        if !rules.repair_mojibake || cell.is_ascii() {
            return None;
        }
        let original = String::from_utf8_lossy(cell);
        let fixed = mojibake::repair(&original).filter(|f| f.text.as_bytes() != cell)?;
        let fixed_hash = rules.hasher.hash_one(fixed.text.as_bytes());
        let code = match self.find(fixed_hash, fixed.text.as_bytes()) {
            _ if rules.is_missing(fixed.text.as_bytes()) => 0,
            Some(e) => e.code,
            None => {
                let span = self.keep(fixed.text.as_bytes());
                let code = self.new_value(span);
                self.insert_new(Entry {
                    hash: fixed_hash,
                    span,
                    code,
                    repair: NO_REPAIR,
                });
                code
            }
        };
        self.repairs.push((
            respondent,
            Repair {
                column: Some(column),
                line,
                original: original.into_owned(),
                repaired: fixed.text,
                cells: 1,
                guessed: fixed.guessed,
            },
        ));
        Some((code, (self.repairs.len() - 1) as u32))
    }

    /// The column's values as text, by code.
    fn value_texts(&self) -> Vec<String> {
        self.values
            .iter()
            .map(|&span| String::from_utf8_lossy(self.text_of(span)).into_owned())
            .collect()
    }
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
    /// Rows given one by one, encoded a batch at a time.
    pending: Batch,
    /// Reused list of the rows of a batch that hold an answer.
    kept: Vec<usize>,
    /// Whether the columns to encode at the end have been chosen.
    deferring_decided: bool,
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
        let columns = (0..width).map(|_| ColumnBuilder::new()).collect();
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
            pending: Batch::default(),
            kept: Vec::new(),
            deferring_decided: false,
        }
    }

    /// Respondent rows taken so far (rows still waiting in a batch are
    /// not counted yet).
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
        let slot = self.pending.slot();
        slot.clear();
        for cell in cells.into_iter().take(len) {
            slot.push_field(cell.as_bytes());
        }
        self.pending.commit(line);
        if self.pending.is_full() {
            self.flush_pending();
        }
    }

    fn flush_pending(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        self.push_batch(&pending);
        self.pending = pending;
        self.pending.clear();
    }

    /// Adds a batch of respondent rows, as [`TableBuilder::push_row`] would
    /// one by one (after any rows given that way). Columns are encoded in
    /// parallel.
    pub fn push_batch(&mut self, batch: &Batch) {
        if !self.pending.is_empty() {
            self.flush_pending();
        }
        let missing = std::mem::take(&mut self.missing);
        let rules = CellRules {
            missing: &missing,
            repair_mojibake: self.repair_mojibake,
            hasher: FixedState::default(),
        };
        let width = self.width;
        let mut kept = std::mem::take(&mut self.kept);
        kept.clear();
        let ascii: Vec<bool> = batch.rows().map(|(_, r)| r.as_slice().is_ascii()).collect();
        for (i, (line, record)) in batch.rows().enumerate() {
            if record.len() != width {
                self.note_ragged(line, record.len());
            }
            if record
                .iter()
                .take(width)
                .any(|f| rules.answer(f, ascii[i]).is_some())
            {
                kept.push(i);
            } else {
                self.empty_rows += 1;
            }
        }
        let first = self.lines.len();
        self.lines.extend(kept.iter().map(|&i| batch.lines[i]));
        let records = &batch.records;
        let lines = &batch.lines;
        // Each task takes a run of neighbouring columns and walks the rows
        // once for all of them: the cells of one row sit together, so a row
        // is fetched from memory once per run, not once per column.
        let runs = rayon::current_num_threads() * 4;
        let run = width.div_ceil(runs).max(1);
        self.columns
            .par_chunks_mut(run)
            .enumerate()
            .for_each(|(n, columns)| {
                let start = n * run;
                for column in columns.iter_mut() {
                    column.codes.reserve(kept.len());
                }
                for (k, &i) in kept.iter().enumerate() {
                    let record = &records[i];
                    for (offset, column) in columns.iter_mut().enumerate() {
                        let c = start + offset;
                        let cell = record.get(c).and_then(|f| rules.cell(f, ascii[i]));
                        column.take(c, cell, lines[i], first + k, &rules);
                    }
                }
            });
        self.kept = kept;
        self.missing = missing;
        if !self.deferring_decided && self.lines.len() >= DECIDE_AFTER_ROWS {
            self.deferring_decided = true;
            let rows = self.lines.len();
            for column in &mut self.columns {
                if column.values.len() * 2 > rows {
                    column.deferred = Some(Deferred {
                        first: rows,
                        text: Vec::new(),
                        cells: Vec::new(),
                    });
                }
            }
        }
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

    /// Adds a warning found by the reader.
    pub fn warn(&mut self, warning: Warning) {
        // After the warnings of the rows already given.
        if !self.pending.is_empty() {
            self.flush_pending();
        }
        self.warnings.push(warning);
    }

    /// Finishes the table.
    pub fn finish(mut self) -> Table {
        if !self.pending.is_empty() {
            self.flush_pending();
        }
        let rules = CellRules {
            missing: &self.missing,
            repair_mojibake: self.repair_mojibake,
            hasher: FixedState::default(),
        };
        let lines = &self.lines;
        self.columns
            .par_iter_mut()
            .enumerate()
            .for_each(|(c, column)| column.catch_up(c, lines, &rules));
        // Column repairs in the order the cells were read: by respondent,
        // then column (the sort is stable and each column's list is in
        // respondent order already).
        let mut found: Vec<(usize, Repair)> = self
            .columns
            .iter_mut()
            .flat_map(|c| std::mem::take(&mut c.repairs))
            .collect();
        found.sort_by_key(|(respondent, r)| (*respondent, r.column));
        self.repairs.extend(found.into_iter().map(|(_, r)| r));
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
                values: b.value_texts(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn table(cells: &[&str], repair_mojibake: bool) -> Table {
        let missing = ["NA".to_string(), "(跳过)".to_string()];
        let mut builder = TableBuilder::new(
            vec![vec!["id".into(), "Q".into()]],
            &[1],
            &missing,
            repair_mojibake,
        );
        for (n, cell) in cells.iter().enumerate() {
            let id = n.to_string();
            builder.push_row(n as u64 + 2, [id.as_str(), *cell], 2);
        }
        builder.finish()
    }

    #[test]
    fn texts_of_every_short_length_compare_byte_for_byte() {
        let base: Vec<u8> = (b'a'..=b'z').collect();
        for n in 0..=base.len() {
            let a = &base[..n];
            assert!(same(a, a));
            for i in 0..n {
                let mut b = a.to_vec();
                b[i] = b'#';
                assert!(!same(a, &b), "differs at {i} of {n}");
            }
            assert!(!same(a, &base[..n.saturating_sub(1)]) || n == 0);
        }
    }

    #[test]
    fn missing_markers_and_blanks_share_code_zero_wherever_they_appear() {
        let t = table(&["yes", " NA ", "no", "", "NA", "yes", "(跳过)"], true);
        let q = &t.columns[1];
        assert_eq!(q.values, ["", "yes", "no"]);
        assert_eq!(q.codes, [1, 0, 2, 0, 0, 1, 0]);
    }

    #[test]
    fn a_repaired_cell_shares_the_code_of_the_same_text_found_intact() {
        // "Cà phê" saved once as UTF-8 read as Windows-1252.
        let t = table(&["Cà phê", "CÃ\u{a0} phÃª", "CÃ\u{a0} phÃª", "trà"], true);
        let q = &t.columns[1];
        assert_eq!(q.values, ["", "Cà phê", "trà"]);
        assert_eq!(q.codes, [1, 1, 1, 2]);
        assert_eq!(t.repairs.len(), 1);
        assert_eq!(t.repairs[0].cells, 2);
        assert_eq!(t.repairs[0].line, 3);
    }

    #[test]
    fn a_mostly_distinct_column_encoded_at_the_end_has_the_codes_of_reading_order() {
        let cell = |r: usize| -> String {
            match r {
                _ if r % 100 == 7 => "NA".into(),
                _ if r % 250 == 3 => String::new(),
                _ if r % 333 == 5 => "CÃ\u{a0} phÃª".into(),
                _ if r % 400 == 9 => "Cà phê".into(),
                _ => format!("2024-05-{:02} 10:{:02}", 1 + r % 28, r % 2500 / 28),
            }
        };
        let cells: Vec<String> = (0..3000).map(cell).collect();
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let t = table(&refs, true);
        // The same codes by a plain first-seen dictionary.
        let mut values = vec![String::new()];
        let mut codes = Vec::new();
        for c in &cells {
            let text = if c == "CÃ\u{a0} phÃª" {
                "Cà phê"
            } else {
                c.as_str()
            };
            if text.is_empty() || text == "NA" {
                codes.push(0);
                continue;
            }
            let code = values.iter().position(|v| v == text).unwrap_or_else(|| {
                values.push(text.to_string());
                values.len() - 1
            });
            codes.push(code as u32);
        }
        let q = &t.columns[1];
        assert!(q.values.len() * 2 > 3000, "the column is mostly distinct");
        assert_eq!(q.values, values);
        assert_eq!(q.codes, codes);
        assert_eq!(t.repairs.len(), 1);
        assert_eq!(
            t.repairs[0].cells,
            (0..3000)
                .filter(|r| r % 333 == 5 && r % 100 != 7 && r % 250 != 3)
                .count() as u64
        );
        assert_eq!(t.repairs[0].line, 7, "first met on respondent 5, line 7");
        assert_eq!(t.lines.len(), 3000);
    }

    #[test]
    fn a_missing_marker_mis_decoded_once_is_missing_after_repair() {
        let t = table(&["a", "(è·³è¿‡)", "b"], true);
        assert_eq!(t.columns[1].codes, [1, 0, 2]);
        let kept = table(&["a", "(è·³è¿‡)", "b"], false);
        assert_eq!(kept.columns[1].values, ["", "a", "(è·³è¿‡)", "b"]);
    }
}
