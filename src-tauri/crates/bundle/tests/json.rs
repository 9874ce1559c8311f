//! A single persona as plain JSON, for integrations: round trip and hostile input.

mod common;

use common::*;
use persona_bundle::{from_json, to_json, Limits, ReadError, WriteError, PERSONA_JSON_ENTRY};

#[test]
fn personas_in_four_scripts_round_trip_through_json() {
    for p in sample().personas {
        let bytes = to_json(&p).unwrap();
        assert!(bytes.ends_with(b"}\n"));
        assert_eq!(from_json(&bytes, &Limits::default()).unwrap(), p);
        // Text stays readable in the file, not escaped.
        assert!(String::from_utf8(bytes).unwrap().contains(&p.name));
    }
}

#[test]
fn the_same_persona_gives_the_same_bytes() {
    let p = &sample().personas[1];
    assert_eq!(to_json(p).unwrap(), to_json(&p.clone()).unwrap());
}

#[test]
fn an_invalid_persona_is_not_written() {
    let mut p = sample().personas[0].clone();
    p.name = "   ".into();
    assert!(matches!(to_json(&p), Err(WriteError::Invalid { .. })));
}

#[test]
fn hostile_json_is_refused_with_limits() {
    let limits = Limits::default();
    let big = vec![b' '; 5 << 20];
    assert!(matches!(
        from_json(&big, &limits),
        Err(ReadError::JsonTooLarge { entry, size, limit }) if entry == PERSONA_JSON_ENTRY && size == 5 << 20 && limit == 4 << 20
    ));
    let deep = "[".repeat(10_000);
    assert!(matches!(
        from_json(deep.as_bytes(), &limits),
        Err(ReadError::JsonTooDeep { limit: 64, .. })
    ));
    assert!(matches!(
        from_json(b"{", &limits),
        Err(ReadError::InvalidDocument { .. })
    ));
    assert!(matches!(
        from_json(b"", &limits),
        Err(ReadError::InvalidDocument { .. })
    ));
    let mut doc = serde_json::to_value(&sample().personas[0]).unwrap();
    doc["modules"] = "none".into();
    let bytes = serde_json::to_vec(&doc).unwrap();
    assert!(matches!(
        from_json(&bytes, &limits),
        Err(ReadError::InvalidDocument { .. })
    ));
    doc = serde_json::to_value(&sample().personas[0]).unwrap();
    doc["schema"] = (persona_model::PERSONA_SCHEMA + 1).into();
    let err = from_json(&serde_json::to_vec(&doc).unwrap(), &limits).unwrap_err();
    assert!(
        err.to_string().contains("made by a newer Persona Studio"),
        "{err}"
    );
}
