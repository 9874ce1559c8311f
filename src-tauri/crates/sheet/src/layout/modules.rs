//! Content of each kind of module, cut into blocks at a given type scale.

use persona_model::{Fact, ModuleBody, Slider, SliderScale};

use crate::fonts::Style;
use crate::options::{ChartData, Warning};
use crate::scene::{Clip, Item, Paint, Point, Rect, Stroke};

use super::blocks::{translate, Align, Block, Ctx, TextSpec};
use super::theme::{BODY_SIZE, RADIUS, SMALL_SIZE};

/// The smallest a slider label is set so that its words stay whole, in points.
const LABEL_FLOOR: f32 = 5.5;

/// Space between list items, fact rows, sliders and pill rows.
const ITEM_GAP: f32 = 4.0;

/// The blocks of a module body `width` points wide at type `scale`. `avail` is the
/// height of the body area (pictures fill it).
pub(crate) fn body_blocks(
    ctx: &mut Ctx,
    body: &ModuleBody,
    hint: &str,
    width: f32,
    avail: f32,
    scale: f32,
    chart: Option<&ChartData>,
) -> Vec<Block> {
    let body_spec = TextSpec::new(Style::REGULAR, BODY_SIZE * scale, ctx.theme.ink);
    if body.is_empty() && !matches!(body, ModuleBody::Chart { .. } | ModuleBody::Image { .. }) {
        // An empty module says what belongs there instead of leaving a hole.
        let spec = TextSpec::new(Style::ITALIC, SMALL_SIZE * scale, ctx.theme.faint);
        return ctx.paragraph(hint, spec, 0.0, width, Align::Left);
    }
    match body {
        ModuleBody::Header => Vec::new(),
        ModuleBody::Facts { rows } => facts(ctx, rows, width, scale),
        ModuleBody::Text { text } => ctx.paragraph(text.trim(), body_spec, 0.0, width, Align::Left),
        ModuleBody::List { items } => list(ctx, items, width, body_spec),
        ModuleBody::Sliders { scale: kind, rows } => sliders(ctx, *kind, rows, width, scale),
        ModuleBody::Tags { tags } => pills(ctx, tags, width, scale),
        ModuleBody::Chart { caption } => match chart {
            Some(data) if !data.bars.is_empty() => bars(ctx, caption, data, width, scale),
            _ => {
                let module = ctx.module.clone();
                ctx.warn(Warning::ChartWithoutData { module });
                placeholder(
                    ctx,
                    caption,
                    ctx.locale.words().no_chart_data,
                    width,
                    avail,
                    scale,
                )
            }
        },
        ModuleBody::Image { asset, caption } => {
            let index = asset.as_ref().and_then(|a| ctx.image(a));
            picture(ctx, index, caption, width, avail, scale)
        }
    }
}

fn facts(ctx: &mut Ctx, rows: &[Fact], width: f32, scale: f32) -> Vec<Block> {
    let label_w = (width * 0.36).min(110.0);
    let value_x = label_w + 8.0;
    let label_spec = TextSpec::new(Style::REGULAR, SMALL_SIZE * scale, ctx.theme.muted);
    let value_spec = TextSpec::new(Style::BOLD, BODY_SIZE * scale, ctx.theme.ink);
    let filled: Vec<(usize, &Fact)> = rows
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.value.trim().is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, &(row, fact)) in filled.iter().enumerate() {
        let labels = ctx.paragraph(fact.label.trim(), label_spec, 0.0, label_w, Align::Left);
        let values = ctx.paragraph(
            &format!("{}{}", fact.value.trim(), ctx.item_mark(row)),
            value_spec,
            value_x,
            width - value_x,
            Align::Left,
        );
        // Label lines ride along with the first value lines; a row splits only
        // between lines, so a very long value can still continue elsewhere. A label
        // that wraps is drawn whole with the row's first line, so that text extraction
        // (and screen readers) meet "Household income" before its value.
        let n = labels.len().max(values.len());
        let dy = (value_spec.baseline() - label_spec.baseline()).max(0.0);
        let heights: Vec<f32> = (0..n)
            .map(|line| {
                let l = labels.get(line).map_or(0.0, |l| l.height + dy);
                let v = values.get(line).map_or(0.0, |v| v.height);
                l.max(v)
            })
            .collect();
        for line in 0..n {
            let mut items = Vec::new();
            let mut text = String::new();
            if line == 0 {
                let mut top = 0.0;
                for (k, l) in labels.iter().enumerate() {
                    let mut li = l.items.clone();
                    translate(&mut li, 0.0, top + dy);
                    items.extend(li);
                    text.push_str(&l.text);
                    text.push(' ');
                    top += heights.get(k).copied().unwrap_or(0.0);
                }
            }
            let height = heights[line];
            if let Some(v) = values.get(line) {
                items.extend(v.items.clone());
                text.push_str(&v.text);
            }
            let last = line + 1 == n;
            let mut block = Block::new(height, items, text);
            if last && i + 1 < filled.len() {
                // A hairline under the row, in the middle of the gap.
                let y = height + ITEM_GAP * scale;
                block.items.push(Item::Line {
                    from: Point { x: 0.0, y },
                    to: Point { x: width, y },
                    stroke: Stroke {
                        color: ctx.theme.rule,
                        width: 0.6,
                    },
                });
                block.gap = 2.0 * ITEM_GAP * scale;
            }
            out.push(block);
        }
    }
    out
}

