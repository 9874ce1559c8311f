//! The command line: parsed once into a typed command, then each subcommand is one call
//! into `persona_api`. Output meant for programs is JSON on stdout (`--json`); messages
//! go to stderr; failures exit non-zero with one line saying why.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::{Args, Parser, Subcommand};
use persona_api::bundle::OnConflict;
use persona_api::model::{
    EvidencePolicy, FieldRef, Orientation, PageSize, SegmentFilter, SystemClock,
};
use persona_api::sheet::{DeckProgress, Locale};
use persona_api::{
    font_book, ApiError, BundleSelection, EvidenceSpec, ExampleOutcome, ExportFormat,
    ExportRequest, ImportInto, ImportStatus, SearchSort, Studio, SurveyEvidenceKind,
    SurveyEvidenceSpec, SurveyImport,
};
use serde::Serialize;

/// Design customer personas offline and back them with evidence.
///
/// Without a command, opens the app's window. With one, works headless: for scripts,
/// automation and tests. PERSONA is a persona's id or its exact name.
#[derive(Debug, Parser)]
#[command(name = "persona-studio", version, about, long_about)]
pub struct Cli {
    /// The library folder [default: $PERSONA_STUDIO_DATA, else the platform's app-data folder]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// A .persona file to open in the window's import view (what a double-click on
    /// the file runs; the same as `open FILE`)
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The example library: one project with three personas
    #[command(subcommand)]
    Example(ExampleCommand),
    /// Create and list projects
    #[command(subcommand)]
    Project(ProjectCommand),
    /// Create, list and show personas
    #[command(subcommand)]
    Persona(PersonaCommand),
    /// List templates and presets, save a persona's layout as a template of your own
    #[command(subcommand)]
    Template(TemplateCommand),
    /// Share personas as .persona files: export, inspect, import
    #[command(subcommand)]
    Bundle(BundleCommand),
    /// Open a .persona file in the window's import view
    Open {
        /// The .persona file
        file: PathBuf,
    },
    /// Export a persona sheet as PDF or PNG, or a project as one PDF deck
    Export(ExportArgs),
    /// Read survey exports (CSV, TSV, XLSX) from Google Forms, SurveyMonkey, Qualtrics…
    #[command(subcommand)]
    Survey(SurveyCommand),
    /// Attach survey figures, quotes and other sources to persona fields; list them
    #[command(subcommand)]
    Evidence(EvidenceCommand),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The persona's id or exact name, or a .persona (or persona .json) file to draw
    /// without importing it (a file of several personas makes a PDF deck)
    #[arg(required_unless_present = "project")]
    pub persona: Option<String>,
    /// Export every persona of this project (name or id) into one PDF deck instead
    #[arg(long, value_name = "NAME", conflicts_with = "persona")]
    pub project: Option<String>,
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// Resolution of PNG exports, 72 to 600 [default: 192, twice screen resolution]
    #[arg(long, value_name = "N")]
    pub dpi: Option<u32>,
    /// Paper size [default: the template's]
    #[arg(long, value_enum)]
    pub page: Option<PageArg>,
    /// [default: the template's]
    #[arg(long, value_enum)]
    pub orientation: Option<OrientationArg>,
    /// The file to write
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// The language of the words the sheet adds: footer, source notes, deck cover and
    /// evidence appendix (the persona's own text is as written)
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
    #[command(flatten)]
    pub json: JsonFlag,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LangArg {
    En,
    Zh,
    Ru,
    Vi,
    Lt,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    Pdf,
    Png,
}

/// The order of `persona search`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SortArg {
    Name,
    Updated,
}

