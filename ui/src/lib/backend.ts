// The one door between the UI and the app. Every `@tauri-apps/*` import lives behind
// `Backend` (in ./backend/tauri.ts), so the UI also runs in a plain browser and in tests
// against the in-memory mock with the same semantics.
import type { ErrorBody } from './bindings/ErrorBody';
import type { ExampleOutcome } from './bindings/ExampleOutcome';
import type { LibraryOverview } from './bindings/LibraryOverview';
import type { Persona } from './bindings/Persona';
import type { PersonaId } from './bindings/PersonaId';
import type { Project } from './bindings/Project';
import type { ProjectId } from './bindings/ProjectId';
import type { Template } from './bindings/Template';
import type { Preset } from './bindings/Preset';
import type { Brand } from './bindings/Brand';
import type { CropRect } from './bindings/CropRect';
import type { ImageSize } from './bindings/ImageSize';
import type { SearchHit } from './bindings/SearchHit';
import type { SearchQuery } from './bindings/SearchQuery';
import type { BundleExport } from './bindings/BundleExport';
import type { BundlePreview } from './bindings/BundlePreview';
import type { DeckProgress } from './bindings/DeckProgress';
import type { SurveyProgress } from './bindings/SurveyProgress';
import type { ExportFormat } from './bindings/ExportFormat';
import type { ExportReport } from './bindings/ExportReport';
import type { ImportSummary } from './bindings/ImportSummary';
import type { Orientation } from './bindings/Orientation';
import type { PageSize } from './bindings/PageSize';
import type { OnConflict } from './bindings/OnConflict';
import type { MockOptions } from './backend/mock';
import type { DatasetId } from './bindings/DatasetId';
import type { DatasetProfile } from './bindings/DatasetProfile';
import type { DatasetSummary } from './bindings/DatasetSummary';
import type { Evidence } from './bindings/Evidence';
import type { EvidenceId } from './bindings/EvidenceId';
import type { EvidenceReport } from './bindings/EvidenceReport';
import type { EvidenceSpec } from './bindings/EvidenceSpec';
import type { FieldRef } from './bindings/FieldRef';
import type { ImportOutcome } from './bindings/ImportOutcome';
import type { SegmentComparison } from './bindings/SegmentComparison';
import type { SegmentFilter } from './bindings/SegmentFilter';
import type { SurveyOverrides } from './bindings/SurveyOverrides';
import type { SurveyPreview } from './bindings/SurveyPreview';

