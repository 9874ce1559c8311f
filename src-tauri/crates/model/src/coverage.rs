//! How well a persona rests on evidence: per field, its evidence and flags
//! (assumption, weak, stale), and one coverage score per persona.
//!
//! Pure functions of a persona, a policy and "today" (passed in, never read from the
//! clock here), so the report is deterministic and testable.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Evidence, EvidenceSource, FieldRef, ModuleBody, Persona, PersonaId};

/// When evidence counts as weak or stale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EvidencePolicy {
    /// Survey figures from fewer respondents than this are weak.
    #[ts(type = "number")]
    pub min_n: u64,
    /// A 95% interval wider than ± this many percentage points is weak.
    pub max_half_width: f64,
    /// Evidence collected more than this many days before today is stale.
    pub max_age_days: u32,
}

impl Default for EvidencePolicy {
    fn default() -> Self {
        EvidencePolicy {
            min_n: 30,
            max_half_width: 15.0,
            max_age_days: 365,
        }
    }
}

impl EvidencePolicy {
    /// Whether figures rest on too few respondents or too wide an interval. Quotes and
    /// manual sources illustrate rather than measure, so they are never weak.
    pub fn is_weak(&self, source: &EvidenceSource) -> bool {
        let wide = |lo: f64, hi: f64| (hi - lo) / 2.0 > self.max_half_width;
        match source {
            EvidenceSource::Statistic {
                n, ci_low, ci_high, ..
            } => *n < self.min_n || wide(*ci_low, *ci_high),
            EvidenceSource::Distribution { n, options, .. } => {
                *n < self.min_n || options.iter().any(|o| wide(o.ci_low, o.ci_high))
            }
            EvidenceSource::NumericSummary { n, .. } => *n < self.min_n,
            EvidenceSource::Quote { .. } | EvidenceSource::Manual { .. } => false,
        }
    }

    /// Whether the data is older than the policy allows on `today`. A manual source
    /// without a date cannot be judged and is not stale.
    pub fn is_stale(&self, source: &EvidenceSource, today: NaiveDate) -> bool {
        let date = match source {
            EvidenceSource::Manual { date, .. } => *date,
            EvidenceSource::Statistic { survey, .. }
            | EvidenceSource::Distribution { survey, .. }
            | EvidenceSource::NumericSummary { survey, .. }
            | EvidenceSource::Quote { survey, .. } => Some(survey.collected),
        };
        date.is_some_and(|d| (today - d).num_days() > i64::from(self.max_age_days))
    }
}

/// A field of a persona that holds content (and so needs evidence), or a chart module.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PersonaField {
    pub field: FieldRef,
    /// For people: "Goals · 1", "Facts · Age".
    pub label: String,
    /// The field's content as text.
    pub text: String,
}

/// Every field of `persona` that holds content, in sheet order. Chart modules are
/// listed always: they hold content once a distribution fills them.
pub fn persona_fields(persona: &Persona) -> Vec<PersonaField> {
    let mut out = Vec::new();
    let mut push = |field: FieldRef, label: String, text: &str| {
        out.push(PersonaField {
            field,
            label,
            text: text.to_owned(),
        })
    };
    if !persona.archetype.trim().is_empty() {
        push(FieldRef::Archetype, "Archetype".into(), &persona.archetype);
    }
    if !persona.quote.trim().is_empty() {
        push(FieldRef::Quote, "Quote".into(), &persona.quote);
    }
    for m in &persona.modules {
        let item = |i: usize| FieldRef::Item {
            module: m.id.clone(),
            index: i as u32,
        };
        let whole = || FieldRef::Module {
            module: m.id.clone(),
        };
        match &m.body {
            ModuleBody::Header | ModuleBody::Image { .. } => {}
            ModuleBody::Facts { rows } => {
                for (i, f) in rows.iter().enumerate() {
                    if !f.value.trim().is_empty() {
                        push(item(i), format!("{} · {}", m.title, f.label), &f.value);
                    }
                }
            }
            ModuleBody::Text { text } => {
                if !text.trim().is_empty() {
                    push(whole(), m.title.clone(), text);
                }
            }
            ModuleBody::List { items } => {
                for (i, t) in items.iter().enumerate() {
                    if !t.trim().is_empty() {
                        push(item(i), format!("{} · {}", m.title, i + 1), t);
                    }
                }
            }
            ModuleBody::Sliders { rows, .. } => {
                for (i, s) in rows.iter().enumerate() {
                    let name = if s.right.is_empty() {
                        s.left.clone()
                    } else {
                        format!("{} – {}", s.left, s.right)
                    };
                    push(
                        item(i),
                        format!("{} · {name}", m.title),
                        &s.value.to_string(),
                    );
                }
            }
            ModuleBody::Tags { tags } => {
                if !tags.is_empty() {
                    push(whole(), m.title.clone(), &tags.join(", "));
                }
            }
            ModuleBody::Chart { caption } => push(whole(), m.title.clone(), caption),
        }
    }
    out
}