fn list(ctx: &mut Ctx, items: &[String], width: f32, spec: TextSpec) -> Vec<Block> {
    let indent = spec.size * 1.25;
    let mut out = Vec::new();
    for (index, item) in items
        .iter()
        .map(|s| s.trim())
        .enumerate()
        .filter(|(_, s)| !s.is_empty())
    {
        let item = format!("{item}{}", ctx.item_mark(index));
        let mut lines = ctx.paragraph(&item, spec, indent, width - indent, Align::Left);
        if let Some(first) = lines.first_mut() {
            let r = spec.size * 0.2;
            first.items.push(Item::Circle {
                center: Point {
                    x: r + 1.0,
                    y: spec.baseline() - spec.size * 0.3,
                },
                radius: r,
                paint: Paint::fill(ctx.theme.accent),
            });
        }
        if let Some(last) = lines.last_mut() {
            last.gap = ITEM_GAP * spec.size / BODY_SIZE;
        }
        out.extend(lines);
    }
    out
}

fn sliders(
    ctx: &mut Ctx,
    kind: SliderScale,
    rows: &[Slider],
    width: f32,
    scale: f32,
) -> Vec<Block> {
    let spec = TextSpec::new(Style::REGULAR, SMALL_SIZE * scale, ctx.theme.ink);
    let muted = TextSpec {
        color: ctx.theme.muted,
        ..spec
    };
    let knob = 4.0 * scale.max(0.85);
    let track_h = 3.0;
    // Labels and track share one line: "Introvert ——●—— Extrovert", or
    // "Price ————— 72%"; long labels wrap within their column.
    let label_w = width
        * if kind == SliderScale::Bipolar {
            0.3
        } else {
            0.36
        };
    let pct_w = ctx.measure("100%", muted);
    let mut out = Vec::new();
    for (index, s) in rows.iter().enumerate() {
        let value = f32::from(s.value.min(100)) / 100.0;
        let mut items = Vec::new();
        let left_label = format!("{}{}", s.left, ctx.item_mark(index));
        let mut text = left_label.clone();
        let left_spec = ctx.fit_words(&left_label, spec, label_w, LABEL_FLOOR);
        let left = ctx.paragraph(&left_label, left_spec, 0.0, label_w, Align::Left);
        let mut h = stack(&mut items, &left);
        let (x0, x1) = match kind {
            SliderScale::Bipolar => {
                let right_spec = ctx.fit_words(&s.right, spec, label_w, LABEL_FLOOR);
                let right =
                    ctx.paragraph(&s.right, right_spec, width - label_w, label_w, Align::Right);
                h = h.max(stack(&mut items, &right));
                text.push_str(" – ");
                text.push_str(&s.right);
                (label_w + 8.0, width - label_w - 8.0)
            }
            SliderScale::Unipolar => {
                let pct = format!("{}%", s.value.min(100));
                let pw = ctx.measure(&pct, muted);
                items.extend(ctx.label(&pct, muted, width - pw, spec.baseline()));
                text.push(' ');
                text.push_str(&pct);
                (label_w + 8.0, width - pct_w - 8.0)
            }
        };
        let cy = spec.baseline() - spec.size * 0.3;
        let track = Rect {
            x: x0,
            y: cy - track_h / 2.0,
            w: (x1 - x0).max(track_h),
            h: track_h,
        };
        items.push(Item::RoundedRect {
            rect: track,
            radius: track_h / 2.0,
            paint: Paint::fill(ctx.theme.track),
        });
        match kind {
            SliderScale::Bipolar => {
                let cx = track.x + knob + (track.w - 2.0 * knob).max(0.0) * value;
                items.push(Item::Circle {
                    center: Point { x: cx, y: cy },
                    radius: knob,
                    paint: Paint {
                        fill: Some(ctx.theme.primary),
                        stroke: Some(Stroke {
                            color: ctx.theme.white,
                            width: 1.5,
                        }),
                    },
                });
            }
            SliderScale::Unipolar => {
                if value > 0.0 {
                    items.push(Item::RoundedRect {
                        rect: Rect {
                            w: (track.w * value).max(track_h),
                            ..track
                        },
                        radius: track_h / 2.0,
                        paint: Paint::fill(ctx.theme.accent),
                    });
                }
            }
        }
        out.push(Block::new(h.max(2.0 * knob), items, text).gap(ITEM_GAP * 1.2 * scale));
    }
    out
}

