//! The templates that ship with the app, compiled in from `assets/templates`.

use std::sync::OnceLock;

use crate::{migrate, Template, TemplateId};

/// The template new personas get when none is named.
pub const DEFAULT_TEMPLATE: &str = "user-persona";

const SOURCES: &[&str] = &[
    include_str!("../../../../assets/templates/user-persona.json"),
    include_str!("../../../../assets/templates/ecommerce-shopper.json"),
    include_str!("../../../../assets/templates/b2b-buyer.json"),
    include_str!("../../../../assets/templates/proto-persona.json"),
    include_str!("../../../../assets/templates/ideal-customer-profile.json"),
];

/// Every built-in template, in the order the app offers them.
///
/// The sources are compiled in and checked by this crate's tests, so a template that
/// fails to parse can only come from a broken build; it is left out rather than
/// taking the app down.
pub fn builtin_templates() -> &'static [Template] {
    static PARSED: OnceLock<Vec<Template>> = OnceLock::new();
    PARSED.get_or_init(|| {
        SOURCES
            .iter()
            .filter_map(|s| migrate::template(s.as_bytes()).ok())
            .collect()
    })
}

/// The built-in template with this id.
pub fn builtin_template(id: &TemplateId) -> Option<&'static Template> {
    builtin_templates().iter().find(|t| &t.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ModuleBody, Persona, ProjectId};

    #[test]
    fn every_builtin_template_parses_and_validates() {
        for (i, src) in SOURCES.iter().enumerate() {
            if let Err(e) = migrate::template(src.as_bytes()) {
                panic!("built-in template #{i} is broken: {e}");
            }
        }
        assert_eq!(builtin_templates().len(), SOURCES.len());
        assert!(builtin_template(&DEFAULT_TEMPLATE.into()).is_some());
    }

    #[test]
    fn every_template_has_a_header_and_hints() {
        for t in builtin_templates() {
            let headers = t
                .modules
                .iter()
                .filter(|m| matches!(m.body, ModuleBody::Header))
                .count();
            assert_eq!(headers, 1, "{} must have exactly one header", t.id);
            for m in &t.modules {
                assert!(!m.hint.trim().is_empty(), "{}/{} has no hint", t.id, m.id);
            }
        }
    }

    /// Every title, hint and label of every built-in template in each of the app's
    /// languages, none left to the English fallback and none blank.
    #[test]
    fn every_builtin_template_speaks_every_language() {
        for t in builtin_templates() {
            let mut have = t.languages();
            have.sort_unstable();
            let mut want = crate::LANGUAGES.to_vec();
            want.sort_unstable();
            assert_eq!(have, want, "{}", t.id);
            for lang in crate::LANGUAGES.iter().filter(|l| **l != "en") {
                let locale = &t.locales[*lang];
                let where_ = |what: &str| format!("{}/{lang}: {what}", t.id);
                for text in [&locale.name, &locale.description] {
                    assert!(
                        text.as_deref().is_some_and(|s| !s.trim().is_empty()),
                        "{}",
                        where_("name or description")
                    );
                }
                assert!(
                    locale
                        .modules
                        .keys()
                        .all(|id| t.modules.iter().any(|m| &m.id == id)),
                    "{}",
                    where_("a locale names a module the template lacks")
                );
                for m in &t.modules {
                    let ml = locale
                        .modules
                        .get(&m.id)
                        .unwrap_or_else(|| panic!("{}", where_(&m.id)));
                    for text in [&ml.title, &ml.hint] {
                        assert!(
                            text.as_deref().is_some_and(|s| !s.trim().is_empty()),
                            "{}",
                            where_(&m.id)
                        );
                    }
                    let labels: Vec<&str> = match &m.body {
                        ModuleBody::Facts { rows } => {
                            rows.iter().map(|r| r.label.as_str()).collect()
                        }
                        ModuleBody::Sliders { rows, .. } => rows
                            .iter()
                            .flat_map(|r| [r.left.as_str(), r.right.as_str()])
                            .filter(|l| !l.is_empty())
                            .collect(),
                        _ => Vec::new(),
                    };
                    for label in &labels {
                        assert!(
                            ml.labels.get(*label).is_some_and(|l| !l.trim().is_empty()),
                            "{}",
                            where_(&format!("{}/{label}", m.id))
                        );
                    }
                    // No stray keys: a label renamed in English must be renamed here too.
                    for key in ml.labels.keys() {
                        assert!(
                            labels.contains(&key.as_str()),
                            "{}",
                            where_(&format!("{}: unknown label {key}", m.id))
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn localized_templates_fall_back_to_english_and_keep_the_layout() {
        let t = builtin_template(&"ideal-customer-profile".into()).unwrap();
        let lt = t.localized("lt-LT");
        assert_eq!(lt.name, "Idealaus kliento profilis");
        assert_eq!(lt.modules.len(), t.modules.len());
        for (a, b) in t.modules.iter().zip(&lt.modules) {
            assert_eq!((&a.id, a.area), (&b.id, b.area));
            assert_ne!(a.title, b.title, "{} kept its English title", a.id);
        }
        assert_eq!(t.localized("pl"), *t);
        assert_eq!(t.localized("en"), *t);
        // A locale that translates only some things leaves the rest in English.
        let mut partial = t.clone();
        let ru = partial.locales.get_mut("ru").unwrap();
        ru.modules
            .get_mut("facts")
            .unwrap()
            .labels
            .remove("Industry");
        ru.modules.get_mut("needs").unwrap().hint = None;
        let ru = partial.localized("ru");
        let facts = ru.modules.iter().find(|m| m.id == "facts").unwrap();
        match &facts.body {
            ModuleBody::Facts { rows } => {
                assert_eq!(rows[0].label, "Industry");
                assert_eq!(rows[1].label, "Размер компании");
            }
            other => panic!("facts module is {}", other.kind_name()),
        }
        let needs = ru.modules.iter().find(|m| m.id == "needs").unwrap();
        assert_eq!(needs.title, "Потребности");
        assert!(needs.hint.starts_with("What they must have"));
    }

    #[test]
    fn a_schema_1_template_reads_with_no_locales() {
        let doc = br#"{"schema": 1, "id": "mine", "name": "Mine", "description": "",
            "page": {"size": "a4", "orientation": "landscape"}, "grid": {"columns": 2, "rows": 2},
            "modules": [{"id": "header", "title": "Me", "area": {"col": 0, "row": 0, "cols": 2, "rows": 2},
            "body": {"kind": "header"}}]}"#;
        let t = migrate::template(doc).unwrap();
        assert_eq!(t.schema, crate::TEMPLATE_SCHEMA);
        assert!(t.locales.is_empty());
        assert_eq!(t.localized("ru"), t);
    }

    #[test]
    fn a_new_persona_keeps_labels_and_drops_content() {
        let t = builtin_template(&"user-persona".into()).unwrap();
        let now = chrono::DateTime::UNIX_EPOCH;
        let p = Persona::from_template(t, ProjectId::new(), " Ana ", now).unwrap();
        assert_eq!(p.name, "Ana");
        assert_eq!(p.modules.len(), t.modules.len());
        let facts = p.modules.iter().find(|m| m.id == "facts").unwrap();
        match &facts.body {
            ModuleBody::Facts { rows } => {
                assert_eq!(rows[0].label, "Age");
                assert!(rows.iter().all(|r| r.value.is_empty()));
            }
            other => panic!("facts module is {}", other.kind_name()),
        }
        let json = serde_json::to_vec(&p).unwrap();
        assert_eq!(migrate::persona(&json).unwrap(), p);
    }
}

#[cfg(test)]
mod coverage {
    //! The fields the persona literature asks for are on the built-in templates.
    use super::*;
    use crate::ModuleBody;

    fn labels(template: &str, module: &str) -> Vec<String> {
        let t = builtin_template(&template.into()).unwrap();
        let m = t.modules.iter().find(|m| m.id == module).unwrap();
        match &m.body {
            ModuleBody::Facts { rows } => rows.iter().map(|r| r.label.clone()).collect(),
            ModuleBody::Sliders { rows, .. } => rows.iter().map(|r| r.left.clone()).collect(),
            other => vec![other.kind_name().to_owned()],
        }
    }

    fn has_all(have: &[String], want: &[&str]) {
        for w in want {
            assert!(have.iter().any(|h| h == w), "missing {w} in {have:?}");
        }
    }

    #[test]
    fn five_templates_in_order() {
        let ids: Vec<&str> = builtin_templates().iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "user-persona",
                "ecommerce-shopper",
                "b2b-buyer",
                "proto-persona",
                "ideal-customer-profile"
            ]
        );
    }

    #[test]
    fn demographics_motivations_and_channels() {
        let people = [
            "Age",
            "Gender",
            "Location",
            "Family status",
            "Children",
            "Household income",
            "Education",
            "Occupation",
            "Technology use",
        ];
        has_all(&labels("user-persona", "facts"), &people);
        has_all(&labels("ecommerce-shopper", "facts"), &people);
        has_all(
            &labels("user-persona", "motivations"),
            &[
                "Price",
                "Convenience",
                "Quality",
                "Speed",
                "Status",
                "Social",
            ],
        );
        has_all(
            &labels("ecommerce-shopper", "channels"),
            &[
                "Instagram",
                "Facebook",
                "TikTok",
                "YouTube",
                "Email",
                "Search",
                "Marketplaces",
                "In store",
                "Word of mouth",
            ],
        );
        has_all(
            &labels("ideal-customer-profile", "facts"),
            &[
                "Industry",
                "Company size",
                "Annual revenue",
                "Technology use",
            ],
        );
    }

    #[test]
    fn lists_for_drivers_barriers_objections_needs_and_help() {
        let list = |t: &str, m: &str| assert_eq!(labels(t, m), ["list"], "{t}/{m}");
        list("ecommerce-shopper", "drivers");
        list("ecommerce-shopper", "barriers");
        list("b2b-buyer", "objections");
        list("proto-persona", "needs");
        list("proto-persona", "help");
        list("ideal-customer-profile", "needs");
        list("ideal-customer-profile", "help");
    }
}
