import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Persona } from '../bindings/Persona';
import { MockBackend } from '../backend/mock';
import { NAME_REQUIRED, PersonaEditor } from './editor.svelte';

/** A save whose answers the test hands out one by one. */
function controlledSave() {
  const pending: Array<{ persona: Persona; resolve: (p: Persona) => void; reject: (e: unknown) => void }> = [];
  const save = vi.fn(
    (persona: Persona) =>
      new Promise<Persona>((resolve, reject) => pending.push({ persona, resolve, reject })),
  );
  const answer = (i = 0, updated = '2026-11-23T12:00:00.000Z') => {
    const call = pending.splice(i, 1)[0];
    if (!call) throw new Error('no save pending');
    call.resolve({ ...call.persona, updated });
  };
  const reject = (error: unknown) => {
    const call = pending.shift();
    if (!call) throw new Error('no save pending');
    call.reject(error);
  };
  return { save, pending, answer, reject };
}

async function newPersona(): Promise<Persona> {
  const backend = new MockBackend({ now: () => new Date('2026-11-23T10:00:00Z') });
  const project = await backend.createProject('Shop');
  return backend.createPersona(project.id, 'Frugal Fred', 'user-persona');
}

/** Lets promise callbacks run without moving the fake clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('PersonaEditor autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits 400 ms after the last edit, then saves once with every edit in it', async () => {
    const c = controlledSave();
    const editor = new PersonaEditor(await newPersona(), { save: c.save });
    expect(editor.state).toBe('idle');

    editor.setHeader('name', 'Fred');
    await vi.advanceTimersByTimeAsync(300);
    editor.setFactValue('facts', 0, '41');
    await vi.advanceTimersByTimeAsync(300);
    expect(c.save).not.toHaveBeenCalled();
    expect(editor.state).toBe('saving');

    await vi.advanceTimersByTimeAsync(100);
    expect(c.save).toHaveBeenCalledTimes(1);
    const sent = c.save.mock.calls[0]![0];
    expect(sent.name).toBe('Fred');
    const facts = sent.modules.find((m) => m.id === 'facts')?.body;
    expect(facts?.kind === 'facts' && facts.rows[0]).toEqual({ label: 'Age', value: '41' });
  });

  it('says saved only once the save has resolved', async () => {
    const c = controlledSave();
    const onSaved = vi.fn();
    const editor = new PersonaEditor(await newPersona(), { save: c.save, onSaved });
    editor.setHeader('archetype', 'Coupon hunter');
    await vi.advanceTimersByTimeAsync(400);
    expect(c.pending).toHaveLength(1);
    expect(editor.state).toBe('saving');
    await vi.advanceTimersByTimeAsync(5000);
    expect(editor.state).toBe('saving');

    c.answer(0, '2026-11-23T12:34:00.000Z');
    await settle();
    expect(editor.state).toBe('saved');
    expect(editor.persona.updated).toBe('2026-11-23T12:34:00.000Z');
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ archetype: 'Coupon hunter' }));
  });

  it('flush saves at once without waiting for the debounce', async () => {
    const c = controlledSave();
    const editor = new PersonaEditor(await newPersona(), { save: c.save });
    editor.setText('bio', 'Lives in Leeds.');
    const done = editor.flush();
    expect(c.save).toHaveBeenCalledTimes(1);
    c.answer();
    expect(await done).toBe(true);
    expect(editor.state).toBe('saved');
    // The debounce timer was cancelled: no second save follows.
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.save).toHaveBeenCalledTimes(1);
  });

  it('never overlaps saves, and saves edits made during a save afterwards', async () => {
    const c = controlledSave();
    const editor = new PersonaEditor(await newPersona(), { save: c.save });
    editor.setHeader('quote', 'one');
    await vi.advanceTimersByTimeAsync(400);
    expect(c.pending).toHaveLength(1);

    editor.setHeader('quote', 'two');
    await vi.advanceTimersByTimeAsync(400);
    expect(c.pending).toHaveLength(1); // still waiting for the first

    c.answer();
    await settle();
    expect(editor.state).toBe('saving'); // "two" is not on disk yet
    expect(c.pending).toHaveLength(1);
    expect(c.pending[0]!.persona.quote).toBe('two');

    c.answer();
    await settle();
    expect(editor.state).toBe('saved');
    expect(c.save).toHaveBeenCalledTimes(2);
  });

  it('reports a failed save, keeps the edit, and retries on flush', async () => {
    const c = controlledSave();
    const editor = new PersonaEditor(await newPersona(), { save: c.save });
    editor.addTag('brands', 'Aldi');
    const first = editor.flush();
    c.reject({ code: 'database', message: 'disk full' });
    expect(await first).toBe(false);
    expect(editor.state).toBe('error');
    expect(editor.error).toEqual({ code: 'database', message: 'disk full' });
    expect(editor.dirty).toBe(true);

    const retry = editor.flush();
    expect(editor.state).toBe('saving');
    expect(c.pending[0]!.persona.modules.find((m) => m.id === 'brands')?.body).toEqual({ kind: 'tags', tags: ['Aldi'] });
    c.answer();
    expect(await retry).toBe(true);
    expect(editor.state).toBe('saved');
    expect(editor.error).toBeNull();
  });

  it('does not send a persona without a name', async () => {
    const c = controlledSave();
    const editor = new PersonaEditor(await newPersona(), { save: c.save });
    editor.setHeader('name', '   ');
    expect(await editor.flush()).toBe(false);
    expect(c.save).not.toHaveBeenCalled();
    expect(editor.state).toBe('error');
    expect(editor.error?.code).toBe(NAME_REQUIRED);

    editor.setHeader('name', 'Fred');
    expect(editor.state).toBe('saving');
    const done = editor.flush();
    c.answer();
    expect(await done).toBe(true);
  });

  it('with nothing edited, flush is a no-op that reports everything stored', async () => {
    const c = controlledSave();
    const editor = new PersonaEditor(await newPersona(), { save: c.save });
    expect(await editor.flush()).toBe(true);
    expect(c.save).not.toHaveBeenCalled();
    expect(editor.state).toBe('idle');
  });
});

describe('PersonaEditor edits', () => {
  it('edits lists, sliders and tags within their bounds', async () => {
    const editor = new PersonaEditor(await newPersona(), { save: async (p) => p });
    editor.dispose();
    expect(editor.insertListItem('goals', 5, 'Save money')).toBe(0);
    editor.insertListItem('goals', 1, 'Feel smart');
    editor.setListItem('goals', 0, 'Save more money');
    expect(editor.body('goals', 'list')?.items).toEqual(['Save more money', 'Feel smart']);
    editor.removeListItem('goals', 0);
    expect(editor.body('goals', 'list')?.items).toEqual(['Feel smart']);

    editor.setSlider('personality', 0, 140);
    editor.setSlider('personality', 1, -3);
    editor.setSlider('personality', 2, 33.6);
    expect(editor.body('personality', 'sliders')?.rows.map((r) => r.value)).toEqual([100, 0, 34, 50]);

    expect(editor.addTag('brands', '  Aldi ')).toBe(true);
    expect(editor.addTag('brands', 'Aldi')).toBe(false);
    expect(editor.addTag('brands', '   ')).toBe(false);
    expect(editor.body('brands', 'tags')?.tags).toEqual(['Aldi']);
    // A module of another kind is left alone.
    expect(editor.body('brands', 'list')).toBeNull();
    editor.dispose();
  });
});

describe('PersonaEditor change detection', () => {
  it('does not count an edit that changes nothing', async () => {
    const save = vi.fn(async (p: Persona) => p);
    const editor = new PersonaEditor(await newPersona(), { save });
    editor.setHeader('name', 'Frugal Fred');
    editor.setFactValue('facts', 0, '');
    editor.setSlider('personality', 0, 50);
    expect(editor.dirty).toBe(false);
    expect(editor.state).toBe('idle');
    editor.setFactValue('facts', 0, '41');
    editor.setFactValue('facts', 0, '41');
    expect(await editor.flush()).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
  });
});

describe('PersonaEditor undo and redo', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** An editor whose clock the test moves by hand. */
  async function clocked() {
    let now = 0;
    const save = vi.fn(async (p: Persona) => ({ ...p, updated: '2026-11-23T12:00:00.000Z' }));
    const editor = new PersonaEditor(await newPersona(), { save, now: () => now });
    return { editor, save, tick: (ms: number) => (now += ms) };
  }

  it('undoes a burst of typing in one step, and redoes it', async () => {
    const { editor, tick } = await clocked();
    expect(editor.canUndo).toBe(false);
    for (const s of ['L', 'Le', 'Lee', 'Leed', 'Leeds']) {
      editor.setFactValue('facts', 2, s);
      tick(120);
    }
    tick(2000);
    editor.setFactValue('facts', 0, '41');
    expect(editor.canUndo).toBe(true);

    expect(editor.undo()).toBe(true);
    expect(editor.body('facts', 'facts')?.rows[0]?.value).toBe('');
    expect(editor.body('facts', 'facts')?.rows[2]?.value).toBe('Leeds');
    expect(editor.undo()).toBe(true);
    expect(editor.body('facts', 'facts')?.rows[2]?.value).toBe('');
    expect(editor.canUndo).toBe(false);
    expect(editor.canRedo).toBe(true);

    expect(editor.redo()).toBe(true);
    expect(editor.redo()).toBe(true);
    expect(editor.body('facts', 'facts')?.rows[0]?.value).toBe('41');
    expect(editor.redo()).toBe(false);
    editor.dispose();
  });

  it('saves what undo restored', async () => {
    const { editor, save } = await clocked();
    editor.setHeader('archetype', 'Coupon hunter');
    expect(await editor.flush()).toBe(true);
    editor.undo();
    expect(editor.state).toBe('saving');
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]![0].archetype).toBe('');
    expect(editor.state).toBe('saved');
  });

  it('keeps the stored-at stamp of the latest save when undoing', async () => {
    const { editor } = await clocked();
    const before = editor.persona.updated;
    editor.setHeader('quote', 'Cheap is good');
    await editor.flush();
    expect(editor.persona.updated).not.toBe(before);
    editor.undo();
    expect(editor.persona.updated).toBe('2026-11-23T12:00:00.000Z');
    editor.dispose();
  });

  it('undoes structural edits: modules added, removed, moved, resized, renamed; rows added', async () => {
    const { editor } = await clocked();
    const original = JSON.parse(JSON.stringify(editor.persona.modules));

    const id = editor.addModule('sliders-bipolar', 'Traits');
    expect(id).toBe('sliders-1');
    expect(editor.module(id)?.area).toEqual({ col: 0, row: 8, cols: 4, rows: 2 });
    editor.setSliderLabel(id, 0, 'left', 'Thrifty');
    editor.setSliderLabel(id, 0, 'right', 'Lavish');
    editor.addSlider(id);
    expect(editor.removeModule('header')).toBe(false);
    expect(editor.removeModule('bio')).toBe(true);
    expect(editor.moveModule('frustrations', 'up')).toBe(true);
    expect(editor.moveModule('header', 'up')).toBe(false);
    expect(editor.resizeModule('brands', 'taller')).toBe(true);
    editor.renameModule('goals', 'Aims');
    editor.addFact('facts');
    editor.removeFact('facts', 0);

    expect(editor.module('bio')).toBeNull();
    expect(editor.module('goals')?.title).toBe('Aims');
    // Column 4 lost bio, and frustrations now comes before goals (user-persona's
    // column 4: bio 2 rows, goals 2, frustrations 2, brands 2).
    expect(editor.module('frustrations')?.area.row).toBe(0);
    expect(editor.module('goals')?.area.row).toBe(2);

    while (editor.undo());
    expect(JSON.parse(JSON.stringify(editor.persona.modules))).toEqual(original);
    while (editor.redo());
    expect(editor.module('bio')).toBeNull();
    expect(editor.module(id)?.body).toEqual({
      kind: 'sliders',
      scale: 'bipolar',
      rows: [
        { left: 'Thrifty', right: 'Lavish', value: 50 },
        { left: '', right: '', value: 50 },
      ],
    });
    editor.dispose();
  });

  it('records nothing and saves nothing while an input method is composing', async () => {
    const { editor, save, tick } = await clocked();
    editor.beginComposition();
    editor.setText('bio', 'w');
    editor.setText('bio', 'wo');
    editor.setText('bio', '我');
    await vi.advanceTimersByTimeAsync(2000);
    tick(2000);
    expect(save).not.toHaveBeenCalled();
    expect(editor.canUndo).toBe(false);
    expect(editor.undo()).toBe(false);
    editor.setText('bio', '我们');
    editor.endComposition();
    expect(editor.canUndo).toBe(true);
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0].modules.find((m) => m.id === 'bio')?.body).toEqual({ kind: 'text', text: '我们' });
    // One undo takes back the whole composed word.
    editor.undo();
    expect(editor.body('bio', 'text')?.text).toBe('');
    editor.dispose();
  });
});

describe('PersonaEditor duplicate and persona tags', () => {
  it('duplicates a module below itself with a fresh id, and edits the persona tags', async () => {
    const editor = new PersonaEditor(await newPersona(), { save: async (p) => p });
    editor.insertListItem('goals', 0, 'Save money');
    const id = editor.duplicateModule('goals', 'Goals (copy)');
    expect(id).toBe('list-1');
    expect(editor.module('list-1')?.body).toEqual({ kind: 'list', items: ['Save money'] });
    expect(editor.module('list-1')?.area).toEqual({ col: 4, row: 4, cols: 4, rows: 2 });
    expect(editor.module('frustrations')?.area.row).toBe(6);
    // The copy is its own: editing it leaves the original alone.
    editor.setListItem('list-1', 0, 'Spend less');
    expect(editor.body('goals', 'list')?.items).toEqual(['Save money']);
    expect(editor.duplicateModule('header', 'x')).toBeNull();

    expect(editor.addPersonaTag(' budget ')).toBe(true);
    expect(editor.addPersonaTag('budget')).toBe(false);
    editor.removePersonaTag(0);
    expect(editor.persona.tags).toEqual([]);
    editor.undo();
    expect(editor.persona.tags).toEqual(['budget']);
    editor.dispose();
  });
});
