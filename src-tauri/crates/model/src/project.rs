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
        checked_name("project", &self.name)?;
        if let Some(name) = &self.brand.name {
            checked_name("brand", name)?;
        }
        Ok(())
    }
}

/// How a project's sheets look: whose they are, colours, logo, typeface.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Brand {
    /// The company or product the personas are for, as clients should read it on a
    /// sheet ("Acme Coffee"); the project's own name is often an internal one ("Q3
    /// research"). `None`: sheets show the project's name.
    #[serde(default)]
    pub name: Option<String>,
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
            name: None,
            primary: Color::rgb(0x2f, 0x4b, 0x8f),
            accent: Color::rgb(0xe8, 0x6a, 0x4a),
            logo: None,
            font: None,
        }
    }
}

impl Brand {
    /// The brand's name with whitespace trimmed, `None` when blank: what a form sends
    /// for "no brand name".
    pub fn normalized(self) -> Result<Brand, ModelError> {
        let name = match self.name.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(n) => Some(checked_name("brand", n)?),
        };
        let font = self.font.filter(|f| !f.trim().is_empty());
        Ok(Brand { name, font, ..self })
    }

    /// What a sheet names its maker by: the brand's name, else the project's.
    pub fn display_name<'a>(&'a self, project: &'a str) -> &'a str {
        self.name.as_deref().unwrap_or(project)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_brand_name_means_none_and_a_long_one_is_refused() {
        let brand = Brand {
            name: Some("  Acme Coffee ".into()),
            font: Some(" ".into()),
            ..Brand::default()
        };
        let brand = brand.normalized().unwrap();
        assert_eq!(brand.name.as_deref(), Some("Acme Coffee"));
        assert_eq!(brand.font, None);
        assert_eq!(brand.display_name("Q3 research"), "Acme Coffee");

        let blank = Brand {
            name: Some(" \t".into()),
            ..Brand::default()
        };
        let blank = blank.normalized().unwrap();
        assert_eq!(blank.name, None);
        assert_eq!(blank.display_name("Q3 research"), "Q3 research");

        let long = Brand {
            name: Some("Ž".repeat(crate::MAX_NAME_CHARS + 1)),
            ..Brand::default()
        };
        assert!(matches!(
            long.normalized(),
            Err(ModelError::NameTooLong { kind: "brand", .. })
        ));
    }

    #[test]
    fn a_project_stored_before_brands_had_names_still_reads() {
        let old = r##"{"schema":1,"id":"0193c0de-0000-7000-8000-000000000001","name":"Shop",
            "brand":{"primary":"#2f4b8f","accent":"#e86a4a","logo":null,"font":null},
            "created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z"}"##;
        let project: Project = serde_json::from_str(old).unwrap();
        assert_eq!(project.brand.name, None);
        project.validate().unwrap();
    }
}
