// The export dialogs against the mock backend: the preview, the remembered choices,
// and the deck's progress and cancel.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

async function exports(page: Page): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(() => (window as unknown as { __PERSONA_STUDIO_MOCK__: { exports: Array<Record<string, unknown>> } }).__PERSONA_STUDIO_MOCK__.exports);
}

test('a sheet exports with the chosen options, which the dialog remembers', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Tech-savvy Tara' }).click();
  await page.getByTestId('export-sheet').click();
  const dialog = page.getByTestId('export-dialog');
  const preview = dialog.getByTestId('export-preview');
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);

  await dialog.getByTestId('export-format-png').check();
  await dialog.getByTestId('export-dpi').selectOption('300');
  await dialog.getByTestId('export-page').selectOption('letter');
  await dialog.getByTestId('export-orientation').selectOption('portrait');
  await dialog.getByTestId('export-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Exported to /home/user/Tech-savvy Tara.png')).toBeVisible();
  expect((await exports(page)).at(-1)).toMatchObject({ format: 'png', page: 'letter', orientation: 'portrait', dpi: 300 });

  // Another window session: the choices come back.
  await page.reload();
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  await page.getByTestId('export-sheet').click();
  await expect(dialog.getByTestId('export-format-png')).toBeChecked();
  await expect(dialog.getByTestId('export-dpi')).toHaveValue('300');
  await expect(dialog.getByTestId('export-page')).toHaveValue('letter');
  await expect(dialog.getByTestId('export-preview')).toBeVisible();
});

test('a deck export shows progress and can be cancelled, then runs to the end', async ({ page }) => {
  await openApp(page, { seed: true });
  await expect(page.getByTestId('persona-card')).toHaveCount(3);
  await page.evaluate(() => {
    (window as unknown as { __PERSONA_STUDIO_MOCK__: { deckStepMs: number } }).__PERSONA_STUDIO_MOCK__.deckStepMs = 600;
  });
  await page.getByTestId('export-deck').click();
  const dialog = page.getByTestId('deck-dialog');
  await dialog.getByTestId('deck-submit').click();
  await expect(dialog.getByTestId('deck-progress')).toBeVisible();
  await dialog.getByTestId('deck-cancel').click();
  await expect(page.getByText('The export was cancelled; nothing was written.')).toBeVisible();
  await expect(dialog.getByTestId('deck-submit')).toBeVisible();

  await page.evaluate(() => {
    (window as unknown as { __PERSONA_STUDIO_MOCK__: { deckStepMs: number } }).__PERSONA_STUDIO_MOCK__.deckStepMs = 0;
  });
  await dialog.getByTestId('deck-submit').click();
  await expect(page.getByText('Exported to /home/user/Example store.pdf')).toBeVisible();
  await expect(dialog).toBeHidden();
});
