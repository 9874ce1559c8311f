//! The one layout step: persona + template + brand + page options → [`Scene`].
//!
//! Each module is laid on the template's grid as a card. Its content is cut into
//! blocks; when they do not fit, the type shrinks step by step down to a readable
//! floor, and what still does not fit continues on a follow-on page or ends with an
//! ellipsis — with a warning either way.

mod blocks;
mod flow;
mod header;
mod modules;
mod notes;
mod theme;

use persona_model::{
    Brand, GridArea, Module, ModuleBody, Orientation, PageSize, Persona, Template,
};

use crate::fonts::{FontBook, Style};
use crate::locale::fill;
use crate::options::{AssetSource, ChartData, Overflow, SheetInput, SheetOptions, Warning};
use crate::scene::{Clip, Item, Page, Paint, Rect, Scene};
use crate::text::Shaper;
use crate::SheetError;

pub(crate) use blocks::{translate, Align, Ctx, TextSpec};
pub(crate) use theme::{mix, Theme, MARGIN as PAGE_MARGIN};

use blocks::Block;
use flow::{ellipsize, Spill};
use theme::{
    FOOTER, FOOTER_SIZE, GUTTER, LEADING, MARGIN, PAD, RADIUS, SCALES, TITLE_SIZE, TITLE_TRACKING,
};

/// A laid-out sheet and what the layout had to report.
#[derive(Debug, Clone)]
pub struct Laid {
    pub scene: Scene,
    pub warnings: Vec<Warning>,
}

/// Lays out one persona sheet.
pub fn layout(
    input: &SheetInput,
    options: &SheetOptions,
    fonts: &FontBook,
    assets: &dyn AssetSource,
) -> Result<Laid, SheetError> {
    let mut ctx = new_ctx(input.brand, fonts, assets)?;
    ctx.locale = options.locale;
    let pages = sheet_pages(&mut ctx, input, options)?;
    Ok(Laid {
        scene: Scene {
            title: input.persona.name.clone(),
            created_unix: input.persona.created.timestamp(),
            modified_unix: input.persona.updated.timestamp(),
            pages,
            images: ctx.images,
        },
        warnings: ctx.warnings,
    })
}

/// A layout context for a brand (the deck shares one between sheets).
pub(crate) fn new_ctx<'a>(
    brand: &Brand,
    fonts: &'a FontBook,
    assets: &'a dyn AssetSource,
) -> Result<Ctx<'a>, SheetError> {
    if fonts.is_empty() {
        return Err(SheetError::NoFonts);
    }
    let mut warnings = Vec::new();
    let preferred = match &brand.font {
        Some(f) if fonts.has_family(f) => Some(f.clone()),
        Some(f) => {
            warnings.push(Warning::FontNotFound { family: f.clone() });
            None
        }
        None => None,
    };
    let mut ctx = Ctx::new(Shaper::new(fonts, preferred), Theme::new(brand), assets);
    for w in warnings {
        ctx.warn(w);
    }
    Ok(ctx)
}

/// Page width and height in points.
pub(crate) fn page_size(size: PageSize, orientation: Orientation) -> (f32, f32) {
    let (w_mm, h_mm) = size.portrait_mm();
    let (w, h) = (w_mm * 72.0 / 25.4, h_mm * 72.0 / 25.4);
    match orientation {
        Orientation::Portrait => (w, h),
        Orientation::Landscape => (h, w),
    }
}

