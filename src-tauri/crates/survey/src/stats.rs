//! Statistics for evidence: option counts with percentages and 95% Wilson
//! score intervals, numeric summaries (median, quartiles), and frequent
//! phrases of free-text answers; all optionally within a segment.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::answers::{answered, ChoiceReader};
use crate::model::{Dataset, Question};
use crate::values::parse_number;

/// z for a two-sided 95% interval.
pub const Z_95: f64 = 1.959_963_984_540_054;

/// One option of a distribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionStat {
    /// The option label.
    pub label: String,
    /// Respondents who chose it.
    pub count: u64,
    /// `count / n`, in percent (0 when n is 0).
    pub percent: f64,
    /// Lower bound of the 95% Wilson score interval, in percent.
    pub ci_low: f64,
    /// Upper bound of the 95% Wilson score interval, in percent.
    pub ci_high: f64,
}

/// How the respondents (of a segment) answered a categorical question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// The question id.
    pub question: String,
    /// Respondents considered (the segment, or everyone).
    pub respondents: u64,
    /// Respondents who answered: the denominator of every percentage.
    pub n: u64,
    /// Per option, in the question's option order. For multiple choice the
    /// counts add up to more than `n`.
    pub options: Vec<OptionStat>,
}

/// The 95% Wilson score interval for `count` successes out of `n`, as
/// fractions; (0, 0) when n is 0.
pub fn wilson(count: u64, n: u64) -> (f64, f64) {
    wilson_z(count, n, Z_95)
}

/// The Wilson score interval for any z.
pub fn wilson_z(count: u64, n: u64, z: f64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 0.0);
    }
    let (k, n) = (count as f64, n as f64);
    let p = k / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

fn selected(mask: Option<&[bool]>, r: usize) -> bool {
    mask.is_none_or(|m| m.get(r).copied().unwrap_or(false))
}

/// Counts the options of `question` among the respondents in `mask` (all
/// when `None`). Each respondent counts once per option chosen.
pub fn distribution(dataset: &Dataset, question: &Question, mask: Option<&[bool]>) -> Distribution {
    let reader = ChoiceReader::new(dataset, question);
    let mut counts = vec![0u64; question.options.len()];
    let (mut respondents, mut n) = (0u64, 0u64);
    for r in 0..dataset.respondents() {
        if !selected(mask, r) {
            continue;
        }
        respondents += 1;
        if reader.each(r, |i| counts[i] += 1) {
            n += 1;
        }
    }
    let options = question
        .options
        .iter()
        .zip(counts)
        .map(|(label, count)| {
            let (lo, hi) = wilson(count, n);
            OptionStat {
                label: label.clone(),
                count,
                percent: if n == 0 {
                    0.0
                } else {
                    count as f64 * 100.0 / n as f64
                },
                ci_low: lo * 100.0,
                ci_high: hi * 100.0,
            }
        })
        .collect();
    Distribution {
        question: question.id.clone(),
        respondents,
        n,
        options,
    }
}

/// Respondents of the segment who answered `question`.
pub fn answered_count(dataset: &Dataset, question: &Question, mask: Option<&[bool]>) -> u64 {
    (0..dataset.respondents())
        .filter(|&r| selected(mask, r) && answered(dataset, question, r))
        .count() as u64
}

/// Median and quartiles of a numeric question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumericSummary {
    /// The question id.
    pub question: String,
    /// Answers that are numbers.
    pub n: u64,
    /// Smallest.
    pub min: f64,
    /// First quartile.
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Third quartile.
    pub q3: f64,
    /// Interquartile range, q3 − q1.
    pub iqr: f64,
    /// Largest.
    pub max: f64,
    /// Arithmetic mean.
    pub mean: f64,
}

/// Quantile by linear interpolation between order statistics (Hyndman &
/// Fan type 7, the default of R and NumPy). `sorted` must be non-empty.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// Summarises the answers of `question` that parse as numbers (any kind;
/// meant for numeric and scale questions). `None` when there are none.
pub fn numeric_summary(
    dataset: &Dataset,
    question: &Question,
    mask: Option<&[bool]>,
) -> Option<NumericSummary> {
    let column = dataset.columns.get(*question.layout.columns().first()?)?;
    let parsed: Vec<Option<f64>> = column.values.iter().map(|v| parse_number(v)).collect();
    let mut values: Vec<f64> = column
        .codes
        .iter()
        .enumerate()
        .filter(|&(r, &code)| code != 0 && selected(mask, r))
        .filter_map(|(_, &code)| parsed.get(code as usize).copied().flatten())
        .collect();
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let (q1, median, q3) = (
        quantile(&values, 0.25),
        quantile(&values, 0.5),
        quantile(&values, 0.75),
    );
    Some(NumericSummary {
        question: question.id.clone(),
        n: values.len() as u64,
        min: values[0],
        q1,
        median,
        q3,
        iqr: q3 - q1,
        max: values[values.len() - 1],
        mean: values.iter().sum::<f64>() / values.len() as f64,
    })
}

/// One bar of a histogram: answers in `[low, high)` (the last bin includes `high`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bin {
    /// Lower edge.
    pub low: f64,
    /// Upper edge.
    pub high: f64,
    /// Answers in the bin.
    pub count: u64,
}

