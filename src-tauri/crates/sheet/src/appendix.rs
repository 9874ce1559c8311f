//! The deck's evidence appendix: after a persona's sheet, every field that rests on
//! evidence with its sources in full and their flags, the fields that are still
//! assumptions, and the persona's coverage score.
//!
//! The sheet's notes band is a summary; this is the record a team checks a persona
//! against, so no source is cut here: it runs onto as many pages as it needs. (Only
//! the field's own content is shortened, as the sheet just before prints it whole.)

use persona_model::coverage::{assess, AssessedEvidence, EvidenceReport, FieldFlag, FieldReport};
use persona_model::{EvidencePolicy, FieldRef, NaiveDate};

use crate::fonts::Style;
use crate::layout::{page_footer, translate, Align, Ctx, TextSpec, PAGE_MARGIN};
use crate::locale::{fill, Words};
use crate::options::SheetInput;
use crate::scene::{Item, Page, Paint, Point, Rect, Stroke};

/// The sheet's margin, so that appendix pages line up with the sheets and footers.
const MARGIN: f32 = PAGE_MARGIN;
/// Room kept free for the footer at the bottom of each page.
const FOOTER_ROOM: f32 = 40.0;
const BODY: f32 = 8.5;
const SMALL: f32 = 7.5;

/// How evidence is judged in the appendix. The day comes from the caller (the app's
/// clock, a fixed date in tests), so the same input still gives the same bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judging {
    pub policy: EvidencePolicy,
    pub today: NaiveDate,
}

/// The appendix pages of one persona; none when it has no evidence.
pub(crate) fn evidence_pages(
    ctx: &mut Ctx,
    sheet: &SheetInput,
    judging: &Judging,
    width: f32,
    height: f32,
) -> Vec<Page> {
    if sheet.persona.evidence.is_empty() {
        return Vec::new();
    }
    let report = assess(sheet.persona, &judging.policy, judging.today);
    let words = ctx.locale.words();
    let continued = fill(words.continued, &[("name", sheet.persona.name.trim())]);
    let mut pages = Pages::new(continued, width, height);
    heading(ctx, &mut pages, sheet, &report, judging);
    for field in report.fields.iter().filter(|f| !f.evidence.is_empty()) {
        let flags: Vec<&str> = field.flags.iter().map(|f| flag_name(words, *f)).collect();
        row(
            ctx,
            &mut pages,
            label(words, field),
            &field.text,
            &field.evidence,
            &flags,
        );
    }
    if !report.detached.is_empty() {
        section(ctx, &mut pages, words.removed);
        row(
            ctx,
            &mut pages,
            words.removed_field,
            "",
            &report.detached,
            &[],
        );
    }
    let assumptions = grouped(
        report
            .fields
            .iter()
            .filter(|f| f.flags.contains(&FieldFlag::Assumption))
            .map(|f| label(words, f)),
    );
    if !assumptions.is_empty() {
        section(ctx, &mut pages, words.assumptions);
        let spec = TextSpec::new(Style::REGULAR, BODY, ctx.theme.ink);
        for group in assumptions {
            let lines = ctx.paragraph(&group, spec, 0.0, pages.inner_width(), Align::Left);
            for line in lines {
                pages.place(ctx, line.items, line.height);
            }
        }
    }
    let mut pages = pages.finish();
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let left = format!(
            "{}  ·  {}",
            sheet.persona.name.trim(),
            words.appendix_footer
        );
        let today = judging.today.to_string();
        let mut right = fill(words.judged, &[("date", &today)]);
        if total > 1 {
            right.push_str(&format!("  ·  {} / {total}", i + 1));
        }
        page_footer(ctx, sheet.brand, page, &left, &right);
    }
    pages
}

/// Pages being filled top to bottom.
struct Pages {
    /// Says at the top of every page after the first whose appendix it is.
    continued: String,
    width: f32,
    height: f32,
    done: Vec<Page>,
    items: Vec<Item>,
    y: f32,
}

impl Pages {
    fn new(continued: String, width: f32, height: f32) -> Pages {
        Pages {
            continued,
            width,
            height,
            done: Vec::new(),
            items: Vec::new(),
            y: MARGIN,
        }
    }

    fn inner_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        self.height - FOOTER_ROOM
    }

    /// Places `items` (relative to their top-left) `height` tall, on a new page when
    /// they do not fit on this one.
    fn place(&mut self, ctx: &mut Ctx, mut items: Vec<Item>, height: f32) {
        if self.y + height > self.bottom() && !self.items.is_empty() {
            self.next_page(ctx);
        }
        translate(&mut items, MARGIN, self.y);
        self.items.extend(items);
        self.y += height;
    }

    fn next_page(&mut self, ctx: &mut Ctx) {
        self.done.push(Page {
            width: self.width,
            height: self.height,
            items: std::mem::take(&mut self.items),
        });
        self.y = MARGIN;
        let spec = TextSpec::new(Style::BOLD, SMALL, ctx.theme.muted);
        let items = ctx.label(&self.continued, spec, MARGIN, self.y + spec.baseline());
        self.items.extend(items);
        self.y += spec.line_height() + 10.0;
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }

    fn finish(mut self) -> Vec<Page> {
        self.done.push(Page {
            width: self.width,
            height: self.height,
            items: self.items,
        });
        self.done
    }
}

