//! Blocks: the atoms a module's content is cut into (a line of text, a fact row, a
//! slider, a row of tags). Fitting and follow-on pages work on whole blocks, so a
//! module can be split between any two of them and nothing is drawn twice or lost.

use std::collections::BTreeMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use persona_model::{AssetHash, Color, FieldRef};

use crate::fonts::{FaceId, Style};
use crate::images;
use crate::options::{AssetSource, Warning};
use crate::scene::{Item, Paint, PlacedGlyph, Point, Rect, SceneImage, Stroke, TextRun};
use crate::text::{break_lines, Break, Line, Shaped, Shaper};

use super::notes::Notes;
use super::theme::{Theme, LEADING};
use crate::locale::Locale;

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextSpec {
    pub style: Style,
    pub size: f32,
    pub color: Color,
    /// Extra space after each cluster, in em.
    pub tracking: f32,
}

impl TextSpec {
    pub fn new(style: Style, size: f32, color: Color) -> TextSpec {
        TextSpec {
            style,
            size,
            color,
            tracking: 0.0,
        }
    }

    /// Height of one line.
    pub fn line_height(&self) -> f32 {
        self.size * LEADING
    }

    /// Baseline offset from the top of a line box: centres the x-height band.
    pub fn baseline(&self) -> f32 {
        self.line_height() / 2.0 + self.size * 0.33
    }
}

/// Horizontal alignment of a line in its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
    Center,
}

/// What is needed to redraw a line with an ellipsis at its end.
#[derive(Debug, Clone)]
pub(crate) struct EllipsisSource {
    pub shaped: Rc<Shaped>,
    pub clusters: Range<usize>,
    pub spec: TextSpec,
    pub x: f32,
    pub width: f32,
}

/// One unsplittable piece of a module's content; items are relative to its top-left.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub height: f32,
    /// Space to leave after this block when another follows.
    pub gap: f32,
    pub items: Vec<Item>,
    /// The text this block shows, to report it if it is cut.
    pub text: String,
    pub ellipsis: Option<EllipsisSource>,
}

impl Block {
    pub fn new(height: f32, items: Vec<Item>, text: String) -> Block {
        Block {
            height,
            gap: 0.0,
            items,
            text,
            ellipsis: None,
        }
    }

    pub fn gap(mut self, gap: f32) -> Block {
        self.gap = gap;
        self
    }
}

/// Everything layout needs while it works: fonts, colours, assets, warnings.
pub(crate) struct Ctx<'a> {
    pub shaper: Shaper<'a>,
    pub theme: Theme,
    pub assets: &'a dyn AssetSource,
    pub images: Vec<Arc<SceneImage>>,
    image_index: BTreeMap<AssetHash, Option<usize>>,
    pub warnings: Vec<Warning>,
    /// The module being laid out, named in warnings.
    pub module: String,
    /// Its id, for evidence markers.
    pub module_id: String,
    /// The evidence footnotes of the sheet being laid out.
    pub notes: Notes,
    /// The language of the words the sheet adds.
    pub locale: Locale,
    cache: BTreeMap<(String, Style), Rc<Shaped>>,
}

