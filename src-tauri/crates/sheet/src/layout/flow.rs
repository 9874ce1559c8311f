//! What happens to content that does not fit its module even at the smallest type:
//! follow-on pages, or an ellipsis.

use persona_model::Color;

use crate::options::Warning;
use crate::scene::{Item, Page, Paint, Rect};
use crate::text::make_line;

use super::blocks::{line_items, translate, Block, Ctx};
use super::theme::{GUTTER, PAD, RADIUS};
use super::{title_height, title_items};

/// The blocks of a module left over for follow-on pages.
#[derive(Debug, Clone)]
pub(crate) struct Spill {
    pub module: String,
    /// Width of the module's content: the blocks were laid out to it.
    pub width: f32,
    pub fill: Color,
    pub title_color: Color,
    pub blocks: Vec<Block>,
}

/// Lays spilled modules on follow-on pages as cards of their own width, left to
/// right in reading order, continuing into the next column or page as needed.
pub(crate) fn follow_on_pages(
    ctx: &mut Ctx,
    spills: Vec<Spill>,
    content: Rect,
    page_w: f32,
    page_h: f32,
) -> Vec<Page> {
    let mut pages: Vec<Page> = Vec::new();
    let mut x = content.right();
    for spill in spills {
        let card_w = spill.width + 2.0 * PAD;
        let mut rest = spill.blocks.as_slice();
        let mut first = true;
        while !rest.is_empty() {
            if pages.is_empty() || x + card_w > content.right() + 0.5 {
                pages.push(Page {
                    width: page_w,
                    height: page_h,
                    items: Vec::new(),
                });
                x = content.x;
            }
            let page_no = pages.len() + 1;
            if first {
                ctx.warn(Warning::Continued {
                    module: spill.module.clone(),
                    page: page_no,
                });
                first = false;
            }
            let inner_top = content.y + PAD;
            let title = format!("{} (continued)", spill.module);
            let mut items = title_items(ctx, &title, x + PAD, inner_top, spill.title_color);
            let mut y = inner_top + title_height();
            let bottom = content.bottom() - PAD;
            let mut used = 0;
            for b in rest {
                // A block taller than a whole column is placed anyway: better to run
                // past the card than to lose text.
                if used > 0 && y + b.height > bottom + 0.01 {
                    break;
                }
                let mut bi = b.items.clone();
                translate(&mut bi, x + PAD, y);
                items.extend(bi);
                y += b.height + b.gap;
                used += 1;
            }
            let last_gap = rest.get(used - 1).map_or(0.0, |b| b.gap);
            let card = Item::RoundedRect {
                rect: Rect {
                    x,
                    y: content.y,
                    w: card_w,
                    h: (y - last_gap + PAD - content.y).min(content.h),
                },
                radius: RADIUS,
                paint: Paint::fill(spill.fill),
            };
            if let Some(page) = pages.last_mut() {
                page.items.push(card);
                page.items.extend(items);
            }
            rest = &rest[used..];
            x += card_w + GUTTER;
        }
    }
    pages
}

/// Replaces the last placed line with one that ends in an ellipsis (or adds an
/// ellipsis under the content) and returns the text that was cut.
pub(crate) fn ellipsize(
    ctx: &mut Ctx,
    placed: &[Block],
    rest: &[Block],
    inner: Rect,
    top: f32,
    items: &mut Vec<Item>,
) -> String {
    let mut cut: Vec<String> = Vec::new();
    let y_last = top
        + placed
            .iter()
            .take(placed.len().saturating_sub(1))
            .map(|b| b.height + b.gap)
            .sum::<f32>();
    match placed
        .last()
        .and_then(|b| b.ellipsis.clone().map(|e| (b, e)))
    {
        Some((block, src)) => {
            // Drop the line as placed, keep its decorations (bullets, rules).
            let n = block.items.len();
            let start = items.len() - n;
            let kept: Vec<Item> = items
                .drain(start..)
                .filter(|i| !matches!(i, Item::Text(_)))
                .collect();
            items.extend(kept);
            let dots = ctx.shape("…", src.spec.style);
            let dots_w = dots.width() * src.spec.size;
            let max_em = (src.width - dots_w) / src.spec.size;
            let mut end = src.clusters.end;
            while end > src.clusters.start
                && make_line(&src.shaped, src.clusters.start..end, src.spec.tracking).width > max_em
            {
                end -= 1;
            }
            let line = make_line(&src.shaped, src.clusters.start..end, src.spec.tracking);
            let mut li = Vec::new();
            line_items(
                &src.shaped,
                src.clusters.start..end,
                src.spec,
                src.x,
                src.spec.baseline(),
                &mut li,
            );
            line_items(
                &dots,
                0..dots.clusters.len(),
                src.spec,
                src.x + line.width * src.spec.size,
                src.spec.baseline(),
                &mut li,
            );
            translate(&mut li, inner.x, y_last);
            items.extend(li);
            let dropped: String = src.shaped.clusters[end..src.clusters.end]
                .iter()
                .map(|c| src.shaped.cluster_text(c))
                .collect();
            if !dropped.trim().is_empty() {
                cut.push(dropped.trim().to_owned());
            }
        }
        None => {
            let spec = super::TextSpec::new(crate::fonts::Style::BOLD, 9.0, ctx.theme.muted);
            let w = ctx.measure("…", spec);
            items.extend(ctx.label("…", spec, inner.right() - w, inner.bottom() - 2.0));
        }
    }
    cut.extend(
        rest.iter()
            .map(|b| b.text.trim().to_owned())
            .filter(|t| !t.is_empty()),
    );
    cut.join(" ")
}
