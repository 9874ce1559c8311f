//! The sheet's look in one place: colours derived from the brand, type sizes and
//! spacing. Every module draws with these, so the sheet keeps one rhythm.

use persona_model::{Brand, Color};

/// Page margin, gutter between grid cells and padding inside cards, in points.
pub(crate) const MARGIN: f32 = 26.0;
pub(crate) const GUTTER: f32 = 9.0;
pub(crate) const PAD: f32 = 11.0;
pub(crate) const RADIUS: f32 = 7.0;
/// Height of the footer band under the grid.
pub(crate) const FOOTER: f32 = 16.0;

/// Type sizes at scale 1, in points.
pub(crate) const TITLE_SIZE: f32 = 7.5;
pub(crate) const BODY_SIZE: f32 = 9.0;
pub(crate) const SMALL_SIZE: f32 = 8.0;
pub(crate) const NAME_SIZE: f32 = 19.0;
pub(crate) const QUOTE_SIZE: f32 = 10.0;
pub(crate) const FOOTER_SIZE: f32 = 6.5;
/// Evidence footnotes under the grid.
pub(crate) const NOTE_SIZE: f32 = 6.5;
/// Line height as a multiple of the type size.
pub(crate) const LEADING: f32 = 1.38;
/// Letter spacing of module titles, in em.
pub(crate) const TITLE_TRACKING: f32 = 0.08;

/// The smallest a module's text may shrink to fit: 6.5 pt body text, still
/// readable when printed.
pub(crate) const SCALES: &[f32] = &[1.0, 0.94, 0.88, 0.83, 0.78, 0.75, 0.72];

/// Colours of one sheet.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Theme {
    pub primary: Color,
    pub accent: Color,
    /// Text on the page.
    pub ink: Color,
    /// Labels and secondary text.
    pub muted: Color,
    /// Hints and placeholders.
    pub faint: Color,
    /// Card background: the brand colour at a whisper.
    pub card: Color,
    /// Hairlines between rows.
    pub rule: Color,
    /// Slider tracks.
    pub track: Color,
    /// Tag pill background and text.
    pub pill: Color,
    pub pill_text: Color,
    /// Text on the primary colour (white on dark brands, ink on light ones).
    pub on_primary: Color,
    pub on_primary_soft: Color,
    pub white: Color,
}

impl Theme {
    /// The theme for a brand.
    pub fn new(brand: &Brand) -> Theme {
        let white = Color::rgb(255, 255, 255);
        let ink = Color::rgb(0x1f, 0x29, 0x33);
        let on_primary = if luminance(brand.primary) > 0.6 {
            ink
        } else {
            white
        };
        Theme {
            primary: brand.primary,
            accent: brand.accent,
            ink,
            muted: Color::rgb(0x5f, 0x6b, 0x7a),
            faint: Color::rgb(0x9a, 0xa5, 0xb1),
            card: mix(brand.primary, white, 0.055),
            rule: mix(brand.primary, white, 0.14),
            track: mix(brand.primary, white, 0.16),
            pill: mix(brand.primary, white, 0.13),
            pill_text: mix(brand.primary, ink, 0.35),
            on_primary,
            on_primary_soft: mix(on_primary, brand.primary, 0.8),
            white,
        }
    }
}

/// `a` over `b` at opacity `t` (0–1), as an opaque colour: PDF and PNG then agree
/// without transparency groups.
pub(crate) fn mix(a: Color, b: Color, t: f32) -> Color {
    let ch = |x: u8, y: u8| (f32::from(x) * t + f32::from(y) * (1.0 - t)).round() as u8;
    Color::rgb(ch(a.r, b.r), ch(a.g, b.g), ch(a.b, b.b))
}

/// Relative luminance (sRGB, approximate).
fn luminance(c: Color) -> f32 {
    (0.2126 * f32::from(c.r) + 0.7152 * f32::from(c.g) + 0.0722 * f32::from(c.b)) / 255.0
}
