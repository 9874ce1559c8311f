use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_segmentation::UnicodeSegmentation;

use crate::{
    AssetHash, Evidence, ModelError, Module, PersonaId, ProjectId, Template, TemplateId, Timestamp,
};

/// The schema version of persona documents written by this build.
///
/// 2 added `evidence` (schema-1 documents read with none).
pub const PERSONA_SCHEMA: u32 = 2;

/// Longest persona or project name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// A customer persona: the header fields every sheet shows, and the template's modules
/// filled with the user's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Persona {
    pub schema: u32,
    pub id: PersonaId,
    pub project: ProjectId,
    pub template: TemplateId,
    /// A memorable name with a personality: "Frugal Fred".
    pub name: String,
    /// A one-line tagline or archetype: "Discount and coupon hunter".
    #[serde(default)]
    pub archetype: String,
    /// Something this person would say, ideally from an interview.
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub photo: Option<AssetHash>,
    pub modules: Vec<Module>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub notes: String,
    /// Where the persona's claims come from, field by field.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    pub created: Timestamp,
    pub updated: Timestamp,
}

impl Persona {
    /// A new persona laid out by `template`, with the template's labels and no content.
    pub fn from_template(
        template: &Template,
        project: ProjectId,
        name: &str,
        now: Timestamp,
    ) -> Result<Persona, ModelError> {
        let name = checked_name("persona", name)?;
        Ok(Persona {
            schema: PERSONA_SCHEMA,
            id: PersonaId::new(),
            project,
            template: template.id.clone(),
            name,
            archetype: String::new(),
            quote: String::new(),
            photo: None,
            modules: template
                .modules
                .iter()
                .map(|m| Module {
                    body: m.body.emptied(),
                    ..m.clone()
                })
                .collect(),
            tags: Vec::new(),
            notes: String::new(),
            evidence: Vec::new(),
            created: now,
            updated: now,
        })
    }

    /// Checks what serde cannot: a usable name and valid module values.
    pub fn validate(&self) -> Result<(), ModelError> {
        checked_name("persona", &self.name)?;
        self.modules.iter().try_for_each(|m| m.body.validate())
    }

    /// All the persona's text in one string, for search.
    pub fn search_text(&self) -> String {
        let mut parts = vec![
            self.name.as_str(),
            self.archetype.as_str(),
            self.quote.as_str(),
            self.notes.as_str(),
        ];
        parts.extend(self.tags.iter().map(String::as_str));
        for m in &self.modules {
            parts.push(m.title.as_str());
            parts.extend(m.body.texts());
        }
        parts.join("\n")
    }
}

/// Trims a name and checks it is neither empty nor too long.
pub(crate) fn checked_name(kind: &'static str, name: &str) -> Result<String, ModelError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ModelError::EmptyName { kind });
    }
    let len = name.chars().count();
    if len > MAX_NAME_CHARS {
        return Err(ModelError::NameTooLong {
            kind,
            len,
            max: MAX_NAME_CHARS,
        });
    }
    Ok(name.to_owned())
}

/// What lists of personas show: the CLI's `persona list --json` row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonaSummary {
    pub id: PersonaId,
    pub name: String,
    /// The project's name.
    pub project: String,
    pub template: TemplateId,
    pub updated: Timestamp,
}

/// Up to two letters standing for a name on an avatar without a photo: the first
/// letters of the first and last words ("Frugal Fred" → "FF"), or the first grapheme
/// of a single word ("王芳" → "王").
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.unicode_words().collect();
    let first = |w: &str| w.graphemes(true).next().unwrap_or("").to_uppercase();
    match words.as_slice() {
        [] => String::new(),
        [only] => first(only),
        [head, .., last] => {
            // CJK names have no spaces; a leading CJK word stands alone.
            if head.chars().next().is_some_and(is_cjk) {
                first(head)
            } else {
                format!("{}{}", first(head), first(last))
            }
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_in_several_scripts() {
        assert_eq!(initials("Frugal Fred"), "FF");
        assert_eq!(initials("tech-savvy Tara"), "TT");
        assert_eq!(initials("Ólafur"), "Ó");
        assert_eq!(initials("Đặng Thu Hà"), "ĐH");
        assert_eq!(initials("Ирина Волкова"), "ИВ");
        assert_eq!(initials("王芳"), "王");
        assert_eq!(initials("  "), "");
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(checked_name("persona", "  Tara ").unwrap(), "Tara");
        assert!(matches!(
            checked_name("persona", " \t"),
            Err(ModelError::EmptyName { .. })
        ));
        let long = "ж".repeat(MAX_NAME_CHARS + 1);
        assert!(matches!(
            checked_name("persona", &long),
            Err(ModelError::NameTooLong { len, .. }) if len == MAX_NAME_CHARS + 1
        ));
    }
}
