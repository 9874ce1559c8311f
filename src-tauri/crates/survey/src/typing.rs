//! Question typing: what kind of answers a column holds, decided from its
//! header and its distinct values (each weighted by how many respondents
//! gave it, so the work is per distinct value, not per cell).

use std::collections::HashMap;

use foldhash::fast::FixedState;

use crate::model::{Column, QuestionKind};
use crate::values::{is_datetime, is_email, is_ip_address, parse_number};

/// Separators tools use to join the options of a multi-select answer, in
/// the order they are tried (the rarer in free text first).
pub const SEPARATORS: [&str; 5] = ["┋", "|", ";", ", ", ","];

/// Counts per distinct value of a column.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Respondents with a (non-missing) answer.
    pub answered: u64,
    /// Respondents per code (index 0 = missing).
    pub counts: Vec<u64>,
}

impl Profile {
    /// Counts the codes of `column`.
    pub fn of(column: &Column) -> Profile {
        let mut counts = vec![0u64; column.values.len()];
        for &code in &column.codes {
            if let Some(c) = counts.get_mut(code as usize) {
                *c += 1;
            }
        }
        let answered = counts.iter().skip(1).sum();
        Profile { answered, counts }
    }

    /// (value, count) for every distinct answer given at least once.
    pub fn answers<'a>(&'a self, column: &'a Column) -> impl Iterator<Item = (&'a str, u64)> + 'a {
        column
            .values
            .iter()
            .zip(&self.counts)
            .skip(1)
            .filter(|(_, &n)| n > 0)
            .map(|(v, &n)| (v.as_str(), n))
    }

    /// Number of distinct answers.
    pub fn distinct(&self) -> usize {
        self.counts.iter().skip(1).filter(|&&n| n > 0).count()
    }
}

/// What typing found for one column.
#[derive(Debug, Clone, PartialEq)]
pub struct Typed {
    /// The kind.
    pub kind: QuestionKind,
    /// For a multiple choice held in one column: its separator.
    pub separator: Option<&'static str>,
}

impl Typed {
    fn of(kind: QuestionKind) -> Typed {
        Typed {
            kind,
            separator: None,
        }
    }
}

fn words(header: &str) -> Vec<String> {
    header
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Headers that announce personal data.
pub fn personal_header(header: &str) -> bool {
    let h = header.trim().to_lowercase();
    const CONTAINS: [&str; 30] = [
        "e-mail",
        "email",
        "mail address",
        "phone",
        "telephone",
        "mobile number",
        "ip address",
        "ipaddress",
        "latitude",
        "longitude",
        "first name",
        "last name",
        "full name",
        "your name",
        "surname",
        "street address",
        "postal code",
        "zip code",
        "name (first",
        "姓名",
        "手机",
        "电话",
        "邮箱",
        "联系方式",
        "фамилия",
        "телефон",
        "họ tên",
        "số điện thoại",
        "pavardė",
        "el. paštas",
    ];
    if CONTAINS.iter().any(|k| h.contains(k)) {
        return true;
    }
    let w = words(&h);
    w.len() <= 6
        && w.iter().any(|x| {
            matches!(
                x.as_str(),
                "name" | "names" | "nombre" | "nom" | "имя" | "vardas" | "名字"
            )
        })
}

fn id_header(header: &str) -> bool {
    matches!(
        header.trim().to_lowercase().as_str(),
        "#" | "id"
            | "respondentid"
            | "respondent id"
            | "responseid"
            | "response id"
            | "submission id"
            | "network id"
            | "token"
            | "uuid"
            | "序号"
            | "record id"
            | "user id"
            | "userid"
            | "_recordid"
    )
}

/// An opaque token such as a Typeform `#` or a Qualtrics response id.
fn token_like(v: &str) -> bool {
    v.len() >= 8
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && v.chars().any(|c| c.is_ascii_digit())
        && v.chars().any(|c| c.is_ascii_alphabetic())
}

/// Decides the kind of one column.
///
/// `metadata` is the kind the tool dialect gives this column by name (see
/// [`crate::dialect::metadata_kind`]); it wins over what the values say.
pub fn classify(
    header: &str,
    column: &Column,
    profile: &Profile,
    metadata: Option<QuestionKind>,
) -> Typed {
    if let Some(kind) = metadata {
        return Typed::of(kind);
    }
    if personal_header(header) {
        return Typed::of(QuestionKind::Personal);
    }
    let answered = profile.answered;
    if answered == 0 {
        return Typed::of(if id_header(header) {
            QuestionKind::Id
        } else {
            QuestionKind::Text
        });
    }
    // Whether the answers `pred` accepts reach `needed` of all answers. It
    // stops as soon as the outcome is certain: most columns are settled by
    // their first few values, not by every distinct value.
    let share = |pred: &dyn Fn(&str) -> bool, needed: f64| -> bool {
        let needed = needed * answered as f64;
        let (mut hits, mut left) = (0u64, answered);
        for (v, n) in profile.answers(column) {
            if pred(v) {
                hits += n;
                if hits as f64 >= needed {
                    return true;
                }
            }
            left -= n;
            if ((hits + left) as f64) < needed {
                return false;
            }
        }
        hits as f64 >= needed
    };
    if share(&|v| is_email(v) || is_ip_address(v), 0.5) {
        return Typed::of(QuestionKind::Personal);
    }
    let distinct = profile.distinct() as u64;
    if id_header(header) || (distinct == answered && answered >= 5 && share(&token_like, 0.95)) {
        return Typed::of(QuestionKind::Id);
    }
    if share(&is_datetime, 0.9) {
        return Typed::of(QuestionKind::Datetime);
    }
    if share(&|v| parse_number(v).is_some(), 0.95) {
        return Typed::of(numeric_kind(column, profile));
    }
    if let Some(separator) = joined_separator(column, profile) {
        return Typed {
            kind: QuestionKind::MultipleChoice,
            separator: Some(separator),
        };
    }
    if distinct <= 60 && (distinct * 3 <= answered || (distinct <= 12 && distinct < answered)) {
        return Typed::of(QuestionKind::SingleChoice);
    }
    Typed::of(QuestionKind::Text)
}

/// Numbers: a short integer range is a scale (ratings, Likert codes, NPS),
/// two values are a choice (0/1 flags), anything else is a quantity.
fn numeric_kind(column: &Column, profile: &Profile) -> QuestionKind {
    let numbers: Vec<f64> = profile
        .answers(column)
        .filter_map(|(v, _)| parse_number(v))
        .collect();
    let distinct = numbers.len();
    let integers = numbers.iter().all(|n| n.fract() == 0.0);
    let (min, max) = numbers
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &n| (lo.min(n), hi.max(n)));
    if distinct <= 2 && profile.answered > 2 {
        QuestionKind::SingleChoice
    } else if integers && min >= 0.0 && max <= 10.0 && distinct <= 11 {
        QuestionKind::Scale
    } else {
        QuestionKind::Numeric
    }
}

