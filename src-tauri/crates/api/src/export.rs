//! Exporting persona sheets and project decks to files.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use persona_model::{
    AssetHash, EvidencePolicy, EvidenceSource, FieldRef, Orientation, PageSize, Persona,
};
use persona_sheet::{
    AssetSource, DeckInput, DeckProgress, Dpi, FontBook, Judging, Locale, PageOptions, SheetInput,
    SheetOptions, Warning,
};
use persona_store::Library;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Studio};

/// What to export to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ExportFormat {
    Pdf,
    Png,
}

/// How to export: the format, the page, the resolution of PNGs.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// Dots per inch for PNG (72–600); 2× screen resolution when `None`.
    pub dpi: Option<u32>,
    /// Overrides the template's paper size.
    pub page: Option<PageSize>,
    /// Overrides the template's orientation.
    pub orientation: Option<Orientation>,
    pub out: PathBuf,
    /// The language of the words the sheet adds (footer, notes, cover, appendix).
    pub locale: Locale,
}

/// What an export wrote: the CLI's `--json` answer.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ExportReport {
    /// The file written (for a PNG of several pages, the first; the others are
    /// `NAME-page2.png`, `NAME-page3.png`, …).
    pub path: String,
    pub pages: usize,
    /// What was not drawn as asked (missing glyphs, shrunk or cut text…).
    pub warnings: Vec<Warning>,
}

/// The fonts exports use: the bundled faces and the system's Noto CJK and DejaVu.
/// Building it parses fonts, so a process builds it once and reuses it. The second
/// value lists fallback fonts that were not found (exports still work, but scripts
/// only those fonts cover will show as boxes).
pub fn font_book() -> (FontBook, Vec<PathBuf>) {
    FontBook::with_system_fallbacks(Path::new("/usr/share/fonts"))
}

struct LibraryAssets<'a>(&'a Library);

impl AssetSource for LibraryAssets<'_> {
    fn load(&self, hash: &AssetHash) -> Option<Vec<u8>> {
        // An asset that cannot be read is drawn as a placeholder and reported by the
        // sheet as a warning; the export itself goes on.
        self.0.asset(hash).ok().flatten()
    }
}

impl Studio {
    /// Draws a persona's sheet as PNG pages in memory, for the export preview.
    pub fn render_persona_png(
        &self,
        id: persona_model::PersonaId,
        page: Option<PageSize>,
        orientation: Option<Orientation>,
        locale: Locale,
        dpi: u32,
        fonts: &FontBook,
    ) -> Result<persona_sheet::PngExport, ApiError> {
        let parts = self.sheet_parts(self.persona(id)?)?;
        let input = parts.input();
        let options = page_options(page, orientation, locale);
        let assets = LibraryAssets(self.library());
        Ok(persona_sheet::export_png(
            &input,
            &options,
            Dpi::new(dpi)?,
            fonts,
            &assets,
        )?)
    }

    /// Exports one persona (an id or exact name) as a PDF or PNG file.
    pub fn export_persona(
        &self,
        reference: &str,
        request: &ExportRequest,
        fonts: &FontBook,
    ) -> Result<ExportReport, ApiError> {
        let parts = self.sheet_parts(self.resolve_persona(reference)?)?;
        write_sheet(
            &parts.input(),
            &LibraryAssets(self.library()),
            request,
            fonts,
        )
    }

    /// Exports what a `.persona` file (or a persona's JSON) holds without importing it:
    /// its one persona as PDF or PNG, or all of them as a PDF deck titled after the
    /// file's project. Templates and images come from the file (built-in templates
    /// from this build); nothing is written to the library.
    pub fn export_share_file(
        &self,
        file: &Path,
        request: &ExportRequest,
        fonts: &FontBook,
        progress: &mut dyn FnMut(&DeckProgress),
        cancel: &AtomicBool,
    ) -> Result<ExportReport, ApiError> {
        let mut bundle = crate::bundles::read_share_file(file)?;
        // The same order as a project's deck from the library.
        bundle
            .contents
            .personas
            .sort_by_key(|p| p.name.to_lowercase());
        let contents = &bundle.contents;
        // A persona's JSON has no project: the file's name stands in for the footer.
        let project = match contents.project.clone() {
            Some(project) => project,
            None => {
                let stem = file
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .filter(|s| !s.trim().is_empty())
                    .unwrap_or_else(|| "Personas".to_owned());
                persona_model::Project::new(&stem, self.now())?
            }
        };
        let template_of = |p: &Persona| {
            contents
                .templates
                .iter()
                .find(|t| t.id == p.template)
                .cloned()
                .or_else(|| persona_model::builtin_template(&p.template).cloned())
                .ok_or_else(|| ApiError::UnknownTemplate(p.template.to_string()))
        };
        let templates = contents
            .personas
            .iter()
            .map(template_of)
            .collect::<Result<Vec<_>, _>>()?;
        let charts: Vec<_> = contents.personas.iter().map(charts_of).collect();
        let assets = persona_sheet::MemoryAssets(contents.assets.clone());
        let sheets: Vec<SheetInput> = contents
            .personas
            .iter()
            .zip(&templates)
            .zip(&charts)
            .map(|((p, t), c)| sheet_input(p, t, &project, c))
            .collect();
        match sheets.as_slice() {
            [] => Err(ApiError::NothingToExport),
            [one] => write_sheet(one, &assets, request, fonts),
            _ if request.format != ExportFormat::Pdf => Err(ApiError::DeckNeedsPdf),
            _ => self.write_deck(&project, sheets, &assets, request, fonts, progress, cancel),
        }
    }
}