/// The pages of one sheet: the grid page, then follow-on pages if needed.
pub(crate) fn sheet_pages(
    ctx: &mut Ctx,
    input: &SheetInput,
    options: &SheetOptions,
) -> Result<Vec<Page>, SheetError> {
    let t = input.template;
    if t.grid.columns == 0 || t.grid.rows == 0 {
        return Err(SheetError::EmptyGrid {
            template: t.id.to_string(),
            columns: t.grid.columns,
            rows: t.grid.rows,
        });
    }
    let (w, h) = page_size(
        options.page.size.unwrap_or(t.page.size),
        options.page.orientation.unwrap_or(t.page.orientation),
    );
    let persona = input.persona;
    // The persona's module order is its reading order (the template sets it column
    // by column); modules below the template's last row go on further grid pages, as
    // the editor's page edge shows.
    let order: Vec<usize> = (0..persona.modules.len()).collect();
    let sheet_notes = notes::Notes::of(persona, &order, ctx.locale);
    let (band, band_h) = sheet_notes.band(ctx, w - 2.0 * MARGIN);
    ctx.notes = sheet_notes;
    let grid_h = h - 2.0 * MARGIN - FOOTER;
    let content = Rect {
        x: MARGIN,
        y: MARGIN,
        w: w - 2.0 * MARGIN,
        h: grid_h - notes::band_room(band_h),
    };
    let mut grid_pages: Vec<Vec<Item>> = vec![Vec::new()];
    let mut spills = Vec::new();
    for &i in &order {
        let m = &persona.modules[i];
        ctx.module = module_name(m);
        ctx.module_id = m.id.clone();
        let page = usize::from(m.area.row / t.grid.rows);
        let area = GridArea {
            row: m.area.row % t.grid.rows,
            ..m.area
        };
        // Only the first page gives room to the notes band.
        let frame = if page == 0 {
            content
        } else {
            Rect {
                h: grid_h,
                ..content
            }
        };
        let rect = area_rect(frame, t, area);
        let chart = input.charts.get(&m.id);
        if grid_pages.len() <= page {
            grid_pages.resize_with(page + 1, Vec::new);
        }
        if let Some(spill) = lay_module(
            ctx,
            persona,
            m,
            rect,
            chart,
            options.overflow,
            &mut grid_pages[page],
        ) {
            spills.push(spill);
        }
    }
    let mut pages: Vec<Page> = grid_pages
        .into_iter()
        .enumerate()
        .filter(|(i, items)| *i == 0 || !items.is_empty())
        .map(|(_, items)| Page {
            width: w,
            height: h,
            items,
        })
        .collect();
    if let Some(first) = pages.first_mut() {
        notes::place_band(first, band, content.bottom() + 8.0);
    }
    let full = Rect {
        h: grid_h,
        ..content
    };
    pages.extend(flow::follow_on_pages(ctx, spills, full, w, h));
    ctx.notes = notes::Notes::default();
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        footer(ctx, input, page, i + 1, total);
    }
    Ok(pages)
}

/// How a module is named in warnings: its title, or its id when untitled.
fn module_name(m: &Module) -> String {
    if m.title.trim().is_empty() {
        m.id.clone()
    } else {
        m.title.trim().to_owned()
    }
}

/// The rectangle of a grid area, clamped to the grid.
fn area_rect(content: Rect, t: &Template, a: GridArea) -> Rect {
    let cols = f32::from(t.grid.columns);
    let rows = f32::from(t.grid.rows);
    let cw = (content.w - GUTTER * (cols - 1.0)) / cols;
    let rh = (content.h - GUTTER * (rows - 1.0)) / rows;
    let col = f32::from(a.col.min(t.grid.columns - 1));
    let row = f32::from(a.row.min(t.grid.rows - 1));
    let span_c = f32::from(a.cols.max(1)).min(cols - col);
    let span_r = f32::from(a.rows.max(1)).min(rows - row);
    Rect {
        x: content.x + col * (cw + GUTTER),
        y: content.y + row * (rh + GUTTER),
        w: span_c * cw + (span_c - 1.0) * GUTTER,
        h: span_r * rh + (span_r - 1.0) * GUTTER,
    }
}

/// Height of a module title and the space under it.
fn title_height() -> f32 {
    TITLE_SIZE * LEADING + 5.0
}

/// Draws a module title (accent tick + spaced capitals) at the top of `inner`.
pub(crate) fn title_items(
    ctx: &mut Ctx,
    title: &str,
    x: f32,
    y: f32,
    color: persona_model::Color,
) -> Vec<Item> {
    let spec = TextSpec {
        tracking: TITLE_TRACKING,
        ..TextSpec::new(Style::BOLD, TITLE_SIZE, color)
    };
    let mut items = vec![Item::RoundedRect {
        rect: Rect {
            x,
            y: y + spec.baseline() - TITLE_SIZE * 0.85,
            w: 3.0,
            h: TITLE_SIZE * 1.0,
        },
        radius: 1.5,
        paint: Paint::fill(ctx.theme.accent),
    }];
    items.extend(ctx.label(&title.to_uppercase(), spec, x + 8.0, y + spec.baseline()));
    items
}

/// Total height of blocks stacked with their gaps.
fn stacked_height(blocks: &[Block]) -> f32 {
    let n = blocks.len();
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| b.height + if i + 1 < n { b.gap } else { 0.0 })
        .sum()
}