impl<'a> Ctx<'a> {
    pub fn new(shaper: Shaper<'a>, theme: Theme, assets: &'a dyn AssetSource) -> Ctx<'a> {
        Ctx {
            shaper,
            theme,
            assets,
            images: Vec::new(),
            image_index: BTreeMap::new(),
            warnings: Vec::new(),
            module: String::new(),
            module_id: String::new(),
            notes: Notes::default(),
            locale: Locale::default(),
            cache: BTreeMap::new(),
        }
    }

    /// The footnote marker of item `index` of the current module ("³" or "").
    pub fn item_mark(&self, index: usize) -> String {
        self.notes.marker(&FieldRef::Item {
            module: self.module_id.clone(),
            index: index as u32,
        })
    }

    /// The footnote marker of the current module as a whole.
    pub fn module_mark(&self) -> String {
        self.notes.marker(&FieldRef::Module {
            module: self.module_id.clone(),
        })
    }

    /// Adds a warning once.
    pub fn warn(&mut self, w: Warning) {
        if !self.warnings.contains(&w) {
            self.warnings.push(w);
        }
    }

    /// Shapes `text` (cached: fitting lays a module out several times).
    pub fn shape(&mut self, text: &str, style: Style) -> Rc<Shaped> {
        let key = (text.to_owned(), style);
        if let Some(s) = self.cache.get(&key) {
            return Rc::clone(s);
        }
        let shaped = Rc::new(self.shaper.shape(text, style));
        for ch in shaped.missing_chars() {
            let module = self.module.clone();
            self.warn(Warning::MissingGlyph {
                module,
                character: ch,
            });
        }
        self.cache.insert(key, Rc::clone(&shaped));
        shaped
    }

    /// Lines of `text` broken to `width` points.
    pub fn lines(&mut self, text: &str, spec: TextSpec, width: f32) -> (Rc<Shaped>, Vec<Line>) {
        let shaped = self.shape(text, spec.style);
        let lines = break_lines(&shaped, width / spec.size, spec.tracking);
        (shaped, lines)
    }

    /// Width in points of the widest stretch of `text` without a line-break
    /// opportunity: a word in most scripts, a single character in Chinese.
    pub fn widest_word(&mut self, text: &str, spec: TextSpec) -> f32 {
        let shaped = self.shape(text, spec.style);
        let (mut widest, mut run) = (0.0f32, 0.0f32);
        for c in &shaped.clusters {
            if !c.blank {
                run += c.advance + spec.tracking;
            }
            if !matches!(c.break_after, Break::No) {
                widest = widest.max(run);
                run = 0.0;
            }
        }
        widest.max(run) * spec.size
    }

    /// `spec`, set smaller when needed so that no word of `text` is wider than
    /// `width`, but never below `floor` points: short labels and names read wrong
    /// when broken inside a word ("Adventurou-s").
    pub fn fit_words(&mut self, text: &str, spec: TextSpec, width: f32, floor: f32) -> TextSpec {
        let widest = self.widest_word(text, spec);
        if widest <= width || widest <= 0.0 {
            return spec;
        }
        TextSpec {
            size: (spec.size * width / widest).max(floor.min(spec.size)),
            ..spec
        }
    }

    /// Width of `text` on one line, in points.
    pub fn measure(&mut self, text: &str, spec: TextSpec) -> f32 {
        let shaped = self.shape(text, spec.style);
        let n = shaped.clusters.len() as f32;
        (shaped.width() + n * spec.tracking) * spec.size
    }

    /// One block per line of `text`, set in `width` points from x = `x`.
    pub fn paragraph(
        &mut self,
        text: &str,
        spec: TextSpec,
        x: f32,
        width: f32,
        align: Align,
    ) -> Vec<Block> {
        let (shaped, lines) = self.lines(text, spec, width);
        lines
            .iter()
            .map(|line| {
                let mut items = Vec::new();
                let lx = aligned_x(x, width, line.width * spec.size, align);
                line_items(
                    &shaped,
                    line.clusters.clone(),
                    spec,
                    lx,
                    spec.baseline(),
                    &mut items,
                );
                let mut b = Block::new(spec.line_height(), items, line_text(&shaped, line));
                b.ellipsis = Some(EllipsisSource {
                    shaped: Rc::clone(&shaped),
                    clusters: line.clusters.clone(),
                    spec,
                    x: lx,
                    width,
                });
                b
            })
            .collect()
    }

    /// Items for `text` on one line starting at (x, baseline), no wrapping.
    pub fn label(&mut self, text: &str, spec: TextSpec, x: f32, baseline: f32) -> Vec<Item> {
        let shaped = self.shape(text, spec.style);
        let mut items = Vec::new();
        line_items(
            &shaped,
            0..shaped.clusters.len(),
            spec,
            x,
            baseline,
            &mut items,
        );
        items
    }

    /// The scene image for an asset, decoded once; `None` (with a warning) if it is
    /// missing or unusable.
    pub fn image(&mut self, hash: &AssetHash) -> Option<usize> {
        if let Some(found) = self.image_index.get(hash) {
            return *found;
        }
        let loaded = match self.assets.load(hash) {
            None => Err("the file is missing from the library".to_owned()),
            Some(bytes) => images::load(bytes).map_err(|e| e.to_string()),
        };
        let index = match loaded {
            Ok(img) => {
                self.images.push(Arc::new(img));
                Some(self.images.len() - 1)
            }
            Err(reason) => {
                self.warn(Warning::ImageUnusable {
                    asset: hash.0.clone(),
                    reason,
                });
                None
            }
        };
        self.image_index.insert(hash.clone(), index);
        index
    }
}

