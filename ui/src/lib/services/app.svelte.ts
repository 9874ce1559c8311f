// Which screen is showing, and the moves between them: open a persona, go back (after
// its edits are on disk), delete it. Holds the other services for the components.
import type { Backend } from '../backend';
import { toErrorBody } from '../backend';
import type { CropRect } from '../bindings/CropRect';
import type { ErrorBody } from '../bindings/ErrorBody';
import type { ImageSize } from '../bindings/ImageSize';
import type { Brand } from '../bindings/Brand';
import type { ImportOutcome } from '../bindings/ImportOutcome';
import type { Persona } from '../bindings/Persona';
import { i18n, t } from '../i18n';
import { AssetUrls } from './assets.svelte';
import { Clock } from './clock.svelte';
import { PersonaEditor } from './editor.svelte';
import { LibraryStore } from './library.svelte';
import { isShareFile, ShareController } from './share.svelte';
import { SurveyImportFlow } from './survey-import.svelte';
import { SurveysController } from './surveys.svelte';
import { Toasts } from './toasts.svelte';

export type View = { kind: 'library' } | { kind: 'surveys' } | { kind: 'editor'; id: string };

const FALLBACK_BRAND: Brand = { name: null, primary: '#2f4b8f', accent: '#e86a4a', logo: null, font: null };

export class AppController {
  readonly library: LibraryStore;
  readonly share: ShareController;
  readonly toasts = new Toasts();
  readonly clock = new Clock();
  readonly assets: AssetUrls;
  readonly surveys: SurveysController;
  readonly surveyImport: SurveyImportFlow;
  view = $state<View>({ kind: 'library' });
  editor = $state<PersonaEditor | null>(null);
  editorError = $state<ErrorBody | null>(null);
  /** A checked photo waiting for the user to place it in the avatar frame. */
  photoCrop = $state<{ bytes: Uint8Array; size: ImageSize } | null>(null);

  constructor(
    readonly backend: Backend,
    private readonly editorDelayMs = 400,
  ) {
    this.library = new LibraryStore(backend);
    this.assets = new AssetUrls(backend);
    this.surveys = new SurveysController(backend);
    this.surveyImport = new SurveyImportFlow(backend, (outcome) => this.surveyImported(outcome));
    this.share = new ShareController(backend, {
      projects: () => this.library.projects,
      selectedProject: () => this.library.selected?.id ?? null,
      imported: (summary) => this.imported(summary.project, summary.created.length + summary.replaced.length),
      say: (text, kind) => void this.toasts.show(text, kind),
    });
  }

  async start(): Promise<void> {
    this.clock.start();
    await this.library.load();
    // Files to open: the one the app was started with, then any other launch or drop.
    try {
      await this.backend.onOpenFile((path) => void this.openFile(path));
      const pending = await this.backend.takePendingOpen();
      if (pending) await this.openFile(pending);
    } catch (e) {
      this.toasts.show(toErrorBody(e).message, 'error');
    }
  }

  /** Shows the import view for a file; an open persona's edits are stored first. */
  async openFile(path: string): Promise<void> {
    if (this.view.kind === 'editor' && !(await this.backToLibrary())) return;
    await this.share.open(path);
  }

  /**
   * A file dropped on the window: a `.persona` or persona JSON file opens in the import
   * view; anything else is explained, since a drop that does nothing looks broken.
   */
  async dropFile(file: File): Promise<void> {
    if (!isShareFile(file.name)) {
      this.toasts.show(t('share.dropUnsupported', { name: file.name }), 'error');
      return;
    }
    try {
      const path = await this.backend.receiveDroppedFile(file.name, new Uint8Array(await file.arrayBuffer()));
      await this.openFile(path);
    } catch (e) {
      this.toasts.show(toErrorBody(e).message, 'error');
    }
  }

  private async imported(project: string, count: number): Promise<void> {
    await this.library.load();
    this.library.selectProject(project);
    const name = this.library.projects.find((p) => p.id === project)?.name ?? '';
    this.toasts.show(t('share.imported', { count, project: name }), 'success');
  }

  /** The surveys of the selected project. */
  async showSurveys(): Promise<void> {
    if (this.view.kind === 'editor' && !(await this.backToLibrary())) return;
    this.view = { kind: 'surveys' };
  }

