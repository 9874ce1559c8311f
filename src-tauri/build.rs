fn main() {
    // The app manifest lists our own commands so that capabilities can allow exactly
    // these and nothing else (see capabilities/default.json).
    let commands = &[
        "library_overview",
        "install_example",
        "create_project",
        "create_persona",
        "get_persona",
        "save_persona",
        "delete_persona",
        "list_templates",
        "list_presets",
        "create_persona_from",
        "duplicate_persona",
        "move_persona",
        "choose_persona_photo",
        "set_persona_photo",
        "remove_persona_photo",
        "get_asset",
        "update_project",
        "choose_brand_logo",
        "set_brand_logo",
        "brand_fonts",
        "search_personas",
        "save_template",
        "delete_template",
        "take_pending_open",
        "choose_bundle_file",
        "preview_bundle",
        "import_bundle",
        "export_bundle",
        "choose_survey_file",
        "preview_survey",
        "import_survey",
        "cancel_survey",
        "list_datasets",
        "dataset_profile",
        "compare_segments",
        "add_evidence",
        "remove_evidence",
        "evidence_report",
        "preview_sheet",
        "export_sheet",
        "export_deck",
        "cancel_export",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri build script failed");
}
