//! Evidence behind persona fields: where a claim on a persona comes from.
//!
//! A piece of [`Evidence`] points at one field of a persona ([`FieldRef`]) and carries
//! its [`EvidenceSource`]: a survey statistic, a distribution, a numeric summary, a
//! quote, or a manual source. Survey evidence keeps the figures computed when it was
//! attached (and refreshed when the survey is re-imported), so a persona reads, exports
//! and travels in a bundle without the survey's raw rows.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{DatasetId, EvidenceId, ModelError, Timestamp};

/// One piece of evidence attached to a persona field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Evidence {
    pub id: EvidenceId,
    /// The field it supports.
    pub field: FieldRef,
    /// The field's text when the evidence was attached, so that a list item that was
    /// moved is found again (see [`crate::coverage`]).
    #[serde(default)]
    pub anchor: String,
    pub source: EvidenceSource,
    pub added: Timestamp,
}

/// A field of a persona that evidence can support.
///
/// Written as text: `archetype`, `quote`, a module id (`bio`, a chart module, a tags
/// module), or a module id and a 0-based item index (`goals/0`, `facts/2`,
/// `channels/1`) for a fact row, a list item or a slider row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(into = "String", try_from = "String")]
#[ts(export, type = "string")]
pub enum FieldRef {
    /// The persona's archetype line.
    Archetype,
    /// The persona's quote.
    Quote,
    /// A whole module (text, tags, chart).
    Module { module: String },
    /// One item of a module: a fact row, a list item, a slider row.
    Item { module: String, index: u32 },
}

impl FieldRef {
    /// The module id the field lies in (`None` for the header's archetype and quote).
    pub fn module(&self) -> Option<&str> {
        match self {
            FieldRef::Archetype | FieldRef::Quote => None,
            FieldRef::Module { module } | FieldRef::Item { module, .. } => Some(module),
        }
    }
}

impl fmt::Display for FieldRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldRef::Archetype => f.write_str("archetype"),
            FieldRef::Quote => f.write_str("quote"),
            FieldRef::Module { module } => f.write_str(module),
            FieldRef::Item { module, index } => write!(f, "{module}/{index}"),
        }
    }
}

impl FromStr for FieldRef {
    type Err = ModelError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ModelError::BadField {
            value: s.to_owned(),
        };
        let s = s.trim();
        let slug = |m: &str| {
            !m.is_empty()
                && m.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        };
        match s.split_once('/') {
            None if s == "archetype" => Ok(FieldRef::Archetype),
            None if s == "quote" => Ok(FieldRef::Quote),
            None if slug(s) => Ok(FieldRef::Module {
                module: s.to_owned(),
            }),
            Some((module, index)) if slug(module) => Ok(FieldRef::Item {
                module: module.to_owned(),
                index: index.parse().map_err(|_| bad())?,
            }),
            _ => Err(bad()),
        }
    }
}

impl From<FieldRef> for String {
    fn from(f: FieldRef) -> String {
        f.to_string()
    }
}

impl TryFrom<String> for FieldRef {
    type Error = ModelError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

/// Where a piece of evidence comes from, with the figures it stands for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum EvidenceSource {
    /// A share of respondents: those who chose any of `options` among the `n` who
    /// answered, with the 95% Wilson score interval, in percent.
    Statistic {
        survey: SurveyRef,
        options: Vec<String>,
        #[serde(default)]
        segment: Option<SegmentFilter>,
        #[ts(type = "number")]
        count: u64,
        #[ts(type = "number")]
        n: u64,
        percent: f64,
        ci_low: f64,
        ci_high: f64,
    },
    /// How a whole question was answered; fills a chart module.
    Distribution {
        survey: SurveyRef,
        #[serde(default)]
        segment: Option<SegmentFilter>,
        #[ts(type = "number")]
        n: u64,
        options: Vec<OptionShare>,
    },
    /// Median and quartiles of a numeric question.
    NumericSummary {
        survey: SurveyRef,
        #[serde(default)]
        segment: Option<SegmentFilter>,
        #[ts(type = "number")]
        n: u64,
        median: f64,
        q1: f64,
        q3: f64,
        min: f64,
        max: f64,
    },
    /// A free-text answer, with an anonymous respondent id (never a name or e-mail).
    Quote {
        survey: SurveyRef,
        respondent: String,
        text: String,
    },
    /// An interview note, an analytics figure, a report.
    Manual {
        name: String,
        #[serde(default)]
        date: Option<NaiveDate>,
        #[serde(default)]
        url: Option<String>,
        #[serde(default)]
        note: String,
    },
}

