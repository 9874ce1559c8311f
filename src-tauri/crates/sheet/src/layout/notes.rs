//! Evidence footnotes: every field that rests on evidence gets a superscript number
//! where it is shown, and the sheet ends with a band of numbered sources.
//!
//! One number per field, not per source: a list item backed by a survey figure and an
//! interview reads "Prefers the app¹", and note 1 names both. Numbers run in reading
//! order (header, then modules by grid position, items top to bottom), so a reader
//! meets ¹ before ².

use std::collections::BTreeMap;

use persona_model::coverage::resolve;
use persona_model::{FieldRef, ModuleBody, Persona};

use crate::fonts::Style;
use crate::locale::{fill, Locale};
use crate::options::Warning;
use crate::scene::{Item, Page, Point, Stroke};

use super::blocks::{Align, Ctx, TextSpec};
use super::theme::{MARGIN, NOTE_SIZE};

/// Most lines the notes band may take; what does not fit is counted, not hidden.
const MAX_NOTE_LINES: usize = 9;

/// Lines one note may wrap to before it ends with an ellipsis.
const MAX_LINES_PER_NOTE: usize = 2;

/// The footnotes of one sheet.
#[derive(Debug, Default, Clone)]
pub(crate) struct Notes {
    numbers: BTreeMap<FieldRef, u32>,
    /// (number, text) in number order.
    texts: Vec<(u32, String)>,
}

impl Notes {
    /// Numbers the evidenced fields of `persona`, visiting modules in `order` (indices
    /// into `persona.modules`, in reading order).
    pub fn of(persona: &Persona, order: &[usize], locale: Locale) -> Notes {
        let mut by_field: BTreeMap<FieldRef, Vec<String>> = BTreeMap::new();
        for e in &persona.evidence {
            if let Some(field) = resolve(persona, e) {
                by_field
                    .entry(field)
                    .or_default()
                    .push(locale.evidence_line(&e.source));
            }
        }
        let mut notes = Notes::default();
        if by_field.is_empty() {
            return notes;
        }
        let mut fields = vec![FieldRef::Archetype, FieldRef::Quote];
        for &i in order {
            let Some(m) = persona.modules.get(i) else {
                continue;
            };
            fields.push(FieldRef::Module {
                module: m.id.clone(),
            });
            let items = match &m.body {
                ModuleBody::Facts { rows } => rows.len(),
                ModuleBody::List { items } => items.len(),
                ModuleBody::Sliders { rows, .. } => rows.len(),
                _ => 0,
            };
            fields.extend((0..items).map(|index| FieldRef::Item {
                module: m.id.clone(),
                index: index as u32,
            }));
        }
        for field in fields {
            if let Some(sources) = by_field.remove(&field) {
                let number = notes.texts.len() as u32 + 1;
                notes.numbers.insert(field, number);
                notes.texts.push((number, sources.join("; ")));
            }
        }
        notes
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// The superscript marker for `field` ("²"), or "" when it has no note.
    pub fn marker(&self, field: &FieldRef) -> String {
        self.numbers
            .get(field)
            .map(|n| superscript(*n))
            .unwrap_or_default()
    }

    /// Lays the notes band `width` points wide; answers its items (at y = 0) and height.
    /// Notes beyond the band's lines are summed up in a last line and reported.
    pub fn band(&self, ctx: &mut Ctx, width: f32) -> (Vec<Item>, f32) {
        if self.is_empty() {
            return (Vec::new(), 0.0);
        }
        let spec = TextSpec::new(Style::REGULAR, NOTE_SIZE, ctx.theme.muted);
        let number_w = ctx.measure("00", spec) + 3.0;
        let mut items = vec![Item::Line {
            from: Point { x: 0.0, y: 0.0 },
            to: Point {
                x: width.min(120.0),
                y: 0.0,
            },
            stroke: Stroke {
                color: ctx.theme.rule,
                width: 0.6,
            },
        }];
        let mut y = 4.0;
        let mut lines = 0;
        let mut shown = 0;
        for (i, (number, text)) in self.texts.iter().enumerate() {
            // The band's last line is kept for "N more" while notes remain after this.
            let reserve = usize::from(i + 1 < self.texts.len());
            let room = MAX_NOTE_LINES.saturating_sub(lines + reserve);
            let allowed = MAX_LINES_PER_NOTE.min(room);
            if allowed == 0 {
                break;
            }
            let para = fitted(ctx, text, spec, number_w, width, allowed);
            items.extend(ctx.label(&number.to_string(), spec, 0.0, y + spec.baseline()));
            for line in &para {
                let mut li = line.items.clone();
                super::translate(&mut li, 0.0, y);
                items.extend(li);
                y += line.height;
                lines += 1;
            }
            shown += 1;
        }
        let total = self.texts.len();
        if shown < total {
            let count = (total - shown).to_string();
            let more = fill(ctx.locale.words().more_notes, &[("count", &count)]);
            items.extend(ctx.label(&more, spec, number_w, y + spec.baseline()));
            y += spec.line_height();
            ctx.warn(Warning::NotesCut { shown, total });
        }
        (items, y + 2.0)
    }
}

/// The note's lines, at most `allowed` of them; a longer note ends with "…" and
/// the cut is reported.
fn fitted(
    ctx: &mut Ctx,
    text: &str,
    spec: TextSpec,
    x: f32,
    width: f32,
    allowed: usize,
) -> Vec<super::blocks::Block> {
    let para = ctx.paragraph(text, spec, x, width - x, Align::Left);
    if para.len() <= allowed {
        return para;
    }
    let chars: Vec<char> = text.chars().collect();
    // The longest prefix that fits with its ellipsis, by bisection.
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect();
        let n = ctx
            .paragraph(
                &format!("{}…", candidate.trim_end()),
                spec,
                x,
                width - x,
                Align::Left,
            )
            .len();
        if n <= allowed {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let kept: String = chars[..lo].iter().collect();
    let cut: String = chars[lo..].iter().collect();
    ctx.warn(Warning::Truncated {
        module: "Notes".to_owned(),
        text: cut,
    });
    ctx.paragraph(
        &format!("{}…", kept.trim_end()),
        spec,
        x,
        width - x,
        Align::Left,
    )
}

/// `n` in superscript digits: 12 → "¹²".
fn superscript(n: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect()
}

/// Places the band above the footer of `page`.
pub(crate) fn place_band(page: &mut Page, mut band: Vec<Item>, top: f32) {
    super::translate(&mut band, MARGIN, top);
    page.items.extend(band);
}

/// The height the band takes from the grid, gap included.
pub(crate) fn band_room(height: f32) -> f32 {
    if height > 0.0 {
        height + 8.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn superscripts_cover_every_digit() {
        assert_eq!(superscript(1), "¹");
        assert_eq!(superscript(10), "¹⁰");
        assert_eq!(superscript(2345), "²³⁴⁵");
        assert_eq!(superscript(67890), "⁶⁷⁸⁹⁰");
    }
}
