// Sharing: the import view for `.persona` files (opened from a dialog, a drop on the
// window, another launch or a double-click) and exports to `.persona` files. The file
// is previewed before anything is stored; the import itself is one transaction.
import type { Backend } from '../backend';
import { toErrorBody } from '../backend';
import type { BundlePreview } from '../bindings/BundlePreview';
import type { ErrorBody } from '../bindings/ErrorBody';
import type { ImportSummary } from '../bindings/ImportSummary';
import type { OnConflict } from '../bindings/OnConflict';
import { t } from '../i18n';

export interface ShareHooks {
  /** The projects a file can be imported into, by id. */
  projects(): { id: string; name: string }[];
  /** The project the user is looking at, offered first for files without one. */
  selectedProject(): string | null;
  /** After an import: reload the library and show where the personas went. */
  imported(summary: ImportSummary): Promise<void>;
  say(text: string, kind?: 'info' | 'success' | 'error'): void;
}

/** Files the import view opens: bundles and single-persona JSON. */
export function isShareFile(name: string): boolean {
  return /\.(persona|json)$/i.test(name);
}

/** Shown when a file holds no project and the library has none to import into. */
export const NEEDS_PROJECT = 'needs_project';

export class ShareController {
  /** The file in the import view; null when the view is closed. */
  path = $state<string | null>(null);
  preview = $state<BundlePreview | null>(null);
  error = $state<ErrorBody | null>(null);
  /** A project id, or null for the file's own project. */
  target = $state<string | null>(null);
  onConflict = $state<OnConflict>('keep-both');
  busy = $state(false);
  private generation = 0;

  constructor(
    private readonly backend: Backend,
    private readonly hooks: ShareHooks,
  ) {}

  get fileName(): string {
    return this.path?.split(/[\\/]/).pop() ?? '';
  }

  /** Shows the import view for `path`, with what importing it would do. */
  async open(path: string): Promise<void> {
    this.path = path;
    this.preview = null;
    this.error = null;
    this.onConflict = 'keep-both';
    this.target = null;
    await this.refresh();
    // A file without a project of its own (one persona's JSON) goes into a project of
    // the library: the one on screen, else the first. (Read back through a cast: the
    // refresh above changed `error`, which TypeScript cannot see.)
    const error = this.error as ErrorBody | null;
    if (error?.code === 'import_refused' && this.preview === null) {
      const projects = this.hooks.projects();
      const first = this.hooks.selectedProject() ?? projects[0]?.id ?? null;
      if (first === null) {
        this.error = { code: NEEDS_PROJECT, message: error.message };
        return;
      }
      this.target = first;
      await this.refresh();
    }
  }

  /** The native open dialog, then the import view. */
  async choose(): Promise<void> {
    try {
      const path = await this.backend.chooseBundleFile();
      if (path) await this.open(path);
    } catch (e) {
      this.hooks.say(toErrorBody(e).message, 'error');
    }
  }

  async setTarget(target: string | null): Promise<void> {
    this.target = target;
    await this.refresh();
  }

  async setOnConflict(policy: OnConflict): Promise<void> {
    this.onConflict = policy;
    await this.refresh();
  }

  /** Recomputes the preview for the current choices; a later call wins. */
  async refresh(): Promise<void> {
    const path = this.path;
    if (path === null) return;
    const generation = ++this.generation;
    try {
      const preview = await this.backend.previewBundle(path, this.target, this.onConflict);
      if (generation !== this.generation) return;
      this.preview = preview;
      this.error = null;
    } catch (e) {
      if (generation !== this.generation) return;
      this.error = toErrorBody(e);
    }
  }

  /** Imports with the current choices. Answers the summary, or null if it failed. */
  async confirm(): Promise<ImportSummary | null> {
    const path = this.path;
    if (path === null || this.busy) return null;
    this.busy = true;
    try {
      const summary = await this.backend.importBundle(path, this.target, this.onConflict);
      this.close();
      await this.hooks.imported(summary);
      return summary;
    } catch (e) {
      this.error = toErrorBody(e);
      return null;
    } finally {
      this.busy = false;
    }
  }

  close(): void {
    this.generation++;
    this.path = null;
    this.preview = null;
    this.error = null;
  }

  /** Saves personas (or a whole project) as a `.persona` file chosen in the save dialog. */
  async export(personas: string[], project: string | null, suggestedName: string): Promise<void> {
    try {
      const written = await this.backend.exportBundle(personas, project, suggestedName);
      if (written) this.hooks.say(t('share.exported', { path: written.path }), 'success');
    } catch (e) {
      this.hooks.say(toErrorBody(e).message, 'error');
    }
  }
}
