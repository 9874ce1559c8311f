// Undo and redo over whole document snapshots. A persona is a few kilobytes, so a
// snapshot per step is simpler and safer than inverse patches: every kind of edit,
// present and future, is undoable without writing its inverse.
//
// Typing is coalesced: edits that carry the same key (the same field) and follow each
// other closely form one step, so Ctrl+Z takes back a word or a phrase, not a letter.
// A step is closed by a pause, by a different field, by an edit without a key (a
// structural change), by `seal()` (leaving a field), and by undo/redo themselves.

export interface HistoryOptions {
  /** Most steps kept; the oldest are dropped. */
  limit?: number;
  /** Edits of one field further apart than this start a new step. */
  pauseMs?: number;
  /** A burst of typing longer than this is cut into several steps. */
  burstMs?: number;
}

export class History<T> {
  private states: T[];
  private index = 0;
  private lastKey: string | null = null;
  private lastAt = 0;
  private burstStart = 0;
  private readonly limit: number;
  private readonly pauseMs: number;
  private readonly burstMs: number;

  /** `initial` is kept as given: pass a copy the caller will not mutate. */
  constructor(initial: T, options: HistoryOptions = {}) {
    this.states = [initial];
    this.limit = Math.max(2, options.limit ?? 200);
    this.pauseMs = options.pauseMs ?? 1000;
    this.burstMs = options.burstMs ?? 5000;
  }

  get canUndo(): boolean {
    return this.index > 0;
  }

  get canRedo(): boolean {
    return this.index < this.states.length - 1;
  }

  /** How many steps can be undone. */
  get depth(): number {
    return this.index;
  }

  /** The state the history is at. */
  get current(): T {
    return this.states[this.index] as T;
  }

  /**
   * Records the state after an edit. `key` names what was edited (a field); an edit with
   * the same key soon after the last one joins its step. Null never joins.
   */
  record(state: T, key: string | null, now: number): void {
    const joins =
      key !== null &&
      key === this.lastKey &&
      this.index > 0 &&
      this.index === this.states.length - 1 &&
      now - this.lastAt <= this.pauseMs &&
      now - this.burstStart <= this.burstMs;
    if (joins) {
      this.states[this.index] = state;
    } else {
      this.states.splice(this.index + 1);
      this.states.push(state);
      this.index = this.states.length - 1;
      this.burstStart = now;
      if (this.states.length > this.limit) {
        const drop = this.states.length - this.limit;
        this.states.splice(0, drop);
        this.index -= drop;
      }
    }
    this.lastKey = key;
    this.lastAt = now;
  }

  /** Closes the current step: the next edit starts a new one even on the same field. */
  seal(): void {
    this.lastKey = null;
  }

  /** Steps back; answers the state to show, or null at the start. */
  undo(): T | null {
    if (!this.canUndo) return null;
    this.seal();
    this.index -= 1;
    return this.current;
  }

  /** Steps forward again; answers the state to show, or null at the end. */
  redo(): T | null {
    if (!this.canRedo) return null;
    this.seal();
    this.index += 1;
    return this.current;
  }
}
