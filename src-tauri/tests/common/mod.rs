//! What the command-line tests share: running the real binary against a library folder.

#![allow(dead_code)] // each test file uses its own subset

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

pub const BIN: &str = env!("CARGO_BIN_EXE_persona-studio");

/// Runs the binary on the library in `dir`, ignoring any PERSONA_STUDIO_DATA of the caller.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("PERSONA_STUDIO_DATA")
        .output()
        .expect("the binary runs")
}

/// Runs and asserts success; answers stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// Runs, asserts success and parses stdout as JSON.
pub fn json(dir: &Path, args: &[&str]) -> Value {
    let text = ok(dir, args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {text}"))
}

/// A real survey export from the shared fixtures, read in place; `None` (with a
/// message) when the fixtures are not beside this checkout.
pub fn fixture(relative: &str) -> Option<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures/surveys");
    if !root.is_dir() {
        eprintln!(
            "SKIP: the shared survey fixtures are not beside this checkout ({})",
            root.display()
        );
        return None;
    }
    Some(root.join(relative))
}

/// Runs and asserts failure with exactly one line on stderr containing `needle`.
pub fn fails(dir: &Path, args: &[&str], needle: &str) {
    let out = run(dir, args);
    assert!(!out.status.success(), "{args:?} succeeded");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err}"
    );
    assert!(err.contains(needle), "stderr {err:?} lacks {needle:?}");
}