  /** Back to the personas of the selected project. */
  async showLibrary(): Promise<void> {
    this.view = { kind: 'library' };
    await this.library.load();
  }

  private async surveyImported(outcome: ImportOutcome): Promise<void> {
    const project = this.library.selected;
    if (project) await this.surveys.load({ id: project.id, name: project.name });
    await this.surveys.select(outcome.id);
    const key = outcome.status === 'unchanged' ? 'surveys.unchangedToast' : outcome.status === 'replaced' ? 'surveys.replacedToast' : 'surveys.importedToast';
    this.toasts.show(t(key, { name: outcome.name, count: outcome.respondents }), 'success');
  }

  /** Saves the open persona's layout as a new template of the user's. */
  async saveAsTemplate(name: string): Promise<void> {
    const editor = this.editor;
    if (!editor) return;
    await editor.flush();
    const template = await this.backend.saveTemplate(editor.persona.id, name);
    this.library.templates = await this.backend.listTemplates();
    this.toasts.show(t('template.saved', { name: template.name }), 'success');
  }

  /** The brand of the project the open persona belongs to. */
  get brand(): Brand {
    const project = this.editor?.persona.project;
    return this.library.projects.find((p) => p.id === project)?.brand ?? FALLBACK_BRAND;
  }

  /** Adds the example library and says how it went. */
  async installExample(): Promise<void> {
    try {
      const outcome = await this.library.installExample();
      switch (outcome.outcome) {
        case 'installed':
          this.toasts.show(t('example.installed'), 'success');
          break;
        case 'already_there':
          this.toasts.show(t('example.alreadyThere'));
          break;
        case 'not_empty':
          this.toasts.show(t('example.notEmpty'));
          break;
      }
    } catch (e) {
      this.toasts.show(toErrorBody(e).message, 'error');
    }
  }

  /** Creates a persona in the selected project and opens it. Rejects with an `ErrorBody`. */
  async createPersona(name: string, template: string | null, preset: string | null = null): Promise<void> {
    const persona = await this.library.createPersona(name, template, preset, i18n.locale);
    await this.openPersona(persona.id);
  }

  async openPersona(id: string): Promise<void> {
    this.view = { kind: 'editor', id };
    this.editor = null;
    this.photoCrop = null;
    this.editorError = null;
    try {
      const persona = await this.backend.getPersona(id);
      if (this.view.kind !== 'editor' || this.view.id !== id) return;
      const template = this.library.templates.find((t) => t.id === persona.template);
      this.editor = new PersonaEditor(persona, {
        save: (p) => this.backend.savePersona(p),
        grid: template?.grid,
        onSaved: (stored) => this.library.applySaved(stored),
        delayMs: this.editorDelayMs,
      });
    } catch (e) {
      this.editorError = toErrorBody(e);
    }
  }

  /**
   * Back to the library once the open persona's edits are stored. Answers false (and
   * stays) when they cannot be saved, so nothing typed is lost.
   */
  async backToLibrary(): Promise<boolean> {
    const editor = this.editor;
    if (editor) {
      const stored = await editor.flush();
      if (!stored) return false;
      editor.dispose();
    }
    this.editor = null;
    this.photoCrop = null;
    this.editorError = null;
    this.view = { kind: 'library' };
    this.clock.tick();
    await this.library.load();
    return true;
  }

  /**
   * Deletes the open persona and returns to the library; answers the persona as it was
   * stored, for `restorePersona` (undo). Rejects with an `ErrorBody`.
   */
  async deleteOpenPersona(): Promise<Persona | null> {
    const editor = this.editor;
    if (!editor) return null;
    editor.dispose();
    // A save still on its way would otherwise land after the delete and fail.
    await editor.settle();
    // The stored copy, not the editor's: undo must bring back exactly what was on disk.
    const stored = await this.backend.getPersona(editor.persona.id);
    await this.library.deletePersona(stored.id);
    this.editor = null;
    this.photoCrop = null;
    this.view = { kind: 'library' };
    return stored;
  }

  /** Undoes a delete: puts the persona back (same id, same everything) and opens it. */
  async restorePersona(persona: Persona): Promise<void> {
    try {
      const back = await this.backend.restorePersona(persona);
      await this.library.load();
      await this.openPersona(back.id);
    } catch (e) {
      this.toasts.show(toErrorBody(e).message, 'error');
    }
  }

