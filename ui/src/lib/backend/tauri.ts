// The only module that talks to Tauri. Commands take camelCase arguments (Tauri 2
// converts them to the Rust side's snake_case) and reject with an `ErrorBody`.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { Backend } from '../backend';
import { toErrorBody } from '../backend';
import type { BundleExport } from '../bindings/BundleExport';
import type { BundlePreview } from '../bindings/BundlePreview';
import type { ExampleOutcome } from '../bindings/ExampleOutcome';
import type { DeckProgress } from '../bindings/DeckProgress';
import type { SurveyProgress } from '../bindings/SurveyProgress';
import type { ExportFormat } from '../bindings/ExportFormat';
import type { ExportReport } from '../bindings/ExportReport';
import type { ImportSummary } from '../bindings/ImportSummary';
import type { Orientation } from '../bindings/Orientation';
import type { PageSize } from '../bindings/PageSize';
import type { OnConflict } from '../bindings/OnConflict';
import type { LibraryOverview } from '../bindings/LibraryOverview';
import type { Persona } from '../bindings/Persona';
import type { Project } from '../bindings/Project';
import type { Template } from '../bindings/Template';
import type { Preset } from '../bindings/Preset';
import type { Brand } from '../bindings/Brand';
import type { CropRect } from '../bindings/CropRect';
import type { ImageSize } from '../bindings/ImageSize';
import type { SearchHit } from '../bindings/SearchHit';
import type { SearchQuery } from '../bindings/SearchQuery';
import type { DatasetProfile } from '../bindings/DatasetProfile';
import type { DatasetSummary } from '../bindings/DatasetSummary';
import type { Evidence } from '../bindings/Evidence';
import type { EvidenceReport } from '../bindings/EvidenceReport';
import type { EvidenceSpec } from '../bindings/EvidenceSpec';
import type { SurveyOverrides } from '../bindings/SurveyOverrides';
import type { SurveyPreview } from '../bindings/SurveyPreview';
import type { ImportOutcome } from '../bindings/ImportOutcome';
import type { SegmentComparison } from '../bindings/SegmentComparison';
import type { SegmentFilter } from '../bindings/SegmentFilter';

async function call<T>(
  command: string,
  args?: Record<string, unknown> | Uint8Array,
  headers?: Record<string, string>,
): Promise<T> {
  try {
    return await invoke<T>(command, args, headers ? { headers } : undefined);
  } catch (e) {
    throw toErrorBody(e);
  }
}

