// Moving and resizing modules on the sheet's grid. The rules are those of a vertical
// "gravity" layout: a module keeps its columns and its size; after any change,
// modules that now overlap are pushed down, then everything floats up as far as it
// can. A layout that is already packed (every built-in template) is left as it is, so
// opening a persona never moves anything; only the user's own moves do.
import type { GridArea } from '../bindings/GridArea';

export interface Placed {
  id: string;
  area: GridArea;
}

/** The smallest and largest spans the resize controls allow. */
export const MIN_COLS = 2;
export const MIN_ROWS = 1;
export const MAX_ROWS = 8;

function overlaps(a: GridArea, b: GridArea): boolean {
  return a.col < b.col + b.cols && b.col < a.col + a.cols && a.row < b.row + b.rows && b.row < a.row + a.rows;
}

function sharesColumns(a: GridArea, b: GridArea): boolean {
  return a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** Row just below the lowest module: how tall the laid-out sheet is. */
export function bottom(modules: readonly Placed[]): number {
  return modules.reduce((max, m) => Math.max(max, m.area.row + m.area.rows), 0);
}

/**
 * Settles a layout: `fixed` (if given) stays where it was put; every other module that
 * overlaps something is pushed down below it, then all float up as far as they fit.
 * Works on copies of the areas and answers new ones, by module id.
 */
export function settle(
  modules: readonly Placed[],
  columns: number,
  fixed?: string,
  newcomer?: string,
): Map<string, GridArea> {
  const areas = new Map(modules.map((m) => [m.id, clampArea({ ...m.area }, columns)]));
  // Top to bottom (left to right on ties); the fixed module wins its place.
  const order = [...modules]
    .map((m) => m.id)
    .sort((a, b) => {
      if (a === fixed) return -1;
      if (b === fixed) return 1;
      const x = areas.get(a)!;
      const y = areas.get(b)!;
      // A module that has just arrived yields to the one already there.
      return x.row - y.row || x.col - y.col || Number(a === newcomer) - Number(b === newcomer);
    });
  // Push down: place each module at or below where it is, clear of those placed.
  const placed: GridArea[] = [];
  for (const id of order) {
    const area = areas.get(id)!;
    for (;;) {
      const hit = placed.find((p) => overlaps(p, area));
      if (!hit) break;
      area.row = hit.row + hit.rows;
    }
    placed.push(area);
  }
  // Float up: in top-down order, each module rises until it would touch another.
  const rising = [...order].sort((a, b) => areas.get(a)!.row - areas.get(b)!.row || areas.get(a)!.col - areas.get(b)!.col);
  const done: GridArea[] = [];
  for (const id of rising) {
    const area = areas.get(id)!;
    while (area.row > 0 && !done.some((p) => overlaps(p, { ...area, row: area.row - 1 }))) area.row -= 1;
    done.push(area);
  }
  return areas;
}

function clampArea(area: GridArea, columns: number): GridArea {
  area.cols = Math.max(1, Math.min(area.cols, columns));
  area.col = Math.max(0, Math.min(area.col, columns - area.cols));
  area.rows = Math.max(1, area.rows);
  area.row = Math.max(0, area.row);
  return area;
}

/** The nearest module above `id` that shares a column with it, if any. */
function neighbourAbove(modules: readonly Placed[], id: string): Placed | undefined {
  const me = modules.find((m) => m.id === id);
  if (!me) return undefined;
  return modules
    .filter((m) => m.id !== id && sharesColumns(m.area, me.area) && m.area.row + m.area.rows <= me.area.row)
    .sort((a, b) => b.area.row + b.area.rows - (a.area.row + a.area.rows) || a.area.col - b.area.col)[0];
}

function neighbourBelow(modules: readonly Placed[], id: string): Placed | undefined {
  const me = modules.find((m) => m.id === id);
  if (!me) return undefined;
  return modules
    .filter((m) => m.id !== id && sharesColumns(m.area, me.area) && m.area.row >= me.area.row + me.area.rows)
    .sort((a, b) => a.area.row - b.area.row || a.area.col - b.area.col)[0];
}

export type Move = 'up' | 'down' | 'left' | 'right';
export type Resize = 'wider' | 'narrower' | 'taller' | 'shorter';

/**
 * Where every module goes when `id` moves one place: up/down swaps it with its
 * neighbour in the column, left/right shifts it by its own width. Null when it cannot
 * move that way.
 */
export function move(modules: readonly Placed[], id: string, direction: Move, columns: number): Map<string, GridArea> | null {
  const me = modules.find((m) => m.id === id);
  if (!me) return null;
  const a = me.area;
  switch (direction) {
    case 'up': {
      const above = neighbourAbove(modules, id);
      if (!above) return null;
      // Take the neighbour's top row; it is pushed below by the settling.
      return settle(withArea(modules, id, { ...a, row: above.area.row }), columns, id);
    }
    case 'down': {
      const below = neighbourBelow(modules, id);
      if (!below) return null;
      // The same as moving the one below up above this one.
      return settle(withArea(modules, below.id, { ...below.area, row: a.row }), columns, below.id);
    }
    case 'left': {
      if (a.col === 0) return null;
      return settle(withArea(modules, id, { ...a, col: Math.max(0, a.col - a.cols) }), columns, undefined, id);
    }
    case 'right': {
      if (a.col + a.cols >= columns) return null;
      return settle(withArea(modules, id, { ...a, col: Math.min(columns - a.cols, a.col + a.cols) }), columns, undefined, id);
    }
  }
}

/** Where every module goes when `id` grows or shrinks by one cell; null at a limit. */
export function resize(modules: readonly Placed[], id: string, change: Resize, columns: number): Map<string, GridArea> | null {
  const me = modules.find((m) => m.id === id);
  if (!me) return null;
  const a = { ...me.area };
  switch (change) {
    case 'wider':
      if (a.cols >= columns) return null;
      a.cols += 1;
      // Grow to the right while there is room, else to the left.
      if (a.col + a.cols > columns) a.col -= 1;
      break;
    case 'narrower':
      if (a.cols <= MIN_COLS) return null;
      a.cols -= 1;
      break;
    case 'taller':
      if (a.rows >= MAX_ROWS) return null;
      a.rows += 1;
      break;
    case 'shorter':
      if (a.rows <= MIN_ROWS) return null;
      a.rows -= 1;
      break;
  }
  return settle(withArea(modules, id, a), columns, id);
}

/** Whether each move and resize is possible, for enabling the controls. */
export function possible(modules: readonly Placed[], id: string, columns: number): Record<Move | Resize, boolean> {
  const me = modules.find((m) => m.id === id);
  const a = me?.area;
  return {
    up: !!neighbourAbove(modules, id),
    down: !!neighbourBelow(modules, id),
    left: !!a && a.col > 0,
    right: !!a && a.col + a.cols < columns,
    wider: !!a && a.cols < columns,
    narrower: !!a && a.cols > MIN_COLS,
    taller: !!a && a.rows < MAX_ROWS,
    shorter: !!a && a.rows > MIN_ROWS,
  };
}

/**
 * Where a new module of `cols`×`rows` goes: the first free place, top to bottom and
 * left to right, within `rows` grid rows if there is one; otherwise below everything.
 */
export function freeSpot(modules: readonly Placed[], cols: number, rows: number, columns: number, gridRows: number): GridArea {
  const width = Math.min(cols, columns);
  const limit = Math.max(gridRows, bottom(modules));
  for (let row = 0; row + rows <= limit; row += 1) {
    for (let col = 0; col + width <= columns; col += 1) {
      const area = { col, row, cols: width, rows };
      if (!modules.some((m) => overlaps(m.area, area))) return area;
    }
  }
  return { col: 0, row: bottom(modules), cols: width, rows };
}

/**
 * Where every module goes when `id` is dropped with its top left corner on cell
 * (`col`, `row`) (a drag on the sheet): it keeps its size and takes that place, the
 * others make room and float up. Null when that is where it already is.
 */
export function moveTo(
  modules: readonly Placed[],
  id: string,
  col: number,
  row: number,
  columns: number,
): Map<string, GridArea> | null {
  const me = modules.find((m) => m.id === id);
  if (!me) return null;
  const target = clampArea({ ...me.area, col, row }, columns);
  if (target.col === me.area.col && target.row === me.area.row) return null;
  return settle(withArea(modules, id, target), columns, id);
}

function withArea(modules: readonly Placed[], id: string, area: GridArea): Placed[] {
  return modules.map((m) => (m.id === id ? { id, area } : { id: m.id, area: { ...m.area } }));
}
