//! Segments: subsets of respondents, defined either by stored conditions
//! (serde, so personas can keep them) or by any predicate over answers.

use serde::{Deserialize, Serialize};

use crate::answers::{answer, Answer};
use crate::error::SurveyError;
use crate::model::Dataset;

/// One condition on one question's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Condition {
    /// Chose at least one of these options (or, for text, answered exactly
    /// one of these texts).
    AnyOf {
        /// Question id.
        question: String,
        /// Accepted options.
        options: Vec<String>,
    },
    /// A number within [min, max] (either bound may be open).
    Between {
        /// Question id.
        question: String,
        /// Lowest accepted value.
        min: Option<f64>,
        /// Highest accepted value.
        max: Option<f64>,
    },
    /// Answered the question at all.
    Answered {
        /// Question id.
        question: String,
    },
    /// The inner condition does not hold.
    Not {
        /// The negated condition.
        condition: Box<Condition>,
    },
}

/// Respondents meeting ALL conditions. An empty segment is everyone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    /// A name for people.
    pub name: String,
    /// The conditions, joined by AND.
    pub conditions: Vec<Condition>,
}

/// A respondent as a predicate sees them.
#[derive(Clone, Copy)]
pub struct Respondent<'a> {
    dataset: &'a Dataset,
    index: usize,
}

impl<'a> Respondent<'a> {
    /// 0-based respondent index.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The answer to the question with this id (`Missing` for an unknown id).
    pub fn answer(&self, question_id: &str) -> Answer<'a> {
        match self.dataset.question(question_id) {
            Some(q) => answer(self.dataset, q, self.index),
            None => Answer::Missing,
        }
    }
}

/// The mask (one bool per respondent) of those for whom `predicate` holds.
pub fn filter<F>(dataset: &Dataset, predicate: F) -> Vec<bool>
where
    F: Fn(&Respondent<'_>) -> bool,
{
    (0..dataset.respondents())
        .map(|index| predicate(&Respondent { dataset, index }))
        .collect()
}

fn holds(cond: &Condition, who: &Respondent<'_>) -> bool {
    match cond {
        Condition::AnyOf { question, options } => match who.answer(question) {
            Answer::Choices(chosen) => chosen.iter().any(|c| options.iter().any(|o| o == c)),
            Answer::Text(t) => options.iter().any(|o| o == t),
            Answer::Number(n) => options
                .iter()
                .any(|o| o.parse::<f64>().is_ok_and(|x| x == n)),
            Answer::Missing => false,
        },
        Condition::Between { question, min, max } => {
            let value = match who.answer(question) {
                Answer::Number(n) => Some(n),
                Answer::Text(t) => t.trim().parse::<f64>().ok(),
                Answer::Choices(c) => c.first().and_then(|t| t.trim().parse::<f64>().ok()),
                Answer::Missing => None,
            };
            value.is_some_and(|v| min.is_none_or(|m| v >= m) && max.is_none_or(|m| v <= m))
        }
        Condition::Answered { question } => who.answer(question) != Answer::Missing,
        Condition::Not { condition } => !holds(condition, who),
    }
}

fn check_ids(cond: &Condition, dataset: &Dataset) -> Result<(), SurveyError> {
    let id = match cond {
        Condition::AnyOf { question, .. }
        | Condition::Between { question, .. }
        | Condition::Answered { question } => question,
        Condition::Not { condition } => return check_ids(condition, dataset),
    };
    match dataset.question(id) {
        Some(_) => Ok(()),
        None => Err(SurveyError::UnknownQuestion { id: id.clone() }),
    }
}

impl Segment {
    /// The mask of respondents in this segment; fails on a condition that
    /// names a question the dataset does not have.
    pub fn mask(&self, dataset: &Dataset) -> Result<Vec<bool>, SurveyError> {
        for c in &self.conditions {
            check_ids(c, dataset)?;
        }
        Ok(filter(dataset, |who| {
            self.conditions.iter().all(|c| holds(c, who))
        }))
    }
}
