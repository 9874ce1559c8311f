//! Text: choosing a face per character (fallback), shaping with rustybuzz, and line
//! breaking with UAX #14 (unicode-linebreak) — CJK between characters, other scripts
//! at word boundaries. Shaping happens once, in em units, so that fitting a module
//! at several type sizes only re-breaks lines.

mod lines;

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::fonts::{FaceId, FontBook, Style};

pub(crate) use lines::{break_lines, make_line, Line};

/// Whether a line may or must end after a cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Break {
    No,
    Allowed,
    Mandatory,
}

/// One glyph, in em units relative to its cluster's pen position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct GlyphEm {
    pub id: u16,
    pub dx: f32,
    pub dy: f32,
    pub advance: f32,
}

/// The smallest unit a line may be broken around: one or more characters shaped
/// together (a grapheme, or a ligature).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cluster {
    pub bytes: Range<usize>,
    /// `None` when no face has the characters: a box is drawn instead.
    pub face: Option<FaceId>,
    pub glyphs: Vec<GlyphEm>,
    pub advance: f32,
    pub break_after: Break,
    /// White space or a control character: not drawn at the end of a line.
    pub blank: bool,
}

/// A paragraph shaped at 1 em.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shaped {
    pub text: String,
    pub clusters: Vec<Cluster>,
}

impl Shaped {
    /// The text of a cluster.
    pub fn cluster_text(&self, c: &Cluster) -> &str {
        self.text.get(c.bytes.clone()).unwrap_or("")
    }

    /// Characters no face could draw.
    pub fn missing_chars(&self) -> Vec<char> {
        let mut out: Vec<char> = self
            .clusters
            .iter()
            .filter(|c| c.face.is_none() && !c.blank)
            .flat_map(|c| self.cluster_text(c).chars())
            .collect();
        out.dedup();
        out
    }

    /// Width in em of all clusters, for one-line labels.
    pub fn width(&self) -> f32 {
        self.clusters.iter().map(|c| c.advance).sum()
    }
}

/// The advance of a box drawn for a character no font has.
pub(crate) const MISSING_ADVANCE: f32 = 0.6;

/// Shapes text with the faces of a [`FontBook`], caching parsed faces.
pub(crate) struct Shaper<'a> {
    book: &'a FontBook,
    preferred: Option<String>,
    faces: Vec<Option<rustybuzz::Face<'a>>>,
    chains: Vec<(Style, Vec<FaceId>)>,
}

impl<'a> Shaper<'a> {
    /// A shaper preferring `family` (the brand font) when it has the glyphs.
    pub fn new(book: &'a FontBook, preferred: Option<String>) -> Shaper<'a> {
        Shaper {
            book,
            preferred,
            faces: Vec::new(),
            chains: Vec::new(),
        }
    }

    fn chain(&mut self, style: Style) -> Vec<FaceId> {
        if let Some((_, c)) = self.chains.iter().find(|(s, _)| *s == style) {
            return c.clone();
        }
        let c = self.book.chain(style, self.preferred.as_deref());
        self.chains.push((style, c.clone()));
        c
    }

    fn face(&mut self, id: FaceId) -> Option<&rustybuzz::Face<'a>> {
        let i = usize::from(id.0);
        if self.faces.len() <= i {
            self.faces.resize_with(i + 1, || None);
        }
        if self.faces[i].is_none() {
            let (data, index) = self.book.data(id)?;
            self.faces[i] = rustybuzz::Face::from_slice(data, index);
        }
        self.faces[i].as_ref()
    }

    fn covers(&mut self, id: FaceId, grapheme: &str) -> bool {
        let Some(face) = self.face(id) else {
            return false;
        };
        grapheme
            .chars()
            .filter(|c| !is_invisible_joiner(*c))
            .all(|c| face.glyph_index(c).is_some())
    }

