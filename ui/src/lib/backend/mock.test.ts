import { describe, expect, it } from 'vitest';
import { EXAMPLE_LIBRARY } from '../model/templates';
import { chooseBackend } from '../backend';
import { initials } from '../model/initials';
import { MockBackend } from './mock';

describe('MockBackend', () => {
  it('builds the example personas like the Rust side: template modules with the example bodies', async () => {
    const backend = new MockBackend({ seed: 'example' });
    const { personas } = backend.snapshot();
    expect(personas.map((p) => p.name)).toEqual(EXAMPLE_LIBRARY.personas.map((p) => p.name));
    const fred = personas.find((p) => p.name === 'Frugal Fred')!;
    expect(fred.template).toBe('ecommerce-shopper');
    expect(fred.modules.map((m) => m.id)).toEqual([
      'header', 'facts', 'goals', 'drivers', 'barriers', 'behaviours', 'mindset', 'channels', 'brands', 'day',
    ]);
    const channels = fred.modules.find((m) => m.id === 'channels')!.body;
    expect(channels).toMatchObject({ kind: 'sliders', scale: 'unipolar' });
    // Unipolar sliders get right = "" as serde's default does.
    if (channels.kind === 'sliders') expect(channels.rows[0]).toEqual({ left: 'Marketplaces', right: '', value: 85 });
  });

  it('new personas get the template modules emptied, labels kept', async () => {
    const backend = new MockBackend();
    const project = await backend.createProject('Shop');
    const p = await backend.createPersona(project.id, ' Tara ', null);
    expect(p.name).toBe('Tara');
    expect(p.template).toBe('user-persona');
    const facts = p.modules.find((m) => m.id === 'facts')!.body;
    expect(facts.kind === 'facts' && facts.rows.every((r) => r.value === '' && r.label !== '')).toBe(true);
    const personality = p.modules.find((m) => m.id === 'personality')!.body;
    expect(personality.kind === 'sliders' && personality.rows.every((r) => r.value === 50)).toBe(true);
  });

  it('refuses what the Rust side refuses, with the same codes', async () => {
    const backend = new MockBackend();
    const project = await backend.createProject('Shop');
    await expect(backend.createProject('Shop')).rejects.toMatchObject({ code: 'duplicate_project' });
    await expect(backend.createProject('x'.repeat(121))).rejects.toMatchObject({ code: 'invalid' });
    await expect(backend.createPersona(project.id, '', null)).rejects.toMatchObject({ code: 'invalid' });
    await expect(backend.createPersona(project.id, 'A', 'nope')).rejects.toMatchObject({ code: 'unknown_template' });
    await expect(backend.createPersona('no-such-project', 'A', null)).rejects.toMatchObject({ code: 'unknown_project' });
    await expect(backend.getPersona('nope')).rejects.toMatchObject({ code: 'unknown_persona' });
    const p = await backend.createPersona(project.id, 'A', null);
    await expect(backend.savePersona({ ...p, name: ' ' })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('stamps saves with a new updated time and keeps created', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const backend = new MockBackend({ now: () => now });
    const project = await backend.createProject('Shop');
    const p = await backend.createPersona(project.id, 'A', null);
    now = new Date('2026-01-02T00:00:00Z');
    const saved = await backend.savePersona({ ...p, quote: 'hi', created: 'bogus' });
    expect(saved).toMatchObject({ quote: 'hi', created: '2026-01-01T00:00:00.000Z', updated: '2026-01-02T00:00:00.000Z' });
    expect((await backend.getPersona(p.id)).quote).toBe('hi');
  });

  it('lists projects and personas by name, case-insensitively', async () => {
    const backend = new MockBackend();
    for (const n of ['beta', 'Alpha', 'gamma']) await backend.createProject(n);
    const overview = await backend.libraryOverview();
    expect(overview.projects.map((p) => p.name)).toEqual(['Alpha', 'beta', 'gamma']);
  });
});

describe('chooseBackend', () => {
  it('uses Tauri inside the app and the mock in a browser or when asked', () => {
    expect(chooseBackend('', true).kind).toBe('tauri');
    expect(chooseBackend('', false).kind).toBe('mock');
    expect(chooseBackend('?backend=mock', true).kind).toBe('mock');
    expect(chooseBackend('?backend=mock&seed=example&latency=250', true).mock).toEqual({ seed: 'example', latencyMs: 250 });
  });
});

describe('initials', () => {
  it('matches persona_model::initials in several scripts', () => {
    expect(initials('Frugal Fred')).toBe('FF');
    expect(initials('tech-savvy Tara')).toBe('TT');
    expect(initials('Ólafur')).toBe('Ó');
    expect(initials('Đặng Thu Hà')).toBe('ĐH');
    expect(initials('Ирина Волкова')).toBe('ИВ');
    expect(initials('王芳')).toBe('王');
    expect(initials('  ')).toBe('');
  });
});
