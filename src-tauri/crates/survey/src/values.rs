//! Recognisers for single cell values: numbers, dates and times, e-mail and
//! IP addresses. Deliberately strict: a value that is only sometimes a
//! number is text.

/// Parses a plain decimal number ("3", "-1.5", "1e3"); not "inf", "NaN",
/// thousands separators or currency.
pub fn parse_number(v: &str) -> Option<f64> {
    let v = v.trim();
    let first = v.chars().next()?;
    if !(first.is_ascii_digit() || first == '-' || first == '+' || first == '.') {
        return None;
    }
    if !v
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
    {
        return None;
    }
    v.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Exactly `N` parts of `s` split at `sep`, or `None`. Typing runs these
/// recognisers on every distinct value of a column, so they do not allocate.
fn split_n<const N: usize>(s: &str, sep: char) -> Option<[&str; N]> {
    let mut it = s.split(sep);
    let mut parts = [""; N];
    for p in &mut parts {
        *p = it.next()?;
    }
    it.next().is_none().then_some(parts)
}

/// A calendar date: year-month-day or day/month/year in either order, with
/// '-', '/' or '.' between the parts and a four-digit year first or last.
fn is_date(d: &str) -> bool {
    let sep = match d.chars().find(|c| matches!(c, '-' | '/' | '.')) {
        Some(s) => s,
        None => return false,
    };
    let Some(parts) = split_n::<3>(d, sep) else {
        return false;
    };
    if parts.iter().any(|p| digits(p).is_none()) {
        return false;
    }
    let (year, a, b) = if parts[0].len() == 4 {
        (parts[0], parts[1], parts[2])
    } else if parts[2].len() == 4 {
        (parts[2], parts[0], parts[1])
    } else {
        return false;
    };
    let (Some(_), Some(a), Some(b)) = (digits(year), digits(a), digits(b)) else {
        return false;
    };
    // Month and day in either order (M/D/Y and D.M.Y both occur).
    (1..=31).contains(&a) && (1..=31).contains(&b) && (a <= 12 || b <= 12)
}

/// A time of day: H:MM or H:MM:SS with optional fraction.
fn is_time(t: &str) -> bool {
    let t = t.trim_end_matches('Z');
    let ok = |p: &str, max: u32| {
        let whole = p.split('.').next().unwrap_or(p);
        digits(whole).is_some_and(|n| n <= max) && whole.len() <= 2
    };
    if let Some([h, m]) = split_n::<2>(t, ':') {
        ok(h, 24) && ok(m, 59)
    } else if let Some([h, m, s]) = split_n::<3>(t, ':') {
        ok(h, 24) && ok(m, 59) && ok(s, 60)
    } else {
        false
    }
}

/// A date, a date and time, or a time as tools export them
/// ("2017-03-09 00:37:10", "9/1/2024 11:27", "2025/7/13 18:41:00",
/// "2020-05-01T10:00:00Z", "1/15/2025 9:53:05 PM").
pub fn is_datetime(v: &str) -> bool {
    let v = v.trim();
    if v.len() < 4 || v.len() > 40 {
        return false;
    }
    if iso_datetime(v.as_bytes()) {
        return true;
    }
    let mut parts = v.split(['T', ' ']).filter(|p| !p.is_empty());
    let Some(first) = parts.next() else {
        return false;
    };
    if !is_date(first) {
        return parts.next().is_none() && is_time(first) && first.contains(':');
    }
    match parts.next() {
        None => true,
        Some(time) => {
            let time = time.split(['+']).next().unwrap_or(time);
            let suffix = parts.next();
            // AM/PM/UTC are ASCII: no other letters upper-case to them.
            is_time(time)
                && parts.next().is_none()
                && suffix.is_none_or(|r| {
                    ["AM", "PM", "UTC"]
                        .iter()
                        .any(|k| r.eq_ignore_ascii_case(k))
                })
        }
    }
}

/// The ISO shapes most tools write, "YYYY-MM-DD" with an optional
/// " HH:MM" or "THH:MM:SS", recognised byte by byte: typing tries every
/// distinct value of a timestamp column, which can be most of its cells.
/// A value it refuses may still be a date by the general rules.
fn iso_datetime(v: &[u8]) -> bool {
    let num = |at: usize| -> Option<u32> {
        let (a, b) = (*v.get(at)?, *v.get(at + 1)?);
        (a.is_ascii_digit() && b.is_ascii_digit())
            .then(|| u32::from(a - b'0') * 10 + u32::from(b - b'0'))
    };
    let date = v.len() >= 10
        && v[..4].iter().all(u8::is_ascii_digit)
        && v[4] == b'-'
        && v[7] == b'-'
        && matches!((num(5), num(8)), (Some(m), Some(d)) if (1..=31).contains(&m) && (1..=31).contains(&d) && (m <= 12 || d <= 12));
    if !date {
        return false;
    }
    let clock = |from: usize| -> bool {
        let rest = &v[from..];
        let fields = match rest.len() {
            5 => 2,
            8 => 3,
            _ => return false,
        };
        (0..fields).all(|f| {
            let at = from + f * 3;
            let max = [24, 59, 60][f];
            num(at).is_some_and(|n| n <= max) && (f + 1 == fields || v[at + 2] == b':')
        })
    };
    match v.len() {
        10 => true,
        _ => matches!(v[10], b' ' | b'T') && clock(11),
    }
}

/// An e-mail address.
pub fn is_email(v: &str) -> bool {
    let v = v.trim();
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !v.contains(char::is_whitespace)
}

/// An IPv4 or IPv6 address.
pub fn is_ip_address(v: &str) -> bool {
    let v = v.trim();
    // Every address has a '.' or a ':'; most values are refused here.
    v.contains(['.', ':']) && v.parse::<std::net::IpAddr>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_number("3"), Some(3.0));
        assert_eq!(parse_number("-1.5"), Some(-1.5));
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("1,5"), None);
        assert_eq!(parse_number("18-29"), None);
    }

    #[test]
    fn datetimes() {
        for ok in [
            "2017-03-09 00:37:10",
            "9/1/2024 11:27",
            "2025/7/13 18:41:00",
            "2020-05-01T10:00:00Z",
            "1/15/2025 9:53:05 PM",
            "13.07.2025",
            "2019-12-13",
        ] {
            assert!(is_datetime(ok), "{ok}");
        }
        for no in ["18-29", "10+ years", "3", "2018", "25-Jun", "1-3次", "6-25"] {
            assert!(!is_datetime(no), "{no}");
        }
    }

    #[test]
    fn the_iso_fast_path_agrees_with_the_general_rules() {
        let mut tried = 0;
        for date in [
            "2024-05-12",
            "2024-13-12",
            "2024-12-31",
            "2024-00-10",
            "2024-31-31",
            "1999-02-30",
            "2024-5-12",
            "20a4-05-12",
        ] {
            for time in [
                "",
                " 13:45",
                "T13:45:00",
                " 24:00:60",
                " 25:00",
                " 13:60",
                " 1:45",
                " 13:45:0",
                "T13:45:00Z",
                " 13-45",
                "  13:45",
            ] {
                let v = format!("{date}{time}");
                tried += 1;
                if iso_datetime(v.as_bytes()) {
                    assert!(is_datetime(&v), "{v}");
                    let slow = v
                        .split(['T', ' '])
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>();
                    assert!(is_date(slow[0]), "{v}");
                    assert!(slow.len() == 1 || is_time(slow[1]), "{v}");
                }
            }
        }
        assert_eq!(tried, 88);
        assert!(iso_datetime(b"2024-05-12 13:45:00"));
        assert!(!iso_datetime(b"2024-13-13 13:45:00"));
        assert!(!iso_datetime(b"2024-05-12 13:45:00Z"));
        assert!(is_datetime("2024-05-12 13:45:00Z"));
    }

    #[test]
    fn contacts() {
        assert!(is_email("ann@example.org"));
        assert!(!is_email("anonymous"));
        assert!(is_ip_address("130.92.34.66"));
        assert!(is_ip_address("2001:db8::1"));
        assert!(!is_ip_address("1.2.3"));
    }
}
