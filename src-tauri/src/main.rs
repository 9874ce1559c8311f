//! Persona Studio: without a subcommand it opens the window; with one it works headless.

mod cli;
mod commands;
mod dialogs;
mod gui;
mod instance;

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Parser;

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(e) => return usage_error(e),
    };
    let data_dir = match persona_api::resolve_data_dir(args.data_dir.clone()) {
        Ok(dir) => dir,
        Err(e) => return cli::fail(&e),
    };
    match args.command {
        Some(cli::Command::Open { file }) => gui::run(&data_dir, Some(file)),
        Some(command) => cli::run(command, &data_dir),
        None => gui::run(&data_dir, args.file),
    }
}

/// A command line clap refuses, said in one sentence on stderr like every other
/// failure (clap's own message spans several lines with hints); help and version go
/// out as clap writes them.
fn usage_error(e: clap::Error) -> ExitCode {
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit();
    }
    let rendered = e.render().to_string();
    let mut lines = rendered.lines();
    let mut sentence = lines
        .next()
        .unwrap_or("the command line is not valid")
        .trim_start_matches("error: ")
        .to_string();
    // "the following required arguments were not provided:" lists them on the lines
    // below, indented: they belong in the sentence.
    if sentence.ends_with(':') {
        let listed: Vec<&str> = lines
            .take_while(|l| l.starts_with(char::is_whitespace) && !l.trim().is_empty())
            .map(str::trim)
            .collect();
        sentence.push(' ');
        sentence.push_str(&listed.join(", "));
    }
    if let Some(ContextValue::Strings(valid)) = e.get(ContextKind::ValidValue) {
        sentence.push_str(&format!("; use one of: {}", valid.join(", ")));
    }
    eprintln!("error: {sentence} (`persona-studio --help` lists the commands)");
    ExitCode::from(2)
}
