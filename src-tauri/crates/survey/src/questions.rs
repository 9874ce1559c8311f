//! Turning drafts into typed [`Question`]s: ids, kinds (detected, then
//! overridden), layouts and option lists.

use std::collections::{BTreeSet, HashMap};

use foldhash::fast::FixedState;
use rayon::prelude::*;

use crate::dialect;
use crate::layout::{Draft, Shape};
use crate::model::{Column, Layout, Question, QuestionKind, Tool};
use crate::options::ImportOptions;
use crate::typing::{self, Profile, Typed};
use crate::values::parse_number;

/// Builds the questions of a table. Ids are given in order first; the
/// questions are then typed in parallel (each reads only its own columns).
pub fn build(
    tool: Tool,
    drafts: Vec<Draft>,
    columns: &[Column],
    profiles: &[Profile],
    options: &ImportOptions,
) -> Vec<Question> {
    let mut used: BTreeSet<String> = BTreeSet::new();
    let mut ids = Vec::with_capacity(drafts.len());
    for (n, draft) in drafts.iter().enumerate() {
        let base = draft
            .tool_id
            .clone()
            .unwrap_or_else(|| format!("q{}", n + 1));
        let mut id = base.clone();
        let mut k = 2;
        while used.contains(&id) {
            id = format!("{base}~{k}");
            k += 1;
        }
        used.insert(id.clone());
        ids.push(id);
    }
    drafts
        .into_par_iter()
        .zip(ids)
        .map(|(draft, id)| {
            let (detected, layout) = detect(tool, &draft, columns, profiles);
            let kind = options.kinds.get(&id).copied().unwrap_or(detected);
            let layout = relayout(kind, layout, columns, profiles);
            let options_list = option_labels(kind, &layout, columns, profiles);
            Question {
                id,
                text: draft.text,
                kind,
                detected_kind: detected,
                layout,
                options: options_list,
                hidden: kind == QuestionKind::Personal,
            }
        })
        .collect()
}

fn detect(
    tool: Tool,
    draft: &Draft,
    columns: &[Column],
    profiles: &[Profile],
) -> (QuestionKind, Layout) {
    match &draft.shape {
        Shape::Options {
            columns: cols,
            labels,
        } => (
            QuestionKind::MultipleChoice,
            Layout::OptionColumns {
                columns: cols.clone(),
                labels: labels.clone(),
            },
        ),
        Shape::Single(c) => {
            let c = *c;
            let meta = dialect::metadata_kind(tool, &draft.header)
                .or_else(|| dialect::metadata_kind(tool, &draft.text));
            let personal = meta.is_none()
                && (typing::personal_header(&draft.header) || typing::personal_header(&draft.text));
            let typed = if personal {
                Typed {
                    kind: QuestionKind::Personal,
                    separator: None,
                }
            } else {
                typing::classify(&draft.text, &columns[c], &profiles[c], meta)
            };
            let layout = match typed.separator {
                Some(sep) => Layout::Joined {
                    column: c,
                    separator: sep.to_string(),
                },
                None => Layout::Column { column: c },
            };
            (typed.kind, layout)
        }
    }
}

/// Adapts the layout to an overridden kind: a one-column question forced to
/// multiple choice gets the separator its answers use; one forced to single
/// choice stops splitting.
fn relayout(
    kind: QuestionKind,
    layout: Layout,
    columns: &[Column],
    profiles: &[Profile],
) -> Layout {
    match (kind, layout) {
        (QuestionKind::MultipleChoice, Layout::Column { column }) => {
            let p = &profiles[column];
            let sep = typing::SEPARATORS
                .iter()
                .find(|s| p.answers(&columns[column]).any(|(v, _)| v.contains(**s)));
            match sep {
                Some(s) => Layout::Joined {
                    column,
                    separator: s.to_string(),
                },
                None => Layout::Column { column },
            }
        }
        (k, Layout::Joined { column, .. }) if k != QuestionKind::MultipleChoice => {
            Layout::Column { column }
        }
        (_, layout) => layout,
    }
}

/// Splits a joined answer into its options (trimmed, non-empty, each once).
pub(crate) fn split_joined<'a>(value: &'a str, separator: &str) -> Vec<&'a str> {
    let mut parts: Vec<&str> = Vec::new();
    for p in value
        .split(separator)
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if !parts.contains(&p) {
            parts.push(p);
        }
    }
    parts
}

/// Option labels in display order: the tool's order for option columns,
/// numeric order for scales, otherwise most chosen first (ties by label).
fn option_labels(
    kind: QuestionKind,
    layout: &Layout,
    columns: &[Column],
    profiles: &[Profile],
) -> Vec<String> {
    if !kind.is_categorical() {
        return Vec::new();
    }
    let mut counts: HashMap<&str, u64, FixedState> = HashMap::default();
    match layout {
        Layout::OptionColumns { labels, .. } => return labels.clone(),
        Layout::Column { column } => {
            for (v, n) in profiles[*column].answers(&columns[*column]) {
                *counts.entry(v).or_default() += n;
            }
        }
        Layout::Joined { column, separator } => {
            for (v, n) in profiles[*column].answers(&columns[*column]) {
                for part in split_joined(v, separator) {
                    *counts.entry(part).or_default() += n;
                }
            }
        }
    }
    let mut labels: Vec<(&str, u64)> = counts.into_iter().collect();
    let all_numeric = labels.iter().all(|(l, _)| parse_number(l).is_some());
    if kind == QuestionKind::Scale && all_numeric {
        labels.sort_by(|a, b| {
            let (x, y) = (
                parse_number(a.0).unwrap_or(0.0),
                parse_number(b.0).unwrap_or(0.0),
            );
            x.total_cmp(&y).then_with(|| a.0.cmp(b.0))
        });
    } else {
        labels.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    }
    labels.into_iter().map(|(l, _)| l.to_string()).collect()
}
