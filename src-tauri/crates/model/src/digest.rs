//! What lists and search need of a persona, small enough to read 10,000 of quickly:
//! the card fields and the persona's whole text folded for matching. The store keeps
//! one beside every persona, written in the same transaction.

use serde::{Deserialize, Serialize};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::{AssetHash, Fact, ModuleBody, Persona, PersonaId, ProjectId, TemplateId, Timestamp};

/// How many facts a persona card shows.
pub const CARD_FACTS: usize = 3;

/// A persona's card fields and folded text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaDigest {
    pub id: PersonaId,
    pub project: ProjectId,
    pub template: TemplateId,
    pub name: String,
    pub archetype: String,
    pub photo: Option<AssetHash>,
    pub updated: Timestamp,
    /// The quote, for the card.
    pub quote: String,
    /// Up to [`CARD_FACTS`] filled-in facts, in sheet order, for the card.
    pub key_facts: Vec<Fact>,
    /// The tags as the user wrote them (search folds them when it builds its index).
    pub tags: Vec<String>,
    /// [`Persona::search_text`], folded.
    pub text: String,
}

impl Persona {
    /// The digest lists and search read instead of the whole persona.
    pub fn digest(&self) -> PersonaDigest {
        PersonaDigest {
            id: self.id,
            project: self.project,
            template: self.template.clone(),
            name: self.name.clone(),
            archetype: self.archetype.clone(),
            photo: self.photo.clone(),
            updated: self.updated,
            quote: self.quote.clone(),
            key_facts: self
                .modules
                .iter()
                .flat_map(|m| match &m.body {
                    ModuleBody::Facts { rows } => rows.as_slice(),
                    _ => &[],
                })
                .filter(|f| !f.value.trim().is_empty() && !f.label.trim().is_empty())
                .take(CARD_FACTS)
                .cloned()
                .collect(),
            tags: self.tags.clone(),
            text: fold(&self.search_text()),
        }
    }
}

/// Text as search compares it: lower case in every script, compatibility-decomposed
/// and without accents, so "ha noi" finds "Hà Nội" and "zemaite" finds "Žemaitė".
pub fn fold(text: &str) -> String {
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        // Vietnamese đ and a few others carry their stroke in the letter itself.
        .map(|c| match c {
            'đ' => 'd',
            'ł' => 'l',
            'ø' => 'o',
            'ı' => 'i',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_is_unicode_aware() {
        assert_eq!(fold("ИРИНА"), "ирина");
        assert_eq!(fold("ŽYGIMANTAS"), "zygimantas");
        assert_eq!(fold("Hà Nội"), "ha noi");
        assert_eq!(fold("Đặng Thu Hà"), "dang thu ha");
        assert_eq!(fold("Rūta Žemaitė"), "ruta zemaite");
        assert_eq!(fold("ＡＢＣ"), "abc");
        assert_eq!(fold("Ha\u{300}"), fold("Hà"));
        assert_eq!(fold("王芳"), "王芳");
    }
}
