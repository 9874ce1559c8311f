// An in-memory backend with the semantics of the Rust commands (validation, error
// codes, sorting, `updated` stamps), for the browser, the unit tests and Playwright.
import type { Backend } from '../backend';
import type { Brand } from '../bindings/Brand';
import type { BundleExport } from '../bindings/BundleExport';
import type { BundlePreview } from '../bindings/BundlePreview';
import type { DeckProgress } from '../bindings/DeckProgress';
import type { SurveyPhase } from '../bindings/SurveyPhase';
import type { SurveyProgress } from '../bindings/SurveyProgress';
import type { ExportFormat } from '../bindings/ExportFormat';
import type { ExportReport } from '../bindings/ExportReport';
import type { ImportSummary } from '../bindings/ImportSummary';
import type { Orientation } from '../bindings/Orientation';
import type { PageSize } from '../bindings/PageSize';
import type { OnConflict } from '../bindings/OnConflict';
import type { PlannedPersona } from '../bindings/PlannedPersona';
import type { ErrorBody } from '../bindings/ErrorBody';
import type { ExampleOutcome } from '../bindings/ExampleOutcome';
import type { LibraryOverview } from '../bindings/LibraryOverview';
import type { Persona } from '../bindings/Persona';
import type { PersonaCard } from '../bindings/PersonaCard';
import type { Project } from '../bindings/Project';
import type { Template } from '../bindings/Template';
import type { Preset } from '../bindings/Preset';
import type { CropRect } from '../bindings/CropRect';
import type { ImageSize } from '../bindings/ImageSize';
import type { SearchHit } from '../bindings/SearchHit';
import type { SearchQuery } from '../bindings/SearchQuery';
import { sniffImage } from '../model/images';
import type { DatasetProfile } from '../bindings/DatasetProfile';
import type { DatasetSummary } from '../bindings/DatasetSummary';
import type { Evidence } from '../bindings/Evidence';
import type { EvidenceReport } from '../bindings/EvidenceReport';
import type { EvidenceSource } from '../bindings/EvidenceSource';
import type { EvidenceSpec } from '../bindings/EvidenceSpec';
import type { ImportOutcome } from '../bindings/ImportOutcome';
import type { SegmentComparison } from '../bindings/SegmentComparison';
import type { SegmentFilter } from '../bindings/SegmentFilter';
import { initials } from '../model/initials';
import { assess, compute, DEFAULT_POLICY, preview, profile, readSample, workbookPreview, type MockDataset } from './mockSurvey';
import type { SurveyOverrides } from '../bindings/SurveyOverrides';
import type { SurveyPreview } from '../bindings/SurveyPreview';
import { matches, passes, sortCards } from '../model/search';
import { byName } from '../model/sort';
import {
  applyPreset,
  BUILTIN_PRESETS,
  BUILTIN_TEMPLATES,
  DEFAULT_TEMPLATE,
  EXAMPLE_LIBRARY,
  emptied,
  localizeModules,
  normalizeBody,
} from '../model/templates';

export interface MockOptions {
  /** Start empty (the default) or with the example library installed. */
  seed?: 'none' | 'example';
  /** Delay every answer by this many milliseconds, to see "Saving…" states. */
  latencyMs?: number;
  /** Where the library pretends to live. */
  dataDir?: string;
  /** The clock; injected so tests can be deterministic. */
  now?: () => Date;
  /** Ids for new things; injected so tests can be deterministic. */
  newId?: () => string;
}

/** A `.persona` file as the mock keeps it: what it holds, or why it is refused. */
export interface MockFile {
  project: Project | null;
  personas: Persona[];
  /** When set, reading the file fails with this sentence (a hostile or broken file). */
  refused?: string;
}

/**
 * What the mock makes of dropped bytes: a `MockFile` written as JSON (what tests drop
 * for a bundle), one persona's JSON, or a refusal worded like the app's.
 */
function mockFileFrom(bytes: Uint8Array): MockFile {
  const refused = { project: null, personas: [], refused: 'this is neither a .persona bundle nor a persona JSON file' };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return refused;
  }
  if (typeof value !== 'object' || value === null) return refused;
  if ('personas' in value && Array.isArray(value.personas)) return value as MockFile;
  if ('id' in value && 'modules' in value) return { project: null, personas: [value as Persona] };
  return refused;
}

const MAX_NAME_CHARS = 120;
const DEFAULT_BRAND: Brand = { name: null, primary: '#2f4b8f', accent: '#e86a4a', logo: null, font: null };

function fail(code: string, message: string): ErrorBody {
  return { code, message };
}

