//! The fonts a sheet may use, handed in by the caller (no global state): the bundled
//! Noto Sans faces, system fonts found by path, or whatever a test supplies.
//!
//! Text picks, for each character, the first family in the fallback chain that has a
//! glyph for it: the brand's family (if any), then families in the order they were
//! added. Within a family the face closest to the wanted weight and slant is used.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rustybuzz::ttf_parser;

use crate::SheetError;

/// Noto Sans (OFL), shipped in `assets/fonts`: Latin (with Vietnamese and Lithuanian),
/// Cyrillic and Greek. Compiled in so an export never depends on a resource path.
const BUNDLED: &[(&str, &[u8])] = &[
    (
        "NotoSans-Regular.ttf",
        include_bytes!("../../../../assets/fonts/NotoSans-Regular.ttf"),
    ),
    (
        "NotoSans-Bold.ttf",
        include_bytes!("../../../../assets/fonts/NotoSans-Bold.ttf"),
    ),
    (
        "NotoSans-Italic.ttf",
        include_bytes!("../../../../assets/fonts/NotoSans-Italic.ttf"),
    ),
];

/// System fonts used as fallbacks when present, in order, relative to the fonts
/// root (`/usr/share/fonts` on Debian): Noto Sans CJK SC (Debian's fonts-noto-cjk)
/// for Chinese, then DejaVu Sans for symbols and other scripts.
const SYSTEM_FALLBACKS: &[(&str, Option<&str>)] = &[
    (
        "opentype/noto/NotoSansCJK-Regular.ttc",
        Some("Noto Sans CJK SC"),
    ),
    (
        "opentype/noto/NotoSansCJK-Bold.ttc",
        Some("Noto Sans CJK SC"),
    ),
    ("truetype/dejavu/DejaVuSans.ttf", None),
    ("truetype/dejavu/DejaVuSans-Bold.ttf", None),
];

/// Identifies a face in a [`FontBook`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FaceId(pub u16);

/// Weight and slant asked for by a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
}

impl Style {
    /// Upright, normal weight.
    pub const REGULAR: Style = Style {
        bold: false,
        italic: false,
    };
    /// Upright, bold.
    pub const BOLD: Style = Style {
        bold: true,
        italic: false,
    };
    /// Italic, normal weight.
    pub const ITALIC: Style = Style {
        bold: false,
        italic: true,
    };
}

/// What is known about a face.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaceInfo {
    pub family: String,
    pub bold: bool,
    pub italic: bool,
    /// The file name or label the face came from, for messages.
    pub source: String,
}

#[derive(Debug, Clone)]
enum FontData {
    Static(&'static [u8]),
    Shared(Arc<[u8]>),
}

impl FontData {
    fn bytes(&self) -> &[u8] {
        match self {
            FontData::Static(b) => b,
            FontData::Shared(b) => b,
        }
    }
}

struct Face {
    data: FontData,
    index: u32,
    info: FaceInfo,
    units_per_em: f32,
    /// Parsed once for the PDF writer, on first use.
    pdf: OnceLock<Option<printpdf::ParsedFont>>,
}

/// The set of faces available to a sheet, in fallback order.
#[derive(Default)]
pub struct FontBook {
    faces: Vec<Face>,
}

impl std::fmt::Debug for FontBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.faces.iter().map(|face| &face.info))
            .finish()
    }
}

impl FontBook {
    /// An empty book; add faces with [`FontBook::add_font_data`].
    pub fn new() -> FontBook {
        FontBook::default()
    }

    /// The bundled Noto Sans faces only (Latin, Cyrillic, Greek, Vietnamese).
    pub fn bundled() -> FontBook {
        let mut book = FontBook::new();
        for (name, bytes) in BUNDLED {
            // The bundled fonts are checked by this crate's tests; a broken one is
            // left out rather than failing every export.
            let _ = book.add(FontData::Static(bytes), name, None);
        }
        book
    }

    /// The bundled faces plus the system fallbacks found under `fonts_root`
    /// (usually `/usr/share/fonts`): Noto Sans CJK SC and DejaVu Sans. Returns the
    /// book and the fallback files that were not found, so the caller can say so.
    pub fn with_system_fallbacks(fonts_root: &Path) -> (FontBook, Vec<PathBuf>) {
        let mut book = FontBook::bundled();
        let mut missing = Vec::new();
        for (rel, family) in SYSTEM_FALLBACKS {
            let path = fonts_root.join(rel);
            if book.add_font_file(&path, *family).is_err() {
                missing.push(path);
            }
        }
        (book, missing)
    }

    /// Adds the faces of a font file (`.ttf`, `.otf`, `.ttc`). With `family`, only
    /// the faces of that family are added (a CJK collection holds several).
    pub fn add_font_file(
        &mut self,
        path: &Path,
        family: Option<&str>,
    ) -> Result<Vec<FaceId>, SheetError> {
        let bytes = std::fs::read(path).map_err(|source| SheetError::FontFile {
            path: path.to_owned(),
            source,
        })?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        self.add(FontData::Shared(bytes.into()), &name, family)
    }

    /// Adds every face of the font in `bytes`; `name` labels it in messages.
    pub fn add_font_data(&mut self, bytes: Vec<u8>, name: &str) -> Result<Vec<FaceId>, SheetError> {
        self.add(FontData::Shared(bytes.into()), name, None)
    }

