// An automated accessibility audit (axe-core) of the main screens and dialogs, in the
// light and the dark theme. Fails on any serious or critical violation.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

// axe-core is the UI's dev dependency; the test runner injects it into every page it
// opens (as DevTools would, so the app's CSP does not apply to it). Paths are relative
// to ui/, where the suite runs.
test.beforeEach(async ({ page }) => {
  await page.addInitScript({ path: 'node_modules/axe-core/axe.min.js' });
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

async function audit(page: Page, what: string): Promise<void> {
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

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('welcome and the new-project dialog', async ({ page }) => {
      await openApp(page);
      await expect(page.getByTestId('install-example')).toBeVisible();
      await audit(page, 'welcome');
      await page.getByTestId('start-scratch').click();
      await expect(page.getByTestId('new-project-name')).toBeVisible();
      await audit(page, 'new project dialog');
    });

    test('library, search with no results, new persona and settings dialogs', async ({ page }) => {
      await openApp(page, { seed: true });
      await expect(page.getByTestId('persona-card')).toHaveCount(3);
      await audit(page, 'library');
      await page.getByTestId('all-personas').click();
      await page.getByTestId('library-search').fill('nothing matches this');
      await expect(page.getByTestId('no-results')).toBeVisible();
      await audit(page, 'library without results');
      await page.getByTestId('clear-filters').click();
      await page.getByTestId('new-persona').click();
      await expect(page.getByTestId('new-persona-name')).toBeVisible();
      await audit(page, 'new persona dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('open-settings').click();
      await expect(page.getByTestId('settings-language')).toBeVisible();
      await audit(page, 'settings dialog');
    });

    for (const name of ['Tech-savvy Tara', 'Frugal Fred', 'Procurement Paul']) {
      test(`editor: ${name}, its menus and the delete dialog`, async ({ page }) => {
        await openApp(page, { seed: true });
        await page.getByTestId('persona-card').filter({ hasText: name }).click();
        await expect(page.getByTestId('persona-name')).toHaveValue(name);
        await audit(page, `editor (${name})`);
        await page.getByTestId('add-module').click();
        await audit(page, 'add-module menu');
        await page.getByTestId('add-module-sliders-bipolar').click();
        await page.locator('[data-module="sliders-1"] [data-testid="module-menu"]').click();
        await audit(page, 'module menu, new module');
        await page.keyboard.press('Escape');
        await page.getByTestId('delete-persona').click();
        await audit(page, 'delete dialog');
      });
    }

    test('the photo crop step', async ({ page }) => {
      await openApp(page, { seed: true });
      await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
      await page.evaluate(async () => {
        const canvas = new OffscreenCanvas(320, 240);
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#4a7';
        g.fillRect(0, 0, 320, 240);
        const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
        (window as unknown as { __PERSONA_STUDIO_MOCK__: { nextPick: Uint8Array } }).__PERSONA_STUDIO_MOCK__.nextPick = bytes;
      });
      await page.getByTestId('photo-choose').click();
      await expect(page.getByTestId('crop-image')).toBeVisible();
      await audit(page, 'photo crop dialog');
    });
  });
}