/** The checks of `photo::prepare_*` a mock can make without decoding. */
function checkedImage(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) throw fail('bad_image', 'the image is empty');
  const kind = sniffImage(bytes);
  if (kind === 'gif') throw fail('unsupported_image', 'GIF images are not supported; use a JPEG, PNG or WebP image');
  if (kind === null) throw fail('unsupported_image', 'Unknown images are not supported; use a JPEG, PNG or WebP image');
  return bytes;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function checkedName(kind: 'persona' | 'project', name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw fail('invalid', `a ${kind} name cannot be empty`);
  const len = [...trimmed].length;
  if (len > MAX_NAME_CHARS) {
    throw fail('invalid', `a ${kind} name can be at most ${MAX_NAME_CHARS} characters (this one has ${len})`);
  }
  return trimmed;
}


export class MockBackend implements Backend {
  readonly kind = 'mock' as const;
  readonly projects = new Map<string, Project>();
  readonly personas = new Map<string, Persona>();
  /** Stored images by content hash (the mock stores the bytes as given, unscaled). */
  readonly assets = new Map<string, Uint8Array>();
  /** What the next "choose a photo/logo" dialog answers: bytes, or null for cancel. */
  nextPick: Uint8Array | null = null;
  /** The crop of each photo set, in order, for tests (the mock stores photos uncropped). */
  readonly photoCrops: Array<CropRect | null> = [];
  /** Every command called, in order, for tests that check what the UI asked for. */
  readonly calls: string[] = [];
  private readonly latencyMs: number;
  private readonly dataDir: string;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private failures: Array<{ command: string; error: ErrorBody }> = [];
  /** Files the mock can "open", by path; tests add them, `exportBundle` writes them. */
  readonly files = new Map<string, MockFile>();
  /** What `chooseBundleFile` and `takePendingOpen` answer next (tests set them). */
  nextChosenFile: string | null = null;
  pendingOpen: string | null = null;
  readonly userTemplates = new Map<string, Template>();
  private openListeners: Array<(path: string) => void> = [];
  private progressListeners: Array<(p: DeckProgress) => void> = [];
  private cancelled = false;
  /** How long the mock takes per persona of a deck, to watch progress and cancel. */
  deckStepMs = 0;

  constructor(options: MockOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.dataDir = options.dataDir ?? '~/.local/share/persona-studio (in-memory mock)';
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    if (options.seed === 'example') this.installExampleNow();
  }

  /** Makes the next call of `command` reject with `error` (for error-state tests). */
  failNext(command: string, error: ErrorBody): void {
    this.failures.push({ command, error });
  }

  /** A deep copy of everything stored. */
  snapshot(): { projects: Project[]; personas: Persona[] } {
    return structuredClone({ projects: [...this.projects.values()], personas: [...this.personas.values()] });
  }

