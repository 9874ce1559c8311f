// Pictures of the survey screens for looking at, not golden tests: run with
// SCREENSHOTS=1 npm run test:ui -- screenshots-surveys; they land in
// tests/output/screenshots/.
import { expect, openApp, test } from './fixtures';

const dir = '../tests/output/screenshots';

for (const scheme of ['light', 'dark'] as const) {
  test(`surveys: import preview, explorer and comparison (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page, { seed: true });
    await expect(page.getByTestId('persona-card')).toHaveCount(3);
    await page.getByTestId('open-surveys').click();
    await page.getByTestId('import-survey').click();
    const dialog = page.getByTestId('survey-import-dialog');
    await expect(dialog.getByTestId('survey-question')).toHaveCount(5);
    await dialog.getByTestId('survey-question').nth(1).getByTestId('survey-kind').selectOption('scale');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${dir}/surveys-import-${scheme}.png` });
    await dialog.getByTestId('survey-question').nth(1).getByTestId('survey-kind').selectOption('numeric');
    await dialog.getByTestId('survey-import-confirm').click();
    await expect(page.getByTestId('question-card')).toHaveCount(4);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${dir}/surveys-explorer-${scheme}.png` });
    await page.screenshot({ path: `${dir}/surveys-explorer-${scheme}-full.png`, fullPage: true });
    await page.getByTestId('open-compare').click();
    const panel = page.getByTestId('compare-panel');
    await panel.getByTestId('segment-a-question').selectOption({ label: 'Preferred channel' });
    await panel.getByTestId('segment-a-option').nth(0).check();
    await panel.getByTestId('segment-b-question').selectOption({ label: 'Preferred channel' });
    await panel.getByTestId('segment-b-option').nth(1).check();
    await panel.getByTestId('compare-run').click();
    await expect(panel.getByTestId('compare-pair').first()).toBeVisible();
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${dir}/surveys-compare-${scheme}.png` });
  });
}
