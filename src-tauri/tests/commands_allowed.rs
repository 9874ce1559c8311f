//! The window may call exactly the commands the app registers: each command the
//! invoke handler lists (gui.rs) is in the app manifest (build.rs) and allowed by the
//! capability (capabilities/default.json), and each command the UI calls
//! (ui/src/lib/backend/tauri.ts) is registered. A command missing from either list is
//! refused at run time with a permission error only the real window shows, so the
//! mocked UI tests cannot catch it.

use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every identifier that follows `prefix` and ends at a character outside [a-z0-9_-].
fn names_after(text: &str, prefix: &str) -> BTreeSet<String> {
    text.match_indices(prefix)
        .map(|(at, _)| {
            text[at + prefix.len()..]
                .chars()
                .take_while(|c| {
                    c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == '-'
                })
                .collect::<String>()
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// The first argument of every `call('name'…)` or `call<T>('name'…)` (events go
/// through `listen`, not `call`).
fn called_commands(ui: &str) -> BTreeSet<String> {
    ui.match_indices("call")
        .filter_map(|(at, _)| {
            let rest = &ui[at + 4..];
            let open = rest.find("('")?;
            let between = &rest[..open];
            let generic =
                between.is_empty() || (between.starts_with('<') && !between.contains('('));
            let name: String = rest[open + 2..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            (generic && !name.is_empty()).then_some(name)
        })
        .collect()
}

#[test]
fn registered_manifested_allowed_and_called_commands_agree() {
    let registered = names_after(&read("src/gui.rs"), "commands::");
    let build = read("build.rs");
    let manifest: BTreeSet<String> = names_after(&build, "        \"");
    let allowed: BTreeSet<String> = names_after(&read("capabilities/default.json"), "\"allow-")
        .into_iter()
        .map(|n| n.replace('-', "_"))
        .collect();
    let ui = read("../ui/src/lib/backend/tauri.ts");
    let called = called_commands(&ui);

    assert!(registered.len() > 40, "found only {registered:?} in gui.rs");
    assert_eq!(
        manifest, registered,
        "build.rs and gui.rs list different commands"
    );
    assert_eq!(
        allowed, registered,
        "the capability and gui.rs list different commands"
    );
    let unregistered: Vec<_> = called.difference(&registered).collect();
    assert!(
        unregistered.is_empty(),
        "the UI calls commands the app does not register: {unregistered:?}"
    );
    let unused: Vec<_> = registered.difference(&called).collect();
    assert!(
        unused.is_empty(),
        "the app registers commands the UI never calls: {unused:?}"
    );
}
