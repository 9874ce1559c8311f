//! Templates: the built-in ones compiled into the binary and those users saved from
//! their own personas or received in a `.persona` file, which live in the library.

use persona_model::{
    builtin_template, builtin_templates, Module, PersonaId, Template, TemplateId, TemplateSummary,
    TEMPLATE_SCHEMA,
};

use crate::{ApiError, Studio};

/// Longest template name accepted, in characters.
const MAX_TEMPLATE_NAME: usize = 120;

impl Studio {
    /// Every template the library offers: the built-in ones first, in their order, then
    /// the user's, by name.
    pub fn templates(&self) -> Result<Vec<Template>, ApiError> {
        let mut user = self.library().templates()?;
        user.sort_by_key(|t| (t.name.to_lowercase(), t.id.0.clone()));
        Ok(builtin_templates().iter().cloned().chain(user).collect())
    }

    /// `template list`.
    pub fn template_summaries(&self) -> Result<Vec<TemplateSummary>, ApiError> {
        Ok(self.templates()?.iter().map(summary).collect())
    }

    /// The template with this id, built-in or stored.
    pub fn template(&self, id: &str) -> Result<Template, ApiError> {
        let id = TemplateId(id.to_owned());
        if let Some(t) = builtin_template(&id) {
            return Ok(t.clone());
        }
        self.library()
            .template(&id)?
            .ok_or_else(|| ApiError::UnknownTemplate(id.0))
    }

    /// Saves a persona's layout (page, grid, modules with their titles, labels and
    /// hints, content emptied) as a new template of the user's, named `name`.
    pub fn save_template_from_persona(
        &self,
        persona: PersonaId,
        name: &str,
    ) -> Result<Template, ApiError> {
        let persona = self.persona(persona)?;
        let name = name.trim();
        let len = name.chars().count();
        if len == 0 || len > MAX_TEMPLATE_NAME {
            return Err(ApiError::BadTemplateName {
                len,
                max: MAX_TEMPLATE_NAME,
            });
        }
        let base = self.template(persona.template.as_str())?;
        let template = Template {
            schema: TEMPLATE_SCHEMA,
            id: self.fresh_template_id(name)?,
            name: name.to_owned(),
            description: base.description.clone(),
            page: base.page,
            grid: base.grid,
            modules: persona
                .modules
                .iter()
                .map(|m| Module {
                    body: m.body.emptied(),
                    ..m.clone()
                })
                .collect(),
            // The persona's titles and labels are the user's text, in whatever language
            // they wrote it; a translation of the base template would no longer fit.
            locales: Default::default(),
        };
        self.library().put_template(&template)?;
        Ok(template)
    }

    /// Deletes one of the user's templates. Built-in templates and templates that
    /// personas still use are refused.
    pub fn delete_template(&self, id: &str) -> Result<(), ApiError> {
        let tid = TemplateId(id.to_owned());
        if builtin_template(&tid).is_some() {
            return Err(ApiError::BuiltinTemplate(id.to_owned()));
        }
        let users = self
            .library()
            .personas()?
            .iter()
            .filter(|p| p.template == tid)
            .count();
        if users > 0 {
            return Err(ApiError::TemplateInUse {
                id: id.to_owned(),
                personas: users,
            });
        }
        if self.library().delete_template(&tid)? {
            Ok(())
        } else {
            Err(ApiError::UnknownTemplate(id.to_owned()))
        }
    }

    /// A portable slug of the name (template ids become file names in bundles) that no
    /// template has yet.
    fn fresh_template_id(&self, name: &str) -> Result<TemplateId, ApiError> {
        let slug: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let mut stem: String = format!("user-{slug}").chars().take(48).collect();
        if stem.ends_with('-') {
            stem.pop();
        }
        let taken = |id: &TemplateId| -> Result<bool, ApiError> {
            Ok(builtin_template(id).is_some() || self.library().template(id)?.is_some())
        };
        let first = TemplateId(stem.clone());
        if !taken(&first)? {
            return Ok(first);
        }
        for n in 2.. {
            let id = TemplateId(format!("{stem}-{n}"));
            if !taken(&id)? {
                return Ok(id);
            }
        }
        unreachable!("an unbounded counter always finds a free id")
    }
}

fn summary(t: &Template) -> TemplateSummary {
    TemplateSummary {
        builtin: builtin_template(&t.id).is_some(),
        ..t.summary()
    }
}
