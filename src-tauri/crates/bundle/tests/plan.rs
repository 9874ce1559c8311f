//! The import plan: what would be created, replaced or skipped, decided purely.

mod common;

use std::collections::BTreeMap;

use common::*;
use persona_bundle::{
    plan_import, BundleContents, Existing, ImportTarget, OnConflict, PersonaAction, PlanError,
    ProjectPlan, TemplateAction,
};
use persona_model::{builtin_templates, PersonaId, ProjectId};
use uuid::Uuid;

fn ids() -> impl FnMut() -> Uuid {
    let mut n = 0xf000u128;
    move || {
        n += 1;
        Uuid::from_u128(n)
    }
}

fn library() -> Existing {
    Existing {
        // The built-in templates, with user-persona as the samples froze it.
        templates: builtin_templates()
            .iter()
            .cloned()
            .chain([template("user-persona")])
            .map(|t| (t.id.clone(), t))
            .collect(),
        ..Existing::default()
    }
}

/// A library that already imported the sample once.
fn library_with_sample() -> Existing {
    let c = sample();
    let mut e = library();
    e.projects.insert(c.project.as_ref().unwrap().id);
    e.personas.extend(c.personas.iter().map(|p| p.id));
    e.templates
        .extend(c.templates.iter().map(|t| (t.id.clone(), t.clone())));
    e.assets.extend(c.assets.keys().cloned());
    e
}

fn plan(
    c: &BundleContents,
    e: &Existing,
    t: ImportTarget,
    o: OnConflict,
) -> persona_bundle::ImportPlan {
    plan_import(c, e, t, o, &mut ids()).unwrap()
}

#[test]
fn into_an_empty_library_everything_is_created() {
    let c = sample();
    let p = plan(
        &c,
        &library(),
        ImportTarget::BundleProject,
        OnConflict::KeepBoth,
    );
    assert_eq!(p.project, ProjectPlan::Create(c.project.clone().unwrap()));
    assert!(p.personas.iter().all(|x| x.action == PersonaAction::Create));
    let stored: Vec<_> = p.personas.iter().map(|x| x.persona.clone()).collect();
    assert_eq!(stored, c.personas);
    // user-persona is built in and equal: reused; the custom one is new.
    let actions: BTreeMap<_, _> = p
        .templates
        .iter()
        .map(|t| (t.original.as_str(), t.action))
        .collect();
    assert_eq!(actions["user-persona"], TemplateAction::UseExisting);
    assert_eq!(actions["acme-custom"], TemplateAction::Create);
    assert_eq!(p.assets, c.assets);
    assert!(p.dropped_assets.is_empty());
}

#[test]
fn into_an_existing_project_rewrites_the_project_of_every_persona() {
    let target = ProjectId(Uuid::from_u128(77));
    let mut e = library();
    e.projects.insert(target);
    let p = plan(&sample(), &e, ImportTarget::Into(target), OnConflict::Skip);
    assert_eq!(p.project, ProjectPlan::UseExisting(target));
    assert!(p.personas.iter().all(|x| x.persona.project == target));
    // The bundle's brand is not imported, so its logo is not stored either.
    assert!(!p.assets.contains_key(&hash(JPEG)));
    assert!(p.assets.contains_key(&hash(PNG)));

    let other = ProjectId(Uuid::from_u128(78));
    assert_eq!(
        plan_import(
            &sample(),
            &e,
            ImportTarget::Into(other),
            OnConflict::Skip,
            &mut ids()
        ),
        Err(PlanError::UnknownProject(other))
    );
}

#[test]
fn keep_both_gives_fresh_ids_and_rewrites_references() {
    let c = sample();
    let p = plan(
        &c,
        &library_with_sample(),
        ImportTarget::BundleProject,
        OnConflict::KeepBoth,
    );
    let ProjectPlan::Create(project) = &p.project else {
        panic!("{:?}", p.project)
    };
    assert_eq!(project.id, ProjectId(Uuid::from_u128(0xf001)));
    assert_eq!(project.brand, c.project.as_ref().unwrap().brand);
    for (x, original) in p.personas.iter().zip(&c.personas) {
        assert_eq!(x.action, PersonaAction::Create);
        assert_eq!(x.original, original.id);
        assert_ne!(x.persona.id, original.id);
        assert_eq!(x.persona.project, project.id);
        assert_eq!(x.persona.name, original.name);
        assert_eq!(x.persona.photo, original.photo);
    }
    let fresh: std::collections::BTreeSet<PersonaId> =
        p.personas.iter().map(|x| x.persona.id).collect();
    assert_eq!(fresh.len(), 4);
    // Identical templates are reused, and the library already has every image.
    assert!(p
        .templates
        .iter()
        .all(|t| t.action == TemplateAction::UseExisting));
    assert!(p.assets.is_empty());
}

