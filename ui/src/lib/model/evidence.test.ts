import { describe, expect, it } from 'vitest';
import type { Evidence } from '../bindings/Evidence';
import type { Persona } from '../bindings/Persona';
import { distributionFor } from './evidence';

const survey = { dataset: 'd1', dataset_name: 'Survey', question: 'q1', question_text: 'Preferred channel', collected: '2026-01-01' };
const dist = (id: string, n: number): Evidence => ({
  id,
  field: 'channels',
  anchor: '',
  added: '2026-01-02T00:00:00Z',
  source: { kind: 'distribution', survey, segment: null, n, options: [{ label: 'Email', count: n, percent: 100, ci_low: 90, ci_high: 100 }] },
});

describe('distributionFor', () => {
  it('charts the latest distribution on the module and nothing else', () => {
    const persona = { evidence: [dist('a', 10), dist('b', 20)] } as unknown as Persona;
    expect(distributionFor(persona, 'channels')).toMatchObject({ text: 'Preferred channel', answered: 20, options: [{ label: 'Email' }] });
    expect(distributionFor(persona, 'goals')).toBeNull();
    expect(distributionFor({ evidence: [] } as unknown as Persona, 'channels')).toBeNull();
  });
});
