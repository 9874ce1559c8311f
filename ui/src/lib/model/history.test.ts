import { describe, expect, it } from 'vitest';
import { History } from './history';

describe('History', () => {
  it('undoes and redoes steps in order', () => {
    const h = new History('a');
    h.record('ab', null, 0);
    h.record('abc', null, 10);
    expect(h.canUndo).toBe(true);
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe('ab');
    expect(h.undo()).toBe('a');
    expect(h.undo()).toBeNull();
    expect(h.canUndo).toBe(false);
    expect(h.redo()).toBe('ab');
    expect(h.redo()).toBe('abc');
    expect(h.redo()).toBeNull();
  });

  it('coalesces a typing burst on one field into one step', () => {
    const h = new History('');
    for (const [i, s] of ['H', 'He', 'Hel', 'Hell', 'Hello'].entries()) h.record(s, 'name', i * 100);
    expect(h.depth).toBe(1);
    expect(h.undo()).toBe('');
  });

  it('starts a new step after a pause, on another field, or after seal()', () => {
    const h = new History('');
    h.record('a', 'name', 0);
    h.record('ab', 'name', 500);
    h.record('abc', 'name', 2000); // pause > 1 s
    expect(h.depth).toBe(2);
    h.record('abcd', 'quote', 2100); // another field
    expect(h.depth).toBe(3);
    h.seal();
    h.record('abcde', 'quote', 2200);
    expect(h.depth).toBe(4);
    expect(h.undo()).toBe('abcd');
    expect(h.undo()).toBe('abc');
    expect(h.undo()).toBe('ab');
  });

  it('cuts a very long burst into several steps', () => {
    const h = new History(0, { burstMs: 1000, pauseMs: 500 });
    for (let t = 0; t <= 2500; t += 100) h.record(t, 'k', t);
    expect(h.depth).toBe(3);
  });

  it('never coalesces structural edits (no key)', () => {
    const h = new History(0);
    h.record(1, null, 0);
    h.record(2, null, 1);
    expect(h.depth).toBe(2);
  });

  it('an edit after undo drops the redo branch and does not join the undone step', () => {
    const h = new History('');
    h.record('x', 'f', 0);
    h.record('xy', 'f', 10);
    h.undo();
    expect(h.canRedo).toBe(true);
    h.record('z', 'f', 20);
    expect(h.canRedo).toBe(false);
    expect(h.depth).toBe(1);
    expect(h.undo()).toBe('');
    expect(h.redo()).toBe('z');
  });

  it('keeps at most `limit` states, dropping the oldest', () => {
    const h = new History(0, { limit: 3 });
    for (let i = 1; i <= 5; i += 1) h.record(i, null, i);
    expect(h.depth).toBe(2);
    expect(h.undo()).toBe(4);
    expect(h.undo()).toBe(3);
    expect(h.undo()).toBeNull();
  });
});
