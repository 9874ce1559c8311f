// One open persona: its edits, their undo history, and autosave. Edits are saved
// ~400 ms after the last change, or at once on flush() (blur, leaving the editor,
// closing the window). Saves never overlap; the status says "saved" only once
// save_persona has resolved for the latest edit. Undo and redo are edits too: they
// are saved like any other.
//
// While an input method is composing (pinyin, Telex…), the text in the field is not
// final: the model follows it so the view stays consistent, but no undo step is
// recorded and no autosave is scheduled until the composition ends.
import { toErrorBody } from '../backend';
import type { ErrorBody } from '../bindings/ErrorBody';
import type { GridArea } from '../bindings/GridArea';
import type { Module } from '../bindings/Module';
import type { ModuleBody } from '../bindings/ModuleBody';
import type { Persona } from '../bindings/Persona';
import { History } from '../model/history';
import type { Move, Resize } from '../model/layout';
import { freeSpot, move, moveTo, possible, resize, settle } from '../model/layout';
import { newModuleBody } from '../model/modules';
import type { NewModuleKind } from '../model/modules';
import { changedField, type FocusTarget } from '../model/changed';

/** idle: nothing edited yet; saving: edits not yet on disk; saved; error. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** The persona's own text fields (the header, and the notes kept beside the sheet). */
export type HeaderField = 'name' | 'archetype' | 'quote' | 'notes';

export interface EditorOptions {
  /** Stores the persona; resolves with it as stored. */
  save: (persona: Persona) => Promise<Persona>;
  /** Called after every successful save with the stored persona. */
  onSaved?: (stored: Persona) => void;
  delayMs?: number;
  /** The template's grid, which module moves and sizes keep to. */
  grid?: { columns: number; rows: number };
  /** Milliseconds, for coalescing typing into undo steps; injected by tests. */
  now?: () => number;
}

/** What undo remembers: the document without its stored-at stamp. */
type Snapshot = Omit<Persona, 'updated'>;

/** The code of the error shown while the name is empty (nothing is sent then). */
export const NAME_REQUIRED = 'name_required';

type BodyOf<K extends ModuleBody['kind']> = Extract<ModuleBody, { kind: K }>;

export class PersonaEditor {
  persona: Persona = $state() as Persona;
  state = $state<SaveState>('idle');
  error = $state<ErrorBody | null>(null);

  private readonly save: EditorOptions['save'];
  private readonly onSaved: EditorOptions['onSaved'];
  private readonly delayMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  /** Bumped by every edit; `savedRev` is the edit the disk has caught up with. */
  private rev = 0;
  private savedRev = 0;
  private readonly history: History<Snapshot>;
  private readonly now: () => number;
  readonly grid: { columns: number; rows: number };
  /** Bumped whenever the history changes, so `canUndo`/`canRedo` are reactive. */
  private historyTick = $state(0);
  /** True between compositionstart and compositionend. */
  composing = $state(false);
  /** The key of an edit made during the composition, recorded when it ends. */
  private composedKey: string | null | undefined = undefined;

  constructor(persona: Persona, options: EditorOptions) {
    this.persona = persona;
    this.save = options.save;
    this.onSaved = options.onSaved;
    this.delayMs = options.delayMs ?? 400;
    this.grid = options.grid ?? { columns: 12, rows: 8 };
    this.now = options.now ?? (() => Date.now());
    this.history = new History<Snapshot>(this.snapshot());
  }

  private snapshot(): Snapshot {
    // A deep copy in every case ($state.snapshot hands back a plain object as it is).
    const { updated: _updated, ...rest } = structuredClone($state.snapshot(this.persona)) as Persona;
    return rest;
  }

  // ---- undo and redo ---------------------------------------------------------------

  get canUndo(): boolean {
    void this.historyTick;
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    void this.historyTick;
    return this.history.canRedo;
  }

  /** Takes back the last step; answers whether there was one. */
  undo(): boolean {
    if (this.composing) return false;
    return this.restore(this.history.undo());
  }

  /** Does again what was undone; answers whether there was anything. */
  redo(): boolean {
    if (this.composing) return false;
    return this.restore(this.history.redo());
  }

  /** Closes the current typing step (leaving a field): the next edit is a new step. */
  seal(): void {
    this.history.seal();
  }

