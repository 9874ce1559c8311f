import { describe, expect, it } from 'vitest';
import { CATALOGUES, I18n, LOCALES, LOCALE_TAGS, matchLocale } from './i18n.svelte';
import { en } from './messages/en';
import type { Message } from './types';

const placeholders = (m: Message): string[] => {
  const texts = typeof m === 'string' ? [m] : Object.values(m).filter((v): v is string => !!v);
  return [...new Set(texts.flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1] ?? '')))].sort();
};

describe('message catalogues', () => {
  const keys = Object.keys(en).sort();

  for (const locale of LOCALES) {
    it(`${locale} has exactly the English keys, each non-empty`, () => {
      const catalogue = CATALOGUES[locale] as Record<string, Message>;
      const missing = keys.filter((k) => !(k in catalogue));
      const extra = Object.keys(catalogue).filter((k) => !(k in en));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      for (const k of keys) {
        const m = catalogue[k];
        expect(m, `${locale}:${k}`).toBeDefined();
        if (typeof m === 'string') expect(m.trim(), `${locale}:${k}`).not.toBe('');
      }
    });

    it(`${locale} keeps the placeholders of every English message`, () => {
      const catalogue = CATALOGUES[locale] as Record<string, Message>;
      for (const [k, m] of Object.entries(en) as Array<[string, Message]>) {
        const theirs = catalogue[k];
        if (theirs === undefined) continue;
        expect(placeholders(theirs), `${locale}:${k}`).toEqual(placeholders(m));
        expect(typeof theirs, `${locale}:${k} plural-ness`).toBe(typeof m);
      }
    });

    it(`${locale} has every plural form its language uses`, () => {
      const rules = new Intl.PluralRules(LOCALE_TAGS[locale]);
      const categories = rules.resolvedOptions().pluralCategories;
      const catalogue = CATALOGUES[locale] as Record<string, Message>;
      for (const [k, m] of Object.entries(catalogue)) {
        if (typeof m === 'string') continue;
        for (const c of categories) expect(m[c], `${locale}:${k}:${c}`).toBeDefined();
      }
    });
  }
});

describe('I18n', () => {
  const memory = () => {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
  };

  it('follows the system language until the user picks one, and remembers the pick', () => {
    const storage = memory();
    const a = new I18n({ storage, languages: ['ru-RU', 'en'] });
    expect(a.locale).toBe('ru');
    a.setChoice('vi');
    expect(a.locale).toBe('vi');
    expect(new I18n({ storage, languages: ['ru-RU'] }).locale).toBe('vi');
    a.setChoice(null);
    expect(new I18n({ storage, languages: ['ru-RU'] }).locale).toBe('ru');
  });

  it('matches regional tags and falls back to English', () => {
    expect(matchLocale(['zh-TW'])).toBe('zh');
    expect(matchLocale(['lt_LT'])).toBe('lt');
    expect(matchLocale(['de-DE', 'fr'])).toBe('en');
    expect(matchLocale([])).toBe('en');
  });

  it('fills parameters as plain text and picks plural forms', () => {
    const i = new I18n({ languages: ['ru'] });
    expect(i.t('library.personaCount', { count: 1 })).toBe('1 персона');
    expect(i.t('library.personaCount', { count: 3 })).toBe('3 персоны');
    expect(i.t('library.personaCount', { count: 5 })).toBe('5 персон');
    expect(i.t('editor.deleteTitle', { name: '<b>x</b>' })).toBe('Удалить «<b>x</b>»?');
    const l = new I18n({ languages: ['lt'] });
    expect(l.t('library.personaCount', { count: 21 })).toBe('21 persona');
    expect(l.t('library.personaCount', { count: 12 })).toBe('12 personų');
  });

  it('formats relative times in the chosen language', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const en = new I18n({ languages: ['en'] });
    expect(en.relativeTime('2026-11-23T10:00:00Z', now)).toBe('2 hours ago');
    expect(en.relativeTime('2026-11-23T11:59:50Z', now)).toBe('just now');
    expect(en.relativeTime('2026-11-22T12:00:00Z', now)).toBe('yesterday');
    expect(new I18n({ languages: ['ru'] }).relativeTime('2026-11-23T10:00:00Z', now)).toBe('2 часа назад');
    expect(new I18n({ languages: ['zh'] }).relativeTime('2026-11-23T10:00:00Z', now)).toBe('2小时前');
  });
});