export class TauriBackend implements Backend {
  readonly kind = 'tauri' as const;
  libraryOverview() {
    return call<LibraryOverview>('library_overview');
  }
  installExample() {
    return call<ExampleOutcome>('install_example');
  }
  createProject(name: string) {
    return call<Project>('create_project', { name });
  }
  createPersona(project: string, name: string, template: string | null) {
    return call<Persona>('create_persona', { project, name, template });
  }
  getPersona(id: string) {
    return call<Persona>('get_persona', { id });
  }
  savePersona(persona: Persona) {
    return call<Persona>('save_persona', { persona });
  }
  deletePersona(id: string) {
    return call<null>('delete_persona', { id });
  }
  restorePersona(persona: Persona) {
    return call<Persona>('restore_persona', { persona });
  }
  listTemplates() {
    return call<Template[]>('list_templates');
  }
  listPresets() {
    return call<Preset[]>('list_presets');
  }
  createPersonaFrom(
    project: string,
    name: string,
    template: string | null,
    preset: string | null,
    lang: string | null = null,
  ) {
    return call<Persona>('create_persona_from', { project, name, template, preset, lang });
  }
  duplicatePersona(id: string) {
    return call<Persona>('duplicate_persona', { id });
  }
  movePersona(id: string, project: string) {
    return call<Persona>('move_persona', { id, project });
  }
  async chooseImageFile() {
    // The file comes back raw; an empty body means the dialog was cancelled.
    const bytes = new Uint8Array(await call<ArrayBuffer>('choose_image_file'));
    return bytes.length === 0 ? null : bytes;
  }
  storePicture(bytes: Uint8Array) {
    return call<string>('store_picture', bytes);
  }
  checkPhoto(bytes: Uint8Array) {
    return call<ImageSize>('check_photo', bytes);
  }
  // Image bytes go as the raw request body, not as a JSON array of numbers.
  setPersonaPhoto(id: string, bytes: Uint8Array, crop: CropRect | null) {
    const headers: Record<string, string> = { 'persona-id': id };
    if (crop) headers.crop = JSON.stringify(crop);
    return call<Persona>('set_persona_photo', bytes, headers);
  }
  setLanguage(tag: string) {
    return call<null>('set_language', { tag });
  }
  removePersonaPhoto(id: string) {
    return call<Persona>('remove_persona_photo', { id });
  }
  async getAsset(hash: string) {
    return new Uint8Array(await call<ArrayBuffer>('get_asset', { hash }));
  }
  updateProject(id: string, name: string, brand: Brand) {
    return call<Project>('update_project', { id, name, brand });
  }
  chooseBrandLogo(id: string) {
    return call<Project | null>('choose_brand_logo', { id });
  }
  setBrandLogo(id: string, bytes: Uint8Array) {
    return call<Project>('set_brand_logo', bytes, { 'project-id': id });
  }
  brandFonts() {
    return call<string[]>('brand_fonts');
  }
  searchPersonas(query: SearchQuery) {
    return call<SearchHit[]>('search_personas', { query });
  }
  chooseSurveyFile() {
    return call<string | null>('choose_survey_file');
  }
  previewSurvey(path: string, options: SurveyOverrides) {
    return call<SurveyPreview>('preview_survey', { path, options });
  }
  importSurvey(project: string, path: string, options: SurveyOverrides, replaces: string | null) {
    return call<ImportOutcome>('import_survey', { project, path, options, replaces });
  }
  cancelSurvey() {
    return call<null>('cancel_survey');
  }
  listDatasets() {
    return call<DatasetSummary[]>('list_datasets');
  }
  deleteDataset(id: string) {
    return call<DatasetSummary>('delete_dataset', { id });
  }
  datasetProfile(dataset: string, segment: SegmentFilter | null) {
    return call<DatasetProfile>('dataset_profile', { dataset, segment });
  }
  compareSegments(dataset: string, a: SegmentFilter, b: SegmentFilter) {
    return call<SegmentComparison>('compare_segments', { dataset, a, b });
  }
  addEvidence(persona: string, field: string, spec: EvidenceSpec) {
    return call<Evidence>('add_evidence', { persona, field, spec });
  }
  removeEvidence(persona: string, evidence: string) {
    return call<null>('remove_evidence', { persona, evidence });
  }
  evidenceReport(persona: string, maxAgeDays: number | null) {
    return call<EvidenceReport>('evidence_report', { persona, maxAgeDays });
  }
  saveTemplate(persona: string, name: string) {
    return call<Template>('save_template', { persona, name });
  }
  deleteTemplate(id: string) {
    return call<null>('delete_template', { id });
  }
  takePendingOpen() {
    return call<string | null>('take_pending_open');
  }
  chooseBundleFile() {
    return call<string | null>('choose_bundle_file');
  }
  previewBundle(path: string, project: string | null, onConflict: OnConflict) {
    return call<BundlePreview>('preview_bundle', { path, project, onConflict });
  }
  importBundle(path: string, project: string | null, onConflict: OnConflict) {
    return call<ImportSummary>('import_bundle', { path, project, onConflict });
  }
  exportBundle(personas: string[], project: string | null, suggestedName: string) {
    return call<BundleExport | null>('export_bundle', { personas, project, suggestedName });
  }
  receiveDroppedFile(name: string, bytes: Uint8Array) {
    // Headers are ASCII; names are often not ("Покупатели.persona").
    return call<string>('receive_dropped_file', bytes, { 'file-name': encodeURIComponent(name) });
  }
  onOpenFile(listener: (path: string) => void) {
    // Drops arrive as HTML5 events with the file's bytes (`dragDropEnabled` is off so
    // that photos can be dropped on the header), and go through `receiveDroppedFile`.
    return listen<string>('open-file', (e) => listener(e.payload));
  }
  async previewSheet(id: string, page: PageSize | null, orientation: Orientation | null, index: number) {
    // The command answers raw bytes (an ArrayBuffer), not JSON.
    const bytes = await call<ArrayBuffer>('preview_sheet', { id, page, orientation, index });
    return new Uint8Array(bytes);
  }
  exportSheet(
    id: string,
    format: ExportFormat,
    page: PageSize | null,
    orientation: Orientation | null,
    dpi: number | null,
    suggestedName: string,
  ) {
    return call<ExportReport | null>('export_sheet', { id, choices: { format, page, orientation, dpi }, suggestedName });
  }
  exportDeck(project: string, page: PageSize | null, orientation: Orientation | null, suggestedName: string) {
    return call<ExportReport | null>('export_deck', { project, page, orientation, suggestedName });
  }
  cancelExport() {
    return call<null>('cancel_export');
  }
  async onDeckProgress(listener: (progress: DeckProgress) => void) {
    return listen<DeckProgress>('deck-progress', (e) => listener(e.payload));
  }
  async onSurveyProgress(listener: (progress: SurveyProgress) => void) {
    return listen<SurveyProgress>('survey-progress', (e) => listener(e.payload));
  }
}