/// The numeric answers of `question` (within `mask`) in at most `max_bins` bins of
/// equal width; whole numbers spanning fewer than `max_bins` values get one bin each.
/// Empty when no answer is a number.
pub fn histogram(
    dataset: &Dataset,
    question: &Question,
    mask: Option<&[bool]>,
    max_bins: usize,
) -> Vec<Bin> {
    let Some(column) = question
        .layout
        .columns()
        .first()
        .and_then(|c| dataset.columns.get(*c))
    else {
        return Vec::new();
    };
    let parsed: Vec<Option<f64>> = column.values.iter().map(|v| parse_number(v)).collect();
    let values: Vec<f64> = column
        .codes
        .iter()
        .enumerate()
        .filter(|&(r, &code)| code != 0 && selected(mask, r))
        .filter_map(|(_, &code)| parsed.get(code as usize).copied().flatten())
        .collect();
    let (Some(min), Some(max)) = (
        values.iter().copied().reduce(f64::min),
        values.iter().copied().reduce(f64::max),
    ) else {
        return Vec::new();
    };
    let max_bins = max_bins.max(1);
    let whole = values.iter().all(|v| v.fract() == 0.0);
    let (bins, width) = if whole && max - min < max_bins as f64 {
        ((max - min) as usize + 1, 1.0)
    } else if max == min {
        (1, 1.0)
    } else {
        (max_bins, (max - min) / max_bins as f64)
    };
    let mut counts = vec![0u64; bins];
    for v in &values {
        let i = (((v - min) / width) as usize).min(bins - 1);
        counts[i] += 1;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| Bin {
            low: min + i as f64 * width,
            high: min + (i + 1) as f64 * width,
            count,
        })
        .collect()
}

/// A phrase that recurs in free-text answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrase {
    /// The phrase, lower-cased, words separated by one space.
    pub phrase: String,
    /// Respondents whose answer contains it.
    pub respondents: u64,
}

/// Words too common to make a phrase start or end (English and Spanish,
/// the languages of most sample data; other languages just keep them).
const STOPWORDS: [&str; 48] = [
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "is", "are",
    "was", "it", "i", "you", "we", "they", "that", "this", "be", "as", "by", "from", "my", "me",
    "not", "so", "if", "de", "la", "el", "en", "y", "que", "los", "las", "un", "una", "por", "con",
    "para", "es", "no", "se",
];

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Words of a text; CJK text (written without spaces) yields its characters.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in text
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|t| !t.is_empty())
    {
        if token.chars().any(is_cjk) {
            out.extend(token.chars().map(String::from));
        } else {
            out.push(token.to_string());
        }
    }
    out
}

/// The most frequent phrases of one to three words in the answers of
/// `question` (within `mask`), counted once per respondent, at least two
/// respondents each; longest first among equal counts, then alphabetical.
pub fn frequent_phrases(
    dataset: &Dataset,
    question: &Question,
    mask: Option<&[bool]>,
    limit: usize,
) -> Vec<Phrase> {
    let Some(column) = question
        .layout
        .columns()
        .first()
        .and_then(|c| dataset.columns.get(*c))
    else {
        return Vec::new();
    };
    // Phrases per distinct value, computed once.
    let mut per_value: HashMap<u32, Vec<String>> = HashMap::new();
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for (r, &code) in column.codes.iter().enumerate() {
        if code == 0 || !selected(mask, r) {
            continue;
        }
        let phrases = per_value.entry(code).or_insert_with(|| {
            let w = words(column.values.get(code as usize).map_or("", String::as_str));
            let mut set: HashSet<String> = HashSet::new();
            for len in 1..=3 {
                for win in w.windows(len) {
                    let edge_stop = STOPWORDS.contains(&win[0].as_str())
                        || STOPWORDS.contains(&win[len - 1].as_str());
                    let short =
                        len == 1 && win[0].chars().count() < 3 && !win[0].chars().any(is_cjk);
                    if !edge_stop && !short {
                        set.insert(win.join(" "));
                    }
                }
            }
            let mut v: Vec<String> = set.into_iter().collect();
            v.sort();
            v
        });
        for p in phrases.iter() {
            *counts.entry(p.clone()).or_default() += 1;
        }
    }
    let mut phrases: Vec<Phrase> = counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(phrase, respondents)| Phrase {
            phrase,
            respondents,
        })
        .collect();
    phrases.sort_by(|a, b| {
        b.respondents
            .cmp(&a.respondents)
            .then_with(|| {
                b.phrase
                    .split(' ')
                    .count()
                    .cmp(&a.phrase.split(' ').count())
            })
            .then_with(|| a.phrase.cmp(&b.phrase))
    });
    phrases.truncate(limit);
    phrases
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_independent_values() {
        // Computed independently with the closed form in Python:
        // p=k/n; d=1+z²/n; c=(p+z²/2n)/d; h=z*sqrt(p(1-p)/n+z²/4n²)/d
        let (lo, hi) = wilson(38, 100);
        assert!(
            (lo - 0.290_976).abs() < 1e-6 && (hi - 0.477_902).abs() < 1e-6,
            "{lo} {hi}"
        );
        let (lo, hi) = wilson(0, 10);
        assert!(lo.abs() < 1e-12 && (hi - 0.2775).abs() < 1e-4, "{lo} {hi}");
        let (lo, hi) = wilson(10, 10);
        assert!((lo - 0.7225).abs() < 1e-4 && (hi - 1.0).abs() < 1e-12);
        assert_eq!(wilson(0, 0), (0.0, 0.0));
    }

    #[test]
    fn quantiles_match_numpy_linear() {
        // numpy.percentile([1,2,3,4,5,6,7,8,9,10], [25,50,75]) = 3.25, 5.5, 7.75
        let v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(quantile(&v, 0.25), 3.25);
        assert_eq!(quantile(&v, 0.5), 5.5);
        assert_eq!(quantile(&v, 0.75), 7.75);
        assert_eq!(quantile(&[7.0], 0.5), 7.0);
    }
}
