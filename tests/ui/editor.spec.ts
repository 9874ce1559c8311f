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

// The bar holds the persona's name and every action in every language: where the words
// of the secondary actions do not fit they become icons, still named for screen readers.
test('the editor bar fits at 1440 and 1280 pixels in all five languages, and shows words where they fit', async ({ page }) => {
  await openApp(page, { seed: true });
  const bar = page.locator('header.bar');
  const fits = () => bar.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  const actions = ['undo', 'redo', 'add-module', 'duplicate-persona', 'export-sheet', 'save-template', 'share-persona', 'delete-persona'];
  for (const lang of ['en', 'zh', 'ru', 'vi', 'lt']) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-language').selectOption(lang);
    await page.keyboard.press('Escape');
    await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await expect.poll(fits, { message: `${lang} at ${width}px` }).toBe(true);
      for (const id of actions) {
        const box = (await page.getByTestId(id).first().boundingBox())!;
        expect(box.x + box.width, `${id} (${lang}, ${width}px)`).toBeLessThanOrEqual(width);
        await expect(page.getByTestId(id).first(), `${id} is named`).toHaveAccessibleName(/\S/);
      }
      await expect(page.getByTestId('persona-name')).toBeVisible();
      const crumb = (await page.locator('.crumbs .current').boundingBox())!;
      expect(crumb.width, `the name in the bar (${lang}, ${width}px)`).toBeGreaterThan(40);
    }
    await page.getByTestId('back-to-library').click();
  }
  // On a wide screen the words come back.
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-language').selectOption('en');
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 2400, height: 1000 });
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  await expect(page.getByTestId('share-persona')).toContainText('Share');
  await expect(page.getByTestId('share-persona').locator('.label')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByTestId('share-persona').locator('.label')).toBeHidden();
  await page.setViewportSize({ width: 2400, height: 1000 });
  await expect(page.getByTestId('share-persona').locator('.label')).toBeVisible();
});
