// Where an undo or redo changed the persona, so the editor can put the focus there:
// the first field that differs between two states, as the element that edits it.
import type { Module } from '../bindings/Module';
import type { Persona } from '../bindings/Persona';

type State = Omit<Persona, 'updated'>;

/**
 * An element to focus: the `index`-th element matching `selector` inside the module
 * `module` (or anywhere, when null).
 */
export interface FocusTarget {
  module: string | null;
  selector: string;
  index: number;
}

const byTestId = (id: string) => `[data-testid="${id}"]`;

function firstDiff<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!same(a[i] as T, b[i] as T)) return i;
  return a.length === b.length ? -1 : n;
}

/** The element that edits what differs inside one module's body, if anything does. */
function inBody(before: Module, after: Module): FocusTarget | null {
  const at = (testid: string, index: number) => ({ module: after.id, selector: byTestId(testid), index });
  const a = before.body;
  const b = after.body;
  if (a.kind !== b.kind) return at('module-title', 0);
  switch (b.kind) {
    case 'header':
      return null;
    case 'facts': {
      if (a.kind !== 'facts') return null;
      const i = firstDiff(a.rows, b.rows, (x, y) => x.label === y.label && x.value === y.value);
      if (i < 0) return null;
      if (i >= b.rows.length) return at('fact-add', 0);
      return at(a.rows[i]?.label !== b.rows[i]?.label ? 'fact-label' : 'fact-value', i);
    }
    case 'list': {
      if (a.kind !== 'list') return null;
      const i = firstDiff(a.items, b.items, (x, y) => x === y);
      if (i < 0) return null;
      return i >= b.items.length ? at('list-add', 0) : at('list-item', i);
    }
    case 'sliders': {
      if (a.kind !== 'sliders') return null;
      const i = firstDiff(a.rows, b.rows, (x, y) => x.left === y.left && x.right === y.right && x.value === y.value);
      if (i < 0) return null;
      if (i >= b.rows.length) return at('slider-add', 0);
      const [x, y] = [a.rows[i], b.rows[i]];
      return at(x?.left !== y?.left ? 'slider-left' : x?.right !== y?.right ? 'slider-right' : 'slider', i);
    }
    case 'text':
      return a.kind === 'text' && a.text !== b.text ? { module: after.id, selector: 'textarea', index: 0 } : null;
    case 'tags':
      return a.kind === 'tags' && JSON.stringify(a.tags) !== JSON.stringify(b.tags) ? at('tag-add', 0) : null;
    case 'chart':
    case 'image':
      return JSON.stringify(a) !== JSON.stringify(b) ? at('module-title', 0) : null;
  }
}

/** The first field that differs from `before` to `after`, or null when none can take focus. */
export function changedField(before: State, after: State): FocusTarget | null {
  const top = (testid: string): FocusTarget => ({ module: null, selector: byTestId(testid), index: 0 });
  if (before.name !== after.name) return top('persona-name');
  if (before.archetype !== after.archetype) return top('persona-archetype');
  if (before.quote !== after.quote) return top('persona-quote');
  for (const m of after.modules) {
    const old = before.modules.find((x) => x.id === m.id);
    const moved = !old || old.area.col !== m.area.col || old.area.row !== m.area.row || old.area.cols !== m.area.cols || old.area.rows !== m.area.rows;
    // A module that came back, moved or was resized: its menu, which every module has.
    if (moved) return { module: m.id, selector: byTestId('module-menu'), index: 0 };
    if (old.title !== m.title) return { module: m.id, selector: byTestId('module-title'), index: 0 };
    const inside = inBody(old, m);
    if (inside) return inside;
  }
  if (before.notes !== after.notes) return top('persona-notes');
  if (JSON.stringify(before.tags) !== JSON.stringify(after.tags)) return top('persona-tag-add');
  return null;
}