/// Stacks the lines of a paragraph into `items` and returns their height.
fn stack(items: &mut Vec<Item>, lines: &[Block]) -> f32 {
    let mut y = 0.0;
    for l in lines {
        let mut li = l.items.clone();
        translate(&mut li, 0.0, y);
        items.extend(li);
        y += l.height;
    }
    y
}

fn pills(ctx: &mut Ctx, tags: &[String], width: f32, scale: f32) -> Vec<Block> {
    let spec = TextSpec::new(Style::REGULAR, SMALL_SIZE * scale, ctx.theme.pill_text);
    let pad_x = 7.0 * scale;
    let pad_y = 3.0 * scale;
    let gap = 5.0 * scale;
    let line_h = spec.line_height();
    let mut out = Vec::new();
    let mut row: Vec<Item> = Vec::new();
    let mut row_text = String::new();
    let (mut x, mut row_h) = (0.0f32, 0.0f32);
    for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        // A tag wider than the module wraps inside its pill.
        let lines = ctx.paragraph(tag, spec, pad_x, width - 2.0 * pad_x, Align::Left);
        let text_w = if lines.len() > 1 {
            width - 2.0 * pad_x
        } else {
            ctx.measure(tag, spec)
        };
        let w = (text_w + 2.0 * pad_x).min(width);
        let h = lines.len() as f32 * line_h + 2.0 * pad_y;
        if x > 0.0 && x + w > width {
            out.push(
                Block::new(
                    row_h,
                    std::mem::take(&mut row),
                    std::mem::take(&mut row_text),
                )
                .gap(gap),
            );
            x = 0.0;
            row_h = 0.0;
        }
        row.push(Item::RoundedRect {
            rect: Rect { x, y: 0.0, w, h },
            radius: (line_h + 2.0 * pad_y) / 2.0,
            paint: Paint::fill(ctx.theme.pill),
        });
        let mut y = pad_y;
        for l in &lines {
            let mut li = l.items.clone();
            translate(&mut li, x, y);
            row.extend(li);
            y += l.height;
        }
        row_text.push_str(tag);
        row_text.push(' ');
        x += w + gap;
        row_h = row_h.max(h);
    }
    if !row.is_empty() {
        out.push(Block::new(row_h, row, row_text));
    }
    out
}

