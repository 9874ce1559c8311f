//! Progress and cancel for the long survey reads (preview and import): the survey
//! crate reports its phases as it goes, and the user's cancel flag stops it in the
//! middle of one, not only between them.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use persona_survey::{Dataset, Flow, ImportOptions, Phase, SurveyError};
use serde::Serialize;
use ts_rs::TS;

use crate::ApiError;

/// Where a survey preview or import is, for the UI's progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SurveyProgress {
    pub phase: SurveyPhase,
    /// How much of the phase is done, from 0 to 1.
    pub fraction: f64,
    /// Respondent rows read so far.
    #[ts(type = "number")]
    pub rows: u64,
}

/// The phases of a survey read, in order; `storing` only for an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SurveyPhase {
    Reading,
    Parsing,
    Typing,
    Storing,
}

impl SurveyProgress {
    /// The start of storing a dataset read.
    pub fn storing(rows: u64) -> SurveyProgress {
        SurveyProgress {
            phase: SurveyPhase::Storing,
            fraction: 0.0,
            rows,
        }
    }
}

/// Stops work between phases when the user cancelled.
pub(crate) fn check(cancel: &AtomicBool) -> Result<(), ApiError> {
    if cancel.load(Ordering::SeqCst) {
        Err(ApiError::Cancelled)
    } else {
        Ok(())
    }
}

/// Imports the survey file at `path`, passing the importer's reports to
/// `progress` and stopping at its next report once `cancel` is set.
pub(crate) fn read_watched(
    path: &Path,
    options: &ImportOptions,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(SurveyProgress),
) -> Result<Dataset, ApiError> {
    check(cancel)?;
    let outcome = persona_survey::import_with(path, options, &mut |p| {
        if cancel.load(Ordering::SeqCst) {
            return Flow::Cancel;
        }
        progress(SurveyProgress {
            phase: match p.phase {
                Phase::Reading => SurveyPhase::Reading,
                Phase::Parsing => SurveyPhase::Parsing,
                Phase::Typing => SurveyPhase::Typing,
            },
            fraction: p.fraction(),
            rows: p.rows,
        });
        Flow::Continue
    });
    match outcome {
        Ok(dataset) => {
            check(cancel)?;
            Ok(dataset)
        }
        Err(SurveyError::Cancelled) => Err(ApiError::Cancelled),
        Err(source) => Err(ApiError::Survey {
            path: path.to_path_buf(),
            source,
        }),
    }
}