#[test]
fn replace_and_skip_follow_the_policy() {
    let c = sample();
    let e = library_with_sample();
    let p = plan(&c, &e, ImportTarget::BundleProject, OnConflict::Replace);
    assert_eq!(p.project, ProjectPlan::Replace(c.project.clone().unwrap()));
    assert!(p
        .personas
        .iter()
        .all(|x| x.action == PersonaAction::Replace && x.persona.id == x.original));

    let p = plan(&c, &e, ImportTarget::BundleProject, OnConflict::Skip);
    assert_eq!(
        p.project,
        ProjectPlan::UseExisting(c.project.as_ref().unwrap().id)
    );
    assert!(p.personas.iter().all(|x| x.action == PersonaAction::Skip));
    assert!(p.assets.is_empty());
}

#[test]
fn a_different_template_of_the_same_id_is_renamed_on_keep_both() {
    let c = sample();
    let mut e = library_with_sample();
    let custom = e.templates.get_mut(&"acme-custom".into()).unwrap();
    custom.name = "Someone else's template".into();
    let p = plan(&c, &e, ImportTarget::BundleProject, OnConflict::KeepBoth);
    let renamed = p
        .templates
        .iter()
        .find(|t| t.original.as_str() == "acme-custom")
        .unwrap();
    assert_eq!(renamed.action, TemplateAction::Create);
    assert_eq!(renamed.template.id.as_str(), "acme-custom-2");
    let lt = p
        .personas
        .iter()
        .find(|x| x.persona.name.starts_with("Žydrūnė"))
        .unwrap();
    assert_eq!(lt.persona.template.as_str(), "acme-custom-2");

    let p = plan(&c, &e, ImportTarget::BundleProject, OnConflict::Replace);
    let replaced = p
        .templates
        .iter()
        .find(|t| t.original.as_str() == "acme-custom")
        .unwrap();
    assert_eq!(replaced.action, TemplateAction::Replace);

    let p = plan(&c, &e, ImportTarget::BundleProject, OnConflict::Skip);
    let kept = p
        .templates
        .iter()
        .find(|t| t.original.as_str() == "acme-custom")
        .unwrap();
    assert_eq!(kept.action, TemplateAction::UseExisting);
    assert_eq!(kept.template.name, "Someone else's template");
}

#[test]
fn built_in_templates_are_never_replaced() {
    let mut c = sample();
    c.templates[0].name = "A changed built-in".into();
    let p = plan(
        &c,
        &library(),
        ImportTarget::BundleProject,
        OnConflict::Replace,
    );
    let t = p
        .templates
        .iter()
        .find(|t| t.original.as_str() == "user-persona")
        .unwrap();
    assert_eq!(t.action, TemplateAction::Create);
    assert_eq!(t.template.id.as_str(), "user-persona-2");
    assert!(p.personas[..3]
        .iter()
        .all(|x| x.persona.template.as_str() == "user-persona-2"));
}

#[test]
fn a_json_persona_uses_library_templates_and_drops_missing_images() {
    let mut c = BundleContents::default();
    let zh = sample().personas[0].clone();
    c.personas.push(zh.clone());
    let target = ProjectId(Uuid::from_u128(5));
    let mut e = library();
    e.projects.insert(target);
    let p = plan(&c, &e, ImportTarget::Into(target), OnConflict::KeepBoth);
    assert_eq!(p.personas[0].persona.photo, None);
    assert_eq!(p.dropped_assets.iter().collect::<Vec<_>>(), [&hash(PNG)]);
    // With the image already in the library, the reference stays.
    e.assets.insert(hash(PNG));
    let p = plan(&c, &e, ImportTarget::Into(target), OnConflict::KeepBoth);
    assert_eq!(p.personas[0].persona.photo, zh.photo);

    let mut lt = sample().personas[3].clone();
    lt.photo = None;
    c.personas = vec![lt];
    assert!(matches!(
        plan_import(&c, &e, ImportTarget::Into(target), OnConflict::KeepBoth, &mut ids()),
        Err(PlanError::UnknownTemplate { template, .. }) if template.as_str() == "acme-custom"
    ));
    assert_eq!(
        plan_import(
            &c,
            &e,
            ImportTarget::BundleProject,
            OnConflict::KeepBoth,
            &mut ids()
        ),
        Err(PlanError::NoProjectInBundle)
    );
}

#[test]
fn conflict_policies_parse_from_the_cli_words() {
    for word in ["keep-both", "replace", "skip"] {
        assert_eq!(word.parse::<OnConflict>().unwrap().to_string(), word);
    }
    assert!("overwrite".parse::<OnConflict>().is_err());
}

#[test]
fn the_summary_counts_what_the_plan_does() {
    let c = sample();
    let s = plan(
        &c,
        &library_with_sample(),
        ImportTarget::BundleProject,
        OnConflict::KeepBoth,
    )
    .summary();
    assert_eq!(s.project_action, "create");
    assert_eq!(s.created.len(), 4);
    assert!(s.replaced.is_empty() && s.skipped.is_empty());
    assert_eq!(s.created[0].original, c.personas[0].id);
    assert_eq!(s.images_stored, 0);
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["created"][1]["name"], "Ирина Волкова");
    let s = plan(
        &c,
        &library_with_sample(),
        ImportTarget::BundleProject,
        OnConflict::Skip,
    )
    .summary();
    assert_eq!((s.project_action, s.skipped.len()), ("use_existing", 4));
}
