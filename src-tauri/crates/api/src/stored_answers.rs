//! How a survey dataset's answers are encoded in the library (the one place that
//! writes them and the one place that reads them back), and the last dataset read,
//! kept decoded: the explorer asks for the same dataset again at every segment change
//! and every attached statistic, and decoding 100,000 respondents takes a noticeable
//! fraction of a second (see docs/benchmarks-survey.md).

use std::sync::{Arc, Mutex};

use persona_model::{DatasetId, DatasetRecord, Timestamp};
use persona_survey::Dataset;

use crate::ApiError;

/// The bytes the library stores for a dataset's answers.
pub fn encode_answers(dataset: &Dataset) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(dataset).map_err(ApiError::Encode)
}

/// A dataset from the bytes [`encode_answers`] made; the error is the reason, for
/// [`ApiError::CorruptDataset`].
pub(crate) fn decode_answers(bytes: &[u8]) -> Result<Dataset, String> {
    serde_json::from_slice(bytes).map_err(|e| e.to_string())
}

/// The answers of the dataset read last. A dataset's answers change only with its
/// record (a newer export is stored with a new import time and content fingerprint),
/// so the record says whether the kept answers are still the stored ones.
#[derive(Default)]
pub(crate) struct AnswersCache(Mutex<Option<Kept>>);

struct Kept {
    id: DatasetId,
    imported: Timestamp,
    content_fingerprint: String,
    answers: Arc<Dataset>,
}

impl Kept {
    fn is_of(&self, record: &DatasetRecord) -> bool {
        self.id == record.id
            && self.imported == record.imported
            && self.content_fingerprint == record.content_fingerprint
    }
}

impl AnswersCache {
    /// The answers of `record`: those kept if they are its, else `load`ed and kept.
    pub(crate) fn get_or_load(
        &self,
        record: &DatasetRecord,
        load: impl FnOnce() -> Result<Dataset, ApiError>,
    ) -> Result<Arc<Dataset>, ApiError> {
        if let Ok(kept) = self.0.lock() {
            if let Some(k) = kept.as_ref().filter(|k| k.is_of(record)) {
                return Ok(k.answers.clone());
            }
        }
        let answers = Arc::new(load()?);
        if let Ok(mut kept) = self.0.lock() {
            *kept = Some(Kept {
                id: record.id,
                imported: record.imported,
                content_fingerprint: record.content_fingerprint.clone(),
                answers: answers.clone(),
            });
        }
        Ok(answers)
    }
}