  // ---- photos, duplicate, move (each says how it went in a toast) ----

  /** Opens the native dialog and hands the chosen picture on; cancel does nothing. */
  private async pickImage(then: (bytes: Uint8Array) => Promise<void>): Promise<void> {
    try {
      const bytes = await this.backend.chooseImageFile();
      if (bytes) await then(bytes);
    } catch (e) {
      this.toasts.show(toErrorBody(e).message, 'error');
    }
  }

  /** Opens the native dialog; the chosen photo goes to the crop step. */
  choosePhoto(): Promise<void> {
    return this.pickImage((bytes) => this.offerCrop(bytes));
  }

  /** Image bytes dropped or pasted on the header go to the crop step. */
  dropPhoto(bytes: Uint8Array): Promise<void> {
    return this.offerCrop(bytes);
  }

  /**
   * Checks the picture with the app first (a broken, huge or unsupported one is
   * refused with its reason, and never reaches the webview's decoder), then opens the
   * crop step on it. Nothing is stored until the crop is applied.
   */
  private async offerCrop(bytes: Uint8Array): Promise<void> {
    if (!this.editor) return;
    try {
      const size = await this.backend.checkPhoto(bytes);
      this.photoCrop = { bytes, size };
    } catch (e) {
      this.toasts.show(toErrorBody(e).message, 'error');
    }
  }

  /** Opens the native dialog and puts the chosen picture in an image module. */
  chooseModuleImage(moduleId: string): Promise<void> {
    return this.pickImage((bytes) => this.putModuleImage(moduleId, bytes));
  }

  /**
   * Stores a picture (checked and scaled by the app) and puts it in an image module of
   * the open persona, as an edit that undo takes back. A refused picture changes nothing.
   */
  async putModuleImage(moduleId: string, bytes: Uint8Array): Promise<void> {
    const editor = this.editor;
    if (!editor) return;
    try {
      const hash = await this.backend.storePicture(bytes);
      editor.setImage(moduleId, hash);
    } catch (e) {
      this.toasts.show(toErrorBody(e).message, 'error');
    }
  }

  /** Stores the photo being cropped, cut to `crop`. */
  async applyPhotoCrop(crop: CropRect): Promise<void> {
    const pending = this.photoCrop;
    this.photoCrop = null;
    const editor = this.editor;
    if (!pending || !editor) return;
    try {
      const stored = await this.backend.setPersonaPhoto(editor.persona.id, pending.bytes, crop);
      // Saved by the app already; the editor carries it so its next save keeps it.
      editor.setPhoto(stored.photo);
      this.toasts.show(t('photo.updated'), 'success');
    } catch (e) {
      this.toasts.show(toErrorBody(e).message, 'error');
    }
  }

  cancelPhotoCrop(): void {
    this.photoCrop = null;
  }

  async removePhoto(): Promise<void> {
    this.editor?.setPhoto(null);
  }

  /** Copies the open persona (after its edits are saved) and opens the copy. */
  async duplicateOpenPersona(): Promise<void> {
    const editor = this.editor;
    if (!editor || !(await editor.flush())) return;
    try {
      const copy = await this.backend.duplicatePersona(editor.persona.id);
      editor.dispose();
      await this.library.load();
      await this.openPersona(copy.id);
      this.toasts.show(t('editor.duplicated', { name: copy.name }), 'success');
    } catch (e) {
      this.toasts.show(toErrorBody(e).message, 'error');
    }
  }

  /** Moves the open persona (after its edits are saved) into another project. */
  async moveOpenPersona(project: string): Promise<void> {
    const editor = this.editor;
    if (!editor || editor.persona.project === project || !(await editor.flush())) return;
    try {
      const moved = await this.backend.movePersona(editor.persona.id, project);
      editor.persona.project = moved.project;
      await this.library.load();
      this.library.selectProject(moved.project);
      const name = this.library.projects.find((p) => p.id === moved.project)?.name ?? '';
      this.toasts.show(t('editor.moved', { project: name }), 'success');
    } catch (e) {
      this.toasts.show(toErrorBody(e).message, 'error');
    }
  }
}
