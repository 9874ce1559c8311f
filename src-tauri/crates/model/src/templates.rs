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
