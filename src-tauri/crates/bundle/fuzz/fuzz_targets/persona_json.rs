//! Any bytes given to the persona JSON reader give a persona or a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use persona_bundle::{from_json, to_json, Limits};

fuzz_target!(|data: &[u8]| {
    if let Ok(p) = from_json(data, &Limits::default()) {
        let bytes = to_json(&p).expect("an accepted persona writes again");
        assert_eq!(from_json(&bytes, &Limits::default()).ok(), Some(p));
    }
});
