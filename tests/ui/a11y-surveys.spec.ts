// The accessibility audit (axe-core) of the survey screens: the import preview, the
// explorer with a segment and a comparison, the attach dialog and the editor's
// evidence panel, in the light and the dark theme.
import { audit, injectAxe } from './axe';
import { expect, openApp, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await injectAxe(page);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('survey import, explorer, comparison, attach dialog and evidence panel', async ({ page }) => {
      await openApp(page, { seed: true });
      await expect(page.getByTestId('persona-card')).toHaveCount(3);
      await page.getByTestId('open-surveys').click();
      await expect(page.getByTestId('surveys-empty')).toBeVisible();
      await audit(page, 'surveys without datasets');

      await page.getByTestId('import-survey').click();
      const dialog = page.getByTestId('survey-import-dialog');
      await expect(dialog.getByTestId('survey-question')).toHaveCount(5);
      await audit(page, 'survey import preview');
      await dialog.getByTestId('survey-import-confirm').click();
      await expect(page.getByTestId('question-card')).toHaveCount(4);

      await page.getByTestId('segment').getByTestId('segment-question').selectOption({ label: 'Preferred channel' });
      await page.getByTestId('segment').getByTestId('segment-option').first().check();
      await page.getByTestId('open-compare').click();
      const panel = page.getByTestId('compare-panel');
      await panel.getByTestId('segment-a-question').selectOption({ label: 'Preferred channel' });
      await panel.getByTestId('segment-a-option').first().check();
      await panel.getByTestId('compare-run').click();
      await expect(panel.getByTestId('compare-pair').first()).toBeVisible();
      await audit(page, 'explorer with a segment and a comparison');

      await page.locator('[data-testid="question-card"][data-question="q1"]').getByTestId('attach-evidence').click();
      await expect(page.getByTestId('attach-field')).not.toHaveValue('');
      await audit(page, 'attach evidence dialog');
      await page.getByTestId('attach-confirm').click();
      await expect(page.getByTestId('attach-dialog')).toBeHidden();

      await page.getByTestId('project-item').first().click();
      await page.getByTestId('persona-card').first().click();
      await expect(page.getByTestId('evidence-field').first()).toBeVisible();
      await page.getByTestId('evidence-field').first().getByRole('button').first().click();
      await audit(page, 'editor with the evidence panel');
    });
  });
}