/// The text of an item field (fact value, list item, slider row), to follow anchors.
fn item_texts(persona: &Persona, module: &str) -> Option<Vec<String>> {
    let m = persona.modules.iter().find(|m| m.id == module)?;
    Some(match &m.body {
        ModuleBody::Facts { rows } => rows.iter().map(|f| f.value.clone()).collect(),
        ModuleBody::List { items } => items.clone(),
        ModuleBody::Sliders { rows, .. } => rows.iter().map(|s| s.left.clone()).collect(),
        ModuleBody::Header
        | ModuleBody::Text { .. }
        | ModuleBody::Tags { .. }
        | ModuleBody::Chart { .. }
        | ModuleBody::Image { .. } => return None,
    })
}

/// The anchor text recorded when evidence is attached to `field`: the item's text
/// (a slider row's left label), empty for other fields.
pub fn anchor_of(persona: &Persona, field: &FieldRef) -> String {
    match field {
        FieldRef::Item { module, index } => item_texts(persona, module)
            .and_then(|t| t.get(*index as usize).cloned())
            .unwrap_or_default(),
        FieldRef::Archetype | FieldRef::Quote | FieldRef::Module { .. } => String::new(),
    }
}

/// Where evidence belongs now: its item, or the item of the same module that now holds
/// its anchor text (the user moved it); `None` when its field is gone.
pub fn resolve(persona: &Persona, evidence: &Evidence) -> Option<FieldRef> {
    match &evidence.field {
        FieldRef::Archetype | FieldRef::Quote => Some(evidence.field.clone()),
        FieldRef::Module { module } => persona
            .modules
            .iter()
            .any(|m| &m.id == module)
            .then(|| evidence.field.clone()),
        FieldRef::Item { module, index } => {
            let texts = item_texts(persona, module)?;
            let i = *index as usize;
            let anchor = evidence.anchor.as_str();
            if texts.get(i).is_some_and(|t| t == anchor) || anchor.is_empty() {
                return (i < texts.len()).then(|| evidence.field.clone());
            }
            if let Some(j) = texts.iter().position(|t| t == anchor) {
                return Some(FieldRef::Item {
                    module: module.clone(),
                    index: j as u32,
                });
            }
            // Edited in place: the evidence stays with its row.
            (i < texts.len()).then(|| evidence.field.clone())
        }
    }
}

/// A flag on a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FieldFlag {
    /// Content without any evidence.
    Assumption,
    /// All its evidence is weak (few respondents or a wide interval).
    Weak,
    /// Some of its evidence is older than the policy allows.
    Stale,
}

/// A piece of evidence as judged by the policy.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AssessedEvidence {
    pub evidence: Evidence,
    pub weak: bool,
    pub stale: bool,
    /// One line for people: "62% (31 of 50; 95% CI 48–74%)".
    pub summary: String,
}

/// One field with its evidence and flags.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FieldReport {
    pub field: FieldRef,
    pub label: String,
    pub text: String,
    pub flags: Vec<FieldFlag>,
    pub evidence: Vec<AssessedEvidence>,
}

/// How much of a persona rests on evidence.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Coverage {
    /// Fields with content.
    pub fields: u32,
    /// Fields with at least one piece of evidence.
    pub evidenced: u32,
    /// Fields with at least one piece of evidence that is neither weak nor stale.
    pub supported: u32,
    /// Fields with content and no evidence.
    pub assumptions: u32,
    /// 0–100: a supported field counts fully, a field with only weak or stale evidence
    /// half, an assumption nothing. `None` when the persona has no content yet.
    pub score: Option<u32>,
}

/// `evidence list --json`: a persona's fields, their evidence and flags, and its score.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct EvidenceReport {
    pub persona: PersonaId,
    pub name: String,
    pub policy: EvidencePolicy,
    /// The day staleness was judged on.
    pub today: NaiveDate,
    pub coverage: Coverage,
    pub fields: Vec<FieldReport>,
    /// Evidence whose field no longer exists (the item was deleted).
    pub detached: Vec<AssessedEvidence>,
}

