//! Deck export: a branded cover, then one sheet per persona (followed by its evidence
//! appendix when it has evidence), in one PDF. Reports
//! progress after each persona and stops when asked to.

use std::sync::atomic::{AtomicBool, Ordering};

use persona_model::{initials, Brand};

use crate::appendix::{evidence_pages, Judging};
use crate::fonts::{FontBook, Style};
use crate::layout::{self, mix, page_size, sheet_pages, Align, Ctx, TextSpec};
use crate::locale::fill;
use crate::options::{AssetSource, PdfExport, SheetInput, SheetOptions, Warning};
use crate::pdf::render_pdf;
use crate::scene::{Clip, Item, Page, Paint, Point, Rect, Scene};
use crate::SheetError;
use ts_rs::TS;

/// What a deck is made of.
pub struct DeckInput<'a> {
    /// The deck's title, usually the project's name; also the PDF title.
    pub title: &'a str,
    pub brand: &'a Brand,
    /// The sheets, in the order they appear.
    pub sheets: Vec<SheetInput<'a>>,
    /// How the evidence appendix after each persona with evidence judges it.
    pub judging: Judging,
}

/// Progress of a deck export, reported after the cover and after each persona.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, TS)]
#[ts(export)]
pub struct DeckProgress {
    /// Personas laid out so far.
    pub done: usize,
    pub total: usize,
    /// The persona just finished (empty for the cover).
    pub persona: String,
}

/// Exports a deck to one PDF. `cancel` is checked before each persona; when it is
/// set the export stops with [`SheetError::Cancelled`].
pub fn export_deck(
    deck: &DeckInput,
    options: &SheetOptions,
    fonts: &FontBook,
    assets: &dyn AssetSource,
    progress: &mut dyn FnMut(&DeckProgress),
    cancel: &AtomicBool,
) -> Result<PdfExport, SheetError> {
    let scene = layout_deck(deck, options, fonts, assets, progress, cancel)?;
    let bytes = render_pdf(&scene.0, fonts)?;
    Ok(PdfExport {
        bytes,
        pages: scene.0.pages.len(),
        warnings: scene.1,
    })
}

/// Lays out a deck into one scene (the cover first).
pub fn layout_deck(
    deck: &DeckInput,
    options: &SheetOptions,
    fonts: &FontBook,
    assets: &dyn AssetSource,
    progress: &mut dyn FnMut(&DeckProgress),
    cancel: &AtomicBool,
) -> Result<(Scene, Vec<Warning>), SheetError> {
    let first = deck.sheets.first().ok_or(SheetError::EmptyDeck)?;
    let total = deck.sheets.len();
    let mut ctx = layout::new_ctx(deck.brand, fonts, assets)?;
    ctx.locale = options.locale;
    let (w, h) = page_size(
        options.page.size.unwrap_or(first.template.page.size),
        options
            .page
            .orientation
            .unwrap_or(first.template.page.orientation),
    );
    let mut pages = vec![cover(&mut ctx, deck, w, h)];
    let mut warnings = std::mem::take(&mut ctx.warnings);
    progress(&DeckProgress {
        done: 0,
        total,
        persona: String::new(),
    });
    for (i, sheet) in deck.sheets.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Err(SheetError::Cancelled { done: i, total });
        }
        let offset = pages.len();
        pages.extend(sheet_pages(&mut ctx, sheet, options)?);
        pages.extend(evidence_pages(&mut ctx, sheet, &deck.judging, w, h));
        for w in ctx.warnings.drain(..) {
            warnings.push(w.in_deck(&sheet.persona.name, offset));
        }
        progress(&DeckProgress {
            done: i + 1,
            total,
            persona: sheet.persona.name.clone(),
        });
    }
    let created = deck
        .sheets
        .iter()
        .map(|s| s.persona.created.timestamp())
        .min();
    let modified = deck
        .sheets
        .iter()
        .map(|s| s.persona.updated.timestamp())
        .max();
    Ok((
        Scene {
            title: deck.title.to_owned(),
            created_unix: created.unwrap_or(0),
            modified_unix: modified.unwrap_or(0),
            pages,
            images: ctx.images,
        },
        warnings,
    ))
}