/** The Tauri commands, one method each. Every method rejects with an `ErrorBody`. */
export interface Backend {
  /** Which implementation this is; shown nowhere but useful in tests and logs. */
  readonly kind: 'tauri' | 'mock';
  libraryOverview(): Promise<LibraryOverview>;
  installExample(): Promise<ExampleOutcome>;
  createProject(name: string): Promise<Project>;
  /** `template` null picks the default template. */
  createPersona(project: ProjectId, name: string, template: string | null): Promise<Persona>;
  getPersona(id: PersonaId): Promise<Persona>;
  /** Resolves with the persona as stored (new `updated`) only once it is on disk. */
  savePersona(persona: Persona): Promise<Persona>;
  deletePersona(id: PersonaId): Promise<null>;
  /** Puts a deleted persona back exactly as it was (undo of delete). */
  restorePersona(persona: Persona): Promise<Persona>;
  listTemplates(): Promise<Template[]>;
  /** Presets that prefill a new persona (the shopper archetypes). */
  listPresets(): Promise<Preset[]>;
  /** Like `createPersona`, prefilled by `preset`; a null template takes the preset's. */
  createPersonaFrom(
    project: ProjectId,
    name: string,
    template: string | null,
    preset: string | null,
    /** Module titles, hints and labels in this language where the template has it. */
    lang?: string | null,
  ): Promise<Persona>;
  /** A copy with a new id and "(copy)" after the name, in the same project. */
  duplicatePersona(id: PersonaId): Promise<Persona>;
  movePersona(id: PersonaId, project: ProjectId): Promise<Persona>;
  /** Opens the native dialog for a picture: the file's bytes, or null when the user cancelled. */
  chooseImageFile(): Promise<Uint8Array | null>;
  /** Checks a photo as `setPersonaPhoto` would and answers its size; stores nothing. */
  checkPhoto(bytes: Uint8Array): Promise<ImageSize>;
  /** Image bytes chosen, dropped or pasted: checked, cropped, scaled and stored by the app. */
  setPersonaPhoto(id: PersonaId, bytes: Uint8Array, crop: CropRect | null): Promise<Persona>;
  removePersonaPhoto(id: PersonaId): Promise<Persona>;
  /** Stores a picture for an image module (checked and scaled by the app); answers its hash. */
  storePicture(bytes: Uint8Array): Promise<string>;
  /** The bytes of a stored image (photo or logo). */
  getAsset(hash: string): Promise<Uint8Array>;
  /** Renames a project and sets its brand (colours, font, logo). */
  updateProject(id: ProjectId, name: string, brand: Brand): Promise<Project>;
  chooseBrandLogo(id: ProjectId): Promise<Project | null>;
  setBrandLogo(id: ProjectId, bytes: Uint8Array): Promise<Project>;
  /** The UI's language tag: the words exports add (footer, notes, cover) follow it. */
  setLanguage(tag: string): Promise<null>;
  /** The font families sheets can be set in. */
  brandFonts(): Promise<string[]>;
  /** Every persona whose text holds all the query's words, filtered and sorted. */
  searchPersonas(query: SearchQuery): Promise<SearchHit[]>;
  /** The native open dialog for survey exports (CSV, TSV, XLSX…); null when cancelled. */
  chooseSurveyFile(): Promise<string | null>;
  /** What importing the file with `options` would store; writes nothing. */
  previewSurvey(path: string, options: SurveyOverrides): Promise<SurveyPreview>;
  /**
   * Imports the file with `options` (as previewed) into `project`. A newer export of a
   * dataset already there (or `replaces`) replaces it and refreshes its evidence.
   */
  importSurvey(project: ProjectId, path: string, options: SurveyOverrides, replaces: DatasetId | null): Promise<ImportOutcome>;
  /** Stops a running survey preview or import; it then rejects with code `cancelled`. */
  cancelSurvey(): Promise<null>;
  /** Progress of the running survey preview or import, a few times a second; answers the unsubscribe. */
  onSurveyProgress(listener: (progress: SurveyProgress) => void): Promise<() => void>;
  listDatasets(): Promise<DatasetSummary[]>;
  /** Deletes a dataset and its answers; evidence taken from it keeps its figures. */
  deleteDataset(id: DatasetId): Promise<DatasetSummary>;
  /** Every question profiled, within `segment` when given. */
  datasetProfile(dataset: DatasetId, segment: SegmentFilter | null): Promise<DatasetProfile>;
  compareSegments(dataset: DatasetId, a: SegmentFilter, b: SegmentFilter): Promise<SegmentComparison>;
  /** Computes and attaches evidence to a field; resolves once the persona is on disk. */
  addEvidence(persona: PersonaId, field: FieldRef, spec: EvidenceSpec): Promise<Evidence>;
  removeEvidence(persona: PersonaId, evidence: EvidenceId): Promise<null>;
  /** Fields with their evidence and flags, and the coverage score; stale after 365 days unless told. */
  evidenceReport(persona: PersonaId, maxAgeDays: number | null): Promise<EvidenceReport>;
  /** Saves the persona's layout (content emptied) as a template of the user's. */
  saveTemplate(persona: PersonaId, name: string): Promise<Template>;
  deleteTemplate(id: string): Promise<null>;

