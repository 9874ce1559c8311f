import { describe, expect, it } from 'vitest';
import { loadChoices, saveChoices } from './export-choices';

function memory() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('export choices', () => {
  it('come back as they were saved', () => {
    const storage = memory();
    saveChoices({ format: 'png', page: 'letter', orientation: 'portrait', dpi: 300 }, storage);
    expect(loadChoices(storage)).toEqual({ format: 'png', page: 'letter', orientation: 'portrait', dpi: 300 });
  });

  it('fall back to the defaults for anything unknown or broken', () => {
    const storage = memory();
    expect(loadChoices(storage)).toEqual({ format: 'pdf', page: null, orientation: null, dpi: 192 });
    storage.setItem('persona-studio.export.v1', '{"format":"tiff","page":"a3","dpi":5000,"orientation":1}');
    expect(loadChoices(storage)).toEqual({ format: 'pdf', page: null, orientation: null, dpi: 192 });
    storage.setItem('persona-studio.export.v1', 'not json');
    expect(loadChoices(storage).format).toBe('pdf');
  });
});