/// Judges every field of `persona` on `today` under `policy`.
pub fn assess(persona: &Persona, policy: &EvidencePolicy, today: NaiveDate) -> EvidenceReport {
    let assessed = |e: &Evidence| AssessedEvidence {
        evidence: e.clone(),
        weak: policy.is_weak(&e.source),
        stale: policy.is_stale(&e.source, today),
        summary: e.source.summary(),
    };
    let mut fields: Vec<FieldReport> = persona_fields(persona)
        .into_iter()
        .map(|f| FieldReport {
            field: f.field,
            label: f.label,
            text: f.text,
            flags: Vec::new(),
            evidence: Vec::new(),
        })
        .collect();
    let mut detached = Vec::new();
    for e in &persona.evidence {
        let slot = resolve(persona, e)
            .and_then(|at| fields.iter_mut().find(|f| f.field == at))
            .map(|f| &mut f.evidence);
        match slot {
            Some(list) => list.push(assessed(e)),
            None => detached.push(assessed(e)),
        }
    }
    let mut coverage = Coverage {
        fields: 0,
        evidenced: 0,
        supported: 0,
        assumptions: 0,
        score: None,
    };
    for f in &mut fields {
        let is_chart = matches!(
            persona
                .modules
                .iter()
                .find(|m| Some(m.id.as_str()) == f.field.module())
                .map(|m| &m.body),
            Some(ModuleBody::Chart { .. })
        ) && matches!(f.field, FieldRef::Module { .. });
        if is_chart && f.evidence.is_empty() {
            // An empty chart holds no claim.
            continue;
        }
        coverage.fields += 1;
        if f.evidence.is_empty() {
            f.flags.push(FieldFlag::Assumption);
            coverage.assumptions += 1;
            continue;
        }
        coverage.evidenced += 1;
        if f.evidence.iter().all(|e| e.weak) {
            f.flags.push(FieldFlag::Weak);
        }
        if f.evidence.iter().any(|e| e.stale) {
            f.flags.push(FieldFlag::Stale);
        }
        if f.evidence.iter().any(|e| !e.weak && !e.stale) {
            coverage.supported += 1;
        }
    }
    if coverage.fields > 0 {
        let points = 2 * coverage.supported + (coverage.evidenced - coverage.supported);
        coverage.score =
            Some(((f64::from(points) * 100.0) / (2.0 * f64::from(coverage.fields))).round() as u32);
    }
    EvidenceReport {
        persona: persona.id,
        name: persona.name.clone(),
        policy: *policy,
        today,
        coverage,
        fields,
        detached,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        builtin_template, DatasetId, EvidenceId, OptionShare, ProjectId, SurveyRef, TemplateId,
    };
    use chrono::{DateTime, Utc};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn survey(collected: NaiveDate) -> SurveyRef {
        SurveyRef {
            dataset: DatasetId::new(),
            dataset_name: "S".into(),
            question: "q1".into(),
            question_text: "Q".into(),
            collected,
        }
    }

    fn stat(count: u64, n: u64, collected: NaiveDate) -> EvidenceSource {
        // Wilson bounds from the survey crate's tested formula, approximated here by
        // fixed values: the policy only compares their width.
        let p = count as f64 * 100.0 / n as f64;
        let half = 196.0 * (p / 100.0 * (1.0 - p / 100.0) / n as f64).sqrt();
        EvidenceSource::Statistic {
            survey: survey(collected),
            options: vec!["A".into()],
            segment: None,
            count,
            n,
            percent: p,
            ci_low: p - half,
            ci_high: p + half,
        }
    }

    fn persona() -> Persona {
        let t = builtin_template(&TemplateId("user-persona".into())).unwrap();
        let mut p =
            Persona::from_template(t, ProjectId::new(), "Fred", DateTime::<Utc>::UNIX_EPOCH)
                .unwrap();
        p.quote = "Cheap is good".into();
        for m in &mut p.modules {
            match &mut m.body {
                ModuleBody::List { items } if m.id == "goals" => {
                    *items = vec!["Save money".into(), "Save time".into()]
                }
                ModuleBody::Sliders { rows, .. } => rows.clear(),
                _ => {}
            }
        }
        p
    }

    fn attach(p: &mut Persona, field: &str, source: EvidenceSource) {
        let field: FieldRef = field.parse().unwrap();
        let anchor = anchor_of(p, &field);
        p.evidence.push(Evidence {
            id: EvidenceId::new(),
            field,
            anchor,
            source,
            added: DateTime::<Utc>::UNIX_EPOCH,
        });
    }

    #[test]
    fn weak_means_few_respondents_or_a_wide_interval() {
        let policy = EvidencePolicy::default();
        let today = day(2025, 1, 1);
        assert!(policy.is_weak(&stat(10, 29, today)), "n < 30");
        assert!(!policy.is_weak(&stat(15, 100, today)));
        // n = 30 at 50%: half-width ≈ 17.9 points > 15.
        assert!(policy.is_weak(&stat(15, 30, today)));
        // n = 43 at 50%: ≈ 14.9 points, not weak.
        assert!(!policy.is_weak(&stat(21, 43, today)));
        let dist = EvidenceSource::Distribution {
            survey: survey(today),
            segment: None,
            n: 200,
            options: vec![OptionShare {
                label: "A".into(),
                count: 100,
                percent: 50.0,
                ci_low: 43.0,
                ci_high: 57.0,
            }],
        };
        assert!(!policy.is_weak(&dist));
        let quote = EvidenceSource::Quote {
            survey: survey(today),
            respondent: "R1".into(),
            text: "x".into(),
        };
        assert!(!policy.is_weak(&quote));
    }

    #[test]
    fn stale_counts_days_from_the_data_not_the_import() {
        let policy = EvidencePolicy {
            max_age_days: 365,
            ..EvidencePolicy::default()
        };
        let today = day(2025, 6, 1);
        assert!(!policy.is_stale(&stat(50, 100, day(2024, 6, 1)), today));
        assert!(policy.is_stale(&stat(50, 100, day(2024, 5, 31)), today));
        let undated = EvidenceSource::Manual {
            name: "GA4".into(),
            date: None,
            url: None,
            note: String::new(),
        };
        assert!(!policy.is_stale(&undated, today));
        let old = EvidenceSource::Manual {
            name: "Report".into(),
            date: Some(day(2020, 1, 1)),
            url: None,
            note: String::new(),
        };
        assert!(policy.is_stale(&old, today));
    }

    #[test]
    fn coverage_counts_supported_weak_and_assumed_fields() {
        let today = day(2025, 6, 1);
        let mut p = persona();
        // Fields with content: quote, goals/0, goals/1.
        let fields = persona_fields(&p);
        let names: Vec<String> = fields.iter().map(|f| f.field.to_string()).collect();
        assert!(names.contains(&"quote".to_string()));
        assert!(names.contains(&"goals/1".to_string()));
        let report = assess(&p, &EvidencePolicy::default(), today);
        assert_eq!(report.coverage.fields, 3);
        assert_eq!(report.coverage.assumptions, 3);
        assert_eq!(report.coverage.score, Some(0));

        attach(&mut p, "goals/0", stat(60, 100, day(2025, 1, 1)));
        attach(&mut p, "goals/1", stat(5, 10, day(2025, 1, 1)));
        let report = assess(&p, &EvidencePolicy::default(), today);
        let c = report.coverage;
        assert_eq!(
            (c.fields, c.evidenced, c.supported, c.assumptions),
            (3, 2, 1, 1)
        );
        // (2·1 + 1) / (2·3) = 50%.
        assert_eq!(c.score, Some(50));
        let flags = |f: &str| {
            report
                .fields
                .iter()
                .find(|r| r.field.to_string() == f)
                .unwrap()
                .flags
                .clone()
        };
        assert_eq!(flags("quote"), [FieldFlag::Assumption]);
        assert_eq!(flags("goals/0"), []);
        assert_eq!(flags("goals/1"), [FieldFlag::Weak]);

        // A year later the strong figure is stale.
        let later = assess(&p, &EvidencePolicy::default(), day(2026, 6, 1));
        assert_eq!(later.coverage.supported, 0);
        assert_eq!(later.coverage.score, Some(33));
    }

    #[test]
    fn evidence_follows_a_moved_item_and_detaches_from_a_deleted_one() {
        let mut p = persona();
        attach(&mut p, "goals/1", stat(60, 100, day(2025, 1, 1)));
        // Move "Save time" to the front.
        for m in &mut p.modules {
            if let ModuleBody::List { items } = &mut m.body {
                if m.id == "goals" {
                    items.reverse();
                }
            }
        }
        assert_eq!(
            resolve(&p, &p.evidence[0]),
            Some("goals/0".parse().unwrap())
        );
        // Delete both goals.
        for m in &mut p.modules {
            if let ModuleBody::List { items } = &mut m.body {
                if m.id == "goals" {
                    items.clear();
                }
            }
        }
        let report = assess(&p, &EvidencePolicy::default(), day(2025, 6, 1));
        assert_eq!(report.detached.len(), 1);
    }
}
