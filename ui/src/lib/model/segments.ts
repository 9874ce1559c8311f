// Segments as people read them: "Preferred channel: Email or Social · Age 18–39".
import type { DatasetProfile } from '../bindings/DatasetProfile';
import type { SegmentCondition } from '../bindings/SegmentCondition';

/** The few words a segment's name needs, in the UI's language. */
export interface SegmentWords {
  or: string;
  answered: string;
  not: string;
}

const ENGLISH: SegmentWords = { or: 'or', answered: 'answered', not: 'not' };

function describe(c: SegmentCondition, text: (id: string) => string, w: SegmentWords): string {
  switch (c.op) {
    case 'any_of':
      return `${text(c.question)}: ${c.options.join(` ${w.or} `)}`;
    case 'between':
      return `${text(c.question)} ${c.min ?? '…'}–${c.max ?? '…'}`;
    case 'answered':
      return `${text(c.question)}: ${w.answered}`;
    case 'not':
      return `${w.not} (${describe(c.condition, text, w)})`;
  }
}

/** A readable name for a segment: its conditions joined by " · " (all must hold). */
export function segmentName(
  conditions: SegmentCondition[],
  profile: DatasetProfile | null,
  words: SegmentWords = ENGLISH,
): string {
  const text = (id: string) => profile?.questions.find((q) => q.id === id)?.text ?? id;
  return conditions.map((c) => describe(c, text, words)).join(' · ');
}

/**
 * The conditions with `question` set to "any of `options`": replaces that question's
 * condition, adds one if there was none, and removes it when no option is left.
 */
export function withChoice(conditions: SegmentCondition[], question: string, options: string[]): SegmentCondition[] {
  const others = conditions.filter((c) => !(c.op === 'any_of' && c.question === question));
  if (options.length === 0) return others;
  const i = conditions.findIndex((c) => c.op === 'any_of' && c.question === question);
  const next: SegmentCondition = { op: 'any_of', question, options };
  if (i < 0) return [...others, next];
  return [...conditions.slice(0, i), next, ...conditions.slice(i + 1)];
}

/** The options chosen for `question` in the conditions (empty when none). */
export function chosen(conditions: SegmentCondition[], question: string): string[] {
  const c = conditions.find((c) => c.op === 'any_of' && c.question === question);
  return c && c.op === 'any_of' ? c.options : [];
}