  /** Where the last undo or redo changed the persona (for the view to focus it). */
  lastRestored: FocusTarget | null = null;

  private restore(state: Snapshot | null): boolean {
    if (state === null) return false;
    this.lastRestored = changedField(this.snapshot(), state);
    this.persona = { ...structuredClone(state), updated: this.persona.updated };
    this.historyTick += 1;
    this.schedule();
    return true;
  }

  // ---- input methods ---------------------------------------------------------------

  beginComposition(): void {
    this.composing = true;
  }

  endComposition(): void {
    if (!this.composing) return;
    this.composing = false;
    const key = this.composedKey;
    this.composedKey = undefined;
    if (key !== undefined) this.changed(key);
  }

  /** True while some edit is not on disk yet. */
  get dirty(): boolean {
    return this.savedRev < this.rev;
  }

  // ---- edits (each a no-op when nothing changes, so input + change save once) ----

  setHeader(field: HeaderField, value: string): void {
    if (this.persona[field] === value) return;
    this.persona[field] = value;
    this.changed(`header:${field}`);
  }

  /** Sets the photo (an asset the app has already stored), saved like any edit. */
  setPhoto(hash: string | null): void {
    if (this.persona.photo === hash) return;
    this.persona.photo = hash;
    this.changed();
  }

  /** Puts a stored picture in an image module (or takes it out), saved like any edit. */
  setImage(moduleId: string, hash: string | null): void {
    const body = this.body(moduleId, 'image');
    if (!body || body.asset === hash) return;
    body.asset = hash;
    this.changed();
  }

  setImageCaption(moduleId: string, caption: string): void {
    const body = this.body(moduleId, 'image');
    if (!body || body.caption === caption) return;
    body.caption = caption;
    this.changed(`image:${moduleId}:caption`);
  }

  body<K extends ModuleBody['kind']>(moduleId: string, kind: K): BodyOf<K> | null {
    const body = this.persona.modules.find((m) => m.id === moduleId)?.body;
    return body && body.kind === kind ? (body as BodyOf<K>) : null;
  }

  setFactValue(moduleId: string, index: number, value: string): void {
    const row = this.body(moduleId, 'facts')?.rows[index];
    if (!row || row.value === value) return;
    row.value = value;
    this.changed(`fact:${moduleId}:${index}:value`);
  }

  setFactLabel(moduleId: string, index: number, label: string): void {
    const row = this.body(moduleId, 'facts')?.rows[index];
    if (!row || row.label === label) return;
    row.label = label;
    this.changed(`fact:${moduleId}:${index}:label`);
  }

  setText(moduleId: string, text: string): void {
    const body = this.body(moduleId, 'text');
    if (!body || body.text === text) return;
    body.text = text;
    this.changed(`text:${moduleId}`);
  }

  setListItem(moduleId: string, index: number, text: string): void {
    const body = this.body(moduleId, 'list');
    if (!body || index < 0 || index >= body.items.length || body.items[index] === text) return;
    body.items[index] = text;
    this.changed(`list:${moduleId}:${index}`);
  }

  /** Inserts an item at `index` (clamped) and answers where it went. */
  insertListItem(moduleId: string, index: number, text = ''): number {
    const body = this.body(moduleId, 'list');
    if (!body) return -1;
    const at = Math.max(0, Math.min(index, body.items.length));
    body.items.splice(at, 0, text);
    this.changed();
    return at;
  }

  removeListItem(moduleId: string, index: number): void {
    const body = this.body(moduleId, 'list');
    if (!body || index < 0 || index >= body.items.length) return;
    body.items.splice(index, 1);
    this.changed();
  }

  setSlider(moduleId: string, index: number, value: number): void {
    const row = this.body(moduleId, 'sliders')?.rows[index];
    const clamped = Math.max(0, Math.min(100, Math.round(value)));
    if (!row || row.value === clamped) return;
    row.value = clamped;
    // Dragging or holding an arrow key is one step.
    this.changed(`slider:${moduleId}:${index}`);
  }

  /** Adds a tag unless it is empty or already there; answers whether it was added. */
  addTag(moduleId: string, tag: string): boolean {
    const body = this.body(moduleId, 'tags');
    const clean = tag.trim();
    if (!body || clean === '' || body.tags.includes(clean)) return false;
    body.tags.push(clean);
    this.changed();
    return true;
  }

