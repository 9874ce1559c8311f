import { describe, expect, it } from 'vitest';
import type { Persona } from '../bindings/Persona';
import { changedField } from './changed';
import { BUILTIN_TEMPLATES, emptied } from './templates';

function persona(): Persona {
  const t = BUILTIN_TEMPLATES[0]!;
  return {
    schema: 2,
    id: 'p',
    project: 'x',
    template: t.id,
    name: 'Fred',
    archetype: '',
    quote: '',
    photo: null,
    modules: t.modules.map((m) => ({ ...structuredClone(m), body: emptied(m.body) })),
    tags: [],
    notes: '',
    evidence: [],
    created: '2026-01-01T00:00:00Z',
    updated: '2026-01-01T00:00:00Z',
  };
}

function edit(f: (p: Persona) => void): [Persona, Persona] {
  const a = persona();
  const b = structuredClone(a);
  f(b);
  return [a, b];
}

const mod = (p: Persona, id: string) => p.modules.find((m) => m.id === id)!;

describe('changedField: where an undo or redo lands the focus', () => {
  it('finds the header fields', () => {
    expect(changedField(...edit((p) => (p.quote = 'Hm')))).toEqual({
      module: null,
      selector: '[data-testid="persona-quote"]',
      index: 0,
    });
  });

  it('finds the row and the part of a fact, a list item and a slider', () => {
    const [a, b] = edit((p) => {
      const body = mod(p, 'facts').body;
      if (body.kind === 'facts') body.rows[2]!.value = 'Leeds';
    });
    expect(changedField(a, b)).toEqual({ module: 'facts', selector: '[data-testid="fact-value"]', index: 2 });
    const [c, d] = edit((p) => {
      const body = mod(p, 'goals').body;
      if (body.kind === 'list') body.items = ['Save money'];
    });
    // Redo of an added item, and undo of it: the item, then the add button.
    expect(changedField(c, d)).toEqual({ module: 'goals', selector: '[data-testid="list-item"]', index: 0 });
    expect(changedField(d, c)).toEqual({ module: 'goals', selector: '[data-testid="list-add"]', index: 0 });
    const [e, f] = edit((p) => {
      const body = mod(p, 'personality').body;
      if (body.kind === 'sliders') body.rows[1]!.right = 'Imaginative';
    });
    expect(changedField(e, f)).toEqual({ module: 'personality', selector: '[data-testid="slider-right"]', index: 1 });
  });

  it('focuses a moved or restored module by its menu and a renamed one by its title', () => {
    const [a, b] = edit((p) => (mod(p, 'bio').area.row += 1));
    expect(changedField(a, b)?.selector).toBe('[data-testid="module-menu"]');
    const [c, d] = edit((p) => (mod(p, 'brands').title = 'Brands'));
    expect(changedField(c, d)).toMatchObject({ module: 'brands', selector: '[data-testid="module-title"]' });
    const [e, f] = edit((p) => (p.modules = p.modules.filter((m) => m.id !== 'bio')));
    expect(changedField(f, e)).toMatchObject({ module: 'bio', selector: '[data-testid="module-menu"]' });
  });

  it('answers null when nothing that can take focus changed', () => {
    const [a, b] = edit(() => {});
    expect(changedField(a, b)).toBeNull();
  });
});
