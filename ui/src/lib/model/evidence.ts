// What a chart module shows: the distribution attached to it as evidence, in the shape
// the explorer's chart draws (the sheet export draws the same figures).
import type { Persona } from '../bindings/Persona';
import type { QuestionProfile } from '../bindings/QuestionProfile';

/** The latest distribution attached to module `id`, as a chartable profile; else null. */
export function distributionFor(persona: Persona, id: string): QuestionProfile | null {
  const found = [...persona.evidence].reverse().find((e) => e.field === id && e.source.kind === 'distribution');
  if (!found || found.source.kind !== 'distribution') return null;
  const s = found.source;
  return {
    id: s.survey.question,
    text: s.survey.question_text,
    kind: 'single_choice',
    hidden: false,
    answered: s.n,
    missing: 0,
    options: s.options,
    bins: [],
    summary: null,
    phrases: [],
    answers: [],
    answers_total: 0,
  };
}
