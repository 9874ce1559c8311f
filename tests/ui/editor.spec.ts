import { expect, openApp, stored, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Tech-savvy Tara' }).click();
  await expect(page.getByTestId('persona-name')).toHaveValue('Tech-savvy Tara');
});

test('the sheet shows every module of the template on its grid', async ({ page }) => {
  for (const id of ['header', 'facts', 'bio', 'goals', 'frustrations', 'personality', 'motivations', 'channels', 'brands']) {
    await expect(page.locator(`[data-module="${id}"]`)).toBeVisible();
  }
  await expect(page.getByTestId('fact-value')).toHaveCount(8);
  await expect(page.getByTestId('fact-value').first()).toHaveValue('36 (typical range 30–45)');
  const header = await page.locator('[data-module="header"]').boundingBox();
  const bio = await page.locator('[data-module="bio"]').boundingBox();
  expect(bio!.x).toBeGreaterThan(header!.x + header!.width - 1);
  // Bipolar sliders show both poles (editable in place).
  const personality = page.locator('[data-module="personality"]');
  await expect(personality.getByTestId('slider-left').first()).toHaveValue('Introvert');
  await expect(personality.getByTestId('slider-right').first()).toHaveValue('Extrovert');
  await expect(personality.getByTestId('slider').first()).toHaveAccessibleName('Introvert – Extrovert');
});

test('list items: Enter adds one, Backspace on an empty one removes it', async ({ page }) => {
  const goals = page.locator('[data-module="goals"]');
  const items = goals.getByTestId('list-item');
  await expect(items).toHaveCount(4);
  await items.nth(1).click();
  await items.nth(1).press('End');
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(5);
  await expect(items.nth(2)).toBeFocused();
  await page.keyboard.type('Sleep better with automation');
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(6);
  await page.keyboard.press('Backspace');
  await expect(items).toHaveCount(5);
  await expect(items.nth(2)).toBeFocused();

  await goals.getByTestId('list-add').fill('Spend less time on chores');
  await goals.getByTestId('list-add').press('Enter');
  await expect(items).toHaveCount(6);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const tara = (await stored(page)).personas.find((p) => p.name === 'Tech-savvy Tara');
  const list = tara?.modules.find((m) => m.id === 'goals')?.body.items;
  expect(list?.[2]).toBe('Sleep better with automation');
  expect(list?.[5]).toBe('Spend less time on chores');
});

test('tags are added with Enter and removed with their button', async ({ page }) => {
  const brands = page.locator('[data-module="brands"]');
  await expect(brands.getByTestId('tag')).toHaveCount(7);
  await brands.getByTestId('tag-add').fill('IKEA');
  await brands.getByTestId('tag-add').press('Enter');
  await expect(brands.getByTestId('tag')).toHaveCount(8);
  await brands.getByRole('button', { name: 'Remove “Apple”' }).click();
  await expect(brands.getByTestId('tag')).toHaveCount(7);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const tags = (await stored(page)).personas.find((p) => p.name === 'Tech-savvy Tara')?.modules.find((m) => m.id === 'brands')?.body.tags;
  expect(tags).toContain('IKEA');
  expect(tags).not.toContain('Apple');
});

test('sliders move with the keyboard and are saved', async ({ page }) => {
  const slider = page.locator('[data-module="motivations"]').getByTestId('slider').first();
  await expect(slider).toHaveValue('25');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('27');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const tara = (await stored(page)).personas.find((p) => p.name === 'Tech-savvy Tara');
  expect(tara?.modules.find((m) => m.id === 'motivations')?.body.rows?.[0]?.value).toBe(27);
});

test('empty modules show their hint', async ({ page }) => {
  await page.getByTestId('back-to-library').click();
  await page.getByTestId('new-persona').click();
  await page.getByTestId('new-persona-name').fill('Blank Bob');
  await page.getByTestId('new-persona-submit').click();
  await expect(page.locator('[data-module="bio"] textarea')).toHaveAttribute('placeholder', /Three or four sentences/);
  await expect(page.locator('[data-module="goals"]')).toContainText('Start each with a verb');
  await expect(page.locator('[data-module="brands"]')).toContainText('Brands they love');
  await expect(page.locator('[data-module="facts"]')).toContainText('Demographics from your survey');
});

test('notes beside the sheet are shown and saved', async ({ page }) => {
  const notes = page.getByTestId('persona-notes');
  await expect(notes).toHaveValue(/148 survey answers/);
  await notes.fill('Re-check against the 2027 survey.');
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('persona-card')).toHaveCount(3);
  const tara = (await stored(page)).personas.find((p) => p.name === 'Tech-savvy Tara') as unknown as { notes: string };
  expect(tara.notes).toBe('Re-check against the 2027 survey.');
});
