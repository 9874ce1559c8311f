//! The sample personas (tests, gallery, benchmarks) teach by example: every list of the
//! proto-persona and the ideal customer profile says something of its own, in every
//! language, and no list of any template repeats an item.

mod common;

use std::collections::BTreeSet;

use common::samples::{self, LANGS};
use persona_model::{builtin_templates, ModuleBody};

fn lists(template: &str, lang: &str) -> Vec<(String, Vec<String>)> {
    samples::persona(template, lang)
        .modules
        .into_iter()
        .filter_map(|m| match m.body {
            ModuleBody::List { items } => Some((m.id, items)),
            _ => None,
        })
        .collect()
}

#[test]
fn no_list_of_any_sample_repeats_an_item() {
    for t in builtin_templates() {
        for lang in LANGS {
            for (id, items) in lists(t.id.as_str(), lang) {
                let distinct: BTreeSet<&String> = items.iter().collect();
                assert_eq!(
                    distinct.len(),
                    items.len(),
                    "{}/{lang}/{id}: {items:?}",
                    t.id
                );
            }
        }
    }
}

#[test]
fn proto_persona_and_icp_lists_each_say_something_of_their_own() {
    for template in ["proto-persona", "ideal-customer-profile"] {
        for lang in LANGS {
            let mut seen = BTreeSet::new();
            for (id, items) in lists(template, lang) {
                assert!(!items.is_empty(), "{template}/{lang}/{id} is empty");
                for item in items {
                    assert!(
                        seen.insert(item.clone()),
                        "{template}/{lang}: '{item}' appears in more than one list"
                    );
                }
            }
        }
    }
}