  private async answer<T>(command: string, work: () => T): Promise<T> {
    this.calls.push(command);
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const i = this.failures.findIndex((f) => f.command === command);
    if (i >= 0) {
      const [failure] = this.failures.splice(i, 1);
      if (failure) throw failure.error;
    }
    // A copy, as if it had crossed the IPC boundary.
    return structuredClone(work());
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** As if the file had been dropped on the window or opened by another launch. */
  openFile(path: string): void {
    for (const l of this.openListeners) l(path);
  }

  private template(id: string): Template {
    const t = BUILTIN_TEMPLATES.find((t) => t.id === id) ?? this.userTemplates.get(id);
    if (!t) throw fail('unknown_template', `there is no template '${id}' (\`template list\` shows them)`);
    return t;
  }

  private newProject(name: string, brand: Brand = DEFAULT_BRAND): Project {
    const checked = checkedName('project', name);
    if ([...this.projects.values()].some((p) => p.name === checked)) {
      throw fail('duplicate_project', `a project named '${checked}' already exists`);
    }
    const now = this.stamp();
    return { schema: 1, id: this.newId(), name: checked, brand: { ...brand }, created: now, updated: now };
  }

  private fromTemplate(template: Template, project: string, name: string): Persona {
    const now = this.stamp();
    return {
      schema: 2,
      id: this.newId(),
      project,
      template: template.id,
      name: checkedName('persona', name),
      archetype: '',
      quote: '',
      photo: null,
      modules: template.modules.map((m) => ({ ...structuredClone(m), body: emptied(m.body) })),
      tags: [],
      notes: '',
      evidence: [],
      created: now,
      updated: now,
    };
  }

  private installExampleNow(): ExampleOutcome {
    const name = EXAMPLE_LIBRARY.project.name;
    if ([...this.projects.values()].some((p) => p.name === name)) {
      return { outcome: 'already_there', project: name };
    }
    const project = this.newProject(name, EXAMPLE_LIBRARY.project.brand);
    const personas = EXAMPLE_LIBRARY.personas.map((e) => {
      const p = this.fromTemplate(this.template(e.template), project.id, e.name);
      p.archetype = e.archetype;
      p.quote = e.quote;
      p.tags = [...e.tags];
      p.notes = e.notes;
      for (const m of p.modules) {
        const body = e.modules[m.id];
        if (body !== undefined) m.body = normalizeBody(body);
      }
      return p;
    });
    this.projects.set(project.id, project);
    for (const p of personas) this.personas.set(p.id, p);
    return { outcome: 'installed', project: name, personas: personas.length };
  }

  private card(p: Persona): PersonaCard {
    const template = BUILTIN_TEMPLATES.find((t) => t.id === p.template) ?? this.userTemplates.get(p.template);
    return {
      id: p.id,
      project: p.project,
      name: p.name,
      archetype: p.archetype,
      quote: p.quote,
      key_facts: p.modules
        .flatMap((m) => (m.body.kind === 'facts' ? m.body.rows : []))
        .filter((f) => f.value.trim() !== '' && f.label.trim() !== '')
        .slice(0, 3),
      tags: [...p.tags],
      template: p.template,
      template_name: template?.name ?? p.template,
      photo: p.photo,
      initials: initials(p.name),
      updated: p.updated,
    };
  }

  private persona(id: string): Persona {
    const p = this.personas.get(id);
    if (!p) throw fail('unknown_persona', `there is no persona '${id}' (give an id or the exact name; \`persona list\` shows them)`);
    return p;
  }

  private project(reference: string): Project {
    const p = [...this.projects.values()].find((p) => p.id === reference || p.name === reference);
    if (!p) throw fail('unknown_project', `there is no project '${reference}' (\`project list\` shows them)`);
    return p;
  }

  libraryOverview(): Promise<LibraryOverview> {
    return this.answer('library_overview', () => ({
      data_dir: this.dataDir,
      projects: [...this.projects.values()].sort(byName).map((p) => ({
        id: p.id,
        name: p.name,
        brand: p.brand,
        personas: [...this.personas.values()]
          .filter((q) => q.project === p.id)
          .map((q) => this.card(q))
          .sort(byName),
      })),
    }));
  }

  installExample(): Promise<ExampleOutcome> {
    return this.answer('install_example', () => this.installExampleNow());
  }

  createProject(name: string): Promise<Project> {
    return this.answer('create_project', () => {
      const p = this.newProject(name);
      this.projects.set(p.id, p);
      return p;
    });
  }

  createPersona(project: string, name: string, template: string | null): Promise<Persona> {
    return this.answer('create_persona', () => {
      const owner = this.project(project);
      const p = this.fromTemplate(this.template(template ?? DEFAULT_TEMPLATE), owner.id, name);
      this.personas.set(p.id, p);
      return p;
    });
  }

  getPersona(id: string): Promise<Persona> {
    return this.answer('get_persona', () => this.persona(id));
  }

  savePersona(persona: Persona): Promise<Persona> {
    // Copied now: the caller may go on editing its object while the answer is delayed.
    const incoming = structuredClone(persona);
    return this.answer('save_persona', () => {
      const stored = this.persona(incoming.id);
      this.project(incoming.project);
      checkedName('persona', incoming.name);
      for (const m of incoming.modules) {
        if (m.body.kind === 'sliders') {
          const bad = m.body.rows.find((s) => !Number.isInteger(s.value) || s.value < 0 || s.value > 100);
          if (bad) throw fail('invalid', `slider '${bad.left}' has value ${bad.value}; it must be between 0 and 100`);
        }
      }
      // Evidence is written only by add/removeEvidence (an editor's copy may be older).
      const saved: Persona = { ...incoming, evidence: stored.evidence, schema: 2, created: stored.created, updated: this.stamp() };
      this.personas.set(saved.id, saved);
      return saved;
    });
  }

  deletePersona(id: string): Promise<null> {
    return this.answer('delete_persona', () => {
      this.persona(id);
      this.personas.delete(id);
      return null;
    });
  }

  restorePersona(persona: Persona): Promise<Persona> {
    const incoming = structuredClone(persona);
    return this.answer('restore_persona', () => {
      if (this.personas.has(incoming.id)) {
        throw fail(
          'persona_exists',
          `a persona with the id ${incoming.id} is already in the library, so it cannot be restored`,
        );
      }
      this.project(incoming.project);
      this.personas.set(incoming.id, incoming);
      return structuredClone(incoming);
    });
  }

  listTemplates(): Promise<Template[]> {
    return this.answer('list_templates', () => [...BUILTIN_TEMPLATES, ...this.userTemplates.values()]);
  }

  saveTemplate(persona: string, name: string): Promise<Template> {
    return this.answer('save_template', () => {
      const p = this.persona(persona);
      const base = this.template(p.template);
      const trimmed = name.trim();
      if (trimmed === '') throw fail('invalid', 'a template name needs 1 to 120 characters (this one has 0)');
      const slug = trimmed.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      let id = `user-${slug}`.replace(/-$/, '');
      for (let n = 2; this.userTemplates.has(id) || BUILTIN_TEMPLATES.some((t) => t.id === id); n++) {
        id = `user-${slug}-${n}`;
      }
      const template: Template = {
        ...structuredClone(base),
        id,
        name: trimmed,
        modules: p.modules.map((m) => ({ ...structuredClone(m), body: emptied(m.body) })),
        locales: {},
      };
      this.userTemplates.set(id, template);
      return template;
    });
  }

  deleteTemplate(id: string): Promise<null> {
    return this.answer('delete_template', () => {
      if (BUILTIN_TEMPLATES.some((t) => t.id === id)) {
        throw fail('builtin_template', `'${id}' is a built-in template and cannot be deleted`);
      }
      const users = [...this.personas.values()].filter((p) => p.template === id).length;
      if (users > 0) {
        throw fail('template_in_use', `the template '${id}' is used by ${users} persona(s); move them to another template first`);
      }
      if (!this.userTemplates.delete(id)) throw fail('unknown_template', `there is no template '${id}'`);
      return null;
    });
  }

  takePendingOpen(): Promise<string | null> {
    return this.answer('take_pending_open', () => {
      const path = this.pendingOpen;
      this.pendingOpen = null;
      return path;
    });
  }

  chooseBundleFile(): Promise<string | null> {
    return this.answer('choose_bundle_file', () => this.nextChosenFile);
  }

  previewBundle(path: string, project: string | null, onConflict: OnConflict): Promise<BundlePreview> {
    return this.answer('preview_bundle', () => {
      const file = this.readFile(path);
      const plan = this.plan(file, project, onConflict);
      return {
        file: {
          format_version: '1.0',
          app_version: '0.1.0',
          scope: file.project && project === null ? 'project' : file.personas.length === 1 ? 'persona' : 'selection',
          project: file.project ? { id: file.project.id, name: file.project.name } : null,
          personas: file.personas.map((p) => ({ id: p.id, name: p.name, template: p.template, bytes: JSON.stringify(p).length })),
          templates: [],
          assets: [],
          evidence_items: 0,
          file_bytes: JSON.stringify(file).length,
          unpacked_bytes: JSON.stringify(file).length,
        },
        import: plan.summary,
        conflicts: file.personas.filter((p) => this.personas.has(p.id)).length,
      };
    });
  }

  importBundle(path: string, project: string | null, onConflict: OnConflict): Promise<ImportSummary> {
    return this.answer('import_bundle', () => {
      const plan = this.plan(this.readFile(path), project, onConflict);
      if (plan.project) this.projects.set(plan.project.id, plan.project);
      for (const p of plan.personas) this.personas.set(p.id, p);
      return plan.summary;
    });
  }

  exportBundle(personas: string[], project: string | null, suggestedName: string): Promise<BundleExport | null> {
    return this.answer('export_bundle', () => {
      const owner = project === null ? null : this.project(project);
      const chosen = owner
        ? [...this.personas.values()].filter((p) => p.project === owner.id)
        : personas.map((id) => this.persona(id));
      const path = `/home/user/${suggestedName}.persona`;
      this.files.set(path, { project: owner ? structuredClone(owner) : null, personas: structuredClone(chosen) });
      return { path, personas: chosen.length, templates: 1, images: 0, bytes: JSON.stringify(chosen).length };
    });
  }

  /** The language exports would use; the mock draws no sheets, tests read it here. */
  language = 'en';

  setLanguage(tag: string): Promise<null> {
    return this.answer('set_language', () => {
      this.language = tag;
      return null;
    });
  }

  receiveDroppedFile(name: string, bytes: Uint8Array): Promise<string> {
    return this.answer('receive_dropped_file', () => {
      const path = `${this.dataDir}/incoming/${name.split(/[\\/]/).pop() || 'dropped.persona'}`;
      this.files.set(path, mockFileFrom(bytes));
      return path;
    });
  }

  async onOpenFile(listener: (path: string) => void): Promise<() => void> {
    this.openListeners.push(listener);
    return () => {
      this.openListeners = this.openListeners.filter((l) => l !== listener);
    };
  }

  previewSheet(id: string, page: PageSize | null, orientation: Orientation | null, index: number): Promise<Uint8Array> {
    return this.answer('preview_sheet', () => {
      const p = this.persona(id);
      if (index > 0) throw fail('no_such_page', `the sheet has 1 page(s); there is no page ${index + 1}`);
      // The mock cannot lay out sheets; it answers a picture that says which sheet and
      // page options were asked for, so tests can see them reach the backend.
      return mockSheetPng(`${p.name} · ${page ?? 'template'} · ${orientation ?? 'template'}`);
    });
  }

  exportSheet(
    id: string,
    format: ExportFormat,
    page: PageSize | null,
    orientation: Orientation | null,
    dpi: number | null,
    suggestedName: string,
  ): Promise<ExportReport | null> {
    return this.answer('export_sheet', () => {
      this.persona(id);
      if (format === 'png' && dpi !== null && (dpi < 72 || dpi > 600)) {
        throw fail('export_failed', `${dpi} dpi is outside 72–600`);
      }
      this.exports.push({ id, format, page, orientation, dpi });
      return { path: `/home/user/${suggestedName}.${format}`, pages: 1, warnings: [] };
    });
  }

  /** Every sheet export asked for, with its options. */
  readonly exports: Array<{ id: string; format: ExportFormat; page: PageSize | null; orientation: Orientation | null; dpi: number | null }> = [];

  async exportDeck(project: string, page: PageSize | null, orientation: Orientation | null, suggestedName: string): Promise<ExportReport | null> {
    this.calls.push('export_deck');
    const owner = this.project(project);
    const personas = [...this.personas.values()].filter((p) => p.project === owner.id).sort(byName);
    this.cancelled = false;
    const report = (p: DeckProgress) => this.progressListeners.forEach((l) => l(p));
    report({ done: 0, total: personas.length, persona: '' });
    for (const [i, p] of personas.entries()) {
      if (this.deckStepMs > 0) await new Promise((r) => setTimeout(r, this.deckStepMs));
      if (this.cancelled) throw fail('cancelled', 'the export was cancelled; nothing was written');
      report({ done: i + 1, total: personas.length, persona: p.name });
    }
    void page;
    void orientation;
    return { path: `/home/user/${suggestedName}.pdf`, pages: personas.length + 1, warnings: [] };
  }

  cancelExport(): Promise<null> {
    this.cancelled = true;
    return this.answer('cancel_export', () => null);
  }

  async onDeckProgress(listener: (p: DeckProgress) => void): Promise<() => void> {
    this.progressListeners.push(listener);
    return () => {
      this.progressListeners = this.progressListeners.filter((l) => l !== listener);
    };
  }

  private readFile(path: string): MockFile {
    const file = this.files.get(path);
    if (!file) throw fail('bundle_refused', `cannot open ${path}: the file could not be read: No such file or directory (os error 2)`);
    if (file.refused) throw fail('bundle_refused', `cannot open ${path}: ${file.refused}`);
    return structuredClone(file);
  }

  /** The import plan, with the semantics of `persona_bundle::plan_import`. */
  private plan(file: MockFile, target: string | null, onConflict: OnConflict) {
    let project: Project | null = null;
    let projectId: string;
    let action = 'use_existing';
    if (target !== null) {
      projectId = this.project(target).id;
    } else {
      if (!file.project) throw fail('import_refused', 'cannot import: the file holds no project; choose one to import into');
      project = { ...file.project };
      if (this.projects.has(project.id)) {
        if (onConflict === 'keep-both') {
          project.id = this.newId();
          action = 'create';
        } else if (onConflict === 'replace') {
          action = 'replace';
        } else {
          project = null;
        }
      } else {
        action = 'create';
      }
      if (project && action === 'create') {
        const taken = new Set([...this.projects.values()].map((p) => p.name));
        let name = project.name;
        for (let n = 2; taken.has(name); n++) name = `${project.name} (${n})`;
        project.name = name;
      }
      projectId = project?.id ?? file.project.id;
    }
    const created: PlannedPersona[] = [];
    const replaced: PlannedPersona[] = [];
    const skipped: PlannedPersona[] = [];
    const personas: Persona[] = [];
    for (const original of file.personas) {
      const p = { ...original, project: projectId };
      const row = (id: string) => ({ id, original: original.id, name: p.name });
      if (!this.personas.has(p.id)) {
        created.push(row(p.id));
        personas.push(p);
      } else if (onConflict === 'keep-both') {
        p.id = this.newId();
        created.push(row(p.id));
        personas.push(p);
      } else if (onConflict === 'replace') {
        replaced.push(row(p.id));
        personas.push(p);
      } else {
        skipped.push(row(p.id));
      }
    }
    const summary: ImportSummary = {
      project: projectId,
      project_action: action,
      created,
      replaced,
      skipped,
      templates_created: [],
      templates_replaced: [],
      images_stored: 0,
      images_dropped: 0,
    };
    return { project, personas, summary };
  }

  listPresets(): Promise<Preset[]> {
    return this.answer('list_presets', () => [...BUILTIN_PRESETS]);
  }

  createPersonaFrom(
    project: string,
    name: string,
    template: string | null,
    preset: string | null,
    lang: string | null = null,
  ): Promise<Persona> {
    return this.answer('create_persona_from', () => {
      const chosen = preset === null ? null : BUILTIN_PRESETS.find((p) => p.id === preset);
      if (chosen === undefined) throw fail('unknown_preset', `there is no preset '${preset}' (\`template presets\` shows them)`);
      const templateId = template ?? chosen?.template ?? DEFAULT_TEMPLATE;
      if (chosen && chosen.template !== templateId) {
        throw fail(
          'preset_template_mismatch',
          `the preset '${chosen.id}' is for the template '${chosen.template}', not '${templateId}'`,
        );
      }
      const owner = this.project(project);
      const base = this.template(templateId);
      let p = this.fromTemplate(base, owner.id, name);
      if (chosen) p = applyPreset(chosen, p);
      if (lang !== null) p.modules = localizeModules(base, lang, p.modules);
      this.personas.set(p.id, p);
      return p;
    });
  }

  duplicatePersona(id: string): Promise<Persona> {
    return this.answer('duplicate_persona', () => {
      const original = this.persona(id);
      const now = this.stamp();
      const base = [...original.name].slice(0, MAX_NAME_CHARS - 7).join('').trimEnd();
      const copy: Persona = { ...structuredClone(original), id: this.newId(), name: `${base} (copy)`, created: now, updated: now };
      this.personas.set(copy.id, copy);
      return copy;
    });
  }

  movePersona(id: string, project: string): Promise<Persona> {
    return this.answer('move_persona', () => {
      const p = this.persona(id);
      const moved = { ...p, project: this.project(project).id, updated: this.stamp() };
      this.personas.set(id, moved);
      return moved;
    });
  }

  private async storeAsset(bytes: Uint8Array): Promise<string> {
    const hash = await sha256(bytes);
    this.assets.set(hash, bytes.slice());
    return hash;
  }

  private async withPhoto(command: string, id: string, bytes: Uint8Array): Promise<Persona> {
    let hash = '';
    try {
      hash = await this.storeAsset(checkedImage(bytes));
    } catch (e) {
      return this.answer(command, () => {
        throw e;
      });
    }
    return this.answer(command, () => {
      const updated = { ...this.persona(id), photo: hash, updated: this.stamp() };
      this.personas.set(id, updated);
      return updated;
    });
  }

  chooseImageFile(): Promise<Uint8Array | null> {
    const pick = this.nextPick;
    this.nextPick = null;
    return this.answer('choose_image_file', () => pick);
  }

  async storePicture(bytes: Uint8Array): Promise<string> {
    let hash = '';
    try {
      hash = await this.storeAsset(checkedImage(bytes));
    } catch (e) {
      return this.answer('store_picture', () => {
        throw e;
      });
    }
    return this.answer('store_picture', () => hash);
  }

  /** Decodes with the browser (a real check, like the app's) to learn the size. */
  async checkPhoto(bytes: Uint8Array): Promise<ImageSize> {
    let size: ImageSize | ErrorBody;
    try {
      checkedImage(bytes);
      const bitmap = await createImageBitmap(new Blob([bytes as BlobPart]));
      size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
    } catch (e) {
      size = (e as ErrorBody).code ? (e as ErrorBody) : fail('bad_image', 'the image is damaged and cannot be read');
    }
    return this.answer('check_photo', () => {
      if ('code' in size) throw size;
      return size;
    });
  }

  setPersonaPhoto(id: string, bytes: Uint8Array, crop: CropRect | null): Promise<Persona> {
    this.photoCrops.push(crop);
    return this.withPhoto('set_persona_photo', id, bytes);
  }

  removePersonaPhoto(id: string): Promise<Persona> {
    return this.answer('remove_persona_photo', () => {
      const updated = { ...this.persona(id), photo: null, updated: this.stamp() };
      this.personas.set(id, updated);
      return updated;
    });
  }

  getAsset(hash: string): Promise<Uint8Array> {
    return this.answer('get_asset', () => {
      const bytes = this.assets.get(hash);
      if (!bytes) throw fail('unknown_asset', `there is no stored image '${hash}'`);
      return bytes;
    });
  }

  updateProject(id: string, name: string, brand: Brand): Promise<Project> {
    return this.answer('update_project', () => {
      const project = this.project(id);
      const checked = checkedName('project', name);
      if ([...this.projects.values()].some((p) => p.id !== id && p.name === checked)) {
        throw fail('duplicate_project', `a project named '${checked}' already exists`);
      }
      for (const c of [brand.primary, brand.accent]) {
        if (!/^#[0-9a-f]{6}$/i.test(c)) throw fail('invalid', `'${c}' is not a colour of the form #rrggbb`);
      }
      if (brand.logo && !this.assets.has(brand.logo)) throw fail('unknown_asset', `there is no stored image '${brand.logo}'`);
      const font = brand.font && brand.font.trim() !== '' ? brand.font : null;
      const brandName = brand.name && brand.name.trim() !== '' ? brand.name.trim() : null;
      if (brandName && [...brandName].length > 120) throw fail('invalid', `a brand name can be at most 120 characters (this one has ${[...brandName].length})`);
      const updated: Project = {
        ...project,
        name: checked,
        brand: { ...brand, name: brandName, primary: brand.primary.toLowerCase(), accent: brand.accent.toLowerCase(), font },
        updated: this.stamp(),
      };
      this.projects.set(id, updated);
      return updated;
    });
  }

  private async withLogo(command: string, id: string, bytes: Uint8Array): Promise<Project> {
    let hash = '';
    try {
      hash = await this.storeAsset(checkedImage(bytes));
    } catch (e) {
      return this.answer(command, () => {
        throw e;
      });
    }
    return this.answer(command, () => {
      const p = this.project(id);
      const updated = { ...p, brand: { ...p.brand, logo: hash }, updated: this.stamp() };
      this.projects.set(id, updated);
      return updated;
    });
  }

  chooseBrandLogo(id: string): Promise<Project | null> {
    const pick = this.nextPick;
    this.nextPick = null;
    if (pick === null) return this.answer('choose_brand_logo', () => null);
    return this.withLogo('choose_brand_logo', id, pick);
  }

  setBrandLogo(id: string, bytes: Uint8Array): Promise<Project> {
    return this.withLogo('set_brand_logo', id, bytes);
  }

  brandFonts(): Promise<string[]> {
    return this.answer('brand_fonts', () => ['Noto Sans', 'Noto Sans CJK SC', 'DejaVu Sans']);
  }

  searchPersonas(query: SearchQuery): Promise<SearchHit[]> {
    return this.answer('search_personas', () => {
      const hits = [...this.personas.values()]
        .filter((p) => passes(p, query) && matches(query.text, p))
        .map((p) => this.card(p));
      return sortCards(hits, query.sort).map((card) => ({ project: card.project, card }));
    });
  }
  /** Stored surveys by id. */
  readonly datasets = new Map<string, MockDataset>();

  private dataset(id: string): MockDataset {
    const d = this.datasets.get(id) ?? [...this.datasets.values()].find((d) => d.summary.name === id);
    if (!d) throw fail('unknown_dataset', `there is no survey dataset '${id}' (\`survey list\` shows them)`);
    return d;
  }

  /** What `chooseSurveyFile` answers next (tests set it); every path reads the sample survey. */
  nextSurveyFile: string | null = 'customer-survey.csv';
  /** How long a survey preview or import takes, to watch "working" and cancel. */
  surveyDelayMs = 0;
  private surveyCancel: (() => void) | null = null;

  chooseSurveyFile(): Promise<string | null> {
    return this.answer('choose_survey_file', () => this.nextSurveyFile);
  }

  /**
   * Waits `surveyDelayMs` unless cancelled (then rejects like the app: code `cancelled`),
   * reporting progress through the phases as the app does: parsing, typing, and for an
   * import storing, every 100 ms.
   */
  private async surveyWork(storing = false): Promise<void> {
    this.surveyCancel?.();
    if (this.surveyDelayMs <= 0) return;
    const phases: SurveyPhase[] = storing ? ['parsing', 'typing', 'storing'] : ['parsing', 'typing'];
    const started = Date.now();
    const report = () => {
      const share = Math.min(1, (Date.now() - started) / this.surveyDelayMs);
      // Parsing takes most of the time, as in the app.
      const parsing = storing ? 0.7 : 0.85;
      const phase: SurveyPhase = share < parsing ? 'parsing' : storing && share >= 0.9 ? 'storing' : 'typing';
      const fraction = phase === 'parsing' ? share / parsing : phase === 'typing' ? Math.min(1, (share - parsing) / 0.2) : 0;
      const progress: SurveyProgress = { phase, fraction, rows: Math.round(1000 * Math.min(1, share / parsing)) };
      if (phases.includes(phase)) this.surveyListeners.forEach((l) => l(progress));
    };
    await new Promise<void>((resolve, reject) => {
      const ticker = setInterval(report, 100);
      const timer = setTimeout(() => {
        clearInterval(ticker);
        this.surveyCancel = null;
        resolve();
      }, this.surveyDelayMs);
      this.surveyCancel = () => {
        clearTimeout(timer);
        clearInterval(ticker);
        this.surveyCancel = null;
        reject(fail('cancelled', 'cancelled; nothing was stored'));
      };
    });
  }

  private surveyListeners: Array<(p: SurveyProgress) => void> = [];

  async onSurveyProgress(listener: (p: SurveyProgress) => void): Promise<() => void> {
    this.surveyListeners.push(listener);
    return () => {
      this.surveyListeners = this.surveyListeners.filter((l) => l !== listener);
    };
  }

  private readSurvey(path: string, options: SurveyOverrides, id: string, project: string): MockDataset {
    if (!/\.(csv|tsv|txt|xlsx|xls|xlsb|ods)$/i.test(path)) {
      throw fail('survey_unreadable', `cannot read the survey ${path}: this is not a CSV, TSV or spreadsheet file`);
    }
    if (options.delimiter && [...options.delimiter].length !== 1) {
      throw fail('bad_override', `the import settings cannot be used: the delimiter '${options.delimiter}' is not one character`);
    }
    return readSample(id, project, this.stamp(), path, options);
  }

  async previewSurvey(path: string, options: SurveyOverrides): Promise<SurveyPreview> {
    await this.surveyWork();
    return this.answer('preview_survey', () => {
      const d = this.readSurvey(path, options, 'preview', '');
      if (/\.(xlsx|xls|xlsb|ods)$/i.test(path)) {
        if (options.sheet && !['Responses', 'Summary'].includes(options.sheet)) {
          throw fail('survey_unreadable', `cannot read the survey ${path}: the workbook has no worksheet '${options.sheet}' with answers; its worksheets: Responses, Summary`);
        }
        return workbookPreview(d, options.sheet);
      }
      return preview(d, options.delimiter);
    });
  }

  async importSurvey(project: string, path: string, options: SurveyOverrides, replaces: string | null): Promise<ImportOutcome> {
    await this.surveyWork(true);
    return this.answer('import_survey', () => {
      const p = this.project(project);
      const name = path.replace(/^.*[\\/]/, '');
      // The same file again in the project changes nothing (the app compares contents).
      const again = [...this.datasets.values()].find((d) => d.summary.project === p.name && d.summary.source_file === name);
      if (again && !replaces) return { status: 'unchanged', ...again.summary, replaced: null };
      const d = this.readSurvey(path, options, replaces ?? this.newId(), p.name);
      this.datasets.set(d.summary.id, d);
      return { status: replaces ? 'replaced' : 'imported', ...d.summary, replaced: null };
    });
  }

  cancelSurvey(): Promise<null> {
    this.surveyCancel?.();
    return this.answer('cancel_survey', () => null);
  }

  deleteDataset(id: string): Promise<DatasetSummary> {
    return this.answer('delete_dataset', () => {
      const d = this.dataset(id);
      this.datasets.delete(d.summary.id);
      return d.summary;
    });
  }

  listDatasets(): Promise<DatasetSummary[]> {
    return this.answer('list_datasets', () => [...this.datasets.values()].map((d) => d.summary));
  }

  datasetProfile(dataset: string, segment: SegmentFilter | null): Promise<DatasetProfile> {
    return this.answer('dataset_profile', () => profile(this.dataset(dataset), segment));
  }

  compareSegments(dataset: string, a: SegmentFilter, b: SegmentFilter): Promise<SegmentComparison> {
    return this.answer('compare_segments', () => ({
      a: profile(this.dataset(dataset), a),
      b: profile(this.dataset(dataset), b),
    }));
  }

  addEvidence(persona: string, field: string, spec: EvidenceSpec): Promise<Evidence> {
    return this.answer('add_evidence', () => {
      const p = this.persona(persona);
      let source: EvidenceSource;
      if (spec.from === 'manual') {
        if (spec.name.trim() === '') throw fail('evidence_refused', 'this evidence cannot be attached: a manual source needs a name');
        source = { kind: 'manual', name: spec.name.trim(), date: spec.date, url: spec.url, note: spec.note };
      } else {
        source = compute(this.dataset(spec.dataset), spec);
      }
      const [module] = field.split('/');
      if (field !== 'quote' && field !== 'archetype' && !p.modules.some((m) => m.id === module)) {
        throw fail('bad_evidence_target', `cannot attach evidence to '${field}': the persona has no module '${module}'`);
      }
      const evidence: Evidence = { id: this.newId(), field, anchor: '', source, added: this.stamp() };
      const saved: Persona = { ...p, evidence: [...p.evidence, evidence], updated: this.stamp() };
      this.personas.set(p.id, saved);
      return evidence;
    });
  }

  removeEvidence(persona: string, evidence: string): Promise<null> {
    return this.answer('remove_evidence', () => {
      const p = this.persona(persona);
      if (!p.evidence.some((e) => e.id === evidence)) {
        throw fail('unknown_evidence', `the persona has no evidence '${evidence}' (\`evidence list\` shows the ids)`);
      }
      this.personas.set(p.id, { ...p, evidence: p.evidence.filter((e) => e.id !== evidence), updated: this.stamp() });
      return null;
    });
  }

  evidenceReport(persona: string, maxAgeDays: number | null): Promise<EvidenceReport> {
    return this.answer('evidence_report', () => {
      const policy = { ...DEFAULT_POLICY, max_age_days: maxAgeDays ?? DEFAULT_POLICY.max_age_days };
      return assess(this.persona(persona), policy, this.stamp().slice(0, 10));
    });
  }
}


/** A small PNG with a line of text, drawn by the browser (a 1-pixel PNG elsewhere). */
function mockSheetPng(text: string): Uint8Array {
  if (typeof document === 'undefined') {
    return Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
  }
  const canvas = document.createElement('canvas');
  canvas.width = 842;
  canvas.height = 595;
  const g = canvas.getContext('2d');
  if (g) {
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, 842, 595);
    g.fillStyle = '#2f4b8f';
    g.fillRect(0, 0, 842, 8);
    g.fillStyle = '#222222';
    g.font = '24px sans-serif';
    g.fillText(text, 40, 80);
  }
  const data = canvas.toDataURL('image/png').split(',')[1] ?? '';
  return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
}