  removeTag(moduleId: string, index: number): void {
    const body = this.body(moduleId, 'tags');
    if (!body || index < 0 || index >= body.tags.length) return;
    body.tags.splice(index, 1);
    this.changed();
  }

  // ---- rows of facts and sliders ----------------------------------------------------

  /** Adds an empty fact row at the end; answers its index. */
  addFact(moduleId: string): number {
    const body = this.body(moduleId, 'facts');
    if (!body) return -1;
    body.rows.push({ label: '', value: '' });
    this.changed();
    return body.rows.length - 1;
  }

  removeFact(moduleId: string, index: number): void {
    const body = this.body(moduleId, 'facts');
    if (!body || index < 0 || index >= body.rows.length) return;
    body.rows.splice(index, 1);
    this.changed();
  }

  /** Renames a slider's pole (`left`, or `right` of a bipolar one). */
  setSliderLabel(moduleId: string, index: number, side: 'left' | 'right', label: string): void {
    const row = this.body(moduleId, 'sliders')?.rows[index];
    if (!row || row[side] === label) return;
    row[side] = label;
    this.changed(`slider:${moduleId}:${index}:${side}`);
  }

  /** Adds a slider row in the middle position; answers its index. */
  addSlider(moduleId: string): number {
    const body = this.body(moduleId, 'sliders');
    if (!body) return -1;
    body.rows.push({ left: '', right: '', value: 50 });
    this.changed();
    return body.rows.length - 1;
  }

  removeSlider(moduleId: string, index: number): void {
    const body = this.body(moduleId, 'sliders');
    if (!body || index < 0 || index >= body.rows.length) return;
    body.rows.splice(index, 1);
    this.changed();
  }

  // ---- modules on the grid -----------------------------------------------------------

  module(moduleId: string): Module | null {
    return this.persona.modules.find((m) => m.id === moduleId) ?? null;
  }

  renameModule(moduleId: string, title: string): void {
    const m = this.module(moduleId);
    if (!m || m.title === title) return;
    m.title = title;
    this.changed(`title:${moduleId}`);
  }

  /** A module id not used yet in this persona: `base-1`, `base-2`… */
  private freshId(base: string): string {
    let n = 1;
    while (this.persona.modules.some((m) => m.id === `${base}-${n}`)) n += 1;
    return `${base}-${n}`;
  }

  /** Adds a module of `kind` titled `title` in the first free place; answers its id. */
  addModule(kind: NewModuleKind, title: string): string {
    const id = this.freshId(kind.startsWith('sliders') ? 'sliders' : kind);
    // A third of the sheet's width and two rows: the size of most template modules.
    const cols = Math.max(2, Math.round(this.grid.columns / 3));
    const area = freeSpot(this.persona.modules, cols, 2, this.grid.columns, this.grid.rows);
    this.persona.modules.push({ id, title, hint: '', area, body: newModuleBody(kind) });
    this.changed();
    return id;
  }

  /**
   * Copies a module with its content, right below the original (what was below moves
   * down); answers the copy's id, or null for the header, of which there is one.
   */
  duplicateModule(moduleId: string, title: string): string | null {
    const i = this.persona.modules.findIndex((m) => m.id === moduleId);
    const original = this.persona.modules[i];
    if (!original || original.body.kind === 'header') return null;
    const copy: Module = structuredClone($state.snapshot(original)) as Module;
    copy.id = this.freshId(original.body.kind);
    copy.title = title;
    copy.area = { ...original.area, row: original.area.row + original.area.rows };
    this.persona.modules.splice(i + 1, 0, copy);
    this.place(settle(this.persona.modules, this.grid.columns, copy.id));
    this.changed();
    return copy.id;
  }

  // ---- the persona's own tags (for finding it in the library) ---------------------

  /** Adds a tag to the persona unless empty or already there; answers whether it did. */
  addPersonaTag(tag: string): boolean {
    const clean = tag.trim();
    if (clean === '' || this.persona.tags.includes(clean)) return false;
    this.persona.tags.push(clean);
    this.changed();
    return true;
  }

