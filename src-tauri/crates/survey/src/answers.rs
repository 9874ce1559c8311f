//! Reading answers back out of a [`Dataset`]: per respondent, per question,
//! whatever the layout (one column, a joined string, one column per option).

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Dataset, Layout, Question};
use crate::questions::split_joined;
use crate::values::parse_number;

/// One respondent's answer to one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer<'a> {
    /// No answer.
    Missing,
    /// The options chosen (one for single choice and scales).
    Choices(Vec<&'a str>),
    /// A number (numeric questions whose cell parses as one).
    Number(f64),
    /// Any other answer, as text.
    Text(&'a str),
}

/// Decodes the chosen options of a categorical question quickly: the
/// mapping from cell codes to option indices is built once per question.
pub struct ChoiceReader<'a> {
    mode: Mode<'a>,
}

enum Mode<'a> {
    Single {
        codes: &'a [u32],
        map: Vec<Option<usize>>,
    },
    Joined {
        codes: &'a [u32],
        map: Vec<Vec<usize>>,
    },
    Columns {
        cols: Vec<(&'a [u32], Vec<bool>)>,
    },
}

impl<'a> ChoiceReader<'a> {
    /// Prepares to read `question`'s choices. Option indices refer to
    /// `question.options`.
    pub fn new(dataset: &'a Dataset, question: &'a Question) -> ChoiceReader<'a> {
        let index: HashMap<&str, usize> = question
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| (o.as_str(), i))
            .collect();
        let empty: &'a [u32] = &[];
        let mode = match &question.layout {
            Layout::Column { column } => match dataset.columns.get(*column) {
                Some(col) => Mode::Single {
                    codes: &col.codes,
                    map: col
                        .values
                        .iter()
                        .map(|v| index.get(v.as_str()).copied())
                        .collect(),
                },
                None => Mode::Single {
                    codes: empty,
                    map: Vec::new(),
                },
            },
            Layout::Joined { column, separator } => match dataset.columns.get(*column) {
                Some(col) => Mode::Joined {
                    codes: &col.codes,
                    map: col
                        .values
                        .iter()
                        .map(|v| {
                            split_joined(v, separator)
                                .into_iter()
                                .filter_map(|p| index.get(p).copied())
                                .collect()
                        })
                        .collect(),
                },
                None => Mode::Joined {
                    codes: empty,
                    map: Vec::new(),
                },
            },
            Layout::OptionColumns { columns, .. } => Mode::Columns {
                cols: columns
                    .iter()
                    .filter_map(|c| dataset.columns.get(*c))
                    .map(|col| {
                        let chosen = col
                            .values
                            .iter()
                            .enumerate()
                            .map(|(i, v)| i != 0 && v != "0")
                            .collect();
                        (col.codes.as_slice(), chosen)
                    })
                    .collect(),
            },
        };
        ChoiceReader { mode }
    }

    /// Calls `f` with each option index respondent `r` chose; returns
    /// whether the respondent chose anything.
    pub fn each(&self, r: usize, mut f: impl FnMut(usize)) -> bool {
        let code = |codes: &[u32]| codes.get(r).copied().unwrap_or(0) as usize;
        match &self.mode {
            Mode::Single { codes, map } => match map.get(code(codes)).copied().flatten() {
                Some(i) => {
                    f(i);
                    true
                }
                None => false,
            },
            Mode::Joined { codes, map } => {
                let opts = map.get(code(codes)).map(Vec::as_slice).unwrap_or(&[]);
                opts.iter().for_each(|&i| f(i));
                !opts.is_empty()
            }
            Mode::Columns { cols } => {
                let mut any = false;
                for (i, (codes, chosen)) in cols.iter().enumerate() {
                    if chosen.get(code(codes)).copied().unwrap_or(false) {
                        f(i);
                        any = true;
                    }
                }
                any
            }
        }
    }
}

/// Respondent `r`'s answer to `question`.
pub fn answer<'a>(dataset: &'a Dataset, question: &'a Question, r: usize) -> Answer<'a> {
    if question.kind.is_categorical() {
        let reader = ChoiceReader::new(dataset, question);
        let mut chosen = Vec::new();
        reader.each(r, |i| chosen.push(question.options[i].as_str()));
        return if chosen.is_empty() {
            Answer::Missing
        } else {
            Answer::Choices(chosen)
        };
    }
    let text = question
        .layout
        .columns()
        .first()
        .and_then(|c| dataset.columns.get(*c))
        .and_then(|col| col.get(r));
    match text {
        None => Answer::Missing,
        Some(t) => match (question.kind, parse_number(t)) {
            (crate::model::QuestionKind::Numeric, Some(n)) => Answer::Number(n),
            _ => Answer::Text(t),
        },
    }
}

/// Whether respondent `r` answered `question` at all.
pub fn answered(dataset: &Dataset, question: &Question, r: usize) -> bool {
    match &question.layout {
        Layout::Column { column } | Layout::Joined { column, .. } => dataset
            .columns
            .get(*column)
            .is_some_and(|c| c.codes.get(r).is_some_and(|&code| code != 0)),
        Layout::OptionColumns { .. } => ChoiceReader::new(dataset, question).each(r, |_| {}),
    }
}
