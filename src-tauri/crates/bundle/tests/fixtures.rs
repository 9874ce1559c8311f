//! Bundles of format 1.0, committed under `tests/fixtures/`, keep opening.
//!
//! The fixtures were written once by this build. They are never regenerated as a
//! matter of course: a later version must read these very bytes. To (re)make them on
//! purpose (only when adding a fixture of a new format version), run
//!
//! ```sh
//! PERSONA_BUNDLE_WRITE_FIXTURES=1 cargo test -p persona-bundle --test fixtures
//! ```

mod common;

use std::path::PathBuf;

use common::*;
use persona_bundle::{read, BundleContents, Limits, Scope};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn project_1_0() -> BundleContents {
    sample()
}

fn persona_1_0() -> BundleContents {
    let mut c = sample();
    c.project = None;
    c.personas.truncate(1);
    c.templates.truncate(1);
    c.assets.retain(|h, _| *h == hash(PNG));
    c
}

fn check(name: &str, scope: Scope, expected: BundleContents) {
    let path = fixture(name);
    if std::env::var_os("PERSONA_BUNDLE_WRITE_FIXTURES").is_some() {
        let bytes = persona_bundle::write(&expected, &options(scope)).unwrap();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
    }
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bundle = read(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(bundle.inspection.format_version.to_string(), "1.0");
    assert_eq!(bundle.inspection.scope, scope);
    // What a 1.0 file held, as the current model reads it. If the model's schema moves
    // on, this expectation becomes the migrated value; the file itself stays as it is.
    assert_eq!(bundle.contents, sorted(expected));
}

#[test]
fn format_1_0_project_bundle_still_reads() {
    check("v1.0-project.persona", Scope::Project, project_1_0());
}

#[test]
fn format_1_0_single_persona_bundle_still_reads() {
    check("v1.0-persona.persona", Scope::Persona, persona_1_0());
}
