//! Greedy line breaking over shaped clusters.

use std::ops::Range;

use super::{Break, Shaped};

/// One line: a range of clusters and its width in em without trailing blanks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub clusters: Range<usize>,
    pub width: f32,
}

/// Breaks `shaped` into lines at most `max_em` wide (plus `tracking` em after every
/// cluster). Lines end at UAX #14 opportunities; a word longer than a line is split
/// between clusters rather than allowed to overflow.
pub(crate) fn break_lines(shaped: &Shaped, max_em: f32, tracking: f32) -> Vec<Line> {
    let cl = &shaped.clusters;
    let adv = |i: usize| cl[i].advance + tracking;
    let mut lines = Vec::new();
    let mut start = 0;
    let mut width = 0.0;
    let mut last_break: Option<usize> = None;
    let mut i = 0;
    while i < cl.len() {
        let c = &cl[i];
        let next = width + adv(i);
        if !c.blank && next > max_em && i > start {
            let end = match last_break {
                Some(b) if b > start => b,
                _ => i,
            };
            lines.push(make_line(shaped, start..end, tracking));
            start = end;
            last_break = None;
            width = (start..=i).map(adv).sum();
        } else {
            width = next;
        }
        match c.break_after {
            Break::Mandatory => {
                lines.push(make_line(shaped, start..i + 1, tracking));
                start = i + 1;
                width = 0.0;
                last_break = None;
            }
            Break::Allowed => last_break = Some(i + 1),
            Break::No => {}
        }
        i += 1;
    }
    if start < cl.len() {
        lines.push(make_line(shaped, start..cl.len(), tracking));
    }
    lines
}

/// A line over `range`, measured without its trailing blanks.
pub(crate) fn make_line(shaped: &Shaped, range: Range<usize>, tracking: f32) -> Line {
    let cl = &shaped.clusters[range.clone()];
    let visible = cl.iter().rposition(|c| !c.blank).map_or(0, |p| p + 1);
    let width = cl[..visible].iter().map(|c| c.advance + tracking).sum();
    Line {
        clusters: range,
        width,
    }
}

#[cfg(test)]
mod tests {
    use crate::fonts::{FontBook, Style};
    use crate::text::Shaper;

    use super::*;

    fn texts(s: &Shaped, lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                s.clusters[l.clusters.clone()]
                    .iter()
                    .map(|c| s.cluster_text(c))
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn latin_breaks_at_spaces_and_keeps_every_character() {
        let book = FontBook::bundled();
        let mut sh = Shaper::new(&book, None);
        let s = sh.shape("Tiết kiệm thời gian mỗi ngày", Style::REGULAR);
        let lines = break_lines(&s, 6.0, 0.0);
        let t = texts(&s, &lines);
        assert!(t.len() > 1, "{t:?}");
        assert_eq!(t.concat(), s.text);
        for l in &t[..t.len() - 1] {
            assert!(l.ends_with(' '), "line '{l}' should end at a word boundary");
        }
        assert!(lines.iter().all(|l| l.width <= 6.0));
    }

    #[test]
    fn a_word_wider_than_the_line_is_split_not_lost() {
        let book = FontBook::bundled();
        let mut sh = Shaper::new(&book, None);
        let s = sh.shape("Supercalifragilisticexpialidocious", Style::REGULAR);
        let lines = break_lines(&s, 4.0, 0.0);
        assert!(lines.len() > 2);
        assert_eq!(texts(&s, &lines).concat(), s.text);
    }
}
