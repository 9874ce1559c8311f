//! Evidence on personas: computing survey figures for a field, attaching and
//! detaching them, and the per-persona report with flags and coverage.

use chrono::NaiveDate;
use persona_model::{
    coverage, DatasetRecord, Evidence, EvidenceId, EvidencePolicy, EvidenceReport, EvidenceSource,
    FieldRef, ModuleBody, OptionShare, Persona, SegmentFilter, SurveyRef,
};
use persona_survey::stats::{distribution, numeric_summary, wilson};
use persona_survey::{answer, Answer, ChoiceReader, Dataset, Question, QuestionKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::surveys::survey_segment;
use crate::{ApiError, Studio};

/// What to attach to a field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "from", rename_all = "snake_case")]
#[ts(export)]
pub enum EvidenceSpec {
    /// Figures or a quote computed from a stored survey.
    Survey(SurveyEvidenceSpec),
    /// A source outside the app: interview note, analytics figure, report.
    Manual {
        name: String,
        date: Option<NaiveDate>,
        url: Option<String>,
        #[serde(default)]
        note: String,
    },
}

/// Survey evidence to compute: which dataset, question, options and segment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SurveyEvidenceSpec {
    /// The dataset's id or exact name.
    pub dataset: String,
    /// The question's id.
    pub question: String,
    /// What to compute [default: a quote with `respondent`, a statistic with
    /// `options`, else a numeric summary for numbers and a distribution for choices].
    #[serde(default)]
    pub kind: Option<SurveyEvidenceKind>,
    /// For a statistic: the share of respondents who chose any of these.
    #[serde(default)]
    pub options: Vec<String>,
    /// Compute within this segment only.
    #[serde(default)]
    pub segment: Option<SegmentFilter>,
    /// For a quote: the anonymous respondent id (`R12`, or `12`).
    #[serde(default)]
    pub respondent: Option<String>,
}

/// The kinds of evidence a survey gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SurveyEvidenceKind {
    Statistic,
    Distribution,
    NumericSummary,
    Quote,
}

/// The anonymous id of respondent `index` (0-based): `R1`, `R2`, … in file order.
pub fn respondent_id(index: usize) -> String {
    format!("R{}", index + 1)
}

fn respondent_index(id: &str, respondents: usize) -> Option<usize> {
    let digits = id.trim().trim_start_matches(['R', 'r']);
    let n: usize = digits.parse().ok()?;
    (1..=respondents).contains(&n).then(|| n - 1)
}

fn refused(reason: impl Into<String>) -> ApiError {
    ApiError::EvidenceRefused(reason.into())
}