impl From<SortArg> for SearchSort {
    fn from(s: SortArg) -> SearchSort {
        match s {
            SortArg::Name => SearchSort::Name,
            SortArg::Updated => SearchSort::Updated,
        }
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PageArg {
    A4,
    Letter,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum OrientationArg {
    Landscape,
    Portrait,
}

#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Detect the tool, encoding and layout of a survey export and profile every
    /// question, writing nothing: {tool, encoding, delimiter, header_rows, respondents,
    /// warnings, questions: [{id, text, kind, columns, options, answered, missing}]}
    Inspect {
        /// A CSV, TSV or XLSX file
        file: PathBuf,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Import a survey export into the library; prints the dataset's id. A newer export
    /// of a survey already in the project (same questions or same file name) replaces
    /// it and refreshes the evidence taken from it, reporting what changed
    Import(SurveyImportArgs),
    /// List the imported datasets: id, name, project, tool, respondents, questions,
    /// imported, source_file, collected
    List(JsonFlag),
    /// Delete a dataset and its answers; evidence taken from it keeps its figures
    Delete {
        /// The dataset's id or exact name
        dataset: String,
    },
    /// Profile every question of a dataset (counts, intervals, histograms, phrases),
    /// within a segment if given
    Show {
        /// The dataset's id or exact name
        dataset: String,
        /// Only respondents meeting this condition (QUESTION=A|B, QUESTION=MIN..MAX,
        /// QUESTION=*, QUESTION!=A); repeat to combine with AND
        #[arg(long, value_name = "CONDITION")]
        segment: Vec<String>,
        #[command(flatten)]
        json: JsonFlag,
    },
}

#[derive(Debug, Args)]
pub struct SurveyImportArgs {
    /// A CSV, TSV or XLSX file
    pub file: PathBuf,
    /// The project (name or id) the survey belongs to
    #[arg(long, value_name = "NAME")]
    pub project: String,
    /// A name for the dataset [default: the file name without extension]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Read the text in this encoding (utf-8, utf-16le, windows-1251, koi8-r, gbk, …)
    #[arg(long, value_name = "E")]
    pub encoding: Option<String>,
    /// Read the layout of this tool (google_forms, survey_monkey, qualtrics, typeform,
    /// microsoft_forms, tally, jotform, wenjuanxing, generic)
    #[arg(long, value_name = "T", value_parser = parse_tool)]
    pub tool: Option<persona_api::survey::Tool>,
    /// Read this worksheet of a spreadsheet [default: the first with data]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The dataset (id or name) this file is a newer export of
    #[arg(long, value_name = "DATASET", conflicts_with = "as_new")]
    pub replaces: Option<String>,
    /// Import as a new dataset even if it looks like a newer export of one already there
    #[arg(long)]
    pub as_new: bool,
    #[command(flatten)]
    pub json: JsonFlag,
}

fn parse_tool(s: &str) -> Result<persona_api::survey::Tool, String> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).map_err(|_| {
        "one of google_forms, survey_monkey, qualtrics, typeform, microsoft_forms, tally, jotform, wenjuanxing, generic".to_owned()
    })
}

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Attach evidence to a field of a persona; prints the evidence id. Survey evidence
    /// is a statistic with --option, a quote with --respondent, else a distribution
    /// (choices) or a numeric summary (numbers); --manual names any other source
    Add(EvidenceAddArgs),
    /// Detach a piece of evidence from a persona
    Remove {
        /// The persona's id or exact name
        persona: String,
        /// The evidence id (see `evidence list`)
        evidence: String,
    },
    /// Every field of a persona with its evidence and flags (assumption, weak, stale),
    /// and its coverage score
    List {
        /// The persona's id or exact name
        persona: String,
        /// Evidence collected more than this many days ago is stale
        #[arg(long, value_name = "DAYS", default_value_t = 365)]
        stale_after: u32,
        #[command(flatten)]
        json: JsonFlag,
    },
}

