// The axe-core audit the accessibility specs share: fails on any serious or critical
// violation. axe is injected by the test runner (as DevTools would), so the app's CSP
// does not apply to it; call `injectAxe` in a beforeEach.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

export async function injectAxe(page: Page): Promise<void> {
  // Relative to ui/, where the suite runs.
  await page.addInitScript({ path: 'node_modules/axe-core/axe.min.js' });
}

export async function audit(page: Page, what: string): Promise<void> {
  // Let transitions and the dialog's entrance animation finish: axe reads colours.
  await page.waitForTimeout(250);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  const serious = violations
    .filter((v: Violation) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: Violation) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n    ')}`);
  expect(serious, `axe on ${what}`).toEqual([]);
}
