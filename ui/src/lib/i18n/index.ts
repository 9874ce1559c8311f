// The app's one I18n instance, reading the browser's languages and localStorage.
import { I18n } from './i18n.svelte';
import type { MessageKey } from './catalogue';
import type { Params } from './i18n.svelte';

export const i18n = new I18n({
  storage: typeof localStorage === 'undefined' ? null : localStorage,
  languages: typeof navigator === 'undefined' ? [] : navigator.languages,
});

/** Translates a key in the current language; reactive inside components. */
export function t(key: MessageKey, params?: Params): string {
  return i18n.t(key, params);
}

export type { MessageKey };
