import { describe, expect, it } from 'vitest';
import { MockBackend } from '../backend/mock';
import { fold } from './search';
import { collator } from './sort';

describe('search', () => {
  it('folds case and accents like the Rust side', () => {
    expect(fold('Hà Nội')).toBe('ha noi');
    expect(fold('Đặng Thu Hà')).toBe('dang thu ha');
    expect(fold('Rūta Žemaitė')).toBe('ruta zemaite');
    expect(fold('Ирина ВОЛКОВА')).toBe('ирина волкова');
    expect(fold('王芳')).toBe('王芳');
    expect(fold('ＡＢＣ')).toBe('abc');
  });

  it('finds every word anywhere on the sheet, filters and sorts (mock backend)', async () => {
    const b = new MockBackend({ seed: 'example' });
    const names = async (q: string, f = {}, sort: 'name' | 'updated' = 'name') =>
      (await b.searchPersonas(q, f, sort)).hits.map((c) => c.name);
    expect(await names('automation')).toEqual(['Tech-savvy Tara']);
    expect(await names('LEEDS coupon')).toEqual(['Frugal Fred']);
    expect(await names('leeds automation')).toEqual([]);
    expect(await names('')).toEqual(['Frugal Fred', 'Procurement Paul', 'Tech-savvy Tara']);
    expect(await names('', { tag: 'premium' })).toEqual(['Tech-savvy Tara']);
    expect(await names('', { template: 'b2b-buyer' })).toEqual(['Procurement Paul']);
    const results = await b.searchPersonas('', {}, 'name');
    expect(results.total).toBe(3);
    expect(results.tags).toContain('coupons');
    expect(results.hits[0]?.key_facts).toEqual([
      { label: 'Age', value: '41' },
      { label: 'Gender', value: 'Male' },
      { label: 'Location', value: 'Suburbs of Leeds, UK' },
    ]);
  });

  it('sorts names by the rules of the language', () => {
    const people = ['Jonas', 'Yla', 'Ieva', 'Žydrė', 'Zita'].map((name) => ({ name }));
    expect([...people].sort(collator('lt')).map((p) => p.name)).toEqual(['Ieva', 'Yla', 'Jonas', 'Zita', 'Žydrė']);
    expect([...people].sort(collator('en')).map((p) => p.name)).toEqual(['Ieva', 'Jonas', 'Yla', 'Zita', 'Žydrė']);
  });
});
