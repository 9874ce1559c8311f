//! The example library: one project with three personas written from the persona
//! literature, so a new user starts from something real instead of a blank page.

use std::collections::BTreeMap;

use persona_model::{builtin_template, Brand, ModelError, ModuleBody, Persona, Project};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Studio};

/// The name of the example project.
pub const EXAMPLE_PROJECT: &str = "Example store";

const SOURCE: &str = include_str!("../../../../assets/examples/example-store.json");

/// What `example install` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case", tag = "outcome")]
#[ts(export)]
pub enum ExampleOutcome {
    /// The example project and its personas were added.
    Installed { project: String, personas: usize },
    /// A project of that name is there already; nothing was changed.
    AlreadyThere { project: String },
    /// The library was not empty and only an empty one was to get the example.
    NotEmpty,
}

#[derive(Deserialize)]
struct ExampleFile {
    project: ExampleProject,
    personas: Vec<ExamplePersona>,
}

#[derive(Deserialize)]
struct ExampleProject {
    name: String,
    brand: Brand,
}

#[derive(Deserialize)]
struct ExamplePersona {
    template: String,
    name: String,
    archetype: String,
    quote: String,
    tags: Vec<String>,
    notes: String,
    modules: BTreeMap<String, ModuleBody>,
}

impl Studio {
    /// Installs the example library, all of it or nothing. With `only_if_empty`, a
    /// library that already holds anything is left alone.
    pub fn install_example(&self, only_if_empty: bool) -> Result<ExampleOutcome, ApiError> {
        if only_if_empty && !self.is_empty() {
            return Ok(ExampleOutcome::NotEmpty);
        }
        let (project, personas) = build(self.now())?;
        if self
            .library()
            .projects()?
            .iter()
            .any(|p| p.name == project.name)
        {
            return Ok(ExampleOutcome::AlreadyThere {
                project: project.name,
            });
        }
        self.library()
            .put_all(std::slice::from_ref(&project), &personas)?;
        Ok(ExampleOutcome::Installed {
            project: project.name,
            personas: personas.len(),
        })
    }
}

fn build(now: persona_model::Timestamp) -> Result<(Project, Vec<Persona>), ApiError> {
    let invalid = |e: serde_json::Error| ModelError::InvalidJson {
        kind: "example library",
        source: e,
    };
    let file: ExampleFile = serde_json::from_str(SOURCE).map_err(invalid)?;
    let mut project = Project::new(&file.project.name, now)?;
    project.brand = file.project.brand;
    let personas = file
        .personas
        .into_iter()
        .map(|e| {
            let template = builtin_template(&e.template.as_str().into())
                .ok_or_else(|| ApiError::UnknownTemplate(e.template.clone()))?;
            let mut p = Persona::from_template(template, project.id, &e.name, now)?;
            p.archetype = e.archetype;
            p.quote = e.quote;
            p.tags = e.tags;
            p.notes = e.notes;
            let mut bodies = e.modules;
            for m in &mut p.modules {
                if let Some(body) = bodies.remove(&m.id) {
                    m.body = body;
                }
            }
            if let Some(id) = bodies.keys().next() {
                return Err(ApiError::Model(ModelError::InvalidJson {
                    kind: "example library",
                    source: serde::de::Error::custom(format!(
                        "module '{id}' is not in template '{}'",
                        template.id
                    )),
                }));
            }
            p.validate()?;
            Ok(p)
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok((project, personas))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_module_is_filled_and_matches_its_template_kind() {
        let (project, personas) = build(chrono::DateTime::UNIX_EPOCH).unwrap();
        assert_eq!(project.name, EXAMPLE_PROJECT);
        let names: Vec<&str> = personas.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["Frugal Fred", "Tech-savvy Tara", "Procurement Paul"]
        );
        for p in &personas {
            assert!(!p.archetype.is_empty() && !p.quote.is_empty(), "{}", p.name);
            let template = builtin_template(&p.template).unwrap();
            for (m, t) in p.modules.iter().zip(&template.modules) {
                assert_eq!(
                    m.body.kind_name(),
                    t.body.kind_name(),
                    "{}/{}",
                    p.name,
                    m.id
                );
                let filled = matches!(m.body, ModuleBody::Header | ModuleBody::Chart { .. })
                    || !m.body.is_empty();
                assert!(filled, "{} has an empty '{}' module", p.name, m.id);
                if let ModuleBody::Facts { rows } = &m.body {
                    assert!(rows.iter().all(|r| !r.value.is_empty()), "{}", p.name);
                }
            }
        }
    }
}
