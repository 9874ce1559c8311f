//! Library search: every word of a query must occur somewhere in a persona's text
//! (name, archetype, quote, notes, tags, module titles and content), compared without
//! case and without accents, so "ha noi" finds "Hà Nội" and "zemaite" finds "Žemaitė".
//! Filters narrow by project, template and tag; results come sorted by name or by
//! last change.

use std::collections::BTreeSet;

use persona_model::{Persona, ProjectId, TemplateId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::views::PersonaCard;

/// Which personas a search may return. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchFilters {
    /// Only personas of this project.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub project: Option<ProjectId>,
    /// Only personas made from this template.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub template: Option<TemplateId>,
    /// Only personas carrying this tag (exact, as shown in the tag filter).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub tag: Option<String>,
}

/// The order of search results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SearchSort {
    /// By name, case-insensitively (the UI re-sorts with the user's language's collation).
    #[default]
    Name,
    /// Most recently changed first.
    Updated,
}

/// What a search found.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SearchResults {
    /// The matching personas, in the requested order.
    pub hits: Vec<PersonaCard>,
    /// How many personas the library holds in all.
    pub total: usize,
    /// Every persona tag in the library, for the tag filter, sorted without case.
    pub tags: Vec<String>,
}

/// Text prepared for matching: lower case, compatibility-decomposed, accents removed.
pub(crate) fn fold(text: &str) -> String {
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

/// A parsed query: the folded words that must all occur.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Query {
    words: Vec<String>,
}

impl Query {
    pub(crate) fn parse(query: &str) -> Query {
        Query {
            words: query.split_whitespace().map(fold).collect(),
        }
    }

    /// True when every word occurs in `folded` (text already passed through [`fold`]).
    pub(crate) fn matches(&self, folded: &str) -> bool {
        self.words.iter().all(|w| folded.contains(w.as_str()))
    }
}

/// True when a persona (as its card) passes the filters; the query is checked apart.
pub(crate) fn passes(card: &PersonaCard, filters: &SearchFilters) -> bool {
    filters.project.is_none_or(|p| card.project == p)
        && filters
            .template
            .as_ref()
            .is_none_or(|t| &card.template == t)
        && filters
            .tag
            .as_deref()
            .is_none_or(|tag| card.tags.iter().any(|t| t == tag))
}

/// What a search reads, prepared once per state of the library: each persona's card and
/// its folded text. Rebuilt when the library's generation moves on, so searching while
/// typing costs a scan of strings, not a read and parse of every persona.
#[derive(Debug)]
pub(crate) struct SearchIndex {
    pub(crate) generation: u64,
    entries: Vec<(String, PersonaCard)>,
    tags: Vec<String>,
}

impl SearchIndex {
    pub(crate) fn build(
        generation: u64,
        personas: &[Persona],
        card: impl Fn(&Persona) -> PersonaCard,
    ) -> SearchIndex {
        SearchIndex {
            generation,
            entries: personas
                .iter()
                .map(|p| (fold(&p.search_text()), card(p)))
                .collect(),
            tags: all_tags(personas.iter()),
        }
    }

    pub(crate) fn search(
        &self,
        query: &str,
        filters: &SearchFilters,
        sort: SearchSort,
    ) -> SearchResults {
        let query = Query::parse(query);
        let mut hits: Vec<PersonaCard> = self
            .entries
            .iter()
            .filter(|(text, card)| passes(card, filters) && query.matches(text))
            .map(|(_, card)| card.clone())
            .collect();
        sort_cards(&mut hits, sort);
        SearchResults {
            hits,
            total: self.entries.len(),
            tags: self.tags.clone(),
        }
    }
}

/// Sorts cards in place.
pub(crate) fn sort_cards(cards: &mut [PersonaCard], sort: SearchSort) {
    match sort {
        SearchSort::Name => cards.sort_by(|a, b| {
            (a.name.to_lowercase(), &a.name, a.id).cmp(&(b.name.to_lowercase(), &b.name, b.id))
        }),
        SearchSort::Updated => {
            cards.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)))
        }
    }
}

/// Every tag of these personas, once, sorted without case.
pub(crate) fn all_tags<'a>(personas: impl Iterator<Item = &'a Persona>) -> Vec<String> {
    let set: BTreeSet<&str> = personas
        .flat_map(|p| p.tags.iter().map(String::as_str))
        .collect();
    let mut tags: Vec<String> = set.into_iter().map(str::to_owned).collect();
    tags.sort_by_key(|t| (t.to_lowercase(), t.clone()));
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents_in_every_script() {
        assert_eq!(fold("Hà Nội"), "ha noi");
        assert_eq!(fold("Đặng Thu Hà"), "dang thu ha");
        assert_eq!(fold("Rūta Žemaitė"), "ruta zemaite");
        assert_eq!(fold("Ирина ВОЛКОВА"), "ирина волкова");
        assert_eq!(fold("王芳"), "王芳");
        assert_eq!(fold("ＡＢＣ"), "abc");
    }

    #[test]
    fn every_word_must_occur() {
        let q = Query::parse("  coupon   LEEDS ");
        assert!(q.matches(&fold("Lives in Leeds, loves a coupon")));
        assert!(!q.matches(&fold("Lives in Leeds")));
        assert!(Query::parse("").matches(""));
        assert!(Query::parse("王").matches(&fold("王芳")));
        assert!(Query::parse("zemaite").matches(&fold("Rūta Žemaitė")));
    }
}