/// Writes one sheet as the request asks: a PDF, or a PNG per page.
fn write_sheet(
    input: &SheetInput,
    assets: &dyn AssetSource,
    request: &ExportRequest,
    fonts: &FontBook,
) -> Result<ExportReport, ApiError> {
    let options = page_options(request.page, request.orientation, request.locale);
    match request.format {
        ExportFormat::Pdf => {
            let pdf = persona_sheet::export_pdf(input, &options, fonts, assets)?;
            write_file(&request.out, &pdf.bytes)?;
            Ok(report(&request.out, pdf.pages, pdf.warnings))
        }
        ExportFormat::Png => {
            let dpi = Dpi::new(request.dpi.unwrap_or(192))?;
            let png = persona_sheet::export_png(input, &options, dpi, fonts, assets)?;
            for (i, page) in png.pages.iter().enumerate() {
                write_file(&page_path(&request.out, i), page)?;
            }
            Ok(report(&request.out, png.pages.len(), png.warnings))
        }
    }
}

impl Studio {
    /// Exports every persona of a project (by name) into one PDF: a branded cover, then
    /// one sheet per persona, each followed by its evidence appendix when it has any. `progress` hears after the cover and after each persona;
    /// setting `cancel` stops the export and writes nothing.
    pub fn export_project_deck(
        &self,
        project: &str,
        request: &ExportRequest,
        fonts: &FontBook,
        progress: &mut dyn FnMut(&DeckProgress),
        cancel: &AtomicBool,
    ) -> Result<ExportReport, ApiError> {
        if request.format != ExportFormat::Pdf {
            return Err(ApiError::DeckNeedsPdf);
        }
        let project = self.resolve_project(project)?;
        let mut personas: Vec<Persona> = self
            .library()
            .personas()?
            .into_iter()
            .filter(|p| p.project == project.id)
            .collect();
        personas.sort_by_key(|p| p.name.to_lowercase());
        let charts: Vec<_> = personas.iter().map(charts_of).collect();
        let templates = personas
            .iter()
            .map(|p| self.template(p.template.as_str()))
            .collect::<Result<Vec<_>, _>>()?;
        let sheets = personas
            .iter()
            .zip(&templates)
            .zip(&charts)
            .map(|((p, t), c)| sheet_input(p, t, &project, c))
            .collect::<Vec<_>>();
        let assets = LibraryAssets(self.library());
        self.write_deck(&project, sheets, &assets, request, fonts, progress, cancel)
    }

    /// Writes `sheets` as one PDF deck titled and branded after `project`, each persona
    /// with evidence followed by its appendix, judged on the day of the export (like
    /// `evidence list`).
    #[allow(clippy::too_many_arguments)]
    fn write_deck(
        &self,
        project: &persona_model::Project,
        sheets: Vec<SheetInput>,
        assets: &dyn AssetSource,
        request: &ExportRequest,
        fonts: &FontBook,
        progress: &mut dyn FnMut(&DeckProgress),
        cancel: &AtomicBool,
    ) -> Result<ExportReport, ApiError> {
        let deck = DeckInput {
            title: &project.name,
            brand: &project.brand,
            sheets,
            judging: Judging {
                policy: EvidencePolicy::default(),
                today: self.now().date_naive(),
            },
        };
        let options = page_options(request.page, request.orientation, request.locale);
        let pdf = persona_sheet::export_deck(&deck, &options, fonts, assets, progress, cancel)?;
        write_file(&request.out, &pdf.bytes)?;
        Ok(report(&request.out, pdf.pages, pdf.warnings))
    }
}

/// The charts of a persona's chart modules, filled from the distribution evidence
/// attached to each (the latest one when there are several).
pub(crate) fn charts_of(persona: &Persona) -> BTreeMap<String, persona_sheet::ChartData> {
    let mut charts = BTreeMap::new();
    for e in &persona.evidence {
        if let (FieldRef::Module { module }, EvidenceSource::Distribution { n, options, .. }) =
            (&e.field, &e.source)
        {
            let is_chart = persona.modules.iter().any(|m| {
                &m.id == module && matches!(m.body, persona_model::ModuleBody::Chart { .. })
            });
            if is_chart {
                let count = |x: u64| u32::try_from(x).unwrap_or(u32::MAX);
                charts.insert(
                    module.clone(),
                    persona_sheet::ChartData {
                        bars: options
                            .iter()
                            .map(|o| persona_sheet::ChartBar {
                                label: o.label.clone(),
                                count: count(o.count),
                            })
                            .collect(),
                        respondents: count(*n),
                    },
                );
            }
        }
    }
    charts
}

