//! Persona Studio: without a subcommand it opens the window; with one it works headless.

mod cli;
mod commands;
mod dialogs;
mod gui;
mod instance;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
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
