import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withSlowSignal } from './progress';

describe('withSlowSignal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says nothing about work that ends before the delay', async () => {
    const seen: boolean[] = [];
    const done = withSlowSignal(new Promise((r) => setTimeout(() => r('ok'), 100)), (s) => seen.push(s), 500);
    await vi.advanceTimersByTimeAsync(100);
    await expect(done).resolves.toBe('ok');
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual([]);
  });

  it('turns the working state on after the delay and off when the work settles, even on failure', async () => {
    const seen: boolean[] = [];
    const done = withSlowSignal(new Promise((_, reject) => setTimeout(() => reject(new Error('no')), 900)), (s) => seen.push(s), 500);
    const caught = done.catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(600);
    expect(seen).toEqual([true]);
    await vi.advanceTimersByTimeAsync(300);
    expect(await caught).toBe('no');
    expect(seen).toEqual([true, false]);
  });
});
