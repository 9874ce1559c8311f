import { expect, openApp, stored, test } from './fixtures';

// Template text follows the UI language when a persona is created, and then belongs to
// the persona: switching the UI language later does not rename its modules.
test('a persona created under the Russian UI gets Russian titles, labels and hints', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-language').selectOption('ru');
  await page.keyboard.press('Escape');
  // The library's cards name their templates in the UI's language too.
  await expect(page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' })).toContainText('Онлайн-покупатель');
  await expect(page.getByTestId('persona-card').filter({ hasText: 'Procurement Paul' })).toContainText('B2B-покупатель');
  await expect(page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' })).not.toContainText('E-commerce shopper');

  await page.getByTestId('new-persona').click();
  const picker = page.getByTestId('new-persona-template');
  await expect(picker.locator('option[value="ideal-customer-profile"]')).toHaveText('Профиль идеального клиента');
  await picker.selectOption('proto-persona');
  await expect(page.getByTestId('new-persona-dialog')).toContainText('Короткий набросок на одну страницу');
  await page.getByTestId('new-persona-name').fill('Занятая Вера');
  await page.getByTestId('new-persona-submit').click();

  const needs = page.locator('[data-module="needs"]');
  await expect(needs.getByTestId('module-title')).toHaveValue('Потребности и цели');
  await expect(needs).toContainText('Заказать продукты на неделю за десять минут');
  const facts = page.locator('[data-module="facts"]');
  await expect(facts.getByTestId('fact-label').first()).toHaveValue('Возраст');

  // Back in English, the persona keeps the labels it was made with.
  await page.getByTestId('back-to-library').click();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-language').selectOption('en');
  await page.keyboard.press('Escape');
  await page.getByTestId('persona-card').filter({ hasText: 'Занятая Вера' }).click();
  await expect(needs.getByTestId('module-title')).toHaveValue('Потребности и цели');
  await expect(page.getByTestId('new-persona')).toHaveCount(0);
  const vera = (await stored(page)).personas.find((p) => p.name === 'Занятая Вера');
  expect(vera?.modules.find((m) => m.id === 'facts')?.body.rows?.[1]?.label).toBe('Место жительства');
});
