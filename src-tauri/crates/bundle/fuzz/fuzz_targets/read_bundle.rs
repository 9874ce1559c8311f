//! Any bytes given to the bundle reader give a bundle or a typed error, never a
//! panic, an abort or unbounded memory. Seed the corpus with tests/fixtures/*.persona.
#![no_main]

use libfuzzer_sys::fuzz_target;
use persona_bundle::{read, write, Limits, Scope, WriteOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(bundle) = read(data, &Limits::default()) else {
        return;
    };
    // Whatever is accepted must write again and read back equal.
    let options = WriteOptions {
        app_version: "fuzz".into(),
        scope: Scope::Selection,
    };
    let bytes = write(&bundle.contents, &options).expect("accepted contents write again");
    let again = read(&bytes, &Limits::default()).expect("a written bundle reads");
    assert_eq!(again.contents, bundle.contents);
});
