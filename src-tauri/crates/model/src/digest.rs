//! What lists and search need of a persona, small enough to read 10,000 of quickly:
//! the card fields and the persona's whole text folded for matching. The store keeps
//! one beside every persona, written in the same transaction.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::{AssetHash, Persona, PersonaId, ProjectId, TemplateId, Timestamp};

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
    /// The tags, folded.
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
            tags: self.tags.iter().map(|t| fold(t)).collect(),
            text: fold(&self.search_text()),
        }
    }
}

/// Text as search compares it: composed (NFC, so "Hà" typed and "Hà" pasted in
/// decomposed form are equal) and lower-cased in every script.
pub fn fold(text: &str) -> String {
    text.nfc().collect::<String>().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_is_unicode_aware() {
        assert_eq!(fold("ИРИНА"), "ирина");
        assert_eq!(fold("ŽYGIMANTAS"), "žygimantas");
        assert_eq!(fold("Ha\u{300}"), fold("Hà"));
        assert_eq!(fold("王芳"), "王芳");
    }
}
