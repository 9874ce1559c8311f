// Long work in the UI: nothing is shown for work that ends quickly (a flash of a
// spinner reads as a glitch); work still running after half a second shows a
// "working" state with a Cancel button.

/** How long work may run before the UI says it is working. */
export const SLOW_AFTER_MS = 500;

/**
 * Awaits `work`; if it is still running after `delayMs`, calls `onSlow(true)`, and
 * `onSlow(false)` once it settles (only if it had been called with true).
 */
export async function withSlowSignal<T>(
  work: Promise<T>,
  onSlow: (slow: boolean) => void,
  delayMs = SLOW_AFTER_MS,
): Promise<T> {
  let slow = false;
  const timer = setTimeout(() => {
    slow = true;
    onSlow(true);
  }, delayMs);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    if (slow) onSlow(false);
  }
}
