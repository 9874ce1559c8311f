//! Presets: typical content for a template, such as the shopper archetypes of the
//! persona literature (coupon hunter, last-minute shopper…). A preset prefills a new
//! persona's archetype, quote, lists, slider positions and tags; the user edits from there.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{migrate, ModelError, ModuleBody, Persona, TemplateId};

/// The schema version of preset files written by this build.
pub const PRESET_SCHEMA: u32 = 1;

/// Typical content for personas of one template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Preset {
    /// A short slug, unique among presets: `coupon-hunter`.
    pub id: String,
    /// The template whose modules this preset fills.
    pub template: TemplateId,
    /// What the new-persona dialog and `preset list` show.
    pub name: String,
    pub description: String,
    /// Goes to the persona's archetype line.
    pub archetype: String,
    #[serde(default)]
    pub quote: String,
    /// List module id → items.
    #[serde(default)]
    pub lists: BTreeMap<String, Vec<String>>,
    /// Sliders module id → slider label (its left pole) → position 0–100.
    #[serde(default)]
    pub sliders: BTreeMap<String, BTreeMap<String, u8>>,
    /// Tags module id → tags.
    #[serde(default)]
    pub tags: BTreeMap<String, Vec<String>>,
}

/// A file of presets, as kept in `assets/presets`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PresetFile {
    pub schema: u32,
    pub presets: Vec<Preset>,
}

impl Preset {
    /// Fills `persona` with this preset's content. Fails, changing nothing, when the
    /// persona lacks a module or slider the preset names (it was made from another
    /// template, or the user has reshaped it).
    pub fn apply(&self, persona: &mut Persona) -> Result<(), ModelError> {
        let mut filled = persona.clone();
        let mismatch = |module: &str, detail: String| ModelError::PresetMismatch {
            preset: self.id.clone(),
            module: module.to_owned(),
            detail,
        };
        fn body<'a>(p: &'a mut Persona, id: &str) -> Option<&'a mut ModuleBody> {
            p.modules
                .iter_mut()
                .find(|m| m.id == id)
                .map(|m| &mut m.body)
        }
        for (id, items) in &self.lists {
            match body(&mut filled, id) {
                Some(ModuleBody::List { items: target }) => target.clone_from(items),
                _ => return Err(mismatch(id, "no list module with this id".into())),
            }
        }
        for (id, values) in &self.sliders {
            let Some(ModuleBody::Sliders { rows, .. }) = body(&mut filled, id) else {
                return Err(mismatch(id, "no sliders module with this id".into()));
            };
            for (label, value) in values {
                let row = rows
                    .iter_mut()
                    .find(|r| &r.left == label)
                    .ok_or_else(|| mismatch(id, format!("no slider '{label}'")))?;
                row.value = *value;
            }
        }
        for (id, tags) in &self.tags {
            match body(&mut filled, id) {
                Some(ModuleBody::Tags { tags: target }) => target.clone_from(tags),
                _ => return Err(mismatch(id, "no tags module with this id".into())),
            }
        }
        filled.archetype.clone_from(&self.archetype);
        filled.quote.clone_from(&self.quote);
        filled.validate()?;
        *persona = filled;
        Ok(())
    }
}

const SOURCES: &[&str] = &[include_str!(
    "../../../../assets/presets/shopper-archetypes.json"
)];

/// Every built-in preset, in the order the app offers them.
///
/// Like the built-in templates, the sources are compiled in and checked by this
/// crate's tests; a file that fails to parse is left out rather than taking the app down.
pub fn builtin_presets() -> &'static [Preset] {
    static PARSED: OnceLock<Vec<Preset>> = OnceLock::new();
    PARSED.get_or_init(|| {
        SOURCES
            .iter()
            .filter_map(|s| migrate::presets(s.as_bytes()).ok())
            .flat_map(|f| f.presets)
            .collect()
    })
}

/// The built-in preset with this id.
pub fn builtin_preset(id: &str) -> Option<&'static Preset> {
    builtin_presets().iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{builtin_template, ProjectId};

    fn new_persona(template: &str) -> Persona {
        let t = builtin_template(&template.into()).unwrap();
        Persona::from_template(t, ProjectId::new(), "Test", chrono::DateTime::UNIX_EPOCH).unwrap()
    }

    #[test]
    fn the_eight_shopper_archetypes_are_there() {
        for (i, src) in SOURCES.iter().enumerate() {
            if let Err(e) = migrate::presets(src.as_bytes()) {
                panic!("preset file #{i} is broken: {e}");
            }
        }
        let ids: Vec<&str> = builtin_presets().iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "researcher",
                "last-minute",
                "enthusiast",
                "fashion-lover",
                "procrastinator",
                "high-income",
                "coupon-hunter",
                "holiday-shopper"
            ]
        );
    }

    #[test]
    fn every_preset_fills_every_slider_and_list_of_its_template() {
        for preset in builtin_presets() {
            let mut p = new_persona(preset.template.as_str());
            preset
                .apply(&mut p)
                .unwrap_or_else(|e| panic!("{}: {e}", preset.id));
            assert_eq!(p.archetype, preset.archetype);
            for m in &p.modules {
                match &m.body {
                    ModuleBody::List { items } => {
                        assert!(!items.is_empty(), "{}: list {} left empty", preset.id, m.id)
                    }
                    ModuleBody::Sliders { rows, .. } => {
                        let set = &preset.sliders[&m.id];
                        for r in rows {
                            assert_eq!(
                                set.get(&r.left),
                                Some(&r.value),
                                "{}: slider {}/{} not set",
                                preset.id,
                                m.id,
                                r.left
                            );
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn presets_differ_where_it_matters() {
        let value = |id: &str| {
            let mut p = new_persona("ecommerce-shopper");
            builtin_preset(id).unwrap().apply(&mut p).unwrap();
            p
        };
        let bargain =
            |p: &Persona| match &p.modules.iter().find(|m| m.id == "mindset").unwrap().body {
                ModuleBody::Sliders { rows, .. } => rows[0].value,
                _ => unreachable!(),
            };
        // 0 is the bargain-seeking pole, 100 the experience-seeking one.
        assert!(bargain(&value("coupon-hunter")) < 20);
        assert!(bargain(&value("high-income")) > 80);
    }

    #[test]
    fn a_preset_for_another_template_changes_nothing() {
        let mut p = new_persona("b2b-buyer");
        let before = p.clone();
        let err = builtin_preset("coupon-hunter")
            .unwrap()
            .apply(&mut p)
            .unwrap_err();
        assert!(matches!(err, ModelError::PresetMismatch { .. }), "{err}");
        assert_eq!(p, before);
    }
}
