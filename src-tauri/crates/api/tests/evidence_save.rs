//! Evidence belongs to the evidence operations: saving an editor's copy of a persona
//! (older than an evidence change) neither drops nor revives evidence.

use chrono::{TimeZone, Utc};
use persona_api::model::{FieldRef, FixedClock};
use persona_api::{EvidenceSpec, Studio};

fn manual(name: &str) -> EvidenceSpec {
    EvidenceSpec::Manual {
        name: name.into(),
        date: None,
        url: None,
        note: String::new(),
    }
}

#[test]
fn saving_a_stale_copy_of_a_persona_keeps_the_stored_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let when = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
    let studio = Studio::open(dir.path(), Box::new(FixedClock(when))).unwrap();
    studio.create_project("Shop").unwrap();
    let persona = studio.create_persona("Shop", "Fred", None).unwrap();
    // The editor holds this copy while evidence is attached elsewhere.
    let mut editor_copy = persona.clone();
    let added = studio
        .add_evidence("Fred", &FieldRef::Quote, &manual("Interview, March"))
        .unwrap();

    editor_copy.quote = "I compare prices before I buy.".into();
    let saved = studio.save_persona(editor_copy).unwrap();
    assert_eq!(saved.quote, "I compare prices before I buy.");
    assert_eq!(
        saved.evidence.len(),
        1,
        "the attached evidence survives the save"
    );
    assert_eq!(saved.evidence[0].id, added.id);

    // And a copy that still has evidence removed since does not bring it back.
    let mut stale = studio.persona(persona.id).unwrap();
    studio.remove_evidence("Fred", added.id).unwrap();
    stale.archetype = "The planner".into();
    let saved = studio.save_persona(stale).unwrap();
    assert!(saved.evidence.is_empty());
    assert_eq!(studio.persona(persona.id).unwrap().archetype, "The planner");
}
