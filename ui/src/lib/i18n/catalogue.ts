import type { en } from './messages/en';
import type { PluralMessage } from './types';

/** Every key of the English catalogue. */
export type MessageKey = keyof typeof en;

/** A translation: the same keys as English, plural where English is plural. */
export type Catalogue = {
  [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage;
};
