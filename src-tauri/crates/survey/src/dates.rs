//! When a survey's answers were collected, read from the data: the latest date in
//! its date/time questions (submission timestamps, start and end dates). Used to judge
//! whether evidence is stale by the data's age rather than by when it was imported.

use chrono::NaiveDate;

use crate::model::{Dataset, QuestionKind};

/// Dates before this or after [`LAST_YEAR`] are not collection dates (birthdays,
/// typos, spreadsheet epochs).
const FIRST_YEAR: i32 = 1990;
const LAST_YEAR: i32 = 2100;

/// How the day and month of a `a/b/yyyy` date are ordered in one column.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Order {
    MonthFirst,
    DayFirst,
}

fn part(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The calendar date at the start of a date or date-time value:
/// `2017-03-09 00:38:59`, `2020-05-01T10:00:00Z`, `2025/7/13 18:41`,
/// `9/1/2024 11:27` (month first unless `order` says otherwise), `13.07.2025`.
fn parse(value: &str, order: Order) -> Option<NaiveDate> {
    let head = value.trim().split(['T', ' ']).next()?;
    let sep = head.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<u32> = head.split(sep).map(part).collect::<Option<_>>()?;
    let [a, b, c] = parts[..] else {
        return None;
    };
    let first_is_year = head.split(sep).next().is_some_and(|p| p.len() == 4);
    let (y, m, d) = if first_is_year {
        (a, b, c)
    } else if sep == '.' || order == Order::DayFirst {
        (c, b, a)
    } else {
        (c, a, b)
    };
    let y = i32::try_from(y).ok()?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Whether a column's `a/b/yyyy` dates put the day first: some first part exceeds 12.
fn order_of<'a>(values: impl Iterator<Item = &'a str>) -> Order {
    for v in values {
        let head = v.trim().split(['T', ' ']).next().unwrap_or("");
        let mut it = head.split('/');
        if let (Some(a), Some(_), Some(y)) = (it.next(), it.next(), it.next()) {
            if y.len() == 4 && part(a).is_some_and(|a| a > 12) {
                return Order::DayFirst;
            }
        }
    }
    Order::MonthFirst
}

/// The latest date found in the dataset's date/time questions, if any.
pub fn latest_response_date(dataset: &Dataset) -> Option<NaiveDate> {
    dataset
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Datetime)
        .flat_map(|q| q.layout.columns())
        .filter_map(|c| dataset.columns.get(c))
        .filter_map(|col| {
            let values = col.values.iter().skip(1).map(String::as_str);
            let order = order_of(values.clone());
            values.filter_map(|v| parse(v, order)).max()
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn tool_formats_give_their_day() {
        let m = Order::MonthFirst;
        assert_eq!(parse("2017-03-09 00:38:59", m), day(2017, 3, 9));
        assert_eq!(parse("2020-05-01T10:00:00Z", m), day(2020, 5, 1));
        assert_eq!(parse("2025/7/13 18:41:00", m), day(2025, 7, 13));
        assert_eq!(parse("9/1/2024 11:27", m), day(2024, 9, 1));
        assert_eq!(parse("9/1/2024 11:27", Order::DayFirst), day(2024, 1, 9));
        assert_eq!(parse("13.07.2025", m), day(2025, 7, 13));
        assert_eq!(parse("1/15/2025 9:53:05 PM", m), day(2025, 1, 15));
        for no in ["", "18-29", "3", "25-Jun", "2/30/2024", "1/1/1900", "yes"] {
            assert_eq!(parse(no, m), None, "{no}");
        }
    }

    #[test]
    fn a_column_with_a_day_over_twelve_reads_day_first() {
        assert_eq!(
            order_of(["1/2/2024", "13/2/2024"].into_iter()),
            Order::DayFirst
        );
        assert_eq!(
            order_of(["1/2/2024", "2/13/2024"].into_iter()),
            Order::MonthFirst
        );
    }
}