/// Computes the evidence `spec` asks for from a dataset already loaded.
pub(crate) fn compute(
    record: &DatasetRecord,
    dataset: &Dataset,
    spec: &SurveyEvidenceSpec,
) -> Result<EvidenceSource, ApiError> {
    let q = dataset
        .question(&spec.question)
        .ok_or_else(|| ApiError::UnknownQuestion {
            dataset: record.name.clone(),
            question: spec.question.clone(),
        })?;
    if q.kind == QuestionKind::Personal || q.hidden {
        return Err(refused(format!(
            "question {} holds personal data, which never leaves the library",
            q.id
        )));
    }
    let kind = spec.kind.unwrap_or(if spec.respondent.is_some() {
        SurveyEvidenceKind::Quote
    } else if !spec.options.is_empty() {
        SurveyEvidenceKind::Statistic
    } else if q.kind == QuestionKind::Numeric {
        SurveyEvidenceKind::NumericSummary
    } else if q.kind.is_categorical() {
        SurveyEvidenceKind::Distribution
    } else {
        return Err(refused(format!(
            "question {} is {}: give --respondent for a quote",
            q.id,
            kind_label(q.kind)
        )));
    });
    let mask = match &spec.segment {
        Some(s) => Some(
            survey_segment(s)
                .mask(dataset)
                .map_err(|source| ApiError::Segment { source })?,
        ),
        None => None,
    };
    let mask = mask.as_deref();
    let survey = SurveyRef {
        dataset: record.id,
        dataset_name: record.name.clone(),
        question: q.id.clone(),
        question_text: q.text.clone(),
        collected: record.collected,
    };
    let segment = spec.segment.clone();
    match kind {
        SurveyEvidenceKind::Statistic => {
            let (count, n) = share(dataset, q, &spec.options, mask)?;
            let (lo, hi) = wilson(count, n);
            Ok(EvidenceSource::Statistic {
                survey,
                options: spec.options.clone(),
                segment,
                count,
                n,
                percent: if n == 0 {
                    0.0
                } else {
                    count as f64 * 100.0 / n as f64
                },
                ci_low: lo * 100.0,
                ci_high: hi * 100.0,
            })
        }
        SurveyEvidenceKind::Distribution => {
            if !q.kind.is_categorical() {
                return Err(refused(format!(
                    "question {} is {}; a distribution needs a choice or scale question",
                    q.id,
                    kind_label(q.kind)
                )));
            }
            let d = distribution(dataset, q, mask);
            Ok(EvidenceSource::Distribution {
                survey,
                segment,
                n: d.n,
                options: d
                    .options
                    .into_iter()
                    .map(|o| OptionShare {
                        label: o.label,
                        count: o.count,
                        percent: o.percent,
                        ci_low: o.ci_low,
                        ci_high: o.ci_high,
                    })
                    .collect(),
            })
        }
        SurveyEvidenceKind::NumericSummary => {
            let s = numeric_summary(dataset, q, mask).ok_or_else(|| {
                refused(format!(
                    "question {} has no numeric answers{}",
                    q.id,
                    if mask.is_some() {
                        " in this segment"
                    } else {
                        ""
                    }
                ))
            })?;
            Ok(EvidenceSource::NumericSummary {
                survey,
                segment,
                n: s.n,
                median: s.median,
                q1: s.q1,
                q3: s.q3,
                min: s.min,
                max: s.max,
            })
        }
        SurveyEvidenceKind::Quote => {
            if q.kind == QuestionKind::Id {
                return Err(refused(format!(
                    "question {} is an identifier, not something a respondent said",
                    q.id
                )));
            }
            let id = spec.respondent.as_deref().unwrap_or_default();
            let r = respondent_index(id, dataset.respondents()).ok_or_else(|| {
                refused(format!(
                    "there is no respondent {id:?} (R1 to {})",
                    respondent_id(dataset.respondents().saturating_sub(1))
                ))
            })?;
            let text = match answer(dataset, q, r) {
                Answer::Text(t) => t.to_owned(),
                Answer::Number(n) => n.to_string(),
                Answer::Choices(c) => c.join(", "),
                Answer::Missing => {
                    return Err(refused(format!(
                        "respondent {} did not answer question {}",
                        respondent_id(r),
                        q.id
                    )))
                }
            };
            Ok(EvidenceSource::Quote {
                survey,
                respondent: respondent_id(r),
                text,
            })
        }
    }
}

/// Respondents (in `mask`) who chose any of `options`, and those who answered.
fn share(
    dataset: &Dataset,
    q: &Question,
    options: &[String],
    mask: Option<&[bool]>,
) -> Result<(u64, u64), ApiError> {
    if !q.kind.is_categorical() {
        return Err(refused(format!(
            "question {} is {}; a statistic needs a choice or scale question",
            q.id,
            kind_label(q.kind)
        )));
    }
    let wanted: Vec<usize> = options
        .iter()
        .map(|o| {
            q.options
                .iter()
                .position(|x| x == o)
                .ok_or_else(|| ApiError::UnknownOption {
                    question: q.id.clone(),
                    option: o.clone(),
                    available: q.options.join(" | "),
                })
        })
        .collect::<Result<_, _>>()?;
    let reader = ChoiceReader::new(dataset, q);
    let (mut count, mut n) = (0u64, 0u64);
    for r in 0..dataset.respondents() {
        if mask.is_some_and(|m| !m.get(r).copied().unwrap_or(false)) {
            continue;
        }
        let mut hit = false;
        if reader.each(r, |i| hit |= wanted.contains(&i)) {
            n += 1;
            count += u64::from(hit);
        }
    }
    Ok((count, n))
}

fn kind_label(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::SingleChoice => "single choice",
        QuestionKind::MultipleChoice => "multiple choice",
        QuestionKind::Scale => "a scale",
        QuestionKind::Numeric => "numeric",
        QuestionKind::Datetime => "a date/time",
        QuestionKind::Text => "free text",
        QuestionKind::Id => "an identifier",
        QuestionKind::Personal => "personal data",
    }
}