/// The cover: the brand colour full bleed, the title, and a roster of personas.
fn cover(ctx: &mut Ctx, deck: &DeckInput, w: f32, h: f32) -> Page {
    let theme = ctx.theme;
    let m = 48.0;
    let mut items = vec![
        Item::Rect {
            rect: Rect {
                x: 0.0,
                y: 0.0,
                w,
                h,
            },
            paint: Paint::fill(theme.primary),
        },
        Item::Rect {
            rect: Rect {
                x: 0.0,
                y: h - 10.0,
                w,
                h: 10.0,
            },
            paint: Paint::fill(theme.accent),
        },
    ];
    // The maker's mark: the logo, then the brand's name beside it (at most two
    // lines, so a long name cannot push the title down the page).
    let mut y = m;
    let mark_h = 28.0;
    let mut x = m;
    let mut marked = false;
    if let Some(logo) = deck.brand.logo.as_ref().and_then(|l| ctx.image(l)) {
        let img = &ctx.images[logo];
        let lw = (mark_h * img.width as f32 / img.height.max(1) as f32).min(160.0);
        items.push(Item::Image {
            image: logo,
            rect: Rect {
                x: m,
                y,
                w: lw,
                h: mark_h,
            },
            clip: Clip::None,
        });
        x += lw + 12.0;
        marked = true;
    }
    if let Some(name) = deck.brand.name.as_deref() {
        let spec = TextSpec::new(Style::BOLD, 13.0, theme.on_primary);
        let lines: Vec<_> = ctx
            .paragraph(name, spec, x, w - m - x, Align::Left)
            .into_iter()
            .take(2)
            .collect();
        let height: f32 = lines.iter().map(|b| b.height).sum();
        let mut ly = y + ((mark_h - height) / 2.0).max(0.0);
        for b in lines {
            let mut bi = b.items;
            layout::translate(&mut bi, 0.0, ly);
            items.extend(bi);
            ly += b.height;
        }
        y = y.max(ly - mark_h);
        marked = true;
    }
    y += if marked { mark_h + 24.0 } else { 20.0 };
    let kicker = TextSpec {
        tracking: 0.14,
        ..TextSpec::new(Style::BOLD, 9.0, theme.on_primary_soft)
    };
    let words = ctx.locale.words();
    items.extend(ctx.label(words.cover_kicker, kicker, m, y + kicker.baseline()));
    y += kicker.line_height() + 6.0;
    let title = TextSpec::new(Style::BOLD, 34.0, theme.on_primary);
    for b in ctx.paragraph(deck.title, title, m, w - 2.0 * m, Align::Left) {
        let mut bi = b.items;
        layout::translate(&mut bi, 0.0, y);
        items.extend(bi);
        y += b.height;
    }
    let latest = deck.sheets.iter().map(|s| s.persona.updated).max();
    let mut sub = ctx.locale.personas(deck.sheets.len());
    if let Some(d) = latest {
        let date = d.date_naive().to_string();
        sub.push_str("  ·  ");
        sub.push_str(&fill(words.cover_updated, &[("date", &date)]));
    }
    let sub_spec = TextSpec::new(Style::REGULAR, 11.0, theme.on_primary_soft);
    items.extend(ctx.label(&sub, sub_spec, m, y + 6.0 + sub_spec.baseline()));
    y += sub_spec.line_height() + 36.0;

    // The roster: initials, name and archetype, in up to three columns.
    let cols = if w > h { 3 } else { 2 };
    let col_w = (w - 2.0 * m - 16.0 * (cols as f32 - 1.0)) / cols as f32;
    let row_h = 44.0;
    let rows_fit = ((h - y - m) / row_h).floor().max(1.0) as usize;
    let name_spec = TextSpec::new(Style::BOLD, 11.0, theme.on_primary);
    let arch_spec = TextSpec::new(Style::REGULAR, 8.5, theme.on_primary_soft);
    let ring = mix(theme.on_primary, theme.primary, 0.35);
    for (i, s) in deck.sheets.iter().enumerate().take(rows_fit * cols) {
        let x = m + (i / rows_fit) as f32 * (col_w + 16.0);
        let top = y + (i % rows_fit) as f32 * row_h;
        let d = 30.0;
        items.push(Item::Circle {
            center: Point {
                x: x + d / 2.0,
                y: top + d / 2.0,
            },
            radius: d / 2.0,
            paint: Paint {
                fill: Some(theme.accent),
                stroke: Some(crate::scene::Stroke {
                    color: ring,
                    width: 1.5,
                }),
            },
        });
        let letters = initials(&s.persona.name);
        let ls = TextSpec::new(Style::BOLD, 11.0, theme.white);
        let lw = ctx.measure(&letters, ls);
        items.extend(ctx.label(&letters, ls, x + (d - lw) / 2.0, top + d / 2.0 + 4.0));
        let tx = x + d + 10.0;
        let avail = col_w - d - 10.0;
        let name = one_line(ctx, s.persona.name.trim(), name_spec, avail);
        items.extend(ctx.label(&name, name_spec, tx, top + 12.0));
        if !s.persona.archetype.trim().is_empty() {
            let a = one_line(ctx, s.persona.archetype.trim(), arch_spec, avail);
            items.extend(ctx.label(&a, arch_spec, tx, top + 25.0));
        }
    }
    Page {
        width: w,
        height: h,
        items,
    }
}

/// `text` cut with an ellipsis to fit `width` on one line (roster entries only;
/// the full text is on the persona's own sheet).
fn one_line(ctx: &mut Ctx, text: &str, spec: TextSpec, width: f32) -> String {
    if ctx.measure(text, spec) <= width {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut n = chars.len();
    while n > 1 {
        n -= 1;
        let candidate: String = chars[..n].iter().collect::<String>() + "…";
        if ctx.measure(&candidate, spec) <= width {
            return candidate;
        }
    }
    "…".to_owned()
}