impl EvidenceSource {
    /// The kind as written in JSON (`statistic`, `distribution`…).
    pub fn kind_name(&self) -> &'static str {
        match self {
            EvidenceSource::Statistic { .. } => "statistic",
            EvidenceSource::Distribution { .. } => "distribution",
            EvidenceSource::NumericSummary { .. } => "numeric_summary",
            EvidenceSource::Quote { .. } => "quote",
            EvidenceSource::Manual { .. } => "manual",
        }
    }

    /// The survey question it comes from, if any.
    pub fn survey(&self) -> Option<&SurveyRef> {
        match self {
            EvidenceSource::Statistic { survey, .. }
            | EvidenceSource::Distribution { survey, .. }
            | EvidenceSource::NumericSummary { survey, .. }
            | EvidenceSource::Quote { survey, .. } => Some(survey),
            EvidenceSource::Manual { .. } => None,
        }
    }

    /// The survey question it comes from, for refreshing after a re-import.
    pub fn survey_mut(&mut self) -> Option<&mut SurveyRef> {
        match self {
            EvidenceSource::Statistic { survey, .. }
            | EvidenceSource::Distribution { survey, .. }
            | EvidenceSource::NumericSummary { survey, .. }
            | EvidenceSource::Quote { survey, .. } => Some(survey),
            EvidenceSource::Manual { .. } => None,
        }
    }

    /// The segment the figures were computed within, if any.
    pub fn segment(&self) -> Option<&SegmentFilter> {
        match self {
            EvidenceSource::Statistic { segment, .. }
            | EvidenceSource::Distribution { segment, .. }
            | EvidenceSource::NumericSummary { segment, .. } => segment.as_ref(),
            EvidenceSource::Quote { .. } | EvidenceSource::Manual { .. } => None,
        }
    }

    /// One short line for people and footnotes: "62% (31 of 50; 95% CI 48–74%)".
    pub fn summary(&self) -> String {
        let within = |s: &Option<SegmentFilter>| match s {
            Some(seg) => format!(" in {}", seg.name),
            None => String::new(),
        };
        match self {
            EvidenceSource::Statistic {
                survey,
                options,
                segment,
                count,
                n,
                percent,
                ci_low,
                ci_high,
            } => format!(
                "{} {}: {:.0}% ({count} of {n}{}; 95% CI {:.0}–{:.0}%)",
                survey.dataset_name,
                options.join(" or "),
                percent,
                within(segment),
                ci_low,
                ci_high
            ),
            EvidenceSource::Distribution {
                survey, segment, n, ..
            } => format!(
                "{}: distribution of “{}” (n = {n}{})",
                survey.dataset_name,
                survey.question_text,
                within(segment)
            ),
            EvidenceSource::NumericSummary {
                survey,
                segment,
                n,
                median,
                q1,
                q3,
                ..
            } => format!(
                "{}: median {}, IQR {}–{} (n = {n}{})",
                survey.dataset_name,
                plain_number(*median),
                plain_number(*q1),
                plain_number(*q3),
                within(segment)
            ),
            EvidenceSource::Quote {
                survey,
                respondent,
                text,
            } => format!(
                "“{text}” — respondent {respondent}, {}",
                survey.dataset_name
            ),
            EvidenceSource::Manual {
                name, date, url, ..
            } => {
                let mut s = name.clone();
                if let Some(d) = date {
                    s.push_str(&format!(", {d}"));
                }
                if let Some(u) = url.as_deref().filter(|u| !u.is_empty()) {
                    s.push_str(&format!(", {u}"));
                }
                s
            }
        }
    }
}

/// A number as people write it: no trailing ".0", at most two decimals.
pub fn plain_number(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The survey question a piece of evidence was computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SurveyRef {
    pub dataset: DatasetId,
    /// The dataset's name when the evidence was attached or last refreshed.
    pub dataset_name: String,
    /// The question's id in the dataset (`q3`, `QID4`).
    pub question: String,
    pub question_text: String,
    /// When the answers were collected: the latest response date found in the data,
    /// else the day the file was imported. Decides whether the evidence is stale.
    pub collected: NaiveDate,
}

/// One option of a distribution: count, share and 95% Wilson interval in percent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OptionShare {
    pub label: String,
    #[ts(type = "number")]
    pub count: u64,
    pub percent: f64,
    pub ci_low: f64,
    pub ci_high: f64,
}

/// A subset of respondents: those meeting all conditions. Same JSON as the survey
/// crate's segments, kept here so a persona can say within which segment its figures
/// hold without the model depending on the importer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SegmentFilter {
    pub name: String,
    pub conditions: Vec<SegmentCondition>,
}

/// One condition on one question's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
#[ts(export)]
pub enum SegmentCondition {
    /// Chose at least one of these options.
    AnyOf {
        question: String,
        options: Vec<String>,
    },
    /// A number within [min, max]; either bound may be open.
    Between {
        question: String,
        min: Option<f64>,
        max: Option<f64>,
    },
    /// Answered the question at all.
    Answered { question: String },
    /// The inner condition does not hold.
    Not { condition: Box<SegmentCondition> },
}

impl FromStr for SegmentCondition {
    type Err = ModelError;

