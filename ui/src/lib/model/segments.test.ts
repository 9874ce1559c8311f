import { describe, expect, it } from 'vitest';
import type { SegmentCondition } from '../bindings/SegmentCondition';
import { chosen, segmentName, withChoice } from './segments';

describe('segments', () => {
  it('adds, replaces and removes the condition of one question, keeping the others in place', () => {
    let c: SegmentCondition[] = [];
    c = withChoice(c, 'q1', ['Email']);
    c = withChoice(c, 'q4', ['Green Bean']);
    c = withChoice(c, 'q1', ['Email', 'Social']);
    expect(c).toEqual([
      { op: 'any_of', question: 'q1', options: ['Email', 'Social'] },
      { op: 'any_of', question: 'q4', options: ['Green Bean'] },
    ]);
    expect(chosen(c, 'q1')).toEqual(['Email', 'Social']);
    c = withChoice(c, 'q1', []);
    expect(c).toEqual([{ op: 'any_of', question: 'q4', options: ['Green Bean'] }]);
    expect(chosen(c, 'q1')).toEqual([]);
  });

  it('names a segment after its conditions, with question texts when known', () => {
    const c: SegmentCondition[] = [
      { op: 'any_of', question: 'q1', options: ['Email', 'Social'] },
      { op: 'between', question: 'q2', min: 18, max: 39 },
      { op: 'not', condition: { op: 'answered', question: 'q9' } },
    ];
    const profile = {
      questions: [
        { id: 'q1', text: 'Preferred channel' },
        { id: 'q2', text: 'Age' },
      ],
    } as never;
    expect(segmentName(c, profile)).toBe('Preferred channel: Email or Social · Age 18–39 · not (q9: answered)');
  });
});
