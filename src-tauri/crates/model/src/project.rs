use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::persona::checked_name;
use crate::{AssetHash, Color, ModelError, ProjectId, Timestamp};

/// The schema version of project documents written by this build.
pub const PROJECT_SCHEMA: u32 = 1;

/// A client or a product: it groups personas and surveys and carries a brand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Project {
    pub schema: u32,
    pub id: ProjectId,
    pub name: String,
    #[serde(default)]
    pub brand: Brand,
    pub created: Timestamp,
    pub updated: Timestamp,
}

impl Project {
    /// A new project with the default brand.
    pub fn new(name: &str, now: Timestamp) -> Result<Project, ModelError> {
        Ok(Project {
            schema: PROJECT_SCHEMA,
            id: ProjectId::new(),
            name: checked_name("project", name)?,
            brand: Brand::default(),
            created: now,
            updated: now,
        })
    }

    /// Checks what serde cannot.
    pub fn validate(&self) -> Result<(), ModelError> {
        checked_name("project", &self.name).map(|_| ())
    }
}

/// How a project's sheets look: colours, logo, typeface.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Brand {
    pub primary: Color,
    pub accent: Color,
    #[serde(default)]
    pub logo: Option<AssetHash>,
    /// A font family name; `None` uses the app's default.
    #[serde(default)]
    pub font: Option<String>,
}

impl Default for Brand {
    fn default() -> Self {
        Brand {
            primary: Color::rgb(0x2f, 0x4b, 0x8f),
            accent: Color::rgb(0xe8, 0x6a, 0x4a),
            logo: None,
            font: None,
        }
    }
}

/// What the CLI's `project list --json` shows for a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProjectSummary {
    pub id: ProjectId,
    pub name: String,
    /// How many personas the project holds.
    pub personas: usize,
}