fn aligned_x(x: f32, width: f32, line_width: f32, align: Align) -> f32 {
    match align {
        Align::Left => x,
        Align::Right => x + width - line_width,
        Align::Center => x + (width - line_width) / 2.0,
    }
}

/// The text of a line without its trailing blanks.
pub(crate) fn line_text(shaped: &Shaped, line: &Line) -> String {
    shaped.clusters[line.clusters.clone()]
        .iter()
        .map(|c| shaped.cluster_text(c))
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// Appends the glyph runs (one per face) and missing-glyph boxes of clusters
/// `range` of `shaped`, with the pen starting at (x, baseline).
pub(crate) fn line_items(
    shaped: &Shaped,
    range: Range<usize>,
    spec: TextSpec,
    x: f32,
    baseline: f32,
    out: &mut Vec<Item>,
) {
    let clusters = &shaped.clusters[range];
    let visible = clusters.iter().rposition(|c| !c.blank).map_or(0, |p| p + 1);
    let size = spec.size;
    let mut pen = x;
    let mut run: Option<TextRun> = None;
    let flush = |run: &mut Option<TextRun>, out: &mut Vec<Item>| {
        if let Some(r) = run.take() {
            if !r.glyphs.is_empty() {
                out.push(Item::Text(r));
            }
        }
    };
    for c in &clusters[..visible] {
        let text = shaped.cluster_text(c);
        let advance = (c.advance + spec.tracking) * size;
        if text.chars().all(char::is_control) {
            pen += advance;
            continue;
        }
        match c.face {
            None => {
                flush(&mut run, out);
                // A visible box where the glyph would be: never a silent gap.
                out.push(Item::Rect {
                    rect: Rect {
                        x: pen + 0.08 * size,
                        y: baseline - 0.68 * size,
                        w: advance - 0.16 * size,
                        h: 0.72 * size,
                    },
                    paint: Paint {
                        fill: None,
                        stroke: Some(Stroke {
                            color: spec.color,
                            width: (0.06 * size).max(0.4),
                        }),
                    },
                });
            }
            Some(face) => {
                if run.as_ref().is_some_and(|r| r.face != face) {
                    flush(&mut run, out);
                }
                let r = run.get_or_insert_with(|| new_run(face, spec, pen, baseline));
                push_glyphs(r, c, text, pen, size);
            }
        }
        pen += advance;
    }
    flush(&mut run, out);
}

fn new_run(face: FaceId, spec: TextSpec, x: f32, baseline: f32) -> TextRun {
    TextRun {
        face,
        size: spec.size,
        origin: Point { x, y: baseline },
        color: spec.color,
        glyphs: Vec::new(),
        text: String::new(),
    }
}

fn push_glyphs(run: &mut TextRun, c: &crate::text::Cluster, text: &str, pen: f32, size: f32) {
    let chars: Vec<char> = text.chars().collect();
    let one_to_one = chars.len() == c.glyphs.len();
    for (i, g) in c.glyphs.iter().enumerate() {
        let glyph_text = if one_to_one {
            chars[i].to_string()
        } else if i == 0 {
            text.to_owned()
        } else {
            String::new()
        };
        run.glyphs.push(PlacedGlyph {
            id: g.id,
            x: pen - run.origin.x + g.dx * size,
            y: g.dy * size,
            text: glyph_text,
        });
    }
    run.text.push_str(text);
}

/// Moves items by (dx, dy).
pub(crate) fn translate(items: &mut [Item], dx: f32, dy: f32) {
    let mv = |r: &mut Rect| {
        r.x += dx;
        r.y += dy;
    };
    for item in items {
        match item {
            Item::Rect { rect, .. } => mv(rect),
            Item::RoundedRect { rect, .. } => mv(rect),
            Item::Circle { center, .. } => {
                center.x += dx;
                center.y += dy;
            }
            Item::Line { from, to, .. } => {
                from.x += dx;
                from.y += dy;
                to.x += dx;
                to.y += dy;
            }
            Item::Text(run) => {
                run.origin.x += dx;
                run.origin.y += dy;
            }
            Item::Image { rect, .. } => mv(rect),
        }
    }
}