    fn add(
        &mut self,
        data: FontData,
        name: &str,
        family: Option<&str>,
    ) -> Result<Vec<FaceId>, SheetError> {
        let count = ttf_parser::fonts_in_collection(data.bytes()).unwrap_or(1);
        let mut added = Vec::new();
        for index in 0..count {
            let face =
                ttf_parser::Face::parse(data.bytes(), index).map_err(|_| SheetError::BadFont {
                    name: name.to_owned(),
                    index,
                })?;
            let fam = family_name(&face).unwrap_or_else(|| name.to_owned());
            if family.is_some_and(|f| f != fam) {
                continue;
            }
            let info = FaceInfo {
                family: fam,
                bold: face.is_bold() || face.weight().to_number() >= 600,
                italic: face.is_italic() || face.is_oblique(),
                source: name.to_owned(),
            };
            let id = u16::try_from(self.faces.len()).map_err(|_| SheetError::BadFont {
                name: name.to_owned(),
                index,
            })?;
            self.faces.push(Face {
                data: data.clone(),
                index,
                info,
                units_per_em: f32::from(face.units_per_em().max(1)),
                pdf: OnceLock::new(),
            });
            added.push(FaceId(id));
        }
        if added.is_empty() {
            return Err(SheetError::BadFont {
                name: name.to_owned(),
                index: 0,
            });
        }
        Ok(added)
    }

    /// How many faces the book holds.
    pub fn len(&self) -> usize {
        self.faces.len()
    }

    /// True when the book holds no face.
    pub fn is_empty(&self) -> bool {
        self.faces.is_empty()
    }

    /// What is known about a face.
    pub fn info(&self, id: FaceId) -> Option<&FaceInfo> {
        self.faces.get(usize::from(id.0)).map(|f| &f.info)
    }

    /// The families in the book, each once, in fallback order.
    pub fn families(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for f in &self.faces {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&f.info.family)) {
                out.push(f.info.family.clone());
            }
        }
        out
    }

    /// True when some face belongs to `family` (compared without case).
    pub fn has_family(&self, family: &str) -> bool {
        self.faces
            .iter()
            .any(|f| f.info.family.eq_ignore_ascii_case(family))
    }

    /// The fallback chain for `style`: one face per family, `preferred` family first,
    /// then families in the order they were added.
    pub fn chain(&self, style: Style, preferred: Option<&str>) -> Vec<FaceId> {
        let mut families: Vec<&str> = Vec::new();
        if let Some(p) = preferred {
            if let Some(f) = self
                .faces
                .iter()
                .find(|f| f.info.family.eq_ignore_ascii_case(p))
            {
                families.push(&f.info.family);
            }
        }
        for f in &self.faces {
            if !families.contains(&f.info.family.as_str()) {
                families.push(&f.info.family);
            }
        }
        families
            .into_iter()
            .filter_map(|fam| self.best_face(fam, style))
            .collect()
    }

    fn best_face(&self, family: &str, style: Style) -> Option<FaceId> {
        let score = |f: &Face| {
            u8::from(f.info.bold != style.bold) * 2 + u8::from(f.info.italic != style.italic)
        };
        self.faces
            .iter()
            .enumerate()
            .filter(|(_, f)| f.info.family == family)
            .min_by_key(|(i, f)| (score(f), *i))
            .and_then(|(i, _)| u16::try_from(i).ok().map(FaceId))
    }

    /// The raw font bytes and face index, for shaping and outlines.
    pub(crate) fn data(&self, id: FaceId) -> Option<(&[u8], u32)> {
        self.faces
            .get(usize::from(id.0))
            .map(|f| (f.data.bytes(), f.index))
    }

    /// Font units per em of a face.
    pub(crate) fn units_per_em(&self, id: FaceId) -> f32 {
        self.faces
            .get(usize::from(id.0))
            .map_or(1000.0, |f| f.units_per_em)
    }

    /// The face parsed for the PDF writer (cached).
    pub(crate) fn pdf_font(&self, id: FaceId) -> Option<&printpdf::ParsedFont> {
        let face = self.faces.get(usize::from(id.0))?;
        face.pdf
            .get_or_init(|| {
                let mut warnings = Vec::new();
                printpdf::ParsedFont::from_bytes(
                    face.data.bytes(),
                    face.index as usize,
                    &mut warnings,
                )
            })
            .as_ref()
    }
}

/// The typographic family (name 16) or the legacy family (name 1), in English when
/// the font has it.
fn family_name(face: &ttf_parser::Face) -> Option<String> {
    let names = face.names();
    let find = |id: u16| {
        names
            .into_iter()
            .filter(|n| n.name_id == id && n.is_unicode())
            .find_map(|n| n.to_string())
    };
    find(ttf_parser::name_id::TYPOGRAPHIC_FAMILY).or_else(|| find(ttf_parser::name_id::FAMILY))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_faces_load_with_their_styles() {
        let book = FontBook::bundled();
        assert_eq!(book.len(), 3);
        let bold = book.chain(Style::BOLD, None)[0];
        let info = book.info(bold).unwrap();
        assert_eq!(info.family, "Noto Sans");
        assert!(info.bold && !info.italic);
        let italic = book.chain(Style::ITALIC, None)[0];
        assert!(book.info(italic).unwrap().italic);
    }

    #[test]
    fn garbage_is_refused_with_its_name() {
        let mut book = FontBook::new();
        let err = book.add_font_data(vec![0; 64], "junk.ttf").unwrap_err();
        assert!(err.to_string().contains("junk.ttf"), "{err}");
    }
}
