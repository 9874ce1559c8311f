//! The header card: photo (or initials), name, archetype and quote, set on the
//! brand's primary colour.

use persona_model::{initials, FieldRef, Persona};

use crate::fonts::Style;
use crate::scene::{Clip, Item, Paint, Point, Rect, Stroke};

use super::blocks::{translate, Align, Block, Ctx, TextSpec};
use super::theme::{BODY_SIZE, NAME_SIZE, QUOTE_SIZE};

/// The header's blocks at type `scale`: the identity row, then one block per
/// line of the quote.
pub(crate) fn header_blocks(
    ctx: &mut Ctx,
    persona: &Persona,
    width: f32,
    scale: f32,
) -> Vec<Block> {
    let theme = ctx.theme;
    let d = (width * 0.3).clamp(44.0, 84.0);
    let mut items = avatar(ctx, persona, d);

    let text_x = d + 12.0;
    let text_w = (width - text_x).max(40.0);
    // A name is not broken inside a word ("Žygimant-as" reads as two names): a word
    // wider than the column sets the whole name smaller, down to body size.
    let name_spec = ctx.fit_words(
        persona.name.trim(),
        TextSpec::new(Style::BOLD, NAME_SIZE * scale, theme.on_primary),
        text_w,
        BODY_SIZE * scale,
    );
    let arch_spec = TextSpec::new(Style::REGULAR, BODY_SIZE * scale, theme.on_primary_soft);
    let name = ctx.paragraph(persona.name.trim(), name_spec, text_x, text_w, Align::Left);
    let arch = if persona.archetype.trim().is_empty() {
        Vec::new()
    } else {
        let mark = ctx.notes.marker(&FieldRef::Archetype);
        ctx.paragraph(
            &format!("{}{mark}", persona.archetype.trim()),
            arch_spec,
            text_x,
            text_w,
            Align::Left,
        )
    };
    let name_h: f32 = name.iter().map(|b| b.height).sum();
    let arch_h: f32 = arch.iter().map(|b| b.height).sum();
    let text_h = name_h + if arch.is_empty() { 0.0 } else { 3.0 + arch_h };
    // Centre the name block against the avatar when it is shorter.
    let mut y = ((d - text_h) / 2.0).max(0.0);
    let mut text = String::new();
    for (i, b) in name.iter().chain(arch.iter()).enumerate() {
        if i == name.len() {
            y += 3.0;
        }
        let mut li = b.items.clone();
        translate(&mut li, 0.0, y);
        items.extend(li);
        text.push_str(&b.text);
        text.push(' ');
        y += b.height;
    }
    let mut out = vec![Block::new(d.max(y), items, text).gap(12.0 * scale)];

    let quote = persona.quote.trim();
    if !quote.is_empty() {
        let spec = TextSpec::new(Style::ITALIC, QUOTE_SIZE * scale, theme.on_primary);
        let indent = 12.0;
        let mark = ctx.notes.marker(&FieldRef::Quote);
        let mut lines = ctx.paragraph(
            &format!("“{quote}”{mark}"),
            spec,
            indent,
            width - indent,
            Align::Left,
        );
        let count = lines.len();
        for (i, l) in lines.iter_mut().enumerate() {
            // An accent rule beside the quote, drawn per line so a split quote keeps it.
            let top = if i == 0 { 2.0 } else { 0.0 };
            let bottom = if i + 1 == count { 2.0 } else { 0.0 };
            l.items.push(Item::Rect {
                rect: Rect {
                    x: 0.0,
                    y: top,
                    w: 2.5,
                    h: l.height - top - bottom,
                },
                paint: Paint::fill(theme.accent),
            });
        }
        out.extend(lines);
    }
    out
}

/// The photo in a round frame, or the initials in a brand-coloured circle.
fn avatar(ctx: &mut Ctx, persona: &Persona, d: f32) -> Vec<Item> {
    let theme = ctx.theme;
    let center = Point {
        x: d / 2.0,
        y: d / 2.0,
    };
    let ring = Item::Circle {
        center,
        radius: d / 2.0,
        paint: Paint {
            fill: None,
            stroke: Some(Stroke {
                color: theme.on_primary,
                width: 2.0,
            }),
        },
    };
    if let Some(image) = persona.photo.as_ref().and_then(|h| ctx.image(h)) {
        return vec![
            Item::Image {
                image,
                rect: Rect {
                    x: 0.0,
                    y: 0.0,
                    w: d,
                    h: d,
                },
                clip: Clip::Circle,
            },
            ring,
        ];
    }
    let mut items = vec![
        Item::Circle {
            center,
            radius: d / 2.0,
            paint: Paint::fill(theme.accent),
        },
        ring,
    ];
    let letters = initials(&persona.name);
    if !letters.is_empty() {
        let spec = TextSpec::new(Style::BOLD, d * 0.36, theme.white);
        let w = ctx.measure(&letters, spec);
        // Cap height of Noto Sans is ~0.714 em: centre the capitals optically.
        let baseline = d / 2.0 + spec.size * 0.357;
        items.extend(ctx.label(&letters, spec, (d - w) / 2.0, baseline));
    }
    items
}
