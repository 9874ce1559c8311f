use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ModelError, Module, TemplateId};

/// The schema version of template documents written by this build.
pub const TEMPLATE_SCHEMA: u32 = 1;

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
