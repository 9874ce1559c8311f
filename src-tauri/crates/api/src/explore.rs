//! The dataset explorer: a profile of every question (option counts with intervals,
//! histograms of numbers, frequent phrases and answers of free text), within a
//! segment when one is given, and two segments side by side.

use persona_model::{OptionShare, SegmentFilter};
use persona_survey::stats::{distribution, frequent_phrases, histogram, numeric_summary};
use persona_survey::{answered, Dataset, Question, QuestionKind};
use serde::Serialize;
use ts_rs::TS;

use crate::evidence::respondent_id;
use crate::surveys::{survey_segment, DatasetSummary};
use crate::{ApiError, Studio};

/// Most free-text answers a profile lists per question.
pub const MAX_TEXT_ANSWERS: usize = 500;
/// Most frequent phrases a profile lists per question.
pub const MAX_PHRASES: usize = 20;
/// Most bins of a histogram.
pub const MAX_BINS: usize = 12;

/// A dataset seen through the explorer.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DatasetProfile {
    pub dataset: DatasetSummary,
    /// The segment the figures are computed within (`None`: everyone).
    pub segment: Option<SegmentFilter>,
    /// Respondents in the segment.
    #[ts(type = "number")]
    pub respondents: u64,
    pub questions: Vec<QuestionProfile>,
}

/// One question of a [`DatasetProfile`].
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct QuestionProfile {
    pub id: String,
    pub text: String,
    /// single_choice, multiple_choice, scale, numeric, datetime, text, id, personal.
    pub kind: String,
    /// Personal data: shown as counts only; its answers never leave the library.
    pub hidden: bool,
    #[ts(type = "number")]
    pub answered: u64,
    #[ts(type = "number")]
    pub missing: u64,
    /// Choices and scales: every option with count, share and 95% interval.
    pub options: Vec<OptionShare>,
    /// Numbers: the histogram.
    pub bins: Vec<HistogramBin>,
    /// Numbers: median and quartiles.
    pub summary: Option<NumericFigures>,
    /// Free text: the most frequent phrases.
    pub phrases: Vec<PhraseCount>,
    /// Free text: the answers (at most [`MAX_TEXT_ANSWERS`]), with anonymous ids.
    pub answers: Vec<TextAnswer>,
    /// Free text: how many answers there are in all.
    #[ts(type = "number")]
    pub answers_total: u64,
}

/// One bar of a histogram: `[low, high)`, the last one closed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HistogramBin {
    pub low: f64,
    pub high: f64,
    #[ts(type = "number")]
    pub count: u64,
}

/// Median, quartiles and range of numeric answers.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct NumericFigures {
    #[ts(type = "number")]
    pub n: u64,
    pub min: f64,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
    pub max: f64,
    pub mean: f64,
}

/// A phrase and how many respondents used it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PhraseCount {
    pub phrase: String,
    #[ts(type = "number")]
    pub respondents: u64,
}

/// A free-text answer with its anonymous respondent id (for quotes).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TextAnswer {
    pub respondent: String,
    pub text: String,
}

/// Two segments of one dataset, side by side.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SegmentComparison {
    pub a: DatasetProfile,
    pub b: DatasetProfile,
}

fn kind_name(kind: QuestionKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn profile_question(dataset: &Dataset, q: &Question, mask: Option<&[bool]>) -> QuestionProfile {
    let selected = |r: usize| mask.is_none_or(|m| m.get(r).copied().unwrap_or(false));
    let in_segment = (0..dataset.respondents()).filter(|&r| selected(r)).count() as u64;
    let answered_n = (0..dataset.respondents())
        .filter(|&r| selected(r) && answered(dataset, q, r))
        .count() as u64;
    let mut p = QuestionProfile {
        id: q.id.clone(),
        text: q.text.clone(),
        kind: kind_name(q.kind),
        hidden: q.hidden,
        answered: answered_n,
        missing: in_segment - answered_n,
        options: Vec::new(),
        bins: Vec::new(),
        summary: None,
        phrases: Vec::new(),
        answers: Vec::new(),
        answers_total: 0,
    };
    match q.kind {
        // Counts only: nothing of what was answered is shown.
        QuestionKind::Personal | QuestionKind::Id | QuestionKind::Datetime => {}
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice | QuestionKind::Scale => {
            p.options = distribution(dataset, q, mask)
                .options
                .into_iter()
                .map(|o| OptionShare {
                    label: o.label,
                    count: o.count,
                    percent: o.percent,
                    ci_low: o.ci_low,
                    ci_high: o.ci_high,
                })
                .collect();
            if q.kind == QuestionKind::Scale {
                p.summary = figures(dataset, q, mask);
            }
        }
        QuestionKind::Numeric => {
            p.bins = histogram(dataset, q, mask, MAX_BINS)
                .into_iter()
                .map(|b| HistogramBin {
                    low: b.low,
                    high: b.high,
                    count: b.count,
                })
                .collect();
            p.summary = figures(dataset, q, mask);
        }
        QuestionKind::Text => {
            p.phrases = frequent_phrases(dataset, q, mask, MAX_PHRASES)
                .into_iter()
                .map(|ph| PhraseCount {
                    phrase: ph.phrase,
                    respondents: ph.respondents,
                })
                .collect();
            if let Some(col) = q
                .layout
                .columns()
                .first()
                .and_then(|c| dataset.columns.get(*c))
            {
                for r in (0..dataset.respondents()).filter(|&r| selected(r)) {
                    if let Some(text) = col.get(r) {
                        p.answers_total += 1;
                        if p.answers.len() < MAX_TEXT_ANSWERS {
                            p.answers.push(TextAnswer {
                                respondent: respondent_id(r),
                                text: text.to_owned(),
                            });
                        }
                    }
                }
            }
        }
    }
    p
}

fn figures(dataset: &Dataset, q: &Question, mask: Option<&[bool]>) -> Option<NumericFigures> {
    numeric_summary(dataset, q, mask).map(|s| NumericFigures {
        n: s.n,
        min: s.min,
        q1: s.q1,
        median: s.median,
        q3: s.q3,
        max: s.max,
        mean: s.mean,
    })
}

impl Studio {
    /// The explorer's view of a dataset (id or exact name), within `segment` if given.
    pub fn dataset_profile(
        &self,
        dataset: &str,
        segment: Option<&SegmentFilter>,
    ) -> Result<DatasetProfile, ApiError> {
        let (record, answers) = self.load_dataset(dataset)?;
        let project = self
            .library()
            .project(record.project)?
            .map(|p| p.name)
            .unwrap_or_default();
        let mask = segment
            .map(|s| {
                survey_segment(s)
                    .mask(&answers)
                    .map_err(|source| ApiError::Segment { source })
            })
            .transpose()?;
        let mask = mask.as_deref();
        Ok(DatasetProfile {
            dataset: self.summary(&record, &project),
            segment: segment.cloned(),
            respondents: mask.map_or(answers.respondents(), |m| m.iter().filter(|b| **b).count())
                as u64,
            questions: answers
                .questions
                .iter()
                .map(|q| profile_question(&answers, q, mask))
                .collect(),
        })
    }

    /// Two segments of a dataset side by side.
    pub fn compare_segments(
        &self,
        dataset: &str,
        a: &SegmentFilter,
        b: &SegmentFilter,
    ) -> Result<SegmentComparison, ApiError> {
        Ok(SegmentComparison {
            a: self.dataset_profile(dataset, Some(a))?,
            b: self.dataset_profile(dataset, Some(b))?,
        })
    }
}
