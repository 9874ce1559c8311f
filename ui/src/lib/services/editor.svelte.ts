// One open persona: its edits, and autosave. Edits are saved ~400 ms after the last
// change, or at once on flush() (blur, leaving the editor, closing the window). Saves
// never overlap; the status says "saved" only once save_persona has resolved for the
// latest edit.
import { toErrorBody } from '../backend';
import type { ErrorBody } from '../bindings/ErrorBody';
import type { ModuleBody } from '../bindings/ModuleBody';
import type { Persona } from '../bindings/Persona';

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
}

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

  constructor(persona: Persona, options: EditorOptions) {
    this.persona = persona;
    this.save = options.save;
    this.onSaved = options.onSaved;
    this.delayMs = options.delayMs ?? 400;
  }

  /** True while some edit is not on disk yet. */
  get dirty(): boolean {
    return this.savedRev < this.rev;
  }

  // ---- edits (each a no-op when nothing changes, so input + change save once) ----

  setHeader(field: HeaderField, value: string): void {
    if (this.persona[field] === value) return;
    this.persona[field] = value;
    this.changed();
  }

  /** Sets the photo (an asset the app has already stored), saved like any edit. */
  setPhoto(hash: string | null): void {
    if (this.persona.photo === hash) return;
    this.persona.photo = hash;
    this.changed();
  }

  body<K extends ModuleBody['kind']>(moduleId: string, kind: K): BodyOf<K> | null {
    const body = this.persona.modules.find((m) => m.id === moduleId)?.body;
    return body && body.kind === kind ? (body as BodyOf<K>) : null;
  }

  setFactValue(moduleId: string, index: number, value: string): void {
    const row = this.body(moduleId, 'facts')?.rows[index];
    if (!row || row.value === value) return;
    row.value = value;
    this.changed();
  }

  setFactLabel(moduleId: string, index: number, label: string): void {
    const row = this.body(moduleId, 'facts')?.rows[index];
    if (!row || row.label === label) return;
    row.label = label;
    this.changed();
  }

  setText(moduleId: string, text: string): void {
    const body = this.body(moduleId, 'text');
    if (!body || body.text === text) return;
    body.text = text;
    this.changed();
  }

  setListItem(moduleId: string, index: number, text: string): void {
    const body = this.body(moduleId, 'list');
    if (!body || index < 0 || index >= body.items.length || body.items[index] === text) return;
    body.items[index] = text;
    this.changed();
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
    this.changed();
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

  // ---- autosave ----------------------------------------------------------------

  /** Marks an edit and schedules a save after the debounce delay. */
  changed(): void {
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