/// The kicker, the persona's name, the coverage score with its bar, and how the
/// evidence was judged.
fn heading(
    ctx: &mut Ctx,
    pages: &mut Pages,
    sheet: &SheetInput,
    report: &EvidenceReport,
    judging: &Judging,
) {
    let theme = ctx.theme;
    let kicker = TextSpec {
        tracking: 0.14,
        ..TextSpec::new(Style::BOLD, 8.0, theme.accent)
    };
    let words = ctx.locale.words();
    let items = ctx.label(words.appendix_kicker, kicker, 0.0, kicker.baseline());
    pages.place(ctx, items, kicker.line_height() + 2.0);
    let title = TextSpec::new(Style::BOLD, 20.0, theme.primary);
    for line in ctx.paragraph(
        sheet.persona.name.trim(),
        title,
        0.0,
        pages.inner_width(),
        Align::Left,
    ) {
        pages.place(ctx, line.items, line.height);
    }
    pages.gap(6.0);

    let c = report.coverage;
    let score = c.score.unwrap_or(0);
    let big = TextSpec::new(Style::BOLD, 15.0, theme.ink);
    let label = format!("{score}%");
    let label_w = ctx.measure(&label, big);
    let mut items = ctx.label(&label, big, 0.0, big.baseline());
    let bar = Rect {
        x: label_w + 10.0,
        y: big.line_height() / 2.0 - 2.5,
        w: 160.0,
        h: 5.0,
    };
    items.push(Item::RoundedRect {
        rect: bar,
        radius: 2.5,
        paint: Paint::fill(theme.track),
    });
    if score > 0 {
        items.push(Item::RoundedRect {
            rect: Rect {
                w: (bar.w * score as f32 / 100.0).max(bar.h),
                ..bar
            },
            radius: 2.5,
            paint: Paint::fill(theme.accent),
        });
    }
    let summary = fill(
        words.coverage,
        &[
            ("supported", &c.supported.to_string()),
            ("fields", &c.fields.to_string()),
            ("weak", &c.evidenced.saturating_sub(c.supported).to_string()),
            ("assumptions", &c.assumptions.to_string()),
        ],
    );
    let muted = TextSpec::new(Style::REGULAR, BODY, theme.muted);
    let sx = bar.x + bar.w + 12.0;
    let lines = ctx.paragraph(&summary, muted, sx, pages.inner_width() - sx, Align::Left);
    let mut h = big.line_height();
    let mut y = (big.line_height() - muted.line_height()) / 2.0;
    for line in lines {
        let mut li = line.items;
        translate(&mut li, 0.0, y.max(0.0));
        items.extend(li);
        y += line.height;
        h = h.max(y);
    }
    pages.place(ctx, items, h);
    let p = judging.policy;
    let rule = fill(
        words.judged_rule,
        &[
            ("today", &judging.today.to_string()),
            ("min_n", &p.min_n.to_string()),
            ("half", &p.max_half_width.to_string()),
            ("days", &p.max_age_days.to_string()),
        ],
    );
    let small = TextSpec::new(Style::ITALIC, SMALL, theme.muted);
    for line in ctx.paragraph(&rule, small, 0.0, pages.inner_width(), Align::Left) {
        pages.place(ctx, line.items, line.height);
    }
    pages.gap(14.0);
}

/// A section title with an accent tick, like a module title on the sheet.
fn section(ctx: &mut Ctx, pages: &mut Pages, title: &str) {
    pages.gap(10.0);
    let items = crate::layout::title_items(ctx, title, 0.0, 0.0, ctx.theme.primary);
    pages.place(ctx, items, 16.0);
}