    /// `QID=A|B` (chose A or B), `QID=18..30` (a number between, either end open),
    /// `QID=*` (answered), `QID!=A|B` (did not choose A or B).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ModelError::BadSegment {
            value: s.to_owned(),
        };
        let (question, negated, value) = match s.split_once("!=") {
            Some((q, v)) => (q, true, v),
            None => {
                let (q, v) = s.split_once('=').ok_or_else(bad)?;
                (q, false, v)
            }
        };
        let question = question.trim().to_owned();
        let value = value.trim();
        if question.is_empty() || value.is_empty() {
            return Err(bad());
        }
        let bound = |b: &str| -> Result<Option<f64>, ModelError> {
            let b = b.trim();
            if b.is_empty() {
                Ok(None)
            } else {
                b.parse::<f64>().map(Some).map_err(|_| bad())
            }
        };
        let condition = if value == "*" {
            SegmentCondition::Answered { question }
        } else if let Some((lo, hi)) = value
            .split_once("..")
            .filter(|(lo, hi)| bound(lo).is_ok() && bound(hi).is_ok())
        {
            SegmentCondition::Between {
                question,
                min: bound(lo)?,
                max: bound(hi)?,
            }
        } else {
            SegmentCondition::AnyOf {
                question,
                options: value.split('|').map(|o| o.trim().to_owned()).collect(),
            }
        };
        Ok(if negated {
            SegmentCondition::Not {
                condition: Box::new(condition),
            }
        } else {
            condition
        })
    }
}

impl SegmentFilter {
    /// A segment from conditions written as on the command line, named after them.
    pub fn parse(conditions: &[String]) -> Result<SegmentFilter, ModelError> {
        Ok(SegmentFilter {
            name: conditions.join(" & "),
            conditions: conditions
                .iter()
                .map(|c| c.parse())
                .collect::<Result<_, _>>()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_refs_read_and_write_as_text() {
        for text in ["archetype", "quote", "bio", "goals/0", "facts/12"] {
            let f: FieldRef = text.parse().unwrap();
            assert_eq!(f.to_string(), text);
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<FieldRef>(&json).unwrap(), f);
        }
        assert_eq!(
            "goals/3".parse::<FieldRef>().unwrap(),
            FieldRef::Item {
                module: "goals".into(),
                index: 3
            }
        );
        for bad in ["", "goals/", "goals/x", "/1", "a b", "goals/-1"] {
            assert!(bad.parse::<FieldRef>().is_err(), "{bad}");
        }
    }

    #[test]
    fn segment_conditions_parse_from_the_command_line() {
        assert_eq!(
            "q3=Yes|Maybe".parse::<SegmentCondition>().unwrap(),
            SegmentCondition::AnyOf {
                question: "q3".into(),
                options: vec!["Yes".into(), "Maybe".into()]
            }
        );
        assert_eq!(
            "age=18..30".parse::<SegmentCondition>().unwrap(),
            SegmentCondition::Between {
                question: "age".into(),
                min: Some(18.0),
                max: Some(30.0)
            }
        );
        assert_eq!(
            "age=..30".parse::<SegmentCondition>().unwrap(),
            SegmentCondition::Between {
                question: "age".into(),
                min: None,
                max: Some(30.0)
            }
        );
        assert_eq!(
            "q1=*".parse::<SegmentCondition>().unwrap(),
            SegmentCondition::Answered {
                question: "q1".into()
            }
        );
        assert!(matches!(
            "q1!=No".parse::<SegmentCondition>().unwrap(),
            SegmentCondition::Not { .. }
        ));
        // A range-looking option that is not numeric stays an option.
        assert!(matches!(
            "q2=a..b".parse::<SegmentCondition>().unwrap(),
            SegmentCondition::AnyOf { .. }
        ));
        assert!("q1".parse::<SegmentCondition>().is_err());
        assert!("=x".parse::<SegmentCondition>().is_err());
    }

    #[test]
    fn summaries_read_like_footnotes() {
        let survey = SurveyRef {
            dataset: DatasetId::new(),
            dataset_name: "Spring survey".into(),
            question: "q2".into(),
            question_text: "Age".into(),
            collected: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
        };
        let s = EvidenceSource::Statistic {
            survey: survey.clone(),
            options: vec!["18-24".into()],
            segment: None,
            count: 31,
            n: 50,
            percent: 62.0,
            ci_low: 48.15,
            ci_high: 74.2,
        };
        assert_eq!(
            s.summary(),
            "Spring survey 18-24: 62% (31 of 50; 95% CI 48–74%)"
        );
        let m = EvidenceSource::NumericSummary {
            survey,
            segment: None,
            n: 10,
            median: 5.5,
            q1: 3.25,
            q3: 7.75,
            min: 1.0,
            max: 10.0,
        };
        assert_eq!(
            m.summary(),
            "Spring survey: median 5.5, IQR 3.25–7.75 (n = 10)"
        );
    }
}
