//! Surveys in the library: import (and re-import of a newer export), list, and the
//! answers read back for statistics.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use chrono::NaiveDate;
use persona_model::{
    DatasetId, DatasetRecord, DatasetVersion, ProjectId, SegmentCondition, SegmentFilter,
    Timestamp, DATASET_RECORD_SCHEMA,
};
use persona_survey::segment::{Condition, Segment};
use persona_survey::{Dataset, ImportOptions, Tool};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::reimport::ReimportReport;
use crate::stored_answers::{decode_answers, encode_answers};
use crate::survey_progress::{read_watched, SurveyProgress};
use crate::{ApiError, Studio};

/// `survey import`: what to import and where.
#[derive(Debug, Clone)]
pub struct SurveyImport {
    pub file: PathBuf,
    /// The project (name or id) the dataset belongs to.
    pub project: String,
    /// A name for people [default: the file name without extension].
    pub name: Option<String>,
    /// Overrides of what the importer detects (encoding, tool…).
    pub options: ImportOptions,
    /// A dataset (id or exact name) this file is a newer export of.
    pub replaces: Option<String>,
    /// Never treat the file as a newer export of a dataset already there.
    pub as_new: bool,
}

/// One row of `survey list --json`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DatasetSummary {
    pub id: DatasetId,
    pub name: String,
    /// The project's name.
    pub project: String,
    pub tool: String,
    #[ts(type = "number")]
    pub respondents: u64,
    pub questions: u32,
    pub imported: Timestamp,
    pub source_file: String,
    /// When the answers were collected (latest response date, else the import day).
    pub collected: NaiveDate,
}

/// What `survey import` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportStatus {
    /// A new dataset.
    Imported,
    /// A newer export replaced a dataset; its evidence was refreshed.
    Replaced,
    /// This very file was imported before into the project; nothing changed.
    Unchanged,
}

/// The result of `survey import --json`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportOutcome {
    pub status: ImportStatus,
    #[serde(flatten)]
    pub dataset: DatasetSummary,
    /// For a re-import: what changed, question by question and evidence by evidence.
    pub replaced: Option<ReimportReport>,
}