  removePersonaTag(index: number): void {
    if (index < 0 || index >= this.persona.tags.length) return;
    this.persona.tags.splice(index, 1);
    this.changed();
  }

  /** Removes a module (never the header, which holds the name); undo brings it back. */
  removeModule(moduleId: string): boolean {
    const i = this.persona.modules.findIndex((m) => m.id === moduleId);
    if (i < 0 || this.persona.modules[i]!.body.kind === 'header') return false;
    this.persona.modules.splice(i, 1);
    this.place(settle(this.persona.modules, this.grid.columns));
    this.changed();
    return true;
  }

  /** Which moves and resizes `moduleId` allows now. */
  possible(moduleId: string): Record<Move | Resize, boolean> {
    return possible(this.persona.modules, moduleId, this.grid.columns);
  }

  moveModule(moduleId: string, direction: Move): boolean {
    const areas = move(this.persona.modules, moduleId, direction, this.grid.columns);
    if (!areas) return false;
    this.place(areas);
    // Reading (and tab) order follows the sheet: swapped modules swap places.
    this.persona.modules.sort((a, b) => a.area.col - b.area.col || a.area.row - b.area.row);
    this.changed();
    return true;
  }

  /** Drops a module with its top left corner on a cell (a drag on the sheet). */
  placeModule(moduleId: string, col: number, row: number): boolean {
    const areas = moveTo(this.persona.modules, moduleId, col, row, this.grid.columns);
    if (!areas) return false;
    this.place(areas);
    this.persona.modules.sort((a, b) => a.area.col - b.area.col || a.area.row - b.area.row);
    this.changed();
    return true;
  }

  resizeModule(moduleId: string, change: Resize): boolean {
    const areas = resize(this.persona.modules, moduleId, change, this.grid.columns);
    if (!areas) return false;
    this.place(areas);
    this.changed();
    return true;
  }

  private place(areas: Map<string, GridArea>): void {
    for (const m of this.persona.modules) {
      const a = areas.get(m.id);
      if (a && (a.col !== m.area.col || a.row !== m.area.row || a.cols !== m.area.cols || a.rows !== m.area.rows)) {
        m.area = a;
      }
    }
  }

  // ---- autosave ----------------------------------------------------------------

  /**
   * Marks an edit: records it for undo (joining the step of earlier edits with the same
   * `key` made just before) and schedules a save after the debounce delay.
   */
  changed(key: string | null = null): void {
    if (this.composing) {
      // Recorded and saved once the input method has committed the text.
      this.composedKey = this.composedKey === undefined || this.composedKey === key ? key : null;
      return;
    }
    this.history.record(this.snapshot(), key, this.now());
    this.historyTick += 1;
    this.schedule();
  }

  private schedule(): void {
    this.rev += 1;
    this.state = 'saving';
    this.error = null;
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves now whatever is not on disk yet; answers whether everything is stored. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    while (this.dirty) {
      if (this.inflight) {
        // Another flush is saving: wait for it, then see what is left.
        await this.inflight;
        if (this.state === 'error') return false;
        continue;
      }
      if (this.persona.name.trim() === '') {
        this.fail({ code: NAME_REQUIRED, message: 'a persona name cannot be empty' });
        return false;
      }
      const rev = this.rev;
      let ok = true;
      this.state = 'saving';
      const attempt = this.save($state.snapshot(this.persona) as Persona).then(
        (stored) => {
          this.savedRev = Math.max(this.savedRev, rev);
          this.persona.updated = stored.updated;
          this.onSaved?.(stored);
          if (!this.dirty) {
            this.state = 'saved';
            this.error = null;
          }
        },
        (e: unknown) => {
          ok = false;
          this.fail(toErrorBody(e));
        },
      );
      this.inflight = attempt;
      await attempt;
      if (this.inflight === attempt) this.inflight = null;
      if (!ok) return false;
    }
    if (this.inflight) await this.inflight;
    return !this.dirty && this.state !== 'error';
  }

  /** Resolves once no save is in flight (without starting one). */
  async settle(): Promise<void> {
    while (this.inflight) await this.inflight;
  }

  /** Stops the timer; the caller flushes first if it wants the edits kept. */
  dispose(): void {
    this.clearTimer();
  }

  private fail(error: ErrorBody): void {
    this.state = 'error';
    this.error = error;
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
