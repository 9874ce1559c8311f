//! Every document the writer produces validates against its JSON Schema in
//! `docs/schemas/`, so the published spec and the code cannot drift apart.

mod common;

use std::path::PathBuf;

use common::*;
use persona_bundle::{to_json, EvidenceItem};
use serde_json::Value;

fn schema(name: &str) -> jsonschema::Validator {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../docs/schemas")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&value).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn assert_valid(validator: &jsonschema::Validator, entry: &str, bytes: &[u8]) {
    let doc: Value = serde_json::from_slice(bytes).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{entry}: {errors:#?}");
}

fn schema_for(entry: &str) -> &'static str {
    match entry {
        "manifest.json" => "manifest.schema.json",
        "project.json" => "project.schema.json",
        "evidence/evidence.json" => "evidence.schema.json",
        e if e.starts_with("personas/") => "persona.schema.json",
        e if e.starts_with("templates/") => "template.schema.json",
        other => panic!("no schema for {other}"),
    }
}

#[test]
fn every_written_document_validates_against_its_schema() {
    let mut contents = sample();
    let item: EvidenceItem =
        serde_json::from_value(serde_json::json!({"kind": "quote", "text": "Дешевле — лучше"}))
            .unwrap();
    contents.evidence.items.push(item);
    let bytes = persona_bundle::write(&contents, &options(persona_bundle::Scope::Project)).unwrap();
    let mut checked = 0;
    for (entry, data) in unzip(&bytes) {
        if entry.starts_with("assets/") {
            continue;
        }
        assert_valid(&schema(schema_for(&entry)), &entry, &data);
        checked += 1;
    }
    assert_eq!(checked, 1 + 1 + 1 + 4 + 2);
}

#[test]
fn standalone_persona_json_validates_against_the_persona_schema() {
    for p in &sample().personas {
        assert_valid(
            &schema("persona.schema.json"),
            &p.name,
            &to_json(p).unwrap(),
        );
    }
}

#[test]
fn built_in_templates_validate_against_the_template_schema() {
    for t in persona_model::builtin_templates() {
        assert_valid(
            &schema("template.schema.json"),
            t.id.as_str(),
            &serde_json::to_vec(t).unwrap(),
        );
    }
}

#[test]
fn schemas_refuse_what_the_reader_refuses() {
    let persona = schema("persona.schema.json");
    let mut doc = serde_json::to_value(&sample().personas[0]).unwrap();
    doc["name"] = 42.into();
    assert!(!persona.is_valid(&doc));
    let manifest = schema("manifest.schema.json");
    let entries = sample_entries();
    let mut m: Value = serde_json::from_slice(&entries["manifest.json"]).unwrap();
    m["contents"][0]["path"] = "../evil".into();
    assert!(!manifest.is_valid(&m));
}

#[test]
fn a_persona_with_every_kind_of_evidence_validates_against_the_persona_schema() {
    use persona_model::{
        DatasetId, Evidence, EvidenceId, EvidenceSource, NaiveDate, OptionShare, SegmentCondition,
        SegmentFilter, SurveyRef,
    };
    let day = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
    let survey = SurveyRef {
        dataset: DatasetId::new(),
        dataset_name: "Весна".into(),
        question: "q2".into(),
        question_text: "Канал".into(),
        collected: day,
    };
    let segment = Some(SegmentFilter {
        name: "q1=Да".into(),
        conditions: vec![SegmentCondition::AnyOf {
            question: "q1".into(),
            options: vec!["Да".into()],
        }],
    });
    let share = OptionShare {
        label: "Email".into(),
        count: 31,
        percent: 62.0,
        ci_low: 48.1,
        ci_high: 74.2,
    };
    let sources = vec![
        (
            "goals/0",
            EvidenceSource::Statistic {
                survey: survey.clone(),
                options: vec!["Email".into()],
                segment: segment.clone(),
                count: 31,
                n: 50,
                percent: 62.0,
                ci_low: 48.1,
                ci_high: 74.2,
            },
        ),
        (
            "bio",
            EvidenceSource::Distribution {
                survey: survey.clone(),
                segment: None,
                n: 50,
                options: vec![share],
            },
        ),
        (
            "facts/0",
            EvidenceSource::NumericSummary {
                survey: survey.clone(),
                segment,
                n: 50,
                median: 34.0,
                q1: 28.0,
                q3: 41.5,
                min: 18.0,
                max: 70.0,
            },
        ),
        (
            "quote",
            EvidenceSource::Quote {
                survey,
                respondent: "R12".into(),
                text: "Дешевле — лучше".into(),
            },
        ),
        (
            "archetype",
            EvidenceSource::Manual {
                name: "Interview".into(),
                date: Some(day),
                url: None,
                note: String::new(),
            },
        ),
    ];
    let mut p = sample().personas[0].clone();
    for (field, source) in sources {
        p.evidence.push(Evidence {
            id: EvidenceId::new(),
            field: field.parse().unwrap(),
            anchor: String::new(),
            source,
            added: p.updated,
        });
    }
    assert_valid(
        &schema("persona.schema.json"),
        &p.name,
        &to_json(&p).unwrap(),
    );
}