/// The snake_case name of a tool, as in `survey inspect --json`.
pub(crate) fn tool_name(tool: Tool) -> String {
    serde_json::to_value(tool)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A model segment as the survey crate evaluates it (the same conditions).
pub(crate) fn survey_segment(filter: &SegmentFilter) -> Segment {
    fn condition(c: &SegmentCondition) -> Condition {
        match c {
            SegmentCondition::AnyOf { question, options } => Condition::AnyOf {
                question: question.clone(),
                options: options.clone(),
            },
            SegmentCondition::Between { question, min, max } => Condition::Between {
                question: question.clone(),
                min: *min,
                max: *max,
            },
            SegmentCondition::Answered { question } => Condition::Answered {
                question: question.clone(),
            },
            SegmentCondition::Not { condition: inner } => Condition::Not {
                condition: Box::new(condition(inner)),
            },
        }
    }
    Segment {
        name: filter.name.clone(),
        conditions: filter.conditions.iter().map(condition).collect(),
    }
}

/// Reads and types the file of an import, reporting `progress` and stopping when
/// `cancel` is set; stores nothing (the first half of [`Studio::import_survey`]).
pub fn read_import(
    request: &SurveyImport,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(SurveyProgress),
) -> Result<Dataset, ApiError> {
    read_watched(&request.file, &request.options, cancel, progress)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl Studio {
    /// `survey import`: reads the file completely first, then stores the dataset (and,
    /// for a newer export of a dataset already there, the refreshed evidence of every
    /// persona) in one transaction. A file that cannot be read changes nothing.
    pub fn import_survey(&self, request: &SurveyImport) -> Result<ImportOutcome, ApiError> {
        self.resolve_project(&request.project)?;
        let dataset = read_import(request, &AtomicBool::new(false), &mut |_| {})?;
        self.store_survey(request, dataset)
    }

    /// Stores a dataset read by [`read_import`] from `request`'s file: the second half
    /// of [`Studio::import_survey`], so the app can read a big file (and let the user
    /// cancel) without holding the library.
    pub fn store_survey(
        &self,
        request: &SurveyImport,
        dataset: Dataset,
    ) -> Result<ImportOutcome, ApiError> {
        let project = self.resolve_project(&request.project)?;
        let source_file = file_name(&request.file);
        let in_project: Vec<DatasetRecord> = self
            .library()
            .datasets()?
            .into_iter()
            .filter(|d| d.project == project.id)
            .collect();
        let previous = match &request.replaces {
            Some(reference) => {
                let old = self.resolve_dataset(reference)?;
                if old.project != project.id {
                    return Err(ApiError::DatasetInOtherProject {
                        dataset: old.name,
                        project: project.name,
                    });
                }
                Some(old)
            }
            None if request.as_new => None,
            None => {
                if let Some(same) = in_project
                    .iter()
                    .find(|d| d.content_fingerprint == dataset.content_fingerprint)
                {
                    return Ok(ImportOutcome {
                        status: ImportStatus::Unchanged,
                        dataset: self.summary(same, &project.name),
                        replaced: None,
                    });
                }
                in_project
                    .iter()
                    .filter(|d| {
                        d.survey_fingerprint == dataset.survey_fingerprint
                            || d.source_file == source_file
                    })
                    .max_by_key(|d| d.imported)
                    .cloned()
            }
        };
        let now = self.now();
        let collected_from_data = persona_survey::latest_response_date(&dataset);
        let mut record = DatasetRecord {
            schema: DATASET_RECORD_SCHEMA,
            id: DatasetId::new(),
            project: project.id,
            name: request.name.clone().unwrap_or_else(|| {
                request
                    .file
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| source_file.clone())
            }),
            tool: tool_name(dataset.source.tool),
            format: dataset.source.format.clone(),
            encoding: dataset.source.encoding.clone(),
            respondents: dataset.respondents() as u64,
            questions: dataset.questions.len() as u32,
            imported: now,
            source_file,
            collected: collected_from_data.unwrap_or(now.date_naive()),
            collected_from_data: collected_from_data.is_some(),
            survey_fingerprint: dataset.survey_fingerprint.clone(),
            content_fingerprint: dataset.content_fingerprint.clone(),
            history: Vec::new(),
        };
        let answers = encode_answers(&dataset)?;
        let Some(old) = previous else {
            self.library().put_dataset(&record, &answers, &[])?;
            return Ok(ImportOutcome {
                status: ImportStatus::Imported,
                dataset: self.summary(&record, &project.name),
                replaced: None,
            });
        };
        // A newer export keeps the dataset's id (evidence points at it) and name.
        let old_answers = self.load_answers(&old)?;
        record.id = old.id;
        if request.name.is_none() {
            record.name = old.name.clone();
        }
        record.history = old.history.clone();
        record.history.push(DatasetVersion {
            imported: old.imported,
            source_file: old.source_file.clone(),
            respondents: old.respondents,
            collected: old.collected,
            content_fingerprint: old.content_fingerprint.clone(),
        });
        let (personas, report) = self.refresh_evidence(&old, &old_answers, &record, &dataset)?;
        self.library().put_dataset(&record, &answers, &personas)?;
        Ok(ImportOutcome {
            status: ImportStatus::Replaced,
            dataset: self.summary(&record, &project.name),
            replaced: Some(report),
        })
    }

    /// `survey delete`: removes a dataset (id or exact name) and its answers in one
    /// transaction, and answers what it was. Evidence taken from it stays on its
    /// personas with the figures it was attached with (evidence never reads the
    /// answers again); only a newer export can no longer refresh it.
    pub fn delete_dataset(&self, reference: &str) -> Result<DatasetSummary, ApiError> {
        let record = self.resolve_dataset(reference)?;
        let project = self
            .library()
            .project(record.project)?
            .map(|p| p.name)
            .unwrap_or_default();
        let summary = self.summary(&record, &project);
        if !self.library().delete_dataset(record.id)? {
            return Err(ApiError::UnknownDataset(reference.to_owned()));
        }
        Ok(summary)
    }

    /// `survey list`: every dataset, by project name then dataset name.
    pub fn dataset_summaries(&self) -> Result<Vec<DatasetSummary>, ApiError> {
        let names: std::collections::BTreeMap<ProjectId, String> = self
            .library()
            .projects()?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        let mut rows: Vec<DatasetSummary> = self
            .library()
            .datasets()?
            .iter()
            .map(|d| self.summary(d, names.get(&d.project).map_or("", String::as_str)))
            .collect();
        rows.sort_by(|a, b| {
            (a.project.to_lowercase(), a.name.to_lowercase(), a.imported).cmp(&(
                b.project.to_lowercase(),
                b.name.to_lowercase(),
                b.imported,
            ))
        });
        Ok(rows)
    }

    /// Finds a dataset by id or exact name.
    pub fn resolve_dataset(&self, reference: &str) -> Result<DatasetRecord, ApiError> {
        if let Ok(id) = reference.trim().parse::<DatasetId>() {
            if let Some(d) = self.library().dataset(id)? {
                return Ok(d);
            }
        }
        let mut matches: Vec<DatasetRecord> = self
            .library()
            .datasets()?
            .into_iter()
            .filter(|d| d.name == reference)
            .collect();
        match matches.len() {
            0 => Err(ApiError::UnknownDataset(reference.to_owned())),
            1 => Ok(matches.remove(0)),
            _ => Err(ApiError::AmbiguousDataset {
                name: reference.to_owned(),
                ids: matches
                    .iter()
                    .map(|d| d.id.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// A dataset's record and its answers as imported.
    pub fn load_dataset(&self, reference: &str) -> Result<(DatasetRecord, Arc<Dataset>), ApiError> {
        let record = self.resolve_dataset(reference)?;
        let dataset = self.load_answers(&record)?;
        Ok((record, dataset))
    }

    /// The stored answers of `record`, decoded once while they stay the same.
    pub(crate) fn load_answers(&self, record: &DatasetRecord) -> Result<Arc<Dataset>, ApiError> {
        self.answers
            .get_or_load(record, || self.decode_stored_answers(record))
    }

    fn decode_stored_answers(&self, record: &DatasetRecord) -> Result<Dataset, ApiError> {
        let corrupt = |reason: String| ApiError::CorruptDataset {
            name: record.name.clone(),
            reason,
        };
        let bytes = self
            .library()
            .dataset_answers(record.id)?
            .ok_or_else(|| corrupt("its answers are missing".into()))?;
        let dataset = decode_answers(&bytes).map_err(corrupt)?;
        if dataset.schema_version > persona_survey::DATASET_SCHEMA_VERSION {
            return Err(corrupt(format!(
                "it was stored by a newer Persona Studio (answers schema {})",
                dataset.schema_version
            )));
        }
        Ok(dataset)
    }

    pub(crate) fn summary(&self, d: &DatasetRecord, project: &str) -> DatasetSummary {
        DatasetSummary {
            id: d.id,
            name: d.name.clone(),
            project: project.to_owned(),
            tool: d.tool.clone(),
            respondents: d.respondents,
            questions: d.questions,
            imported: d.imported,
            source_file: d.source_file.clone(),
            collected: d.collected,
        }
    }
}