fn bars(ctx: &mut Ctx, caption: &str, data: &ChartData, width: f32, scale: f32) -> Vec<Block> {
    let spec = TextSpec::new(Style::REGULAR, SMALL_SIZE * scale, ctx.theme.ink);
    let muted = TextSpec {
        color: ctx.theme.muted,
        ..spec
    };
    let mut out = Vec::new();
    if !caption.trim().is_empty() {
        let mut cap = ctx.paragraph(
            caption.trim(),
            TextSpec {
                style: Style::ITALIC,
                ..muted
            },
            0.0,
            width,
            Align::Left,
        );
        if let Some(l) = cap.last_mut() {
            l.gap = 4.0;
        }
        out.extend(cap);
    }
    let total: u64 = data
        .bars
        .iter()
        .map(|b| u64::from(b.count))
        .sum::<u64>()
        .max(1);
    let label_w = width * 0.38;
    let pct_w = ctx.measure("100%", muted);
    let bar_x = label_w + 6.0;
    let bar_w = (width - bar_x - pct_w - 4.0).max(10.0);
    for bar in &data.bars {
        let share = bar.count as f32 / total as f32;
        let mut items = Vec::new();
        let labels = ctx.paragraph(&bar.label, spec, 0.0, label_w, Align::Left);
        let h = stack(&mut items, &labels).max(spec.line_height());
        let bh = spec.size * 0.9;
        items.push(Item::RoundedRect {
            rect: Rect {
                x: bar_x,
                y: (spec.line_height() - bh) / 2.0,
                w: bar_w,
                h: bh,
            },
            radius: 1.5,
            paint: Paint::fill(ctx.theme.track),
        });
        if share > 0.0 {
            items.push(Item::RoundedRect {
                rect: Rect {
                    x: bar_x,
                    y: (spec.line_height() - bh) / 2.0,
                    w: (bar_w * share).max(2.0),
                    h: bh,
                },
                radius: 1.5,
                paint: Paint::fill(ctx.theme.primary),
            });
        }
        let pct = format!("{}%", (share * 100.0).round() as u32);
        let pw = ctx.measure(&pct, muted);
        items.extend(ctx.label(&pct, muted, width - pw, spec.baseline()));
        out.push(Block::new(h, items, format!("{} {pct}", bar.label)).gap(3.0 * scale));
    }
    let n = format!("n = {}", data.respondents);
    let mut foot = ctx.paragraph(&n, muted, 0.0, width, Align::Right);
    if let Some(f) = foot.first_mut() {
        f.height += 2.0;
    }
    out.extend(foot);
    out
}

fn placeholder(
    ctx: &mut Ctx,
    caption: &str,
    note: &str,
    width: f32,
    avail: f32,
    scale: f32,
) -> Vec<Block> {
    let spec = TextSpec::new(Style::ITALIC, SMALL_SIZE * scale, ctx.theme.faint);
    let mut text = caption.trim().to_owned();
    if !text.is_empty() {
        text.push_str(" — ");
    }
    text.push_str(note);
    let lines = ctx.paragraph(&text, spec, 8.0, width - 16.0, Align::Center);
    let text_h: f32 = lines.iter().map(|l| l.height).sum();
    let h = (avail - 2.0).clamp(text_h + 16.0, 140.0);
    let mut items = vec![Item::RoundedRect {
        rect: Rect {
            x: 0.0,
            y: 0.0,
            w: width,
            h,
        },
        radius: RADIUS * 0.6,
        paint: Paint::stroke(ctx.theme.rule, 0.8),
    }];
    stack_at(&mut items, &lines, (h - text_h) / 2.0);
    vec![Block::new(h, items, text)]
}

fn stack_at(items: &mut Vec<Item>, lines: &[Block], y0: f32) {
    let mut y = y0;
    for l in lines {
        let mut li = l.items.clone();
        translate(&mut li, 0.0, y);
        items.extend(li);
        y += l.height;
    }
}

fn picture(
    ctx: &mut Ctx,
    index: Option<usize>,
    caption: &str,
    width: f32,
    avail: f32,
    scale: f32,
) -> Vec<Block> {
    let Some(image) = index else {
        return placeholder(ctx, caption, "No picture", width, avail, scale);
    };
    let spec = TextSpec::new(Style::ITALIC, SMALL_SIZE * scale, ctx.theme.muted);
    let caption_lines = if caption.trim().is_empty() {
        Vec::new()
    } else {
        ctx.paragraph(caption.trim(), spec, 0.0, width, Align::Left)
    };
    let cap_h: f32 = caption_lines.iter().map(|l| l.height).sum::<f32>() + 4.0;
    let h = (avail - cap_h).clamp(30.0, width * 1.2);
    let mut out = vec![Block::new(
        h,
        vec![Item::Image {
            image,
            rect: Rect {
                x: 0.0,
                y: 0.0,
                w: width,
                h,
            },
            clip: Clip::Rounded(RADIUS * 0.6),
        }],
        String::new(),
    )
    .gap(4.0)];
    out.extend(caption_lines);
    out
}