#[derive(Debug, Args)]
pub struct EvidenceAddArgs {
    /// The persona's id or exact name
    pub persona: String,
    /// The field: archetype, quote, a module id (bio, a chart or tags module), or a
    /// module id and 0-based item (facts/0, goals/2, channels/1)
    #[arg(long, value_name = "FIELD")]
    pub field: String,
    /// The dataset's id or exact name
    #[arg(long, value_name = "DATASET", required_unless_present = "manual")]
    pub dataset: Option<String>,
    /// The question's id (see `survey inspect` or `survey show`)
    #[arg(long, value_name = "ID", requires = "dataset")]
    pub question: Option<String>,
    /// What to compute [default: from the other flags and the question's kind]
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// For a statistic: the option(s) whose share to take; repeat for "any of"
    #[arg(long = "option", value_name = "LABEL")]
    pub options: Vec<String>,
    /// Compute within respondents meeting this condition (QUESTION=A|B,
    /// QUESTION=MIN..MAX, QUESTION=*, QUESTION!=A); repeat to combine with AND
    #[arg(long, value_name = "CONDITION")]
    pub segment: Vec<String>,
    /// For a quote: the respondent (R12) whose answer to quote
    #[arg(long, value_name = "ID")]
    pub respondent: Option<String>,
    /// A source outside the app: its name (an interview, an analytics report…)
    #[arg(long, value_name = "NAME", conflicts_with_all = ["dataset", "question", "kind", "options", "segment", "respondent"])]
    pub manual: Option<String>,
    /// For --manual: the date of the source (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", requires = "manual")]
    pub date: Option<persona_api::model::NaiveDate>,
    /// For --manual: its address
    #[arg(long, value_name = "URL", requires = "manual")]
    pub url: Option<String>,
    /// For --manual: a note
    #[arg(long, value_name = "TEXT", requires = "manual")]
    pub note: Option<String>,
    #[command(flatten)]
    pub json: JsonFlag,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum KindArg {
    Statistic,
    Distribution,
    NumericSummary,
    Quote,
}

#[derive(Debug, Subcommand)]
pub enum ExampleCommand {
    /// Add the "Example store" project with Frugal Fred, Tech-savvy Tara and Procurement Paul
    Install {
        /// Only when the library is empty (leave a used library alone)
        #[arg(long)]
        if_empty: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// Create an empty project; prints its id
    New {
        /// The project's name (unique in the library)
        name: String,
    },
    /// List projects with their number of personas
    List(JsonFlag),
    /// Show a project's brand, or change what the options name: the name sheets show,
    /// colours, font, logo
    Brand {
        /// The project's name or id
        project: String,
        /// The company or product sheets name ("" to show the project's name instead)
        #[arg(long)]
        name: Option<String>,
        /// Primary colour, #rrggbb
        #[arg(long, value_name = "HEX")]
        primary: Option<String>,
        /// Accent colour, #rrggbb
        #[arg(long, value_name = "HEX")]
        accent: Option<String>,
        /// A font family the sheets can draw ("" for the default)
        #[arg(long, value_name = "FAMILY")]
        font: Option<String>,
        /// A logo image (JPEG, PNG or WebP)
        #[arg(long, value_name = "FILE", conflicts_with = "no_logo")]
        logo: Option<PathBuf>,
        /// Remove the logo
        #[arg(long)]
        no_logo: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
}

#[derive(Debug, Subcommand)]
pub enum PersonaCommand {
    /// List personas: id, name, project, template, last change
    List {
        /// Only the personas of this project (name or id)
        #[arg(long, value_name = "NAME")]
        project: Option<String>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Find personas whose text holds every word of QUERY (any case, any script):
    /// id, name, project, template, last change
    Search {
        /// Words to look for; empty lists every persona
        query: String,
        /// Only the personas of this project (name or id)
        #[arg(long, value_name = "NAME")]
        project: Option<String>,
        /// Only personas on this template (see `template list`)
        #[arg(long, value_name = "ID")]
        template: Option<String>,
        /// Only personas carrying this tag
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        /// Order: by name, or most recently changed first
        #[arg(long, value_enum, default_value_t = SortArg::Name)]
        sort: SortArg,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Show a whole persona
    Show {
        /// The persona's id or exact name
        persona: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Create a persona from a template; prints its id
    New {
        /// The project (name or id) to add it to
        #[arg(long, value_name = "NAME")]
        project: String,
        /// The persona's name
        #[arg(long, value_name = "NAME")]
        name: String,
        /// The template id (see `template list`) [default: user-persona, or the preset's]
        #[arg(long, value_name = "ID")]
        template: Option<String>,
        /// Prefill with a preset (see `template presets`), e.g. coupon-hunter
        #[arg(long, value_name = "ID")]
        preset: Option<String>,
        /// The language of the module titles, hints and labels: en, zh, ru, vi or lt
        /// [default: en]
        #[arg(long, value_name = "LANG", value_parser = ["en", "zh", "ru", "vi", "lt"])]
        lang: Option<String>,
    },
    /// Copy a persona within its project ("(copy)" is added to the name); prints the new id
    Duplicate {
        /// The persona's id or exact name
        persona: String,
    },
    /// Move a persona into another project; its id stays
    Move {
        /// The persona's id or exact name
        persona: String,
        /// The project (name or id) to move it to
        #[arg(long, value_name = "NAME")]
        project: String,
    },
    /// Set a persona's photo from a JPEG, PNG or WebP file (cropped to the centre
    /// square and scaled to 512 px), or remove it
    Photo {
        /// The persona's id or exact name
        persona: String,
        /// The image file
        #[arg(required_unless_present = "remove", conflicts_with = "remove")]
        file: Option<PathBuf>,
        /// Remove the photo instead
        #[arg(long)]
        remove: bool,
    },
    /// Put a picture (JPEG, PNG or WebP) in one of a persona's image modules, or take
    /// it out; prints the stored picture's hash
    Image {
        /// The persona's id or exact name
        persona: String,
        /// The image module's id (`persona show --json` lists the modules)
        module: String,
        /// The image file
        #[arg(required_unless_present = "remove", conflicts_with = "remove")]
        file: Option<PathBuf>,
        /// Also set the caption under the picture
        #[arg(long)]
        caption: Option<String>,
        /// Take the picture out instead
        #[arg(long)]
        remove: bool,
    },
    /// Write one persona as plain JSON (docs/schemas/persona.schema.json)
    Export {
        /// The persona's id or exact name
        persona: String,
        #[arg(long, value_enum)]
        format: PersonaFormatArg,
        /// The file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Import one persona from a plain JSON file; prints its id
    Import {
        /// The JSON file
        file: PathBuf,
        /// The project (name or id) to add it to
        #[arg(long, value_name = "NAME")]
        project: String,
        /// When a persona with the same id exists: keep-both, replace or skip
        #[arg(long, value_name = "POLICY", default_value = "keep-both", value_parser = parse_on_conflict)]
        on_conflict: OnConflict,
        #[command(flatten)]
        json: JsonFlag,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PersonaFormatArg {
    Json,
}

#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// List the templates: id, name, description, number of modules, built-in or not
    List(JsonFlag),
    /// List the presets that prefill a new persona (shopper archetypes):
    /// id, template, name, description
    Presets(JsonFlag),
    /// Save a persona's layout (modules, titles, labels; no content) as a new template;
    /// prints its id
    Save {
        /// The persona's id or exact name
        persona: String,
        /// The new template's name
        #[arg(long, value_name = "NAME")]
        name: String,
    },
    /// Delete one of your templates (built-in ones and templates in use are kept)
    Delete {
        /// The template id
        id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum BundleCommand {
    /// Write personas (or a whole project) with their templates, images and brand to a
    /// .persona file
    Export {
        /// Personas to include (ids or exact names)
        #[arg(required_unless_present = "project", value_name = "PERSONA")]
        personas: Vec<String>,
        /// Include this whole project (name or id) instead
        #[arg(long, value_name = "NAME", conflicts_with = "personas")]
        project: Option<String>,
        /// The file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Show a .persona file's manifest and what importing it would do, writing nothing
    Inspect {
        file: PathBuf,
        #[command(flatten)]
        import: ImportArgs,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Import a .persona file: all of it in one transaction, or nothing
    Import {
        file: PathBuf,
        #[command(flatten)]
        import: ImportArgs,
        #[command(flatten)]
        json: JsonFlag,
    },
}

/// Where an import goes and what happens to personas the library already has.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Import into this project (name or id) [default: the file's own project]
    #[arg(long, value_name = "NAME")]
    pub project: Option<String>,
    /// When a persona with the same id exists: keep-both, replace or skip
    #[arg(long, value_name = "POLICY", default_value = "keep-both", value_parser = parse_on_conflict)]
    pub on_conflict: OnConflict,
}

fn parse_on_conflict(s: &str) -> Result<OnConflict, String> {
    s.parse()
}

impl ImportArgs {
    fn target(&self) -> ImportInto<'_> {
        match &self.project {
            Some(p) => ImportInto::Project(p),
            None => ImportInto::BundleProject,
        }
    }
}

/// `--json`: print machine-readable JSON on stdout.
#[derive(Debug, Args)]
pub struct JsonFlag {
    /// Print JSON on stdout instead of text
    #[arg(long)]
    pub json: bool,
}

/// Runs one subcommand against the library in `data_dir`.
pub fn run(command: Command, data_dir: &Path) -> ExitCode {
    match execute(command, data_dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

/// Prints the error as one line on stderr and answers a failing exit code.
pub fn fail(error: &ApiError) -> ExitCode {
    eprintln!("persona-studio: {error}");
    ExitCode::FAILURE
}

fn execute(command: Command, data_dir: &Path) -> Result<(), ApiError> {
    // Reading a survey file touches no library, so it works while the app is open.
    if let Command::Survey(SurveyCommand::Inspect { file, json }) = &command {
        return inspect_survey(file, json.json);
    }
    let studio = Studio::open(data_dir, Box::new(SystemClock))?;
    match command {
        Command::Example(ExampleCommand::Install { if_empty }) => {
            match studio.install_example(if_empty)? {
                ExampleOutcome::Installed { project, personas } => {
                    eprintln!("Installed the example project '{project}' with {personas} personas.")
                }
                ExampleOutcome::AlreadyThere { project } => {
                    eprintln!("The library already has a project '{project}'; nothing changed.")
                }
                ExampleOutcome::NotEmpty => {
                    eprintln!("The library is not empty; the example was not installed.")
                }
            }
        }
        Command::Project(ProjectCommand::New { name }) => {
            let project = studio.create_project(&name)?;
            println!("{}", project.id);
        }
        Command::Project(ProjectCommand::List(flag)) => {
            let rows = studio.project_summaries()?;
            output(flag.json, &rows, |out| {
                for p in &rows {
                    writeln!(out, "{}  {:<32} {} personas", p.id, p.name, p.personas)?;
                }
                Ok(())
            });
        }
        Command::Project(ProjectCommand::Brand {
            project,
            name,
            primary,
            accent,
            font,
            logo,
            no_logo,
            json,
        }) => {
            let logo = logo.map(|path| read_file(&path)).transpose()?;
            let project = studio.change_brand(
                &project,
                persona_api::BrandChange {
                    name,
                    primary,
                    accent,
                    font,
                    logo,
                    no_logo,
                },
            )?;
            let brand = &project.brand;
            output(json.json, brand, |out| {
                writeln!(
                    out,
                    "name     {}",
                    brand.name.as_deref().unwrap_or("(the project's)")
                )?;
                writeln!(out, "primary  {}", brand.primary)?;
                writeln!(out, "accent   {}", brand.accent)?;
                writeln!(
                    out,
                    "font     {}",
                    brand.font.as_deref().unwrap_or("(default)")
                )?;
                let logo = brand
                    .logo
                    .as_ref()
                    .map_or("none".to_owned(), |h| h.to_string());
                writeln!(out, "logo     {logo}")
            });
        }
        Command::Persona(PersonaCommand::List { project, json }) => {
            let rows = studio.persona_summaries(project.as_deref())?;
            output(json.json, &rows, |out| {
                for p in &rows {
                    writeln!(
                        out,
                        "{}  {:<28} {:<20} {:<18} {}",
                        p.id,
                        p.name,
                        p.project,
                        p.template,
                        p.updated.format("%Y-%m-%d %H:%M")
                    )?;
                }
                Ok(())
            });
        }
        Command::Persona(PersonaCommand::Search {
            query,
            project,
            template,
            tag,
            sort,
            json,
        }) => {
            let rows = studio.search_summaries(
                &query,
                project.as_deref(),
                template.as_deref(),
                tag.as_deref(),
                sort.into(),
            )?;
            output(json.json, &rows, |out| {
                for p in &rows {
                    writeln!(
                        out,
                        "{}  {:<28} {:<20} {:<18} {}",
                        p.id,
                        p.name,
                        p.project,
                        p.template,
                        p.updated.format("%Y-%m-%d %H:%M")
                    )?;
                }
                Ok(())
            });
        }
        Command::Persona(PersonaCommand::Show { persona, json }) => {
            let p = studio.resolve_persona(&persona)?;
            output(json.json, &p, |out| {
                writeln!(out, "{} — {}", p.name, p.archetype)?;
                if !p.quote.is_empty() {
                    writeln!(out, "“{}”", p.quote)?;
                }
                writeln!(
                    out,
                    "id {}  template {}  updated {}",
                    p.id, p.template, p.updated
                )?;
                for m in &p.modules {
                    let texts: Vec<&str> = m
                        .body
                        .texts()
                        .into_iter()
                        .filter(|t| !t.is_empty())
                        .collect();
                    if !texts.is_empty() {
                        writeln!(out, "\n{}\n  {}", m.title, texts.join("\n  "))?;
                    }
                }
                Ok(())
            });
        }
        Command::Persona(PersonaCommand::New {
            project,
            name,
            template,
            preset,
            lang,
        }) => {
            let persona = studio.create_persona_from(
                &project,
                &name,
                template.as_deref(),
                preset.as_deref(),
                lang.as_deref(),
            )?;
            println!("{}", persona.id);
        }
        Command::Persona(PersonaCommand::Duplicate { persona }) => {
            let original = studio.resolve_persona(&persona)?;
            println!("{}", studio.duplicate_persona(original.id)?.id);
        }
        Command::Persona(PersonaCommand::Move { persona, project }) => {
            let p = studio.resolve_persona(&persona)?;
            let moved = studio.move_persona(p.id, &project)?;
            eprintln!("Moved '{}' to '{}'.", moved.name, project);
        }
        Command::Persona(PersonaCommand::Photo {
            persona,
            file,
            remove,
        }) => {
            let p = studio.resolve_persona(&persona)?;
            match file {
                Some(path) if !remove => {
                    let bytes = read_file(&path)?;
                    let p = studio.set_persona_photo(p.id, &bytes, None)?;
                    println!("{}", p.photo.map(|h| h.to_string()).unwrap_or_default());
                }
                _ => {
                    studio.remove_persona_photo(p.id)?;
                }
            }
        }
        Command::Persona(PersonaCommand::Image {
            persona,
            module,
            file,
            caption,
            remove,
        }) => {
            let p = studio.resolve_persona(&persona)?;
            let bytes = match file {
                Some(path) if !remove => Some(read_file(&path)?),
                _ => None,
            };
            let p = studio.set_module_image(p.id, &module, bytes.as_deref(), caption.as_deref())?;
            let stored = p.modules.iter().find_map(|m| match &m.body {
                persona_api::model::ModuleBody::Image { asset, .. } if m.id == module => {
                    asset.as_ref()
                }
                _ => None,
            });
            if let Some(hash) = stored {
                println!("{hash}");
            }
        }
        Command::Export(args) => export(&studio, &args)?,
        Command::Survey(SurveyCommand::Inspect { file, json }) => inspect_survey(&file, json.json)?,
        Command::Survey(SurveyCommand::Import(args)) => survey_import(&studio, args)?,
        Command::Survey(SurveyCommand::List(flag)) => {
            let rows = studio.dataset_summaries()?;
            output(flag.json, &rows, |out| {
                for d in &rows {
                    writeln!(
                        out,
                        "{}  {:<28} {:<20} {:<16} {:>6} respondents  {:>3} questions",
                        d.id, d.name, d.project, d.tool, d.respondents, d.questions
                    )?;
                }
                Ok(())
            });
        }
        Command::Survey(SurveyCommand::Delete { dataset }) => {
            let gone = studio.delete_dataset(&dataset)?;
            eprintln!(
                "Deleted the dataset '{}' ({} respondents) from {}.",
                gone.name, gone.respondents, gone.project
            );
        }
        Command::Survey(SurveyCommand::Show {
            dataset,
            segment,
            json,
        }) => {
            let segment = if segment.is_empty() {
                None
            } else {
                Some(SegmentFilter::parse(&segment)?)
            };
            let profile = studio.dataset_profile(&dataset, segment.as_ref())?;
            output(json.json, &profile, |out| {
                writeln!(
                    out,
                    "{} — {} respondents",
                    profile.dataset.name, profile.respondents
                )?;
                for q in &profile.questions {
                    writeln!(
                        out,
                        "  {:<12} {:<16} {:>6} answered  {}",
                        q.id, q.kind, q.answered, q.text
                    )?;
                    for o in &q.options {
                        writeln!(
                            out,
                            "      {:>5.1}%  {:>6}  {}",
                            o.percent, o.count, o.label
                        )?;
                    }
                }
                Ok(())
            });
        }
        Command::Evidence(command) => evidence(&studio, command)?,
        Command::Persona(PersonaCommand::Export {
            persona,
            format: PersonaFormatArg::Json,
            out,
        }) => {
            let path = studio.export_persona_json(&persona, &out)?;
            eprintln!("Wrote {}", path.display());
        }
        Command::Persona(PersonaCommand::Import {
            file,
            project,
            on_conflict,
            json,
        }) => {
            let summary = studio.import_persona_json(&file, &project, on_conflict)?;
            output(json.json, &summary, |out| {
                for p in summary.created.iter().chain(&summary.replaced) {
                    writeln!(out, "{}", p.id)?;
                }
                for p in &summary.skipped {
                    eprintln!("Skipped '{}': the library already has it.", p.name);
                }
                Ok(())
            });
        }
        Command::Template(TemplateCommand::Save { persona, name }) => {
            let id = studio.resolve_persona(&persona)?.id;
            let template = studio.save_template_from_persona(id, &name)?;
            println!("{}", template.id);
        }
        Command::Template(TemplateCommand::Delete { id }) => {
            studio.delete_template(&id)?;
            eprintln!("Deleted the template '{id}'.");
        }
        Command::Bundle(command) => bundle(&studio, command)?,
        Command::Open { .. } => {
            unreachable!("`open` runs the window; main.rs routes it before the CLI")
        }
        Command::Template(TemplateCommand::List(flag)) => {
            let rows = studio.template_summaries()?;
            output(flag.json, &rows, |out| {
                for t in &rows {
                    writeln!(out, "{:<20} {:<22} {}", t.id, t.name, t.description)?;
                }
                Ok(())
            });
        }
        Command::Template(TemplateCommand::Presets(flag)) => {
            let rows: Vec<PresetRow> = studio
                .presets()
                .iter()
                .map(|p| PresetRow {
                    id: &p.id,
                    template: p.template.as_str(),
                    name: &p.name,
                    description: &p.description,
                })
                .collect();
            output(flag.json, &rows, |out| {
                for p in &rows {
                    writeln!(out, "{:<16} {:<18} {}", p.id, p.template, p.name)?;
                }
                Ok(())
            });
        }
    }
    Ok(())
}

/// A row of `template presets --json`.
#[derive(Serialize)]
struct PresetRow<'a> {
    id: &'a str,
    template: &'a str,
    name: &'a str,
    description: &'a str,
}

fn export(studio: &Studio, args: &ExportArgs) -> Result<(), ApiError> {
    let request = ExportRequest {
        format: match args.format {
            FormatArg::Pdf => ExportFormat::Pdf,
            FormatArg::Png => ExportFormat::Png,
        },
        dpi: args.dpi,
        page: args.page.map(|p| match p {
            PageArg::A4 => PageSize::A4,
            PageArg::Letter => PageSize::Letter,
        }),
        orientation: args.orientation.map(|o| match o {
            OrientationArg::Landscape => Orientation::Landscape,
            OrientationArg::Portrait => Orientation::Portrait,
        }),
        out: args.out.clone(),
        locale: match args.lang {
            LangArg::En => Locale::En,
            LangArg::Zh => Locale::Zh,
            LangArg::Ru => Locale::Ru,
            LangArg::Vi => Locale::Vi,
            LangArg::Lt => Locale::Lt,
        },
    };
    let (fonts, missing) = font_book();
    for path in missing {
        eprintln!("warning: fallback font {} is not installed", path.display());
    }
    let cancel = AtomicBool::new(false);
    let report = match (&args.persona, &args.project) {
        (_, Some(project)) => {
            let mut progress = |p: &DeckProgress| {
                if !args.json.json {
                    eprintln!(
                        "{}/{} {}",
                        p.done,
                        p.total,
                        if p.persona.is_empty() {
                            "cover"
                        } else {
                            &p.persona
                        }
                    );
                }
            };
            studio.export_project_deck(project, &request, &fonts, &mut progress, &cancel)?
        }
        // A shared file is drawn as it is, without importing it.
        (Some(persona), None) if is_share_file(persona) => {
            studio.export_share_file(Path::new(persona), &request, &fonts, &mut |_| {}, &cancel)?
        }
        (Some(persona), None) => studio.export_persona(persona, &request, &fonts)?,
        (None, None) => return Err(ApiError::UnknownPersona(String::new())),
    };
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    output(args.json.json, &report, |out| {
        writeln!(out, "Wrote {} ({} pages)", report.path, report.pages)
    });
    Ok(())
}

fn bundle(studio: &Studio, command: BundleCommand) -> Result<(), ApiError> {
    match command {
        BundleCommand::Export {
            personas,
            project,
            out,
            json,
        } => {
            let selection = match &project {
                Some(p) => BundleSelection::Project(p),
                None => BundleSelection::Personas(&personas),
            };
            let report = studio.export_bundle(selection, &out)?;
            output(json.json, &report, |w| {
                writeln!(
                    w,
                    "Wrote {} ({} personas, {} templates, {} images, {} bytes)",
                    report.path, report.personas, report.templates, report.images, report.bytes
                )
            });
        }
        BundleCommand::Inspect { file, import, json } => {
            let preview = studio.preview_bundle(&file, import.target(), import.on_conflict)?;
            output(json.json, &preview, |w| {
                let f = &preview.file;
                writeln!(
                    w,
                    "Persona Studio file, format {}, written by {} ({} bytes)",
                    f.format_version, f.app_version, f.file_bytes
                )?;
                if let Some(p) = &f.project {
                    writeln!(w, "Project: {}", p.name)?;
                }
                for p in &f.personas {
                    writeln!(w, "  persona  {}  {}", p.id, p.name)?;
                }
                for t in &f.templates {
                    writeln!(w, "  template {}", t.id)?;
                }
                writeln!(w, "  {} images", f.assets.len())?;
                let i = &preview.import;
                writeln!(
                    w,
                    "Importing would create {}, replace {} and skip {} personas ({} already in this library).",
                    i.created.len(),
                    i.replaced.len(),
                    i.skipped.len(),
                    preview.conflicts
                )
            });
        }
        BundleCommand::Import { file, import, json } => {
            let summary = studio.import_bundle(&file, import.target(), import.on_conflict)?;
            output(json.json, &summary, |w| {
                writeln!(
                    w,
                    "Imported {} personas ({} new, {} replaced, {} skipped) into project {}",
                    summary.created.len() + summary.replaced.len(),
                    summary.created.len(),
                    summary.replaced.len(),
                    summary.skipped.len(),
                    summary.project
                )
            });
        }
    }
    Ok(())
}

fn survey_import(studio: &Studio, args: SurveyImportArgs) -> Result<(), ApiError> {
    let options = persona_api::survey::ImportOptions {
        encoding: args.encoding,
        tool: args.tool,
        sheet: args.sheet,
        ..Default::default()
    };
    let outcome = studio.import_survey(&SurveyImport {
        file: args.file,
        project: args.project,
        name: args.name,
        options,
        replaces: args.replaces,
        as_new: args.as_new,
    })?;
    let d = &outcome.dataset;
    match outcome.status {
        ImportStatus::Imported => eprintln!(
            "Imported '{}': {} respondents, {} questions.",
            d.name, d.respondents, d.questions
        ),
        ImportStatus::Unchanged => eprintln!(
            "'{}' holds this very file already; nothing changed.",
            d.name
        ),
        ImportStatus::Replaced => {}
    }
    if let Some(r) = &outcome.replaced {
        eprintln!(
            "Replaced '{}' ({}): {} → {} respondents.",
            d.name, r.previous_file, r.respondents_before, r.respondents_after
        );
        for q in &r.questions {
            eprintln!("  question {} {:?}: {}", q.id, q.status, q.text);
        }
        for e in &r.evidence {
            eprintln!(
                "  {} {}: {} → {}{}",
                e.persona_name,
                e.field,
                e.before,
                e.after,
                e.note
                    .as_deref()
                    .map(|n| format!(" (kept: {n})"))
                    .unwrap_or_default()
            );
        }
    }
    output(args.json.json, &outcome, |out| writeln!(out, "{}", d.id));
    Ok(())
}

fn evidence(studio: &Studio, command: EvidenceCommand) -> Result<(), ApiError> {
    match command {
        EvidenceCommand::Add(args) => {
            let field: FieldRef = args.field.parse()?;
            let spec = match args.manual {
                Some(name) => EvidenceSpec::Manual {
                    name,
                    date: args.date,
                    url: args.url,
                    note: args.note.unwrap_or_default(),
                },
                None => EvidenceSpec::Survey(SurveyEvidenceSpec {
                    dataset: args.dataset.unwrap_or_default(),
                    question: args.question.unwrap_or_default(),
                    kind: args.kind.map(|k| match k {
                        KindArg::Statistic => SurveyEvidenceKind::Statistic,
                        KindArg::Distribution => SurveyEvidenceKind::Distribution,
                        KindArg::NumericSummary => SurveyEvidenceKind::NumericSummary,
                        KindArg::Quote => SurveyEvidenceKind::Quote,
                    }),
                    options: args.options,
                    segment: if args.segment.is_empty() {
                        None
                    } else {
                        Some(SegmentFilter::parse(&args.segment)?)
                    },
                    respondent: args.respondent,
                }),
            };
            let evidence = studio.add_evidence(&args.persona, &field, &spec)?;
            eprintln!("{}: {}", evidence.field, evidence.source.summary());
            output(args.json.json, &evidence, |out| {
                writeln!(out, "{}", evidence.id)
            });
        }
        EvidenceCommand::Remove { persona, evidence } => {
            let id = evidence
                .trim()
                .parse()
                .map_err(|_| ApiError::UnknownEvidence(evidence.clone()))?;
            studio.remove_evidence(&persona, id)?;
        }
        EvidenceCommand::List {
            persona,
            stale_after,
            json,
        } => {
            let policy = EvidencePolicy {
                max_age_days: stale_after,
                ..EvidencePolicy::default()
            };
            let report = studio.evidence_report(&persona, &policy)?;
            output(json.json, &report, |out| {
                let c = &report.coverage;
                writeln!(
                    out,
                    "{}: coverage {} ({} of {} fields supported, {} assumptions)",
                    report.name,
                    c.score.map_or("–".to_owned(), |s| format!("{s}%")),
                    c.supported,
                    c.fields,
                    c.assumptions
                )?;
                for f in &report.fields {
                    let flags: Vec<String> = f
                        .flags
                        .iter()
                        .map(|x| format!("{x:?}").to_lowercase())
                        .collect();
                    writeln!(out, "  {:<16} {:<10} {}", f.field, flags.join(","), f.label)?;
                    for e in &f.evidence {
                        writeln!(out, "      {}  {}", e.evidence.id, e.summary)?;
                    }
                }
                for e in &report.detached {
                    writeln!(out, "  (detached) {}  {}", e.evidence.id, e.summary)?;
                }
                Ok(())
            });
        }
    }
    Ok(())
}

fn inspect_survey(file: &Path, json: bool) -> Result<(), ApiError> {
    let inspection =
        persona_api::survey::inspect(file, &persona_api::survey::ImportOptions::default())
            .map_err(|source| ApiError::Survey {
                path: file.to_owned(),
                source,
            })?;
    output(json, &inspection, |out| {
        writeln!(
            out,
            "{:?} export, {} respondents, {} questions",
            inspection.tool,
            inspection.respondents,
            inspection.questions.len()
        )?;
        for q in &inspection.questions {
            writeln!(out, "  {:<16} {:?}  {}", q.id, q.kind, q.text)?;
        }
        Ok(())
    });
    Ok(())
}

/// A file the user named, read whole (an image: its size is checked after).
fn read_file(path: &Path) -> Result<Vec<u8>, ApiError> {
    std::fs::read(path).map_err(|source| ApiError::Read {
        path: path.to_owned(),
        source,
    })
}

/// Prints `value` as JSON, or as text through `text`. A closed stdout (a pipe into
/// `head`) is not an error worth reporting.
fn output<T: Serialize>(
    json: bool,
    value: &T,
    text: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let _ = if json {
        serde_json::to_writer_pretty(&mut out, value)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        text(&mut out)
    };
}

/// Whether an export's PERSONA argument names a shared file rather than a persona.
fn is_share_file(arg: &str) -> bool {
    let path = Path::new(arg);
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "persona" | "json") && path.is_file()
}
