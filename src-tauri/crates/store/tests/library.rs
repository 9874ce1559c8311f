//! The library against a real sled database in a temporary folder.

use chrono::DateTime;
use persona_model::{builtin_template, ModuleBody, Persona, Project};
use persona_store::{Library, StoreError, LOCK_FILE};

fn sample(lib: &Library) -> (Project, Persona) {
    let now = DateTime::UNIX_EPOCH;
    let project = Project::new("Кофейня «Утро»", now).unwrap();
    let template = builtin_template(&"user-persona".into()).unwrap();
    let mut persona = Persona::from_template(template, project.id, "Đặng Thu Hà", now).unwrap();
    persona.quote = "我只买评价好的东西".into();
    lib.put_all(
        std::slice::from_ref(&project),
        std::slice::from_ref(&persona),
    )
    .unwrap();
    (project, persona)
}

#[test]
fn documents_survive_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let (project, persona) = {
        let lib = Library::open(dir.path()).unwrap();
        assert!(lib.is_empty());
        sample(&lib)
    };
    let lib = Library::open(dir.path()).unwrap();
    assert!(!lib.is_empty());
    assert_eq!(lib.projects().unwrap(), vec![project.clone()]);
    assert_eq!(lib.persona(persona.id).unwrap(), Some(persona.clone()));
    assert_eq!(lib.project(project.id).unwrap(), Some(project));
}

#[test]
fn a_second_open_is_refused_while_the_first_holds_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let first = Library::open(dir.path()).unwrap();
    let err = Library::open(dir.path()).unwrap_err();
    match &err {
        StoreError::Locked { pid, .. } => assert_eq!(*pid, Some(std::process::id())),
        other => panic!("expected Locked, got {other:?}"),
    }
    assert!(err
        .to_string()
        .contains("in use by another Persona Studio process"));
    drop(first);
    Library::open(dir.path()).expect("the lock is released when the library is dropped");
}

#[test]
fn a_file_in_place_of_the_data_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let err = Library::open(&file).unwrap_err();
    assert!(matches!(err, StoreError::BadDataDir { .. }), "{err:?}");
    assert!(err.to_string().contains("it is a file, not a folder"));
}

#[test]
fn invalid_documents_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let (project, persona) = sample(&lib);
    let mut bad = persona.clone();
    bad.name = "   ".into();
    let mut renamed_project = project.clone();
    renamed_project.name = "Renamed".into();
    // A batch with one invalid document writes nothing, not even its valid ones.
    let err = lib.put_all(&[renamed_project], &[bad]).unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    assert_eq!(lib.project(project.id).unwrap().unwrap().name, project.name);
    assert_eq!(lib.persona(persona.id).unwrap().unwrap(), persona);

    let mut slider = persona.clone();
    for m in &mut slider.modules {
        if let ModuleBody::Sliders { rows, .. } = &mut m.body {
            rows[0].value = 101;
        }
    }
    assert!(lib.put_persona(&slider).is_err());
    assert_eq!(lib.persona(persona.id).unwrap().unwrap(), persona);
}

#[test]
fn deleting_a_persona() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let (_, persona) = sample(&lib);
    assert!(lib.delete_persona(persona.id).unwrap());
    assert!(!lib.delete_persona(persona.id).unwrap());
    assert_eq!(lib.persona(persona.id).unwrap(), None);
}

#[test]
fn assets_are_stored_once_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let a = lib.put_asset(b"picture").unwrap();
    let b = lib.put_asset(b"picture").unwrap();
    assert_eq!(a, b);
    // Computed independently: `printf picture | sha256sum`.
    assert_eq!(
        a.0,
        "2cea274d0bedc39ec4ab6ba9e59ec889e3ed6fb56a1cf088a64d9b383378dc97"
    );
    assert_eq!(lib.asset(&a).unwrap().as_deref(), Some(&b"picture"[..]));
}

#[test]
fn the_lock_file_names_the_owner() {
    let dir = tempfile::tempdir().unwrap();
    let _lib = Library::open(dir.path()).unwrap();
    let text = std::fs::read_to_string(dir.path().join(LOCK_FILE)).unwrap();
    assert_eq!(text, std::process::id().to_string());
}

#[test]
fn digests_follow_writes_and_are_rebuilt_for_an_older_library() {
    let dir = tempfile::tempdir().unwrap();
    let persona = {
        let lib = Library::open(dir.path()).unwrap();
        let (_, persona) = sample(&lib);
        let d = lib.digests().unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].name, "Đặng Thu Hà");
        assert!(d[0].text.contains("我只买评价好的东西"));
        persona
    };
    // A library written before digests existed has no digest tree.
    {
        let db = sled::open(dir.path().join(persona_store::DB_DIR)).unwrap();
        let names: Vec<String> = db
            .tree_names()
            .iter()
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .filter(|n| n.starts_with("digests"))
            .collect();
        for n in names {
            db.drop_tree(n.as_bytes()).unwrap();
        }
        db.flush().unwrap();
    }
    let lib = Library::open(dir.path()).unwrap();
    assert_eq!(lib.digests().unwrap()[0].id, persona.id);
    assert!(lib.delete_persona(persona.id).unwrap());
    assert!(lib.digests().unwrap().is_empty());
}
