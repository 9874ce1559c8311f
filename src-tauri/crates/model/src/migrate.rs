//! Reading stored documents of any schema version this build knows.
//!
//! Each document kind has a current schema number. Older documents are lifted one step
//! at a time (`vN → vN+1`) as JSON before they are typed; newer ones are refused, so a
//! library or a file written by a later version is never misread or silently truncated.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{
    DatasetRecord, ModelError, Persona, PresetFile, Project, Template, DATASET_RECORD_SCHEMA,
    PERSONA_SCHEMA, PRESET_SCHEMA, PROJECT_SCHEMA, TEMPLATE_SCHEMA,
};

/// Reads a persona document of any supported schema version.
pub fn persona(bytes: &[u8]) -> Result<Persona, ModelError> {
    let p: Persona = read("persona", bytes, PERSONA_SCHEMA, &[persona_1_to_2])?;
    p.validate()?;
    Ok(p)
}

/// Reads a project document of any supported schema version.
pub fn project(bytes: &[u8]) -> Result<Project, ModelError> {
    let p: Project = read("project", bytes, PROJECT_SCHEMA, &[])?;
    p.validate()?;
    Ok(p)
}

/// Reads a dataset record of any supported schema version.
pub fn dataset_record(bytes: &[u8]) -> Result<DatasetRecord, ModelError> {
    read("dataset", bytes, DATASET_RECORD_SCHEMA, &[])
}

/// Reads a template document of any supported schema version.
pub fn template(bytes: &[u8]) -> Result<Template, ModelError> {
    let t: Template = read("template", bytes, TEMPLATE_SCHEMA, &[template_1_to_2])?;
    t.validate()?;
    Ok(t)
}

/// Reads a file of presets of any supported schema version.
pub fn presets(bytes: &[u8]) -> Result<PresetFile, ModelError> {
    let f: PresetFile = read("preset file", bytes, PRESET_SCHEMA, &[])?;
    for p in &f.presets {
        if let Some((label, value)) = p
            .sliders
            .values()
            .flat_map(|m| m.iter())
            .find(|(_, v)| **v > 100)
        {
            return Err(ModelError::SliderOutOfRange {
                label: label.clone(),
                value: *value,
            });
        }
    }
    Ok(f)
}

/// Persona 1 → 2: evidence arrived; a schema-1 persona has none.
fn persona_1_to_2(doc: &mut Value) {
    if let Some(obj) = doc.as_object_mut() {
        obj.entry("evidence")
            .or_insert_with(|| Value::Array(Vec::new()));
    }
}

/// Template 1 → 2: translations arrived; a schema-1 template has its base text only.
fn template_1_to_2(doc: &mut Value) {
    if let Some(obj) = doc.as_object_mut() {
        obj.entry("locales")
            .or_insert_with(|| Value::Object(Default::default()));
    }
}

/// One migration step: turns a document of schema `n` (its index + 1) into `n + 1`.
type Step = fn(&mut Value);

fn read<T: DeserializeOwned>(
    kind: &'static str,
    bytes: &[u8],
    current: u32,
    steps: &[Step],
) -> Result<T, ModelError> {
    let invalid = |source| ModelError::InvalidJson { kind, source };
    let mut value: Value = serde_json::from_slice(bytes).map_err(invalid)?;
    let found = value
        .get("schema")
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n >= 1)
        .ok_or(ModelError::MissingSchema { kind })?;
    if found > current {
        return Err(ModelError::TooNew {
            kind,
            found,
            supported: current,
        });
    }
    // Steps are indexed from schema 1; `steps.len()` must equal `current - 1`.
    debug_assert_eq!(steps.len() + 1, current as usize);
    for step in steps.iter().skip(found as usize - 1) {
        step(&mut value);
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert("schema".into(), Value::from(current));
    }
    serde_json::from_value(value).map_err(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newer_documents_are_refused_with_versions() {
        let doc = br#"{"schema": 99, "id": "x"}"#;
        let err = persona(doc).unwrap_err();
        assert!(matches!(
            err,
            ModelError::TooNew {
                found: 99,
                supported: 2,
                ..
            }
        ));
        assert_eq!(
            err.to_string(),
            "the persona was made by a newer Persona Studio (schema 99; this version reads up to 2)"
        );
    }

    #[test]
    fn schema_1_personas_read_with_no_evidence() {
        let doc = br#"{"schema": 1, "id": "6f1c2a70-0000-4000-8000-000000000001",
            "project": "6f1c2a70-0000-4000-8000-000000000002", "template": "user-persona",
            "name": "Fred", "modules": [], "created": "2024-01-01T00:00:00Z",
            "updated": "2024-01-01T00:00:00Z"}"#;
        let p = persona(doc).unwrap();
        assert_eq!(p.schema, 2);
        assert!(p.evidence.is_empty());
    }

    #[test]
    fn documents_without_schema_are_refused() {
        assert!(matches!(
            project(br#"{"name": "x"}"#),
            Err(ModelError::MissingSchema { kind: "project" })
        ));
        assert!(matches!(
            project(br#"{"schema": 0}"#),
            Err(ModelError::MissingSchema { .. })
        ));
    }

    #[test]
    fn broken_json_says_which_document() {
        let err = template(b"{").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("the template document is not valid"));
    }
}