    /// Shapes `text` in `style`, one face per stretch of characters.
    pub fn shape(&mut self, text: &str, style: Style) -> Shaped {
        let chain = self.chain(style);
        // Pick a face per grapheme.
        let mut runs: Vec<(Range<usize>, Option<FaceId>, bool)> = Vec::new();
        let mut last_face = chain.first().copied();
        for (start, g) in text.grapheme_indices(true) {
            let blank = g.chars().all(|c| c.is_whitespace() || c.is_control());
            let face = if blank {
                last_face
            } else {
                let mut found = None;
                for id in &chain {
                    if self.covers(*id, g) {
                        found = Some(*id);
                        break;
                    }
                }
                found
            };
            if face.is_some() {
                last_face = face;
            }
            let end = start + g.len();
            match runs.last_mut() {
                // Missing graphemes stay separate so that each gets its own box.
                Some((r, f, b)) if *f == face && face.is_some() && *b == blank => r.end = end,
                _ => runs.push((start..end, face, blank)),
            }
        }
        let mut clusters = Vec::new();
        for (range, face, blank) in runs {
            match face {
                Some(id) => self.shape_run(text, range, id, blank, &mut clusters),
                None => clusters.push(Cluster {
                    bytes: range,
                    face: None,
                    glyphs: Vec::new(),
                    advance: MISSING_ADVANCE,
                    break_after: Break::No,
                    blank,
                }),
            }
        }
        mark_breaks(text, &mut clusters);
        Shaped {
            text: text.to_owned(),
            clusters,
        }
    }

    fn shape_run(
        &mut self,
        text: &str,
        range: Range<usize>,
        id: FaceId,
        blank: bool,
        out: &mut Vec<Cluster>,
    ) {
        let upem = self.book.units_per_em(id);
        let Some(face) = self.face(id) else {
            return;
        };
        let run = text.get(range.clone()).unwrap_or("");
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(run);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(face, &[], buffer);
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        let first = out.len();
        for (info, pos) in infos.iter().zip(positions) {
            let start = range.start + info.cluster as usize;
            let glyph_id = u16::try_from(info.glyph_id).unwrap_or(0);
            let needs_new =
                out.len() == first || out.last().is_some_and(|c| c.bytes.start != start);
            if needs_new {
                out.push(Cluster {
                    bytes: start..start,
                    face: Some(id),
                    glyphs: Vec::new(),
                    advance: 0.0,
                    break_after: Break::No,
                    blank,
                });
            }
            if let Some(c) = out.last_mut() {
                c.glyphs.push(GlyphEm {
                    id: glyph_id,
                    dx: c.advance + pos.x_offset as f32 / upem,
                    dy: -(pos.y_offset as f32) / upem,
                    advance: pos.x_advance as f32 / upem,
                });
                c.advance += pos.x_advance as f32 / upem;
            }
        }
        // Each cluster ends where the next one starts (left-to-right text).
        let n = out.len();
        for i in first..n {
            let end = if i + 1 < n {
                out[i + 1].bytes.start
            } else {
                range.end
            };
            out[i].bytes.end = end.max(out[i].bytes.start);
            let t = text.get(out[i].bytes.clone()).unwrap_or("");
            out[i].blank = t.chars().all(|c| c.is_whitespace() || c.is_control());
        }
    }
}

/// Zero-width joiners and variation selectors need no glyph of their own.
fn is_invisible_joiner(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}' | '\u{fe00}'..='\u{fe0f}')
}

/// Marks, after each cluster, whether UAX #14 allows or requires a line break.
fn mark_breaks(text: &str, clusters: &mut [Cluster]) {
    let mut ci = 0;
    for (pos, op) in unicode_linebreak::linebreaks(text) {
        while ci < clusters.len() && clusters[ci].bytes.end < pos {
            ci += 1;
        }
        let Some(c) = clusters.get_mut(ci) else {
            break;
        };
        if c.bytes.end == pos {
            c.break_after = match op {
                unicode_linebreak::BreakOpportunity::Mandatory => Break::Mandatory,
                unicode_linebreak::BreakOpportunity::Allowed => Break::Allowed,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_and_cyrillic_shape_with_noto_sans() {
        let book = FontBook::bundled();
        let mut s = Shaper::new(&book, None);
        let t = s.shape("Hello Привет Lietuvių", Style::REGULAR);
        assert!(t.clusters.iter().all(|c| c.face.is_some()));
        assert!(t.width() > 5.0);
        assert!(t.missing_chars().is_empty());
    }

    #[test]
    fn a_character_no_font_has_is_reported_not_dropped() {
        let book = FontBook::bundled();
        let mut s = Shaper::new(&book, None);
        // Linear B is in none of the bundled faces.
        let t = s.shape("a𐀀b", Style::REGULAR);
        assert_eq!(t.missing_chars(), vec!['𐀀']);
        assert_eq!(t.clusters.len(), 3);
    }

    #[test]
    fn newlines_are_mandatory_breaks() {
        let book = FontBook::bundled();
        let mut s = Shaper::new(&book, None);
        let t = s.shape("one\ntwo", Style::REGULAR);
        let nl = t
            .clusters
            .iter()
            .find(|c| t.cluster_text(c) == "\n")
            .unwrap();
        assert_eq!(nl.break_after, Break::Mandatory);
    }
}
