//! Progress reports and cancellation for long imports: the importer calls
//! back with where it is, and the caller answers whether to go on.

use serde::{Deserialize, Serialize};

use crate::error::SurveyError;

/// The stage of an import a [`Progress`] report is about. Stages come in
/// this order; a stage may be skipped (there is no reading stage for bytes
/// already in memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Reading the file from disk; `done`/`total` are bytes of the file.
    Reading,
    /// Splitting the text into rows and encoding the cells; `done`/`total`
    /// are bytes of text for delimited files, rows for spreadsheets.
    Parsing,
    /// Typing the questions; `done`/`total` are columns.
    Typing,
}

/// Where an import is. Within one [`Phase`], `done` never decreases and the
/// last report of a phase has `done == total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// The stage.
    pub phase: Phase,
    /// Units of the stage done so far (see [`Phase`] for the unit).
    pub done: u64,
    /// Units of the stage in all.
    pub total: u64,
    /// Respondent rows read so far (0 while reading the file).
    pub rows: u64,
}

impl Progress {
    /// Share of the phase done, from 0.0 to 1.0 (1.0 when the phase is empty).
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            (self.done.min(self.total) as f64) / self.total as f64
        }
    }
}

/// The answer to a progress report: whether the import goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Go on.
    Continue,
    /// Stop as soon as possible; the import returns [`SurveyError::Cancelled`].
    Cancel,
}

/// Passes reports to the caller's callback and turns a cancel into an error.
pub(crate) struct Reporter<'a> {
    callback: &'a mut dyn FnMut(Progress) -> Flow,
}

impl<'a> Reporter<'a> {
    pub(crate) fn new(callback: &'a mut dyn FnMut(Progress) -> Flow) -> Self {
        Reporter { callback }
    }

    /// Reports; `Err(Cancelled)` when the caller asked to stop.
    pub(crate) fn report(
        &mut self,
        phase: Phase,
        done: u64,
        total: u64,
        rows: u64,
    ) -> Result<(), SurveyError> {
        let progress = Progress {
            phase,
            done: done.min(total),
            total,
            rows,
        };
        match (self.callback)(progress) {
            Flow::Continue => Ok(()),
            Flow::Cancel => Err(SurveyError::Cancelled),
        }
    }
}
