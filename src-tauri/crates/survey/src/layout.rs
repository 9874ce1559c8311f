//! Grouping source columns into questions. Most columns are one question
//! each; a checkbox question spread over one column per option becomes ONE
//! question (SurveyMonkey's two header rows, Typeform's group row,
//! Qualtrics' `Q2_1, Q2_2…` columns), and a matrix becomes one question per
//! row, titled "question — row".

use crate::model::{Column, Tool};
use crate::typing::Profile;

/// A question before typing.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The tool's own id for the question, if it has one.
    pub tool_id: Option<String>,
    /// Question text.
    pub text: String,
    /// The header used to recognise metadata columns and personal data.
    pub header: String,
    /// The columns, and for option columns their labels.
    pub shape: Shape,
}

/// Where a draft's answers are.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// One column.
    Single(usize),
    /// One column per option.
    Options {
        /// Column indices.
        columns: Vec<usize>,
        /// Option labels.
        labels: Vec<String>,
    },
}

/// Sub-header cells that carry no information of their own.
fn is_placeholder(label: &str) -> bool {
    matches!(
        label.trim().to_lowercase().as_str(),
        "" | "response" | "open-ended response" | "responses"
    )
}

/// A column whose every answer is its own option label (or "1" / "0"):
/// the way tools spread a checkbox question over columns.
fn is_option_column(column: &Column, profile: &Profile, label: &str) -> bool {
    let label = label.trim();
    !label.is_empty()
        && profile.answers(column).all(|(v, _)| {
            v == "1" || v == "0" || v.eq_ignore_ascii_case(label) || v.trim() == label
        })
}

/// Groups the columns of a table into question drafts.
pub fn group(
    tool: Tool,
    header_rows: &[Vec<String>],
    columns: &[Column],
    profiles: &[Profile],
) -> Vec<Draft> {
    let two_row_groups = header_rows.len() == 2
        && matches!(tool, Tool::SurveyMonkey | Tool::Typeform | Tool::Generic);
    let mut drafts = if tool == Tool::Qualtrics && header_rows.len() >= 2 {
        qualtrics(header_rows, columns, profiles)
    } else if two_row_groups {
        grouped_by_first_row(header_rows, columns, profiles)
    } else {
        (0..columns.len())
            .map(|c| {
                let text = header_rows
                    .iter()
                    .rev()
                    .map(|r| r[c].as_str())
                    .find(|t| !t.is_empty())
                    .unwrap_or_default()
                    .to_string();
                Draft {
                    tool_id: None,
                    header: text.clone(),
                    text,
                    shape: Shape::Single(c),
                }
            })
            .collect()
    };
    // Unnamed columns without a single answer are export artefacts (a
    // trailing delimiter); unnamed columns with answers get a name.
    drafts.retain(|d| match &d.shape {
        Shape::Single(c) => !d.text.is_empty() || profiles[*c].answered > 0,
        Shape::Options { .. } => true,
    });
    for d in &mut drafts {
        if d.text.is_empty() {
            if let Shape::Single(c) = d.shape {
                d.text = format!("Column {}", c + 1);
            }
        }
    }
    drafts
}

/// SurveyMonkey and grouped Typeform exports: the first row names the
/// question over a run of columns (blank cells continue it), the second row
/// names each column's option or matrix row.
fn grouped_by_first_row(
    header_rows: &[Vec<String>],
    columns: &[Column],
    profiles: &[Profile],
) -> Vec<Draft> {
    let (r0, r1) = (&header_rows[0], &header_rows[1]);
    let width = columns.len();
    let mut drafts = Vec::new();
    let mut start = 0;
    while start < width {
        let mut end = start + 1;
        while end < width && r0[end].is_empty() {
            end += 1;
        }
        group_run(&r0[start], r1, start..end, columns, profiles, &mut drafts);
        start = end;
    }
    drafts
}

