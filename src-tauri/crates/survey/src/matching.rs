//! Matching the questions of a re-imported survey to those already stored:
//! by id first, then by normalised text.

use serde::{Deserialize, Serialize};

use crate::model::Question;

/// How a new question relates to the stored ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum QuestionMatch {
    /// Same id (and the old question's index).
    Id {
        /// Index in the old question list.
        old: usize,
    },
    /// Same text, different id.
    Text {
        /// Index in the old question list.
        old: usize,
    },
    /// No counterpart: a new question.
    New,
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// For each question of `new`, its counterpart in `old`. An old question
/// is matched at most once; ids are only trusted when the texts agree or
/// the id is the tool's own (not a positional `qN`).
pub fn match_questions(old: &[Question], new: &[Question]) -> Vec<QuestionMatch> {
    let mut taken = vec![false; old.len()];
    let mut out = vec![QuestionMatch::New; new.len()];
    let positional = |id: &str| {
        id.strip_prefix('q')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    for (i, q) in new.iter().enumerate() {
        let hit = old.iter().enumerate().position(|(j, o)| {
            !taken[j]
                && o.id == q.id
                && (!positional(&q.id) || normalise(&o.text) == normalise(&q.text))
        });
        if let Some(j) = hit {
            taken[j] = true;
            out[i] = QuestionMatch::Id { old: j };
        }
    }
    for (i, q) in new.iter().enumerate() {
        if out[i] != QuestionMatch::New {
            continue;
        }
        let text = normalise(&q.text);
        let hit = old
            .iter()
            .enumerate()
            .position(|(j, o)| !taken[j] && normalise(&o.text) == text);
        if let Some(j) = hit {
            taken[j] = true;
            out[i] = QuestionMatch::Text { old: j };
        }
    }
    out
}
