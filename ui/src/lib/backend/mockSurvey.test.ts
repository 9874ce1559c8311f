import { describe, expect, it } from 'vitest';
import { MockBackend } from './mock';
import { DEFAULT_OVERRIDES, frequentPhrases, wilson } from './mockSurvey';

const today = () => new Date('2026-03-01T12:00:00Z');

describe('the mock survey and evidence', () => {
  it('Wilson intervals match the closed form computed in Python', () => {
    // wilson(38, 100) = (0.290976, 0.477902); wilson(6, 10) = (0.312674, 0.831820)
    const [lo, hi] = wilson(38, 100);
    expect(lo).toBeCloseTo(29.0976, 3);
    expect(hi).toBeCloseTo(47.7902, 3);
    expect(wilson(6, 10)[0]).toBeCloseTo(31.2674, 3);
    expect(wilson(0, 0)).toEqual([0, 0]);
  });

  it('frequent phrases count respondents once, skip stop-word edges and need two respondents', () => {
    const phrases = frequentPhrases(['Good prices, good prices', 'good prices and fast delivery', 'fast delivery', 'once'], 5);
    expect(phrases).toEqual([
      { phrase: 'fast delivery', respondents: 2 },
      { phrase: 'good prices', respondents: 2 },
      { phrase: 'delivery', respondents: 2 },
      { phrase: 'fast', respondents: 2 },
      { phrase: 'good', respondents: 2 },
    ]);
    expect(frequentPhrases(['天气很好', '天气'], 2)).toEqual([
      { phrase: '天 气', respondents: 2 },
      { phrase: '天', respondents: 2 },
    ]);
  });

  it('imports, profiles within a segment, attaches a statistic and reports coverage', async () => {
    const backend = new MockBackend({ seed: 'example', now: today });
    const project = backend.snapshot().projects[0]!;
    const outcome = await backend.importSurvey(project.id, 'customer-survey.csv', DEFAULT_OVERRIDES, null);
    expect(outcome?.status).toBe('imported');
    const [dataset] = await backend.listDatasets();
    expect(dataset?.respondents).toBe(60);
    const all = await backend.datasetProfile(dataset!.id, null);
    const channel = all.questions[0]!;
    expect(channel.options.reduce((a, o) => a + o.count, 0)).toBe(60);
    const young = { name: 'under 40', conditions: [{ op: 'between' as const, question: 'q2', min: null, max: 39 }] };
    const seg = await backend.datasetProfile(dataset!.id, young);
    expect(seg.respondents).toBeLessThan(60);
    expect(seg.questions[1]!.summary!.max).toBeLessThanOrEqual(39);

    const fred = backend.snapshot().personas.find((p) => p.name === 'Frugal Fred')!;
    const e = await backend.addEvidence(fred.id, 'goals/0', {
      from: 'survey',
      dataset: dataset!.id,
      question: 'q1',
      kind: null,
      options: ['Email'],
      segment: null,
      respondent: null,
    });
    const email = channel.options.find((o) => o.label === 'Email')!;
    expect(e.source).toMatchObject({ kind: 'statistic', count: email.count, n: 60 });
    const report = await backend.evidenceReport(fred.id, null);
    const goal = report.fields.find((f) => f.field === 'goals/0')!;
    expect(goal.flags).toEqual([]);
    expect(report.coverage.supported).toBe(1);
    expect(report.coverage.evidenced).toBe(1);
    expect(report.fields.find((f) => f.field === 'quote')!.flags).toEqual(['assumption']);
    await backend.removeEvidence(fred.id, e.id);
    expect((await backend.evidenceReport(fred.id, null)).coverage.evidenced).toBe(0);
    await expect(backend.removeEvidence(fred.id, e.id)).rejects.toMatchObject({ code: 'unknown_evidence' });
  });
});
