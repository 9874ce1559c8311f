import { expect, openApp, test } from './fixtures';

test('switching the language changes the UI and is remembered', async ({ page }) => {
  await openApp(page, { seed: true });
  await expect(page.getByTestId('new-persona')).toContainText('New persona');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-language').selectOption('ru');
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('new-persona')).toContainText('Новая персона');
  await expect(page.getByRole('navigation')).toContainText('Проекты');
  await expect(page.getByText('3 персоны')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  // Exports add their own few words (footer, source notes) in the UI's language.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __PERSONA_STUDIO_MOCK__: { language: string } }).__PERSONA_STUDIO_MOCK__.language))
    .toBe('ru');

  await page.reload();
  await expect(page.getByTestId('new-persona')).toContainText('Новая персона');

  for (const [code, label] of [
    ['zh', '新建画像'],
    ['vi', 'Chân dung mới'],
    ['lt', 'Nauja persona'],
  ] as const) {
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-language').selectOption(code);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('new-persona')).toContainText(label);
  }
});

test('the language follows the browser until one is chosen', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await openApp(page);
  await expect(page.getByTestId('install-example')).toContainText('Bắt đầu với cửa hàng mẫu');
  await context.close();
});

test('the theme can be switched to dark and back', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('open-settings').click();
  await page.getByTestId('theme-dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-light').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
