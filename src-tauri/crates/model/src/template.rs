use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ModelError, Module, ModuleBody, TemplateId};

/// The schema version of template documents written by this build (2: `locales`).
pub const TEMPLATE_SCHEMA: u32 = 2;

/// The languages the app speaks and every built-in template is translated into.
pub const LANGUAGES: &[&str] = &["en", "zh", "ru", "vi", "lt"];

/// A persona template: page, grid and modules. Templates are data (JSON), not code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Template {
    pub schema: u32,
    pub id: TemplateId,
    pub name: String,
    pub description: String,
    pub page: PageSpec,
    /// Columns and rows of the grid the modules are placed on.
    pub grid: Grid,
    /// The modules, with labels and hints; their content is left empty for new personas.
    pub modules: Vec<Module>,
    /// The template's own text in other languages, by language code (`zh`, `ru`…).
    /// The fields above are the base text (English for the built-in templates); whatever
    /// a locale leaves out falls back to them.
    #[serde(default)]
    pub locales: BTreeMap<String, TemplateLocale>,
}

/// A template's text in one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplateLocale {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    /// By module id.
    #[serde(default)]
    pub modules: BTreeMap<String, ModuleLocale>,
}

/// A module's text in one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ModuleLocale {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub hint: Option<String>,
    /// Base label → label in this language: fact labels, slider poles, captions.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}

impl ModuleLocale {
    fn label(&self, base: &str) -> String {
        self.labels
            .get(base)
            .filter(|l| !l.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| base.to_owned())
    }

    /// Puts this language's title, hint and labels on a module made from the base text;
    /// anything not translated keeps the base text.
    pub fn apply(&self, module: &mut Module) {
        if let Some(t) = self.title.as_ref().filter(|t| !t.trim().is_empty()) {
            module.title.clone_from(t);
        }
        if let Some(h) = self.hint.as_ref().filter(|h| !h.trim().is_empty()) {
            module.hint.clone_from(h);
        }
        match &mut module.body {
            ModuleBody::Header | ModuleBody::Text { .. } => {}
            ModuleBody::List { .. } | ModuleBody::Tags { .. } => {}
            ModuleBody::Facts { rows } => {
                for r in rows {
                    r.label = self.label(&r.label);
                }
            }
            ModuleBody::Sliders { rows, .. } => {
                for r in rows {
                    r.left = self.label(&r.left);
                    if !r.right.is_empty() {
                        r.right = self.label(&r.right);
                    }
                }
            }
            ModuleBody::Chart { caption } | ModuleBody::Image { caption, .. } => {
                if !caption.is_empty() {
                    *caption = self.label(caption);
                }
            }
        }
    }
}

impl Template {
    /// Checks that every module lies inside the grid and that module ids are unique.
    pub fn validate(&self) -> Result<(), ModelError> {
        let mut seen = std::collections::BTreeSet::new();
        for m in &self.modules {
            let a = m.area;
            let inside = a.cols > 0
                && a.rows > 0
                && u16::from(a.col) + u16::from(a.cols) <= u16::from(self.grid.columns)
                && u16::from(a.row) + u16::from(a.rows) <= u16::from(self.grid.rows);
            if !inside || !seen.insert(m.id.as_str()) {
                return Err(ModelError::InvalidJson {
                    kind: "template",
                    source: serde::de::Error::custom(format!(
                        "module '{}' of template '{}' is outside the grid or repeats an id",
                        m.id, self.id
                    )),
                });
            }
            m.body.validate()?;
        }
        Ok(())
    }

    /// The language codes this template has text in: its base language (`en`) and
    /// every locale.
    pub fn languages(&self) -> Vec<&str> {
        std::iter::once("en")
            .chain(self.locales.keys().map(String::as_str))
            .collect()
    }

    /// Puts the text of `lang` (a code such as `ru`, or a tag such as `ru-RU`) on
    /// modules made from this template, matched by module id. An unknown language, or
    /// a module or label the locale does not translate, keeps the base text.
    pub fn localize_modules(&self, lang: &str, modules: &mut [Module]) {
        let Some(locale) = self.locale(lang) else {
            return;
        };
        for m in modules {
            if let Some(ml) = locale.modules.get(&m.id) {
                ml.apply(m);
            }
        }
    }

    /// This template as seen in `lang`: name, description, titles, hints and labels
    /// translated where the template has them, the base text elsewhere.
    pub fn localized(&self, lang: &str) -> Template {
        let mut t = self.clone();
        if let Some(locale) = self.locale(lang) {
            if let Some(n) = locale.name.as_ref().filter(|n| !n.trim().is_empty()) {
                t.name.clone_from(n);
            }
            if let Some(d) = locale.description.as_ref().filter(|d| !d.trim().is_empty()) {
                t.description.clone_from(d);
            }
        }
        self.localize_modules(lang, &mut t.modules);
        t
    }

    fn locale(&self, lang: &str) -> Option<&TemplateLocale> {
        let code = lang
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        self.locales.get(&code)
    }

    /// The short form listed by `template list --json`.
    pub fn summary(&self) -> TemplateSummary {
        TemplateSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            description: self.description.clone(),
            modules: self.modules.len(),
            builtin: false,
        }
    }
}

/// The grid modules are placed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Grid {
    pub columns: u8,
    pub rows: u8,
}

/// The page a template is designed for; exports may override it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PageSpec {
    pub size: PageSize,
    pub orientation: Orientation,
}

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PageSize {
    /// 210 × 297 mm.
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl PageSize {
    /// Width and height in millimetres, portrait.
    pub fn portrait_mm(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (210.0, 297.0),
            PageSize::Letter => (215.9, 279.4),
        }
    }
}

/// Page orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Orientation {
    Landscape,
    Portrait,
}

/// What `template list --json` prints for a template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplateSummary {
    pub id: TemplateId,
    pub name: String,
    pub description: String,
    /// How many modules the template has.
    pub modules: usize,
    /// True for the templates that come with the app; false for the user's own.
    pub builtin: bool,
}
