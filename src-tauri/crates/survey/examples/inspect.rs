//! Prints the `survey inspect --json` output for a file:
//! `cargo run -p persona-survey --example inspect -- FILE`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: inspect FILE");
        return ExitCode::from(2);
    };
    match persona_survey::inspect(&path, &persona_survey::ImportOptions::default()) {
        Ok(inspection) => match serde_json::to_string_pretty(&inspection) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}