/// Lays one module into `rect`, appending its items; returns what did not fit when
/// it is to continue on a follow-on page.
fn lay_module(
    ctx: &mut Ctx,
    persona: &Persona,
    m: &Module,
    rect: Rect,
    chart: Option<&ChartData>,
    overflow: Overflow,
    items: &mut Vec<Item>,
) -> Option<Spill> {
    let is_header = matches!(m.body, ModuleBody::Header);
    let theme = ctx.theme;
    let fill = if is_header { theme.primary } else { theme.card };
    items.push(Item::RoundedRect {
        rect,
        radius: RADIUS,
        paint: Paint::fill(fill),
    });
    let inner = rect.inset(PAD + if is_header { 3.0 } else { 0.0 });
    let mut top = inner.y;
    if !is_header {
        let title = format!("{}{}", ctx.module, ctx.module_mark());
        items.extend(title_items(ctx, &title, inner.x, inner.y, theme.primary));
        top += title_height();
    }
    let avail = inner.bottom() - top;
    let build = |ctx: &mut Ctx, scale: f32| {
        if is_header {
            header::header_blocks(ctx, persona, inner.w, scale)
        } else {
            modules::body_blocks(ctx, &m.body, &m.hint, inner.w, avail, scale, chart)
        }
    };
    let mut chosen = (SCALES[0], build(ctx, SCALES[0]));
    for &scale in &SCALES[1..] {
        if stacked_height(&chosen.1) <= avail + 0.01 {
            break;
        }
        chosen = (scale, build(ctx, scale));
    }
    let (scale, mut blocks) = chosen;
    if scale < 1.0 {
        let module = ctx.module.clone();
        ctx.warn(Warning::Shrunk {
            module,
            percent: (scale * 100.0).round() as u32,
        });
    }
    // Place the blocks that fit.
    let mut y = top;
    let mut placed = 0;
    for b in &blocks {
        if y + b.height > inner.bottom() + 0.01 {
            break;
        }
        let mut bi = b.items.clone();
        translate(&mut bi, inner.x, y);
        items.extend(bi);
        y += b.height + b.gap;
        placed += 1;
    }
    if placed == blocks.len() {
        return None;
    }
    let rest = blocks.split_off(placed);
    match overflow {
        Overflow::FollowOnPage => Some(Spill {
            module: ctx.module.clone(),
            width: inner.w,
            fill,
            title_color: if is_header {
                theme.on_primary
            } else {
                theme.primary
            },
            blocks: rest,
        }),
        Overflow::Ellipsis => {
            let cut = ellipsize(ctx, &blocks, &rest, inner, top, items);
            let module = ctx.module.clone();
            ctx.warn(Warning::Truncated { module, text: cut });
            None
        }
    }
}

/// The footer: who and what on the left (the brand's name, else the project's), the persona's date and page on the right.
fn footer(ctx: &mut Ctx, input: &SheetInput, page: &mut Page, number: usize, total: usize) {
    let mut left = vec![
        input.persona.name.trim().to_owned(),
        input.template.name.clone(),
    ];
    if let Some(maker) = input.brand.name.as_deref().or(input.project_name) {
        left.push(maker.to_owned());
    }
    let date = input.persona.updated.date_naive().to_string();
    let mut right = fill(ctx.locale.words().updated, &[("date", &date)]);
    if total > 1 {
        right.push_str(&format!("  ·  {number} / {total}"));
    }
    page_footer(ctx, input.brand, page, &left.join("  ·  "), &right);
}

/// A footer line under a rule: the brand's logo and `left`, and `right` flush right.
pub(crate) fn page_footer(ctx: &mut Ctx, brand: &Brand, page: &mut Page, left: &str, right: &str) {
    let theme = ctx.theme;
    let spec = TextSpec::new(Style::REGULAR, FOOTER_SIZE, theme.muted);
    let baseline = page.height - MARGIN + 2.0;
    let mut x = MARGIN;
    if let Some(logo) = brand.logo.as_ref().and_then(|h| ctx.image(h)) {
        let img = &ctx.images[logo];
        let lh = 12.0;
        let lw = (lh * img.width as f32 / img.height.max(1) as f32).min(60.0);
        page.items.push(Item::Image {
            image: logo,
            rect: Rect {
                x,
                y: baseline - lh + 2.5,
                w: lw,
                h: lh,
            },
            clip: Clip::None,
        });
        x += lw + 8.0;
    }
    page.items.extend(ctx.label(left, spec, x, baseline));
    let w = ctx.measure(right, spec);
    page.items
        .extend(ctx.label(right, spec, page.width - MARGIN - w, baseline));
    page.items.push(Item::Line {
        from: crate::scene::Point {
            x: MARGIN,
            y: baseline - FOOTER_SIZE - 5.0,
        },
        to: crate::scene::Point {
            x: page.width - MARGIN,
            y: baseline - FOOTER_SIZE - 5.0,
        },
        stroke: crate::scene::Stroke {
            color: theme.rule,
            width: 0.6,
        },
    });
}