/// Everything one persona's sheet is drawn from, owned, so a `SheetInput` can borrow it.
struct SheetParts {
    persona: Persona,
    project: persona_model::Project,
    template: persona_model::Template,
    charts: BTreeMap<String, persona_sheet::ChartData>,
}

impl SheetParts {
    fn input(&self) -> SheetInput<'_> {
        sheet_input(&self.persona, &self.template, &self.project, &self.charts)
    }
}

impl Studio {
    /// The persona's project, template and evidence charts, for drawing its sheet.
    fn sheet_parts(&self, persona: Persona) -> Result<SheetParts, ApiError> {
        let project = self
            .library()
            .project(persona.project)?
            .ok_or_else(|| ApiError::UnknownProject(persona.project.to_string()))?;
        let template = self.template(persona.template.as_str())?;
        let charts = charts_of(&persona);
        Ok(SheetParts {
            persona,
            project,
            template,
            charts,
        })
    }
}

fn sheet_input<'a>(
    persona: &'a Persona,
    template: &'a persona_model::Template,
    project: &'a persona_model::Project,
    charts: &'a BTreeMap<String, persona_sheet::ChartData>,
) -> SheetInput<'a> {
    SheetInput {
        persona,
        template,
        brand: &project.brand,
        project_name: Some(&project.name),
        charts,
    }
}

/// Sheet options with the page asked for (`None`: the template's).
fn page_options(
    size: Option<PageSize>,
    orientation: Option<Orientation>,
    locale: Locale,
) -> SheetOptions {
    SheetOptions {
        page: PageOptions { size, orientation },
        locale,
        ..SheetOptions::default()
    }
}

fn report(path: &Path, pages: usize, warnings: Vec<Warning>) -> ExportReport {
    ExportReport {
        path: path.display().to_string(),
        pages,
        warnings,
    }
}

/// `out.png` for the first page, `out-page2.png` for the second, and so on.
fn page_path(out: &Path, index: usize) -> PathBuf {
    if index == 0 {
        return out.to_owned();
    }
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let ext = out
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    out.with_file_name(format!("{stem}-page{}{ext}", index + 1))
}

/// Writes through a temporary file in the same folder and renames it into place, so a
/// failed export never leaves half a file where a good one was.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    let failed = |source: std::io::Error| ApiError::Write {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.partial"));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(failed)
}

#[cfg(test)]
mod chart_tests {
    use super::*;
    use persona_model::{
        builtin_template, DatasetId, Evidence, EvidenceId, GridArea, Module, ModuleBody, NaiveDate,
        OptionShare, ProjectId, SurveyRef, TemplateId,
    };

    #[test]
    fn a_chart_module_is_filled_from_its_distribution() {
        let t = builtin_template(&TemplateId("user-persona".into())).unwrap();
        let now = chrono::DateTime::UNIX_EPOCH;
        let mut p = Persona::from_template(t, ProjectId::new(), "Fred", now).unwrap();
        p.modules.push(Module {
            id: "ages".into(),
            title: "Ages".into(),
            hint: String::new(),
            area: GridArea {
                col: 0,
                row: 0,
                cols: 1,
                rows: 1,
            },
            body: ModuleBody::Chart {
                caption: "Age groups".into(),
            },
        });
        let share = |label: &str, count| OptionShare {
            label: label.into(),
            count,
            percent: 0.0,
            ci_low: 0.0,
            ci_high: 0.0,
        };
        let source = EvidenceSource::Distribution {
            survey: SurveyRef {
                dataset: DatasetId::new(),
                dataset_name: "S".into(),
                question: "q1".into(),
                question_text: "Age".into(),
                collected: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            },
            segment: None,
            n: 30,
            options: vec![share("18-24", 10), share("25-34", 20)],
        };
        for field in ["ages", "bio"] {
            p.evidence.push(Evidence {
                id: EvidenceId::new(),
                field: field.parse().unwrap(),
                anchor: String::new(),
                source: source.clone(),
                added: now,
            });
        }
        let charts = charts_of(&p);
        assert_eq!(charts.len(), 1, "only chart modules get charts");
        let ages = &charts["ages"];
        assert_eq!(ages.respondents, 30);
        let bars: Vec<(&str, u32)> = ages
            .bars
            .iter()
            .map(|b| (b.label.as_str(), b.count))
            .collect();
        assert_eq!(bars, [("18-24", 10), ("25-34", 20)]);
    }
}
