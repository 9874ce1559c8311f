import { expect, openApp, stored, test } from './fixtures';

test('a deleted persona comes back exactly, with its id, from the toast’s Undo', async ({ page }) => {
  await openApp(page, { seed: true });
  const before = (await stored(page)).personas.find((p) => p.name === 'Procurement Paul');
  await page.getByTestId('persona-card').filter({ hasText: 'Procurement Paul' }).click();
  await page.getByTestId('delete-persona').click();
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('persona-card')).toHaveCount(2);
  const toast = page.getByTestId('toast').filter({ hasText: '“Procurement Paul” was deleted.' });
  await toast.getByTestId('toast-action').click();
  await expect(page.getByTestId('persona-name')).toHaveValue('Procurement Paul');
  const after = (await stored(page)).personas.find((p) => p.name === 'Procurement Paul');
  expect(after).toEqual(before);
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('persona-card')).toHaveCount(3);
});

test('after Ctrl+Z and Ctrl+Shift+Z the focus is on the field that changed', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Tech-savvy Tara' }).click();
  const goals = page.locator('[data-module="goals"]').getByTestId('list-item');
  const second = goals.nth(1);
  const original = await second.inputValue();
  await second.fill('Spend less time comparing');
  await page.locator('[data-module="facts"]').getByTestId('fact-value').nth(3).click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await page.keyboard.press('Control+z');
  await expect(second).toHaveValue(original);
  await expect(second).toBeFocused();

  // Redo lands on the same item; a change to the quote lands on the quote.
  await page.getByTestId('persona-archetype').focus();
  await page.keyboard.press('Control+Shift+z');
  await expect(second).toHaveValue('Spend less time comparing');
  await expect(second).toBeFocused();

  await page.getByTestId('persona-quote').fill('New quote');
  await page.locator('[data-module="bio"] textarea').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('persona-quote')).toBeFocused();
  await expect(page.getByTestId('persona-quote')).not.toHaveValue('New quote');
});

test('a module is dragged by its grip to another place on the grid, and undo puts it back', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Tech-savvy Tara' }).click();
  const brands = page.locator('[data-module="brands"]');
  const personality = page.locator('[data-module="personality"]');
  const before = (await stored(page)).personas.find((p) => p.name === 'Tech-savvy Tara')!;
  const area = (p: typeof before, id: string) => (p.modules.find((m) => m.id === id) as unknown as { area: { col: number; row: number } }).area;

  await brands.hover();
  const grip = await brands.getByTestId('module-drag').boundingBox();
  const target = await personality.getByTestId('module-drag').boundingBox();
  await page.mouse.move(grip!.x + grip!.width / 2, grip!.y + grip!.height / 2);
  await page.mouse.down();
  await page.mouse.move(target!.x + target!.width / 2, target!.y + target!.height / 2, { steps: 12 });
  // While dragging, the drop place is outlined where the module would land.
  await expect(page.getByTestId('drop-target')).toBeVisible();
  await page.mouse.up();
  await expect(page.getByTestId('drop-target')).toHaveCount(0);

  // Brands now sits at the top of the right column; personality made room below it.
  await expect
    .poll(async () => {
      const [b, p] = [await brands.boundingBox(), await personality.boundingBox()];
      return Math.abs(b!.x - p!.x) < 4 && p!.y > b!.y + b!.height - 1;
    })
    .toBe(true);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const moved = (await stored(page)).personas.find((p) => p.name === 'Tech-savvy Tara')!;
  expect(area(moved, 'brands')).toMatchObject({ col: area(before, 'personality').col, row: 0 });
  await expect(brands.getByTestId('module-menu')).toBeFocused();

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const back = (await stored(page)).personas.find((p) => p.name === 'Tech-savvy Tara')!;
  expect(area(back, 'brands')).toEqual(area(before, 'brands'));
});
