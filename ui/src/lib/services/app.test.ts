import { describe, expect, it } from 'vitest';
import { MockBackend } from '../backend/mock';
import { AppController } from './app.svelte';

async function started() {
  const backend = new MockBackend({ seed: 'example' });
  const app = new AppController(backend, 400);
  await app.library.load();
  const fred = app.library.selected!.personas.find((p) => p.name === 'Frugal Fred')!;
  return { backend, app, fred };
}

describe('AppController', () => {
  it('opens a persona, and going back stores its edits and shows them on the card', async () => {
    const { backend, app, fred } = await started();
    await app.openPersona(fred.id);
    expect(app.view).toEqual({ kind: 'editor', id: fred.id });
    expect(app.brand.primary).toBe('#2f4b8f');
    app.editor!.setHeader('name', 'Frugal Frederick');

    expect(await app.backToLibrary()).toBe(true);
    expect(app.view).toEqual({ kind: 'library' });
    expect(app.editor).toBeNull();
    expect((await backend.getPersona(fred.id)).name).toBe('Frugal Frederick');
    expect(app.library.selected!.personas.map((p) => p.name)).toContain('Frugal Frederick');
  });

  it('stays in the editor when the edits cannot be saved', async () => {
    const { backend, app, fred } = await started();
    await app.openPersona(fred.id);
    app.editor!.setHeader('quote', 'Never full price.');
    backend.failNext('save_persona', { code: 'database', message: 'disk full' });
    expect(await app.backToLibrary()).toBe(false);
    expect(app.view.kind).toBe('editor');
    expect(app.editor!.state).toBe('error');
    expect(await app.backToLibrary()).toBe(true);
    expect((await backend.getPersona(fred.id)).quote).toBe('Never full price.');
  });

  it('shows why a persona could not be opened', async () => {
    const { app } = await started();
    await app.openPersona('gone');
    expect(app.editor).toBeNull();
    expect(app.editorError?.code).toBe('unknown_persona');
  });

  it('deletes the open persona and returns to the library', async () => {
    const { backend, app, fred } = await started();
    await app.openPersona(fred.id);
    const before = structuredClone(backend.personas.get(fred.id));
    const deleted = await app.deleteOpenPersona();
    expect(deleted?.name).toBe('Frugal Fred');
    expect(app.view.kind).toBe('library');
    expect(backend.personas.has(fred.id)).toBe(false);
    expect(app.library.selected!.personas).toHaveLength(2);

    // Undo: the very same persona comes back (id, stamps and all) and opens.
    await app.restorePersona(deleted!);
    expect(backend.personas.get(fred.id)).toEqual(before);
    expect(app.library.selected!.personas).toHaveLength(3);
    expect(app.view).toMatchObject({ kind: 'editor', id: fred.id });
    // A second restore of the same persona is refused and says so.
    await app.restorePersona(deleted!);
    expect(app.toasts.items.at(-1)).toMatchObject({ kind: 'error' });
    expect(app.toasts.items.at(-1)?.text).toContain('already in the library');
  });

  it('creates a persona in the UI language', async () => {
    const { app } = await started();
    const { i18n } = await import('../i18n');
    i18n.setChoice('lt');
    try {
      await app.createPersona('Birutė', 'proto-persona');
      expect(app.editor!.persona.modules.find((m) => m.id === 'help')?.title).toBe('Kaip padedame');
    } finally {
      i18n.setChoice(null);
    }
  });

  it('creates a persona in the selected project and opens it', async () => {
    const { app } = await started();
    await app.createPersona('Budget Betty', 'b2b-buyer');
    expect(app.view.kind).toBe('editor');
    expect(app.editor!.persona).toMatchObject({ name: 'Budget Betty', template: 'b2b-buyer' });
  });
});
