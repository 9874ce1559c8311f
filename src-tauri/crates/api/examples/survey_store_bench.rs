//! The app-level survey import at scale: `Studio::import_survey` of a large CSV
//! (by default the 100,000 × 80 file the survey crate's `bench` example writes) into
//! a library in a temporary folder, split into its stages: the survey import alone,
//! encoding the dataset for the store, the whole `import_survey` (import + encode +
//! store), loading the dataset back, and reading it again (kept decoded). Figures are printed as one JSON line and
//! recorded by hand in docs/benchmarks-survey.md; nothing here is a test.
//!
//! ```sh
//! cargo run -p persona-api --example survey_store_bench \
//!   --config 'profile.dev.package.persona-api.opt-level=2' \
//!   --config 'profile.dev.package.persona-model.opt-level=2' \
//!   --config 'profile.dev.package.persona-store.opt-level=2' \
//!   --config 'profile.dev.package.persona-survey.opt-level=2' -- [FILE.csv]
//! ```

use std::path::PathBuf;
use std::time::Instant;

use persona_api::model::SystemClock;
use persona_api::{Studio, SurveyImport};
use persona_survey::ImportOptions;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let file = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/tmp/survey-bench.csv".into()),
    );
    let size = std::fs::metadata(&file)?.len();
    let options = ImportOptions::default();

    let t = Instant::now();
    let dataset = persona_survey::import(&file, &options)?;
    let import_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let encoded = persona_api::encode_answers(&dataset)?;
    let encode_s = t.elapsed().as_secs_f64();
    let json_bytes = serde_json::to_vec(&dataset)?.len();
    drop(dataset);

    let dir = tempfile::tempdir()?;
    let studio = Studio::open(dir.path(), Box::new(SystemClock))?;
    studio.create_project("Bench")?;
    let t = Instant::now();
    let outcome = studio.import_survey(&SurveyImport {
        file: file.clone(),
        project: "Bench".into(),
        name: None,
        options,
        replaces: None,
        as_new: true,
    })?;
    let import_survey_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let (_, loaded) = studio.load_dataset(&outcome.dataset.id.to_string())?;
    let load_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let (_, kept) = studio.load_dataset(&outcome.dataset.id.to_string())?;
    let load_again_s = t.elapsed().as_secs_f64();
    assert_eq!(kept.respondents(), loaded.respondents());
    println!(
        "{{\"file_bytes\":{size},\"respondents\":{},\"survey_import_s\":{import_s:.3},\"encode_s\":{encode_s:.3},\"stored_bytes\":{},\"json_bytes\":{json_bytes},\"import_survey_s\":{import_survey_s:.3},\"load_s\":{load_s:.3},\"load_again_s\":{load_again_s:.4}}}",
        loaded.respondents(),
        encoded.len(),
    );
    Ok(())
}
