use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{AssetHash, ModelError};

/// One block of a persona sheet: where it sits on the template's grid, what it is
/// called on the sheet, and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Module {
    /// Stable within a persona (`goals`, `pains`, `facts`…), used to attach evidence.
    pub id: String,
    /// The heading shown on the sheet; users may rename it.
    pub title: String,
    /// A sentence that teaches what belongs here; shown while the module is empty.
    #[serde(default)]
    pub hint: String,
    /// Where the module sits on the sheet's grid.
    pub area: GridArea,
    /// The content.
    pub body: ModuleBody,
}

/// A rectangle of grid cells, counted from zero at the top left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GridArea {
    pub col: u8,
    pub row: u8,
    pub cols: u8,
    pub rows: u8,
}

/// The closed set of module kinds. Renderers and editors match on it exhaustively, so a
/// new kind makes the compiler list every place that must learn about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ModuleBody {
    /// Photo, name, archetype and quote: drawn from the persona's own fields.
    Header,
    /// Key–value rows: age, gender, location, family, income, education, occupation…
    Facts { rows: Vec<Fact> },
    /// Free prose: a bio, a scenario, a day in the life.
    Text { text: String },
    /// Bulleted items: goals, pain points, behaviours, barriers, objections…
    List { items: Vec<String> },
    /// Sliders: bipolar (introvert–extrovert) or unipolar (channel preference 0–100).
    Sliders {
        scale: SliderScale,
        rows: Vec<Slider>,
    },
    /// Short labels: brands, influencers, tools.
    Tags { tags: Vec<String> },
    /// A chart of a survey distribution, filled by evidence.
    Chart { caption: String },
    /// A picture with a caption.
    Image {
        asset: Option<AssetHash>,
        caption: String,
    },
}

impl ModuleBody {
    /// A short name of the kind, as used in JSON and templates.
    pub fn kind_name(&self) -> &'static str {
        match self {
            ModuleBody::Header => "header",
            ModuleBody::Facts { .. } => "facts",
            ModuleBody::Text { .. } => "text",
            ModuleBody::List { .. } => "list",
            ModuleBody::Sliders { .. } => "sliders",
            ModuleBody::Tags { .. } => "tags",
            ModuleBody::Chart { .. } => "chart",
            ModuleBody::Image { .. } => "image",
        }
    }

    /// True when the user has put nothing in this module yet.
    pub fn is_empty(&self) -> bool {
        match self {
            ModuleBody::Header => false,
            ModuleBody::Facts { rows } => rows.iter().all(|f| f.value.trim().is_empty()),
            ModuleBody::Text { text } => text.trim().is_empty(),
            ModuleBody::List { items } => items.iter().all(|i| i.trim().is_empty()),
            ModuleBody::Sliders { rows, .. } => rows.is_empty(),
            ModuleBody::Tags { tags } => tags.is_empty(),
            ModuleBody::Chart { .. } => true,
            ModuleBody::Image { asset, .. } => asset.is_none(),
        }
    }

    /// The same kind of module with the user's content removed and the labels kept:
    /// what a new persona gets from its template.
    pub fn emptied(&self) -> ModuleBody {
        match self {
            ModuleBody::Header => ModuleBody::Header,
            ModuleBody::Facts { rows } => ModuleBody::Facts {
                rows: rows
                    .iter()
                    .map(|f| Fact {
                        label: f.label.clone(),
                        value: String::new(),
                    })
                    .collect(),
            },
            ModuleBody::Text { .. } => ModuleBody::Text {
                text: String::new(),
            },
            ModuleBody::List { .. } => ModuleBody::List { items: Vec::new() },
            ModuleBody::Sliders { scale, rows } => ModuleBody::Sliders {
                scale: *scale,
                rows: rows
                    .iter()
                    .map(|s| Slider {
                        value: 50,
                        ..s.clone()
                    })
                    .collect(),
            },
            ModuleBody::Tags { .. } => ModuleBody::Tags { tags: Vec::new() },
            ModuleBody::Chart { caption } => ModuleBody::Chart {
                caption: caption.clone(),
            },
            ModuleBody::Image { caption, .. } => ModuleBody::Image {
                asset: None,
                caption: caption.clone(),
            },
        }
    }

    /// Every piece of user text in the module, in reading order (for search and checks).
    pub fn texts(&self) -> Vec<&str> {
        match self {
            ModuleBody::Header => Vec::new(),
            ModuleBody::Facts { rows } => rows
                .iter()
                .flat_map(|f| [f.label.as_str(), f.value.as_str()])
                .collect(),
            ModuleBody::Text { text } => vec![text.as_str()],
            ModuleBody::List { items } => items.iter().map(String::as_str).collect(),
            ModuleBody::Sliders { rows, .. } => rows
                .iter()
                .flat_map(|s| [s.left.as_str(), s.right.as_str()])
                .collect(),
            ModuleBody::Tags { tags } => tags.iter().map(String::as_str).collect(),
            ModuleBody::Chart { caption } => vec![caption.as_str()],
            ModuleBody::Image { caption, .. } => vec![caption.as_str()],
        }
    }

    /// Checks the invariants serde cannot express.
    pub fn validate(&self) -> Result<(), ModelError> {
        if let ModuleBody::Sliders { rows, .. } = self {
            if let Some(s) = rows.iter().find(|s| s.value > 100) {
                return Err(ModelError::SliderOutOfRange {
                    label: s.left.clone(),
                    value: s.value,
                });
            }
        }
        Ok(())
    }
}

/// One key–value row of a facts module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// Whether sliders run between two opposites or from none to full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SliderScale {
    /// Between two poles: `left` at 0, `right` at 100.
    Bipolar,
    /// From nothing (0) to full (100) of `left`; `right` is unused.
    Unipolar,
}

/// One slider row. `value` is 0–100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Slider {
    pub left: String,
    #[serde(default)]
    pub right: String,
    pub value: u8,
}
