import { describe, expect, it } from 'vitest';
import { MockBackend } from '../backend/mock';
import { LibraryStore } from './library.svelte';

describe('LibraryStore', () => {
  it('starts empty, then installs the example and selects it', async () => {
    const store = new LibraryStore(new MockBackend());
    await store.load();
    expect(store.state).toBe('ready');
    expect(store.isEmpty).toBe(true);
    expect(store.templates.map((t) => t.id)).toEqual([
      'user-persona',
      'ecommerce-shopper',
      'b2b-buyer',
      'proto-persona',
      'ideal-customer-profile',
    ]);
    expect(store.presets.map((p) => p.id)).toContain('coupon-hunter');

    const outcome = await store.installExample();
    expect(outcome).toEqual({ outcome: 'installed', project: 'Example store', personas: 3 });
    expect(store.isEmpty).toBe(false);
    expect(store.selected?.name).toBe('Example store');
    expect(store.selected?.personas.map((p) => p.name)).toEqual([
      'Frugal Fred',
      'Procurement Paul',
      'Tech-savvy Tara',
    ]);
    expect(await store.installExample()).toEqual({ outcome: 'already_there', project: 'Example store' });
  });

  it('creates projects and personas, and reports the backend errors', async () => {
    const store = new LibraryStore(new MockBackend());
    await store.load();
    await store.createProject('Acme');
    await store.createProject('Zeta');
    expect(store.projects.map((p) => p.name)).toEqual(['Acme', 'Zeta']);
    expect(store.selected?.name).toBe('Zeta');

    await expect(store.createProject('Acme')).rejects.toMatchObject({ code: 'duplicate_project' });
    await expect(store.createProject('  ')).rejects.toMatchObject({ code: 'invalid' });
    await expect(store.createPersona('', null)).rejects.toMatchObject({ code: 'invalid' });

    const persona = await store.createPersona('Budget Betty', 'ecommerce-shopper');
    expect(persona.template).toBe('ecommerce-shopper');
    expect(store.selected?.personas).toMatchObject([
      { name: 'Budget Betty', template_name: 'E-commerce shopper', initials: 'BB' },
    ]);
  });

  it('puts a saved persona on its card and keeps cards sorted', async () => {
    const backend = new MockBackend({ seed: 'example' });
    const store = new LibraryStore(backend);
    await store.load();
    const card = store.selected!.personas.find((p) => p.name === 'Frugal Fred')!;
    const persona = await backend.getPersona(card.id);
    store.applySaved({ ...persona, name: 'Zoe Zhang', archetype: 'Night owl', updated: '2030-01-01T00:00:00Z' });
    expect(store.selected!.personas.map((p) => p.name)).toEqual(['Procurement Paul', 'Tech-savvy Tara', 'Zoe Zhang']);
    expect(store.selected!.personas[2]).toMatchObject({ initials: 'ZZ', archetype: 'Night owl', updated: '2030-01-01T00:00:00Z' });
  });

  it('deletes a persona', async () => {
    const store = new LibraryStore(new MockBackend({ seed: 'example' }));
    await store.load();
    const id = store.selected!.personas[0]!.id;
    await store.deletePersona(id);
    expect(store.selected!.personas).toHaveLength(2);
    await expect(store.deletePersona(id)).rejects.toMatchObject({ code: 'unknown_persona' });
  });

  it('shows a load failure and recovers on retry', async () => {
    const backend = new MockBackend();
    backend.failNext('library_overview', { code: 'library_locked', message: 'another window has the library open' });
    const store = new LibraryStore(backend);
    await store.load();
    expect(store.state).toBe('error');
    expect(store.error?.message).toBe('another window has the library open');
    await store.load();
    expect(store.state).toBe('ready');
  });
});
