//! A newer export of a survey already in the library: its questions are matched to
//! the stored ones (by id, then by text), every piece of evidence computed from the
//! dataset is computed again on the new answers, and what changed is reported
//! ("62% → 58%").

use std::collections::BTreeMap;

use persona_model::{
    DatasetRecord, EvidenceId, EvidenceSource, FieldRef, Persona, PersonaId, SegmentCondition,
    SegmentFilter,
};
use persona_survey::{answer, match_questions, Answer, Dataset, QuestionMatch};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::evidence::{compute, respondent_id, SurveyEvidenceKind, SurveyEvidenceSpec};
use crate::{ApiError, Studio};

/// What a re-import changed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReimportReport {
    /// The file the replaced version came from.
    pub previous_file: String,
    #[ts(type = "number")]
    pub respondents_before: u64,
    #[ts(type = "number")]
    pub respondents_after: u64,
    /// Questions that were matched by text (their id changed), added or removed;
    /// questions with the same id are not listed.
    pub questions: Vec<QuestionChange>,
    /// Every piece of evidence computed from this dataset, before and after.
    pub evidence: Vec<EvidenceChange>,
}

/// A question whose identity changed between the two exports.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct QuestionChange {
    /// The id in the new export (the old id for a removed question).
    pub id: String,
    pub text: String,
    pub status: QuestionStatus,
    /// The id in the old export, when it differs.
    pub old_id: Option<String>,
}

/// How a question of the new export relates to the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum QuestionStatus {
    /// Found by its text; its id changed.
    MatchedByText,
    /// New in this export.
    Added,
    /// Gone from this export.
    Removed,
}

/// One piece of evidence, before and after the re-import.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct EvidenceChange {
    pub persona: PersonaId,
    pub persona_name: String,
    pub field: FieldRef,
    pub evidence: EvidenceId,
    /// `statistic`, `distribution`, `numeric_summary` or `quote`.
    pub kind: String,
    /// The headline figure before: "62%", "n = 120", "median 34", "R12".
    pub before: String,
    /// The headline figure after (the same as before when it could not be refreshed).
    pub after: String,
    pub status: EvidenceStatus,
    /// Why it could not be refreshed, if it could not.
    pub note: Option<String>,
}

/// What happened to a piece of evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EvidenceStatus {
    /// Computed again; the figures changed.
    Updated,
    /// Computed again; the figures are the same.
    Unchanged,
    /// Kept as it was: its question, option or quote is not in the new export.
    Kept,
}

/// The headline figure of a piece of evidence, for before/after lines.
pub fn headline(source: &EvidenceSource) -> String {
    match source {
        EvidenceSource::Statistic { percent, .. } => format!("{percent:.0}%"),
        EvidenceSource::Distribution { n, .. } => format!("n = {n}"),
        EvidenceSource::NumericSummary { median, .. } => {
            let s = format!("{median:.2}");
            format!("median {}", s.trim_end_matches('0').trim_end_matches('.'))
        }
        EvidenceSource::Quote { respondent, .. } => respondent.clone(),
        EvidenceSource::Manual { name, .. } => name.clone(),
    }
}

fn remap_condition(
    c: &SegmentCondition,
    ids: &BTreeMap<String, String>,
) -> Option<SegmentCondition> {
    let q = |id: &String| ids.get(id).cloned();
    Some(match c {
        SegmentCondition::AnyOf { question, options } => SegmentCondition::AnyOf {
            question: q(question)?,
            options: options.clone(),
        },
        SegmentCondition::Between { question, min, max } => SegmentCondition::Between {
            question: q(question)?,
            min: *min,
            max: *max,
        },
        SegmentCondition::Answered { question } => SegmentCondition::Answered {
            question: q(question)?,
        },
        SegmentCondition::Not { condition } => SegmentCondition::Not {
            condition: Box::new(remap_condition(condition, ids)?),
        },
    })
}

fn remap_segment(s: &SegmentFilter, ids: &BTreeMap<String, String>) -> Option<SegmentFilter> {
    Some(SegmentFilter {
        name: s.name.clone(),
        conditions: s
            .conditions
            .iter()
            .map(|c| remap_condition(c, ids))
            .collect::<Option<_>>()?,
    })
}

