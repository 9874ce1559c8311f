// A tiny typed translation layer: `t('key', { name })` with plural forms through
// Intl.PluralRules, and dates and relative times through Intl. User text passed as a
// parameter is substituted as plain text; nothing here ever produces HTML.
import type { Catalogue, MessageKey } from './catalogue';
import { en } from './messages/en';
import { lt } from './messages/lt';
import { ru } from './messages/ru';
import { vi } from './messages/vi';
import { zh } from './messages/zh';
import type { Message, PluralMessage } from './types';

export const LOCALES = ['en', 'zh', 'ru', 'vi', 'lt'] as const;
export type Locale = (typeof LOCALES)[number];

export const CATALOGUES: Record<Locale, Catalogue> = { en, zh, ru, vi, lt };

/** Each language's name in itself, for the language menu. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  zh: '简体中文',
  ru: 'Русский',
  vi: 'Tiếng Việt',
  lt: 'Lietuvių',
};

/** The BCP 47 tag for Intl and `<html lang>` (zh-CN picks Simplified CJK glyphs). */
export const LOCALE_TAGS: Record<Locale, string> = {
  en: 'en',
  zh: 'zh-CN',
  ru: 'ru',
  vi: 'vi',
  lt: 'lt',
};

const STORAGE_KEY = 'persona-studio.locale';

/** The first of the user's preferred languages that we speak, else English. */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const hit = LOCALES.find((l) => l === base);
    if (hit) return hit;
  }
  return 'en';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export type Params = Record<string, string | number>;

function fill(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

function pick(message: PluralMessage, count: number, rules: Intl.PluralRules): string {
  const category = rules.select(count);
  return message[category] ?? message.other;
}

/** Where the layer reads the user's choice and the system's languages from. */
export interface I18nEnvironment {
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  languages?: readonly string[];
}

export class I18n {
  /** The user's explicit choice, or null to follow the system. */
  choice = $state<Locale | null>(null);
  readonly systemLocale: Locale;
  private readonly storage: I18nEnvironment['storage'];

  constructor(env: I18nEnvironment = {}) {
    this.storage = env.storage ?? null;
    this.systemLocale = matchLocale(env.languages ?? []);
    const stored = this.storage?.getItem(STORAGE_KEY);
    this.choice = isLocale(stored) ? stored : null;
  }

  get locale(): Locale {
    return this.choice ?? this.systemLocale;
  }

  get tag(): string {
    return LOCALE_TAGS[this.locale];
  }

  /** Picks a language, or null to follow the system; remembered across starts. */
  setChoice(choice: Locale | null): void {
    this.choice = choice;
    if (choice === null) this.storage?.removeItem(STORAGE_KEY);
    else this.storage?.setItem(STORAGE_KEY, choice);
  }

  t(key: MessageKey, params?: Params): string {
    const message: Message = CATALOGUES[this.locale][key] ?? en[key];
    if (typeof message === 'string') return fill(message, params);
    const count = Number(params?.count ?? 0);
    return fill(pick(message, count, new Intl.PluralRules(this.tag)), params);
  }

  /** "2 hours ago", "yesterday", "just now" in the current language. */
  relativeTime(iso: string, now: Date): string {
    const then = new Date(iso).getTime();
    if (Number.isNaN(then)) return '';
    const seconds = Math.round((then - now.getTime()) / 1000);
    const abs = Math.abs(seconds);
    if (abs < 45) return this.t('time.justNow');
    const rtf = new Intl.RelativeTimeFormat(this.tag, { numeric: 'auto' });
    const steps: Array<[number, Intl.RelativeTimeFormatUnit]> = [
      [60, 'second'],
      [60, 'minute'],
      [24, 'hour'],
      [7, 'day'],
      [4.345, 'week'],
      [12, 'month'],
    ];
    let value = seconds;
    for (const [size, unit] of steps) {
      if (Math.abs(value) < size) return rtf.format(Math.round(value), unit);
      value /= size;
    }
    return rtf.format(Math.round(value), 'year');
  }

  /** A full date and time, for tooltips. */
  dateTime(iso: string): string {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return '';
    return new Intl.DateTimeFormat(this.tag, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  }
}