/// Finds the separator of a multi-select column: answers that contain it
/// must be common, and the pieces must recur (free text that happens to
/// contain commas splits into pieces that do not).
fn joined_separator(column: &Column, profile: &Profile) -> Option<&'static str> {
    let answered = profile.answered;
    let distinct = profile.distinct();
    for sep in SEPARATORS {
        let joined: u64 = profile
            .answers(column)
            .filter(|(value, _)| value.contains(sep))
            .map(|(_, n)| n)
            .sum();
        if joined < 2 || joined * 20 < answered {
            continue;
        }
        let mut tokens: HashMap<&str, u64, FixedState> = HashMap::default();
        let mut occurrences = 0u64;
        for (value, n) in profile.answers(column) {
            for t in value.split(sep).map(str::trim).filter(|t| !t.is_empty()) {
                *tokens.entry(t).or_default() += n;
                occurrences += n;
            }
        }
        if tokens.len() >= distinct {
            continue;
        }
        let recurring: u64 = tokens.values().filter(|&&n| n >= 2).sum();
        let needed = if sep == "," || sep == ", " { 0.9 } else { 0.8 };
        if recurring as f64 >= needed * occurrences as f64 {
            return Some(sep);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(cells: &[&str]) -> Column {
        let mut values = vec![String::new()];
        let mut codes = Vec::new();
        for c in cells {
            if c.is_empty() {
                codes.push(0);
                continue;
            }
            let code = match values.iter().position(|v| v == c) {
                Some(i) => i,
                None => {
                    values.push(c.to_string());
                    values.len() - 1
                }
            };
            codes.push(code as u32);
        }
        Column {
            headers: vec![],
            values,
            codes,
        }
    }

    fn kind(header: &str, cells: &[&str]) -> Typed {
        let col = column(cells);
        let p = Profile::of(&col);
        classify(header, &col, &p, None)
    }

    #[test]
    fn kinds_from_values() {
        use QuestionKind::*;
        assert_eq!(
            kind("Q", &["a", "b", "a", "b", "a", "c"]).kind,
            SingleChoice
        );
        assert_eq!(kind("Q", &["1", "5", "3", "4", "2", "5"]).kind, Scale);
        assert_eq!(
            kind("Age", &["34", "26", "51", "19", "44", "38"]).kind,
            Numeric
        );
        assert_eq!(
            kind("When", &["2017-03-09 00:37:10", "2017-03-10 01:00:00"]).kind,
            Datetime
        );
        assert_eq!(kind("Contact", &["a@b.com", "c@d.org"]).kind, Personal);
        assert_eq!(kind("Your name", &["Ann", "Bob"]).kind, Personal);
        assert_eq!(
            kind(
                "Why?",
                &["because I like it", "no idea at all", "it is cheap"]
            )
            .kind,
            Text
        );
        let t = kind("Q", &["x┋y", "x", "y┋z", "x┋z", "z"]);
        assert_eq!((t.kind, t.separator), (MultipleChoice, Some("┋")));
        let t = kind(
            "Q",
            &["Red, Blue", "Blue", "Red", "Green, Red", "Blue, Green"],
        );
        assert_eq!((t.kind, t.separator), (MultipleChoice, Some(", ")));
    }

    #[test]
    fn free_text_with_commas_is_not_multiple_choice() {
        let t = kind(
            "Major",
            &[
                "Math, concentration in probability",
                "Psych",
                "Economics, minor in history",
                "Systems Engineering",
                "Biology, pre-med",
            ],
        );
        assert_eq!(t.kind, QuestionKind::Text);
    }
}
