import { describe, expect, it } from 'vitest';
import { DEFAULT_STALE_DAYS, EvidenceSettings, clampDays } from './evidence-settings.svelte';

describe('evidence settings', () => {
  it('keeps the stale age between a week and ten years', () => {
    expect(clampDays(0)).toBe(7);
    expect(clampDays(90.4)).toBe(90);
    expect(clampDays(99_999)).toBe(3650);
    expect(clampDays(Number.NaN)).toBe(DEFAULT_STALE_DAYS);
  });

  it('remembers the stale age in storage', () => {
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
    const first = new EvidenceSettings(storage);
    expect(first.staleAfterDays).toBe(365);
    first.set(180);
    expect(new EvidenceSettings(storage).staleAfterDays).toBe(180);
  });
});