/// One field: its label and content on the left; on the right each source in full
/// with its own flags, and the field's flags.
fn row(
    ctx: &mut Ctx,
    pages: &mut Pages,
    label: &str,
    text: &str,
    evidence: &[AssessedEvidence],
    flags: &[&str],
) {
    let theme = ctx.theme;
    let inner = pages.inner_width();
    let left_w = (inner * 0.32).min(230.0);
    let right_x = left_w + 16.0;
    let right_w = inner - right_x;
    let label_spec = TextSpec::new(Style::BOLD, BODY, theme.ink);
    let text_spec = TextSpec::new(Style::REGULAR, SMALL, theme.muted);
    let source_spec = TextSpec::new(Style::REGULAR, BODY, theme.ink);
    let flag_spec = TextSpec::new(Style::BOLD, SMALL, theme.accent);

    let mut items = Vec::new();
    let mut left_h = 0.0;
    for line in ctx.paragraph(label, label_spec, 0.0, left_w, Align::Left) {
        let mut li = line.items;
        translate(&mut li, 0.0, left_h);
        items.extend(li);
        left_h += line.height;
    }
    if !flags.is_empty() {
        let f = flags.join(" · ").to_uppercase();
        items.extend(ctx.label(&f, flag_spec, 0.0, left_h + flag_spec.baseline()));
        left_h += flag_spec.line_height();
    }
    // The field's content, shortened: it is printed in full on the sheet itself.
    let content = short(text, 180);
    for line in ctx
        .paragraph(&content, text_spec, 0.0, left_w, Align::Left)
        .into_iter()
        .take(3)
    {
        let mut li = line.items;
        translate(&mut li, 0.0, left_h);
        items.extend(li);
        left_h += line.height;
    }
    let mut right_h = 0.0;
    for e in evidence {
        let words = ctx.locale.words();
        let mut marks = Vec::new();
        if e.weak {
            marks.push(words.weak);
        }
        if e.stale {
            marks.push(words.stale);
        }
        let mut line_text = ctx.locale.evidence_line(&e.evidence.source);
        if !marks.is_empty() {
            line_text.push_str(&format!("  [{}]", marks.join(", ")));
        }
        if let persona_model::EvidenceSource::Manual { note, .. } = &e.evidence.source {
            if !note.trim().is_empty() {
                line_text.push_str(&format!(" — {}", note.trim()));
            }
        }
        let bullet_r = 1.6;
        items.push(Item::Circle {
            center: Point {
                x: right_x + bullet_r,
                y: right_h + source_spec.baseline() - source_spec.size * 0.3,
            },
            radius: bullet_r,
            paint: Paint::fill(theme.accent),
        });
        for line in ctx.paragraph(
            &line_text,
            source_spec,
            right_x + 9.0,
            right_w - 9.0,
            Align::Left,
        ) {
            let mut li = line.items;
            translate(&mut li, 0.0, right_h);
            items.extend(li);
            right_h += line.height;
        }
        right_h += 3.0;
    }
    let h = f32::max(left_h, right_h) + 8.0;
    items.push(Item::Line {
        from: Point { x: 0.0, y: h - 4.0 },
        to: Point {
            x: inner,
            y: h - 4.0,
        },
        stroke: Stroke {
            color: theme.rule,
            width: 0.6,
        },
    });
    pages.place(ctx, items, h);
}

/// A field's label for people: the header's archetype and quote are named in the
/// sheet's language (the model names them in English); module fields carry the
/// module's own title, which is the user's text.
fn label<'a>(words: &'a Words, field: &'a FieldReport) -> &'a str {
    match field.field {
        FieldRef::Archetype => words.archetype,
        FieldRef::Quote => words.quote,
        _ => &field.label,
    }
}

fn flag_name(words: &Words, flag: FieldFlag) -> &'static str {
    match flag {
        FieldFlag::Assumption => words.flag_assumption,
        FieldFlag::Weak => words.flag_weak,
        FieldFlag::Stale => words.flag_stale,
    }
}

/// At most `max` characters of `text`, with an ellipsis when cut.
fn short(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let kept: String = text.chars().take(max).collect();
    format!("{}…", kept.trim_end())
}

/// Field labels ("About · Age", "Goals · 2") grouped by module, one line each:
/// "About: Age, Gender", "Goals: #2, #3".
fn grouped<'a>(labels: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for label in labels {
        let (module, part) = match label.split_once(" · ") {
            Some((m, p)) if p.chars().all(|c| c.is_ascii_digit()) => (m, format!("#{p}")),
            Some((m, p)) => (m, p.to_owned()),
            None => (label, String::new()),
        };
        match groups.iter_mut().find(|(m, _)| m == module) {
            Some((_, parts)) => parts.push(part),
            None => groups.push((module.to_owned(), vec![part])),
        }
    }
    groups
        .into_iter()
        .map(|(module, parts)| {
            let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
            if parts.is_empty() {
                module
            } else {
                format!("{module}: {}", parts.join(", "))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assumptions_are_grouped_by_module() {
        let labels = [
            "Archetype",
            "About · Age",
            "About · Gender",
            "Goals · 2",
            "Bio",
            "Goals · 4",
        ];
        assert_eq!(
            grouped(labels.into_iter()),
            vec!["Archetype", "About: Age, Gender", "Goals: #2, #4", "Bio"]
        );
    }
}