fn group_run(
    title: &str,
    r1: &[String],
    run: std::ops::Range<usize>,
    columns: &[Column],
    profiles: &[Profile],
    drafts: &mut Vec<Draft>,
) {
    let single_text = |c: usize| -> String {
        let label = r1[c].as_str();
        if is_placeholder(label) {
            title.to_string()
        } else if title.is_empty()
            || label.ends_with('?')
            || label.ends_with(':')
            || label.len() > 80
        {
            label.to_string()
        } else {
            format!("{title} — {label}")
        }
    };
    if run.len() == 1 {
        let c = run.start;
        let text = single_text(c);
        let header = if is_placeholder(&r1[c]) {
            title
        } else {
            &r1[c]
        };
        drafts.push(Draft {
            tool_id: None,
            text,
            header: header.to_string(),
            shape: Shape::Single(c),
        });
        return;
    }
    let option = |c: usize| is_option_column(&columns[c], &profiles[c], &r1[c]);
    let mut c = run.start;
    let mut pending_title: Option<String> = None;
    while c < run.end {
        if option(c) {
            let mut cols = Vec::new();
            while c < run.end && option(c) {
                cols.push(c);
                c += 1;
            }
            // A lone option column nobody ticked is not worth a question of
            // its own kind; it stays a (empty) column question.
            if cols.len() == 1 && profiles[cols[0]].answered == 0 && pending_title.is_none() {
                let k = cols[0];
                drafts.push(Draft {
                    tool_id: None,
                    text: single_text(k),
                    header: r1[k].clone(),
                    shape: Shape::Single(k),
                });
                continue;
            }
            let labels = cols.iter().map(|&k| r1[k].clone()).collect();
            let text = pending_title.take().unwrap_or_else(|| title.to_string());
            drafts.push(Draft {
                tool_id: None,
                header: text.clone(),
                text,
                shape: Shape::Options {
                    columns: cols,
                    labels,
                },
            });
            continue;
        }
        if let Some(t) = pending_title.take() {
            drafts.push(Draft {
                tool_id: None,
                header: t.clone(),
                text: t,
                shape: Shape::Single(c - 1),
            });
        }
        // An unanswered question-like column right before option columns is
        // the title of those options (Typeform puts it there).
        let titles_next = profiles[c].answered == 0
            && (r1[c].ends_with('?') || r1[c].ends_with(':'))
            && c + 1 < run.end
            && option(c + 1);
        if titles_next {
            pending_title = Some(r1[c].clone());
        } else {
            let header = if is_placeholder(&r1[c]) {
                title
            } else {
                &r1[c]
            };
            drafts.push(Draft {
                tool_id: None,
                text: single_text(c),
                header: header.to_string(),
                shape: Shape::Single(c),
            });
        }
        c += 1;
    }
}

/// The part of a Qualtrics export tag before its last `_segment`, the part
/// shared by the columns of one multi-column question.
fn qualtrics_stem(id: &str) -> Option<&str> {
    if id.ends_with("_TEXT") {
        return None;
    }
    id.rsplit_once('_').map(|(stem, _)| stem)
}

/// Longest common prefix of the texts, cut back to its last '-' (Qualtrics
/// writes "Question - Option" or "Question -Option").
fn common_question(texts: &[&str]) -> Option<usize> {
    let first = texts.first()?;
    let mut len = first.len();
    for t in &texts[1..] {
        len = len.min(
            first
                .char_indices()
                .zip(t.chars())
                .find(|((_, a), b)| a != b)
                .map_or(first.len().min(t.len()), |((i, _), _)| i),
        );
    }
    first[..len].rfind('-').map(|i| i + 1)
}

/// Qualtrics: row 0 has export tags, row 1 the question text.
fn qualtrics(header_rows: &[Vec<String>], columns: &[Column], profiles: &[Profile]) -> Vec<Draft> {
    let (ids, texts) = (&header_rows[0], &header_rows[1]);
    let legacy_tag =
        |s: &str| s.len() >= 2 && s.starts_with('V') && s[1..].chars().all(|c| c.is_ascii_digit());
    let single = |c: usize| -> Draft {
        let id = if legacy_tag(&ids[c]) || ids[c].is_empty() {
            texts[c].clone()
        } else {
            ids[c].clone()
        };
        let text = if texts[c].is_empty() {
            ids[c].clone()
        } else {
            texts[c].clone()
        };
        Draft {
            header: id.clone(),
            tool_id: Some(id),
            text,
            shape: Shape::Single(c),
        }
    };
    let mut drafts = Vec::new();
    let mut c = 0;
    while c < columns.len() {
        let Some(stem) = qualtrics_stem(&ids[c]) else {
            drafts.push(single(c));
            c += 1;
            continue;
        };
        let mut end = c + 1;
        while end < columns.len() && qualtrics_stem(&ids[end]) == Some(stem) {
            end += 1;
        }
        let run_texts: Vec<&str> = (c..end).map(|k| texts[k].as_str()).collect();
        let cut = if end - c >= 2 {
            common_question(&run_texts)
        } else {
            None
        };
        if let Some(cut) = cut {
            let labels: Vec<String> = run_texts
                .iter()
                .map(|t| t[cut..].trim().to_string())
                .collect();
            let all_options = (c..end)
                .zip(&labels)
                .all(|(k, l)| is_option_column(&columns[k], &profiles[k], l));
            if all_options && labels.iter().all(|l| !l.is_empty()) {
                let question = run_texts[0][..cut].trim_end_matches('-').trim().to_string();
                drafts.push(Draft {
                    tool_id: Some(stem.to_string()),
                    header: stem.to_string(),
                    text: question,
                    shape: Shape::Options {
                        columns: (c..end).collect(),
                        labels,
                    },
                });
                c = end;
                continue;
            }
        }
        for k in c..end {
            drafts.push(single(k));
        }
        c = end;
    }
    drafts
}