/// Checks that `field` exists on `persona` and can hold `source`.
fn check_target(
    persona: &Persona,
    field: &FieldRef,
    source: &EvidenceSource,
) -> Result<(), ApiError> {
    let bad = |reason: String| ApiError::BadEvidenceTarget {
        field: field.to_string(),
        reason,
    };
    let module = match field.module() {
        None => None,
        Some(id) => Some(persona.modules.iter().find(|m| m.id == id).ok_or_else(|| {
            bad(format!(
                "the persona has no module '{id}' (it has: {})",
                persona
                    .modules
                    .iter()
                    .map(|m| m.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?),
    };
    let is_distribution = matches!(source, EvidenceSource::Distribution { .. });
    match (field, module.map(|m| &m.body)) {
        (FieldRef::Archetype | FieldRef::Quote, _) => Ok(()),
        (FieldRef::Module { .. }, Some(ModuleBody::Chart { .. })) => {
            if is_distribution {
                Ok(())
            } else {
                Err(bad("a chart module takes a distribution".into()))
            }
        }
        (FieldRef::Module { .. }, Some(ModuleBody::Text { .. } | ModuleBody::Tags { .. })) => {
            Ok(())
        }
        (
            FieldRef::Item { index, .. },
            Some(
                body @ (ModuleBody::Facts { .. }
                | ModuleBody::List { .. }
                | ModuleBody::Sliders { .. }),
            ),
        ) => {
            let len = match body {
                ModuleBody::Facts { rows } => rows.len(),
                ModuleBody::List { items } => items.len(),
                ModuleBody::Sliders { rows, .. } => rows.len(),
                _ => 0,
            };
            if (*index as usize) < len {
                Ok(())
            } else {
                Err(bad(format!(
                    "the module has {len} items, numbered from 0 to {}",
                    len.saturating_sub(1)
                )))
            }
        }
        (
            FieldRef::Module { module },
            Some(ModuleBody::Facts { .. } | ModuleBody::List { .. } | ModuleBody::Sliders { .. }),
        ) => Err(bad(format!(
            "evidence goes on one item of this module: write {module}/0, {module}/1…"
        ))),
        (
            FieldRef::Item { module, .. },
            Some(ModuleBody::Text { .. } | ModuleBody::Tags { .. } | ModuleBody::Chart { .. }),
        ) => Err(bad(format!(
            "this module takes evidence as a whole: write {module}"
        ))),
        (_, Some(ModuleBody::Header | ModuleBody::Image { .. })) => Err(bad(
            "evidence goes on the quote, the archetype or a module with content".into(),
        )),
        (FieldRef::Module { .. } | FieldRef::Item { .. }, None) => {
            Err(bad("the persona has no such module".into()))
        }
    }
}

impl Studio {
    /// Computes and attaches evidence to a field of a persona (id or exact name);
    /// answers the evidence as stored. Nothing is written if anything is wrong.
    pub fn add_evidence(
        &self,
        persona: &str,
        field: &FieldRef,
        spec: &EvidenceSpec,
    ) -> Result<Evidence, ApiError> {
        let mut persona = self.resolve_persona(persona)?;
        let source = match spec {
            EvidenceSpec::Survey(s) => {
                let (record, dataset) = self.load_dataset(&s.dataset)?;
                if record.project != persona.project {
                    return Err(ApiError::DatasetInOtherProject {
                        dataset: record.name,
                        project: self
                            .library()
                            .project(persona.project)?
                            .map(|p| p.name)
                            .unwrap_or_default(),
                    });
                }
                compute(&record, &dataset, s)?
            }
            EvidenceSpec::Manual {
                name,
                date,
                url,
                note,
            } => {
                if name.trim().is_empty() {
                    return Err(refused("a manual source needs a name"));
                }
                EvidenceSource::Manual {
                    name: name.trim().to_owned(),
                    date: *date,
                    url: url.clone().filter(|u| !u.trim().is_empty()),
                    note: note.clone(),
                }
            }
        };
        check_target(&persona, field, &source)?;
        let evidence = Evidence {
            id: EvidenceId::new(),
            field: field.clone(),
            anchor: coverage::anchor_of(&persona, field),
            source,
            added: self.now(),
        };
        persona.evidence.push(evidence.clone());
        self.save_persona_with_evidence(persona)?;
        Ok(evidence)
    }

    /// Detaches one piece of evidence from a persona.
    pub fn remove_evidence(&self, persona: &str, evidence: EvidenceId) -> Result<(), ApiError> {
        let mut persona = self.resolve_persona(persona)?;
        let before = persona.evidence.len();
        persona.evidence.retain(|e| e.id != evidence);
        if persona.evidence.len() == before {
            return Err(ApiError::UnknownEvidence(evidence.to_string()));
        }
        self.save_persona_with_evidence(persona)?;
        Ok(())
    }

    /// `evidence list`: every field of the persona with its evidence and flags, and
    /// its coverage score; staleness is judged on today's date by the studio's clock.
    pub fn evidence_report(
        &self,
        persona: &str,
        policy: &EvidencePolicy,
    ) -> Result<EvidenceReport, ApiError> {
        let persona = self.resolve_persona(persona)?;
        Ok(coverage::assess(&persona, policy, self.now().date_naive()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn respondent_ids_count_from_one() {
        assert_eq!(respondent_id(0), "R1");
        assert_eq!(respondent_index("R1", 3), Some(0));
        assert_eq!(respondent_index("3", 3), Some(2));
        assert_eq!(respondent_index("R4", 3), None);
        assert_eq!(respondent_index("R0", 3), None);
        assert_eq!(respondent_index("x", 3), None);
    }
}
