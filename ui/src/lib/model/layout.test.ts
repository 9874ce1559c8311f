import { describe, expect, it } from 'vitest';
import type { GridArea } from '../bindings/GridArea';
import { bottom, freeSpot, move, moveTo, possible, resize, settle } from './layout';
import type { Placed } from './layout';

// The user-persona template: three columns of four.
const template = (): Placed[] =>
  (
    [
      ['header', 0, 0, 4, 3],
      ['facts', 0, 3, 4, 5],
      ['bio', 4, 0, 4, 2],
      ['goals', 4, 2, 4, 3],
      ['frustrations', 4, 5, 4, 3],
      ['personality', 8, 0, 4, 2],
      ['motivations', 8, 2, 4, 2],
      ['channels', 8, 4, 4, 2],
      ['brands', 8, 6, 4, 2],
    ] as const
  ).map(([id, col, row, cols, rows]) => ({ id, area: { col, row, cols, rows } }));

const apply = (modules: Placed[], areas: Map<string, GridArea> | null): Placed[] => {
  expect(areas).not.toBeNull();
  return modules.map((m) => ({ id: m.id, area: areas!.get(m.id)! }));
};
const at = (modules: Placed[], id: string) => modules.find((m) => m.id === id)!.area;

describe('layout', () => {
  it('leaves a packed template exactly as it is', () => {
    const t = template();
    expect(apply(t, settle(t, 12))).toEqual(t);
  });

  it('moves a module up and down within its column', () => {
    let t = template();
    t = apply(t, move(t, 'goals', 'up', 12));
    expect(at(t, 'goals')).toEqual({ col: 4, row: 0, cols: 4, rows: 3 });
    expect(at(t, 'bio')).toEqual({ col: 4, row: 3, cols: 4, rows: 2 });
    expect(at(t, 'frustrations')).toEqual({ col: 4, row: 5, cols: 4, rows: 3 });
    // Other columns are untouched.
    expect(at(t, 'facts')).toEqual(template()[1]!.area);
    t = apply(t, move(t, 'goals', 'down', 12));
    expect(t).toEqual(template());
  });

  it('cannot move the top module up or the bottom one down', () => {
    const t = template();
    expect(move(t, 'header', 'up', 12)).toBeNull();
    expect(move(t, 'brands', 'down', 12)).toBeNull();
    expect(move(t, 'header', 'left', 12)).toBeNull();
    expect(move(t, 'brands', 'right', 12)).toBeNull();
    expect(possible(t, 'header', 12)).toMatchObject({ up: false, down: true, left: false, right: true });
  });

  it('moves a module sideways into the next column at its own height', () => {
    let t = template();
    t = apply(t, move(t, 'goals', 'left', 12));
    expect(at(t, 'header')).toEqual({ col: 0, row: 0, cols: 4, rows: 3 });
    expect(at(t, 'goals')).toEqual({ col: 0, row: 3, cols: 4, rows: 3 });
    expect(at(t, 'facts')).toEqual({ col: 0, row: 6, cols: 4, rows: 5 });
    // The column it left closes up.
    expect(at(t, 'frustrations')).toEqual({ col: 4, row: 2, cols: 4, rows: 3 });
    expect(bottom(t)).toBe(11);
  });

  it('resizes within limits and pushes what is below', () => {
    let t = template();
    t = apply(t, resize(t, 'bio', 'taller', 12));
    expect(at(t, 'bio').rows).toBe(3);
    expect(at(t, 'goals').row).toBe(3);
    expect(at(t, 'frustrations').row).toBe(6);
    t = apply(t, resize(t, 'bio', 'shorter', 12));
    expect(t).toEqual(template());
    t = apply(t, resize(t, 'brands', 'narrower', 12));
    expect(at(t, 'brands')).toEqual({ col: 8, row: 6, cols: 3, rows: 2 });
    t = apply(t, resize(t, 'brands', 'wider', 12));
    expect(at(t, 'brands')).toEqual({ col: 8, row: 6, cols: 4, rows: 2 });
    // At the right edge, growing takes a column on the left and pushes that module down.
    t = apply(t, resize(t, 'brands', 'wider', 12));
    expect(at(t, 'brands')).toEqual({ col: 7, row: 6, cols: 5, rows: 2 });
    expect(at(t, 'frustrations').row).toBe(8);
    expect(resize([{ id: 'x', area: { col: 0, row: 0, cols: 2, rows: 1 } }], 'x', 'narrower', 12)).toBeNull();
    expect(resize([{ id: 'x', area: { col: 0, row: 0, cols: 2, rows: 1 } }], 'x', 'shorter', 12)).toBeNull();
  });

  it('finds a free spot for a new module, else puts it below everything', () => {
    const t = template();
    expect(freeSpot(t, 4, 2, 12, 8)).toEqual({ col: 0, row: 8, cols: 4, rows: 2 });
    const holes = t.filter((m) => m.id !== 'brands');
    expect(freeSpot(holes, 4, 2, 12, 8)).toEqual({ col: 8, row: 6, cols: 4, rows: 2 });
  });

  it('closes the gap a removed module leaves', () => {
    const t = template().filter((m) => m.id !== 'bio');
    const s = apply(t, settle(t, 12));
    expect(at(s, 'goals').row).toBe(0);
    expect(at(s, 'frustrations').row).toBe(3);
  });
});

describe('moveTo (a drag on the sheet)', () => {
  it('puts the module where it was dropped and lets the others make room', () => {
    const mods = [
      { id: 'a', area: { col: 0, row: 0, cols: 4, rows: 2 } },
      { id: 'b', area: { col: 4, row: 0, cols: 4, rows: 2 } },
      { id: 'c', area: { col: 4, row: 2, cols: 4, rows: 2 } },
    ];
    const areas = moveTo(mods, 'c', 0, 0, 12)!;
    expect(areas.get('c')).toEqual({ col: 0, row: 0, cols: 4, rows: 2 });
    expect(areas.get('a')).toEqual({ col: 0, row: 2, cols: 4, rows: 2 });
    expect(areas.get('b')).toEqual({ col: 4, row: 0, cols: 4, rows: 2 });
  });

  it('keeps the module inside the grid and answers null for no move', () => {
    const mods = [{ id: 'a', area: { col: 0, row: 0, cols: 4, rows: 2 } }];
    expect(moveTo(mods, 'a', 11, 0, 12)?.get('a')).toEqual({ col: 8, row: 0, cols: 4, rows: 2 });
    expect(moveTo(mods, 'a', 0, 0, 12)).toBeNull();
    expect(moveTo(mods, 'nope', 1, 1, 12)).toBeNull();
  });
});