/// The evidence recomputed on the new dataset, or why it cannot be.
fn recompute(
    source: &EvidenceSource,
    record: &DatasetRecord,
    dataset: &Dataset,
    ids: &BTreeMap<String, String>,
) -> Result<EvidenceSource, String> {
    let Some(old) = source.survey() else {
        return Err("not survey evidence".into());
    };
    let question = ids
        .get(&old.question)
        .cloned()
        .ok_or_else(|| format!("question {} is not in the new export", old.question))?;
    let segment = match source.segment() {
        Some(s) => Some(
            remap_segment(s, ids)
                .ok_or("a question of its segment is not in the new export".to_string())?,
        ),
        None => None,
    };
    let mut spec = SurveyEvidenceSpec {
        dataset: record.id.to_string(),
        question,
        kind: None,
        options: Vec::new(),
        segment,
        respondent: None,
    };
    match source {
        EvidenceSource::Statistic { options, .. } => {
            spec.kind = Some(SurveyEvidenceKind::Statistic);
            spec.options = options.clone();
        }
        EvidenceSource::Distribution { .. } => spec.kind = Some(SurveyEvidenceKind::Distribution),
        EvidenceSource::NumericSummary { .. } => {
            spec.kind = Some(SurveyEvidenceKind::NumericSummary)
        }
        EvidenceSource::Quote {
            respondent, text, ..
        } => {
            // Rows may move between exports: find the same words, preferring the same row.
            let q = dataset
                .question(&spec.question)
                .ok_or_else(|| format!("question {} is not in the new export", spec.question))?;
            let says = |r: usize| matches!(answer(dataset, q, r), Answer::Text(t) if t == text);
            let same = respondent
                .trim_start_matches('R')
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .filter(|&r| r < dataset.respondents() && says(r));
            let r = same
                .or_else(|| (0..dataset.respondents()).find(|&r| says(r)))
                .ok_or("the quoted answer is not in the new export".to_string())?;
            spec.kind = Some(SurveyEvidenceKind::Quote);
            spec.respondent = Some(respondent_id(r));
        }
        EvidenceSource::Manual { .. } => return Err("not survey evidence".into()),
    }
    compute(record, dataset, &spec).map_err(|e| e.to_string())
}

impl Studio {
    /// Recomputes every piece of evidence taken from `old` on `new`'s answers: the
    /// personas to store with the new dataset, and the report of what changed.
    pub(crate) fn refresh_evidence(
        &self,
        old: &DatasetRecord,
        old_answers: &Dataset,
        new: &DatasetRecord,
        new_answers: &Dataset,
    ) -> Result<(Vec<Persona>, ReimportReport), ApiError> {
        let matches = match_questions(&old_answers.questions, &new_answers.questions);
        let mut ids: BTreeMap<String, String> = BTreeMap::new();
        let mut questions = Vec::new();
        let mut matched_old = vec![false; old_answers.questions.len()];
        for (q, m) in new_answers.questions.iter().zip(&matches) {
            match m {
                QuestionMatch::Id { old } => {
                    matched_old[*old] = true;
                    ids.insert(old_answers.questions[*old].id.clone(), q.id.clone());
                }
                QuestionMatch::Text { old } => {
                    matched_old[*old] = true;
                    let old_id = old_answers.questions[*old].id.clone();
                    ids.insert(old_id.clone(), q.id.clone());
                    questions.push(QuestionChange {
                        id: q.id.clone(),
                        text: q.text.clone(),
                        status: QuestionStatus::MatchedByText,
                        old_id: Some(old_id),
                    });
                }
                QuestionMatch::New => questions.push(QuestionChange {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    status: QuestionStatus::Added,
                    old_id: None,
                }),
            }
        }
        for (q, _) in old_answers
            .questions
            .iter()
            .zip(&matched_old)
            .filter(|(_, m)| !**m)
        {
            questions.push(QuestionChange {
                id: q.id.clone(),
                text: q.text.clone(),
                status: QuestionStatus::Removed,
                old_id: None,
            });
        }
        let mut changes = Vec::new();
        let mut personas = Vec::new();
        let now = self.now();
        for mut persona in self.library().personas()? {
            let mut touched = false;
            for e in &mut persona.evidence {
                if e.source.survey().is_none_or(|s| s.dataset != old.id) {
                    continue;
                }
                let before = headline(&e.source);
                let (status, note) = match recompute(&e.source, new, new_answers, &ids) {
                    Ok(fresh) => {
                        let status = if fresh == e.source {
                            EvidenceStatus::Unchanged
                        } else {
                            EvidenceStatus::Updated
                        };
                        e.source = fresh;
                        touched = true;
                        (status, None)
                    }
                    Err(reason) => (EvidenceStatus::Kept, Some(reason)),
                };
                changes.push(EvidenceChange {
                    persona: persona.id,
                    persona_name: persona.name.clone(),
                    field: e.field.clone(),
                    evidence: e.id,
                    kind: e.source.kind_name().to_owned(),
                    before,
                    after: headline(&e.source),
                    status,
                    note,
                });
            }
            if touched {
                persona.updated = now;
                personas.push(persona);
            }
        }
        Ok((
            personas,
            ReimportReport {
                previous_file: old.source_file.clone(),
                respondents_before: old.respondents,
                respondents_after: new.respondents,
                questions,
                evidence: changes,
            },
        ))
    }
}
