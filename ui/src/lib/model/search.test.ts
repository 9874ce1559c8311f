import { describe, expect, it } from 'vitest';
import { MockBackend } from '../backend/mock';
import { fold } from './search';
import { collator } from './sort';
import type { SearchQuery } from '../bindings/SearchQuery';
import type { SearchSort } from '../bindings/SearchSort';

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
    const query = (text: string, f: Partial<SearchQuery> = {}, sort: SearchSort = 'name'): SearchQuery => ({
      text,
      project: null,
      template: null,
      tag: null,
      sort,
      ...f,
    });
    const names = async (q: string, f: Partial<SearchQuery> = {}, sort: SearchSort = 'name') =>
      (await b.searchPersonas(query(q, f, sort))).map((h) => h.card.name);
    expect(await names('automation')).toEqual(['Tech-savvy Tara']);
    expect(await names('LEEDS coupon')).toEqual(['Frugal Fred']);
    expect(await names('leeds automation')).toEqual([]);
    expect(await names('')).toEqual(['Frugal Fred', 'Procurement Paul', 'Tech-savvy Tara']);
    expect(await names('', { tag: 'premium' })).toEqual(['Tech-savvy Tara']);
    expect(await names('', { template: 'b2b-buyer' })).toEqual(['Procurement Paul']);
    const hits = await b.searchPersonas(query(''));
    expect(hits).toHaveLength(3);
    expect(hits.flatMap((h) => h.card.tags)).toContain('coupons');
    expect(hits[0]?.project).toBe(hits[0]?.card.project);
    expect(hits[0]?.card.key_facts).toEqual([
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
