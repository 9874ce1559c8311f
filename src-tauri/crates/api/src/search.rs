//! Search across the library: every persona's text, filters by project, template and
//! tag, sorted by name or by last change. An in-memory index, built from the store's
//! persona digests (card fields and folded text, kept beside each persona) on first use
//! and again whenever the library's write counter moves, keeps opening a library of
//! 10,000 personas and searching it fast (docs/benchmarks.md).

use std::sync::Arc;

use std::collections::BTreeMap;

use memchr::memmem::Finder;
use persona_model::{fold, initials, PersonaDigest, PersonaSummary, ProjectId, TemplateId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::views::PersonaCard;
use crate::{ApiError, Studio};

/// What to look for. Every part is optional; an empty query lists every persona.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchQuery {
    /// Words that must all occur somewhere in the persona's text, ignoring case and
    /// accents.
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub project: Option<ProjectId>,
    #[serde(default)]
    pub template: Option<TemplateId>,
    /// A tag the persona must carry (ignoring case and accents).
    #[serde(default)]
    pub tag: Option<String>,
    #[serde(default)]
    pub sort: SearchSort,
}

/// The order of search results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SearchSort {
    /// By name, ignoring case.
    #[default]
    Name,
    /// Most recently changed first.
    Updated,
}

/// One persona found, with the project it belongs to.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub project: ProjectId,
    pub card: PersonaCard,
}

/// One persona as the index keeps it: its card and its text folded for matching.
#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) project: ProjectId,
    pub(crate) card: PersonaCard,
    template: TemplateId,
    tags: Vec<String>,
    text: String,
    name_key: (String, String),
}

/// Every persona of the library, ready to search.
#[derive(Debug, Default)]
pub(crate) struct SearchIndex {
    pub(crate) generation: u64,
    pub(crate) entries: Vec<Entry>,
}

impl SearchIndex {
    pub(crate) fn build(
        generation: u64,
        digests: Vec<PersonaDigest>,
        template_names: &BTreeMap<TemplateId, String>,
    ) -> SearchIndex {
        let entries = digests
            .into_iter()
            .map(|d| Entry {
                project: d.project,
                name_key: (d.name.to_lowercase(), d.name.clone()),
                tags: d.tags.iter().map(|t| fold(t)).collect(),
                card: PersonaCard {
                    id: d.id,
                    project: d.project,
                    quote: d.quote,
                    key_facts: d.key_facts,
                    tags: d.tags,
                    initials: initials(&d.name),
                    template_name: template_names
                        .get(&d.template)
                        .cloned()
                        .unwrap_or_else(|| d.template.to_string()),
                    template: d.template.clone(),
                    name: d.name,
                    archetype: d.archetype,
                    photo: d.photo,
                    updated: d.updated,
                },
                template: d.template,
                text: d.text,
            })
            .collect();
        SearchIndex {
            generation,
            entries,
        }
    }

    fn search(&self, q: &SearchQuery) -> Vec<SearchHit> {
        let folded = fold(&q.text);
        let words: Vec<Finder<'_>> = folded.split_whitespace().map(Finder::new).collect();
        let tag = q.tag.as_deref().map(fold);
        let mut found: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| q.project.is_none_or(|p| p == e.project))
            .filter(|e| q.template.as_ref().is_none_or(|t| *t == e.template))
            .filter(|e| tag.as_ref().is_none_or(|t| e.tags.contains(t)))
            .filter(|e| words.iter().all(|w| w.find(e.text.as_bytes()).is_some()))
            .collect();
        match q.sort {
            SearchSort::Name => found.sort_by(|a, b| a.name_key.cmp(&b.name_key)),
            SearchSort::Updated => found.sort_by(|a, b| {
                b.card
                    .updated
                    .cmp(&a.card.updated)
                    .then_with(|| a.name_key.cmp(&b.name_key))
            }),
        }
        found
            .into_iter()
            .map(|e| SearchHit {
                project: e.project,
                card: e.card.clone(),
            })
            .collect()
    }
}

impl Studio {
    /// Searches every persona's text (name, archetype, quote, notes, tags, module titles
    /// and content), with optional filters, in the order asked for.
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, ApiError> {
        Ok(self.index()?.search(query))
    }

    /// `persona search`: the same search, the project given by name or id, each hit as
    /// a row of `persona list` (the project by name), in the order of `sort`.
    pub fn search_summaries(
        &self,
        text: &str,
        project: Option<&str>,
        template: Option<&str>,
        tag: Option<&str>,
        sort: SearchSort,
    ) -> Result<Vec<PersonaSummary>, ApiError> {
        let project = project.map(|r| self.resolve_project(r)).transpose()?;
        if let Some(t) = template {
            self.template(t)?;
        }
        let names: BTreeMap<ProjectId, String> = self
            .library()
            .projects()?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        let hits = self.search(&SearchQuery {
            text: text.to_owned(),
            project: project.map(|p| p.id),
            template: template.map(|t| TemplateId(t.to_owned())),
            tag: tag.map(str::to_owned),
            sort,
        })?;
        Ok(hits
            .into_iter()
            .map(|h| PersonaSummary {
                id: h.card.id,
                project: names.get(&h.project).cloned().unwrap_or_default(),
                name: h.card.name,
                template: h.card.template,
                updated: h.card.updated,
            })
            .collect())
    }

    /// The index, rebuilt if the library changed since it was built.
    pub(crate) fn index(&self) -> Result<Arc<SearchIndex>, ApiError> {
        let generation = self.library().generation();
        let mut slot = self
            .index_slot()
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(index) = slot.as_ref().filter(|i| i.generation == generation) {
            return Ok(Arc::clone(index));
        }
        let index = Arc::new(SearchIndex::build(
            generation,
            self.library().digests()?,
            &self.template_names()?,
        ));
        *slot = Some(Arc::clone(&index));
        Ok(index)
    }
}