  /** The file the app was started with (`open FILE`, a double-click), once; else null. */
  takePendingOpen(): Promise<string | null>;
  /** The native open dialog for `.persona` files; null when cancelled. */
  chooseBundleFile(): Promise<string | null>;
  /** What importing the file would do; writes nothing. `project` null: the file's own. */
  previewBundle(path: string, project: ProjectId | null, onConflict: OnConflict): Promise<BundlePreview>;
  /** Imports the file in one transaction, or rejects and changes nothing. */
  importBundle(path: string, project: ProjectId | null, onConflict: OnConflict): Promise<ImportSummary>;
  /**
   * Asks where to save (native dialog) and writes personas, or a whole project when
   * `project` is given, as a `.persona` file; null when the dialog was cancelled.
   */
  exportBundle(personas: PersonaId[], project: ProjectId | null, suggestedName: string): Promise<BundleExport | null>;
  /**
   * Keeps the bytes of a `.persona` (or persona `.json`) file dropped on the window in
   * the library's `incoming` folder and answers its path, for the import view.
   */
  receiveDroppedFile(name: string, bytes: Uint8Array): Promise<string>;
  /**
   * Calls `listener` with the path of every `.persona` (or persona `.json`) file the
   * app is asked to open while it runs by another launch or a double-click.
   * Answers a function that stops listening.
   */
  onOpenFile(listener: (path: string) => void): Promise<() => void>;

  /**
   * Page `index` of the persona's sheet as PNG bytes, drawn by the same layout as the
   * exports; null page or orientation means the template's.
   */
  previewSheet(id: PersonaId, page: PageSize | null, orientation: Orientation | null, index: number): Promise<Uint8Array>;
  /** Asks where to save (native dialog), then exports; null when cancelled there. */
  exportSheet(
    id: PersonaId,
    format: ExportFormat,
    page: PageSize | null,
    orientation: Orientation | null,
    dpi: number | null,
    suggestedName: string,
  ): Promise<ExportReport | null>;
  /** A project as one PDF deck; progress arrives through `onDeckProgress`. */
  exportDeck(project: ProjectId, page: PageSize | null, orientation: Orientation | null, suggestedName: string): Promise<ExportReport | null>;
  /** Stops a running deck export; it then rejects with code `cancelled`. */
  cancelExport(): Promise<null>;
  onDeckProgress(listener: (progress: DeckProgress) => void): Promise<() => void>;
}

/** Turns anything a command rejected with into the `ErrorBody` the UI shows. */
export function toErrorBody(e: unknown): ErrorBody {
  if (typeof e === 'object' && e !== null && 'code' in e && 'message' in e) {
    const { code, message } = e as { code: unknown; message: unknown };
    return { code: String(code), message: String(message) };
  }
  if (e instanceof Error) return { code: 'internal', message: e.message };
  return { code: 'internal', message: String(e) };
}

/** What the page's address asks for: `?backend=mock&seed=example&latency=300`. */
export interface BackendChoice {
  kind: 'tauri' | 'mock';
  mock: MockOptions;
}

export function chooseBackend(search: string, hasTauri: boolean): BackendChoice {
  const params = new URLSearchParams(search);
  const asked = params.get('backend');
  const kind = asked === 'mock' || (!hasTauri && asked !== 'tauri') ? 'mock' : 'tauri';
  const latency = Number(params.get('latency') ?? '0');
  return {
    kind,
    mock: {
      seed: params.get('seed') === 'example' ? 'example' : 'none',
      latencyMs: Number.isFinite(latency) && latency > 0 ? latency : 0,
    },
  };
}

/**
 * The backend for this window: Tauri's when running inside the app, otherwise the mock.
 * Both are loaded on demand so the production bundle keeps the mock (and its example
 * data) in a chunk the app never fetches.
 */
export async function createBackend(): Promise<Backend> {
  const hasTauri = typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
  const choice = chooseBackend(typeof location === 'undefined' ? '' : location.search, hasTauri);
  if (choice.kind === 'tauri') {
    const { TauriBackend } = await import('./backend/tauri');
    return new TauriBackend();
  }
  const { MockBackend } = await import('./backend/mock');
  const mock = new MockBackend(choice.mock);
  // Tests read and steer the mock's state through this handle.
  (window as unknown as { __PERSONA_STUDIO_MOCK__: typeof mock }).__PERSONA_STUDIO_MOCK__ = mock;
  return mock;
}
