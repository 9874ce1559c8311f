// In-place editing beyond single fields: undo and redo, modules added, removed, moved
// and resized on the grid, rows added and removed, input methods, and the editor in
// another language. Every test checks what the mock backend stored, not only the page.
import type { Page } from '@playwright/test';
import { expect, openApp, stored, test } from './fixtures';

const TARA = 'Tech-savvy Tara';

async function tara(page: Page) {
  return (await stored(page)).personas.find((p) => p.name === TARA)!;
}

/** The stored persona, once the status pill says everything is on disk. */
async function saved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  return tara(page);
}

type StoredModule = { id: string; title: string; area: { col: number; row: number; cols: number; rows: number }; body: { kind: string; rows?: Array<{ label?: string; left?: string; right?: string; value: string | number }>; items?: string[] } };
const modules = async (page: Page) => (await saved(page)).modules as unknown as StoredModule[];
const moduleOf = async (page: Page, id: string) => (await modules(page)).find((m) => m.id === id);

test.beforeEach(async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: TARA }).click();
  await expect(page.getByTestId('persona-name')).toHaveValue(TARA);
});

test('Ctrl+Z undoes a burst of typing as one step, Ctrl+Shift+Z and Ctrl+Y redo, and each is saved', async ({ page }) => {
  const age = page.getByTestId('fact-value').first();
  const undo = page.getByTestId('undo');
  const redo = page.getByTestId('redo');
  await expect(undo).toBeDisabled();
  await age.fill('');
  await age.pressSequentially('41 years', { delay: 20 });
  await expect(undo).toBeEnabled();
  expect((await moduleOf(page, 'facts'))?.body.rows?.[0]?.value).toBe('41 years');

  await page.keyboard.press('Control+z');
  // fill('') and the typing are one burst on one field: one undo restores the start.
  await expect(age).toHaveValue('36 (typical range 30–45)');
  expect((await moduleOf(page, 'facts'))?.body.rows?.[0]?.value).toBe('36 (typical range 30–45)');
  await expect(undo).toBeDisabled();

  await page.keyboard.press('Control+Shift+z');
  await expect(age).toHaveValue('41 years');
  expect((await moduleOf(page, 'facts'))?.body.rows?.[0]?.value).toBe('41 years');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect(age).toHaveValue('41 years');

  // The toolbar buttons do the same, and say what they do.
  await expect(undo).toHaveAccessibleName('Undo');
  await undo.click();
  await expect(age).toHaveValue('36 (typical range 30–45)');
  await redo.click();
  await expect(age).toHaveValue('41 years');
  expect((await moduleOf(page, 'facts'))?.body.rows?.[0]?.value).toBe('41 years');
});

test('undo covers lists, tags, sliders and the header', async ({ page }) => {
  const goals = page.locator('[data-module="goals"]');
  await goals.getByTestId('list-add').fill('Spend less time on chores');
  await goals.getByTestId('list-add').press('Enter');
  await expect(goals.getByTestId('list-item')).toHaveCount(5);
  const brands = page.locator('[data-module="brands"]');
  await brands.getByRole('button', { name: 'Remove “Apple”' }).click();
  const slider = page.locator('[data-module="motivations"]').getByTestId('slider').first();
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('27');
  await page.getByTestId('persona-archetype').fill('Gadget lover');

  for (let i = 0; i < 4; i += 1) await page.getByTestId('undo').click();
  await expect(page.getByTestId('persona-archetype')).toHaveValue('Urban early adopter of premium smart-home gadgets');
  await expect(slider).toHaveValue('25');
  await expect(brands.getByTestId('tag')).toHaveCount(7);
  await expect(goals.getByTestId('list-item')).toHaveCount(4);
  const stored = await saved(page);
  expect(stored.archetype).toBe('Urban early adopter of premium smart-home gadgets');
  expect(stored.modules.find((m) => m.id === 'brands')?.body.tags).toContain('Apple');
  expect(stored.modules.find((m) => m.id === 'goals')?.body.items).toHaveLength(4);
});

test('add a module from the toolbar with the keyboard, name it, and fill it', async ({ page }) => {
  const add = page.getByTestId('add-module');
  await add.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Add module' });
  await expect(menu).toBeVisible();
  await expect(page.getByTestId('add-module-facts')).toBeFocused();
  // facts, text, list, bipolar sliders
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('add-module-sliders-bipolar')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();

  const added = page.locator('[data-module="sliders-1"]');
  await expect(added).toBeVisible();
  const title = added.getByTestId('module-title');
  await expect(title).toBeFocused();
  await expect(title).toHaveValue('Sliders between two poles');
  await title.fill('Shopping style');
  // Title, then the module's menu, then its content.
  await page.keyboard.press('Tab');
  await expect(added.getByTestId('module-menu')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(added.getByTestId('slider-left')).toBeFocused();
  await page.keyboard.type('Thrifty');
  await page.keyboard.press('Tab');
  await page.keyboard.press('End');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Lavish');
  await added.getByTestId('slider-add').click();
  await expect(added.getByTestId('slider')).toHaveCount(2);
  await expect(added.getByTestId('slider-left').nth(1)).toBeFocused();
  await page.keyboard.type('Planner');

  const m = await moduleOf(page, 'sliders-1');
  expect(m?.title).toBe('Shopping style');
  expect(m?.body).toEqual({
    kind: 'sliders',
    scale: 'bipolar',
    rows: [
      { left: 'Thrifty', right: 'Lavish', value: 100 },
      { left: 'Planner', right: '', value: 50 },
    ],
  });
  // The template's grid is full: the new module goes below everything, a third wide.
  expect(m?.area).toEqual({ col: 0, row: 8, cols: 4, rows: 2 });
  await expect(added.getByTestId('slider').first()).toHaveAccessibleName('Thrifty – Lavish');
});

test('every kind of module can be added', async ({ page }) => {
  const kinds = ['facts', 'text', 'list', 'sliders-bipolar', 'sliders-unipolar', 'tags', 'image', 'chart'];
  for (const kind of kinds) {
    await page.getByTestId('add-module').click();
    await page.getByTestId(`add-module-${kind}`).click();
  }
  const stored = await modules(page);
  expect(stored.slice(-kinds.length).map((m) => `${m.body.kind}:${m.id}`)).toEqual([
    'facts:facts-1',
    'text:text-1',
    'list:list-1',
    'sliders:sliders-1',
    'sliders:sliders-2',
    'tags:tags-1',
    'image:image-1',
    'chart:chart-1',
  ]);
  // They do not fit on the template's page: the sheet says where the page ends.
  await expect(page.getByTestId('page-edge')).toBeVisible();
  // Placed on the grid without overlapping anything.
  const cells = new Set<string>();
  for (const m of stored) {
    for (let r = m.area.row; r < m.area.row + m.area.rows; r += 1) {
      for (let c = m.area.col; c < m.area.col + m.area.cols; c += 1) {
        expect(cells.has(`${r}:${c}`), `${m.id} overlaps at ${r}:${c}`).toBe(false);
        cells.add(`${r}:${c}`);
      }
    }
  }
});

test('remove a module from its menu, and bring it back with the toast or Ctrl+Z', async ({ page }) => {
  const bio = page.locator('[data-module="bio"]');
  await bio.hover();
  await bio.getByTestId('module-menu').click();
  await page.getByTestId('module-action-remove').click();
  await expect(bio).toHaveCount(0);
  expect((await modules(page)).map((m) => m.id)).not.toContain('bio');
  // The column closes up.
  expect((await moduleOf(page, 'goals'))?.area.row).toBe(0);
  await expect(page.getByTestId('page-edge')).toHaveCount(0);

  await page.getByTestId('toast-action').click();
  await expect(bio).toBeVisible();
  expect((await moduleOf(page, 'bio'))?.area).toEqual({ col: 4, row: 0, cols: 4, rows: 2 });
  expect((await moduleOf(page, 'goals'))?.area.row).toBe(2);

  await page.getByTestId('redo').click();
  await expect(bio).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(bio).toBeVisible();
  await expect(bio.locator('textarea')).toHaveValue(/Tara automates everything/);
});

test('the header module cannot be removed (it holds the name)', async ({ page }) => {
  const header = page.locator('[data-module="header"]');
  await header.hover();
  await header.getByTestId('module-menu').click();
  await expect(page.getByTestId('module-action-up')).toBeDisabled();
  await expect(page.getByTestId('module-action-remove')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(header.getByTestId('module-menu')).toBeFocused();
});

test('reorder with Alt+Shift+arrows and with the menu; the sheet and the stored grid agree', async ({ page }) => {
  const goals = page.locator('[data-module="goals"]');
  const bio = page.locator('[data-module="bio"]');
  const item = goals.getByTestId('list-item').first();
  await item.click();
  await page.keyboard.press('Alt+Shift+ArrowUp');
  // The field keeps the focus, so the user can go on moving or typing.
  await expect(item).toBeFocused();
  expect((await goals.boundingBox())!.y).toBeLessThan((await bio.boundingBox())!.y);
  expect((await moduleOf(page, 'goals'))?.area).toEqual({ col: 4, row: 0, cols: 4, rows: 2 });
  expect((await moduleOf(page, 'bio'))?.area).toEqual({ col: 4, row: 2, cols: 4, rows: 2 });
  // Tab order follows the sheet: goals now comes before bio.
  const ids = (await modules(page)).map((m) => m.id);
  expect(ids.indexOf('goals')).toBeLessThan(ids.indexOf('bio'));

  await page.keyboard.press('Alt+Shift+ArrowRight');
  expect((await moduleOf(page, 'goals'))?.area.col).toBe(8);
  expect((await goals.boundingBox())!.x).toBeGreaterThan((await bio.boundingBox())!.x);

  // In the next column it takes its place at its own height, below what is there.
  expect((await moduleOf(page, 'personality'))?.area).toEqual({ col: 8, row: 0, cols: 4, rows: 2 });
  expect((await moduleOf(page, 'goals'))?.area).toEqual({ col: 8, row: 2, cols: 4, rows: 2 });
  expect((await moduleOf(page, 'bio'))?.area).toEqual({ col: 4, row: 0, cols: 4, rows: 2 });

  // Back with the menu, from the keyboard only.
  const menuButton = goals.getByTestId('module-menu');
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('module-action-up')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('module-action-left')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menuButton).toBeFocused();
  expect((await moduleOf(page, 'goals'))?.area.col).toBe(4);
  expect((await moduleOf(page, 'motivations'))?.area.row).toBe(2);
  // Up until it is under bio again: the template's order.
  while ((await moduleOf(page, 'goals'))?.area.row !== 2) {
    await page.keyboard.press('Enter');
    await page.getByTestId('module-action-up').click();
  }
  expect((await moduleOf(page, 'bio'))?.area).toEqual({ col: 4, row: 0, cols: 4, rows: 2 });
  expect((await moduleOf(page, 'frustrations'))?.area).toEqual({ col: 4, row: 4, cols: 4, rows: 2 });
});

test('resize a module: wider, taller, narrower, shorter', async ({ page }) => {
  const brands = page.locator('[data-module="brands"]');
  const before = (await brands.boundingBox())!;
  const choose = async (action: string) => {
    await brands.getByTestId('module-menu').click();
    await page.getByTestId(`module-action-${action}`).click();
  };
  await choose('taller');
  expect((await moduleOf(page, 'brands'))?.area).toEqual({ col: 4, row: 6, cols: 4, rows: 3 });
  await choose('narrower');
  expect((await moduleOf(page, 'brands'))?.area).toEqual({ col: 4, row: 6, cols: 3, rows: 3 });
  const after = (await brands.boundingBox())!;
  expect(after.width).toBeLessThan(before.width * 0.85);
  await choose('wider');
  await choose('shorter');
  expect((await moduleOf(page, 'brands'))?.area).toEqual({ col: 4, row: 6, cols: 4, rows: 2 });
  await expect(page.getByTestId('redo')).toBeDisabled();
});

test('rename a module title and a fact label; add and remove fact rows', async ({ page }) => {
  const facts = page.locator('[data-module="facts"]');
  await facts.getByTestId('module-title').fill('Demographics');
  await facts.getByTestId('fact-label').nth(1).fill('Gender identity');
  await facts.getByTestId('fact-add').click();
  await expect(facts.getByTestId('fact-label')).toHaveCount(9);
  await expect(facts.getByTestId('fact-label').last()).toBeFocused();
  await page.keyboard.type('Pets');
  await page.keyboard.press('Tab');
  await page.keyboard.type('A cat called Byte');
  await facts.getByRole('button', { name: 'Remove the row “Education”' }).click();
  await expect(facts.getByTestId('fact-label')).toHaveCount(8);

  const m = await moduleOf(page, 'facts');
  expect(m?.title).toBe('Demographics');
  expect(m?.body.rows?.map((r) => r.label)).toEqual([
    'Age', 'Gender identity', 'Location', 'Family status', 'Occupation', 'Household income', 'Technology use', 'Pets',
  ]);
  expect(m?.body.rows?.at(-1)).toEqual({ label: 'Pets', value: 'A cat called Byte' });
  await expect(page.locator('[data-module="facts"]')).toHaveAttribute('aria-label', 'Demographics');
});

test('input methods: nothing is saved or recorded mid-composition; one undo takes the word back', async ({ page }) => {
  const bio = page.locator('[data-module="bio"] textarea');
  await bio.fill('');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const calls = () =>
    page.evaluate(() => (window as unknown as { __PERSONA_STUDIO_MOCK__: { calls: string[] } }).__PERSONA_STUDIO_MOCK__.calls.filter((c) => c === 'save_persona').length);
  const before = await calls();
  await page.keyboard.press('Tab'); // leave the field: the clearing is its own step
  await bio.focus();

  // Chromium's real IME path: compositionstart/update, input with isComposing, compositionend.
  const cdp = await page.context().newCDPSession(page);
  for (const text of ['w', 'wo', 'wom', 'women']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await expect(bio).toHaveValue('women');
  // Ctrl+Z while composing belongs to the input method, not to the sheet's history.
  await page.evaluate(() => {
    const el = document.querySelector<HTMLTextAreaElement>('[data-module="bio"] textarea')!;
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, isComposing: true, bubbles: true }));
  });
  await page.waitForTimeout(700); // longer than the autosave delay: nothing may be saved
  expect(await calls()).toBe(before);
  await expect(bio).toHaveValue('women');

  await cdp.send('Input.insertText', { text: '我们' });
  await expect(bio).toHaveValue('我们');
  await page.keyboard.type('喜欢');
  const s = await saved(page);
  expect(s.modules.find((m) => m.id === 'bio')?.body).toEqual({ kind: 'text', text: '我们喜欢' });

  await page.keyboard.press('Control+z');
  await expect(bio).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(bio).toHaveValue('我们喜欢');
});

test('the editor follows the chosen language', async ({ page }) => {
  await page.getByTestId('back-to-library').click();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-language').selectOption('zh');
  await page.keyboard.press('Escape');
  await page.getByTestId('persona-card').filter({ hasText: TARA }).click();
  await expect(page.getByTestId('undo')).toContainText('撤销');
  await expect(page.getByTestId('add-module')).toContainText('添加模块');
  await page.getByTestId('add-module').click();
  await expect(page.getByTestId('add-module-sliders-bipolar')).toContainText('双极滑块');
  await page.getByTestId('add-module-tags').click();
  await expect(page.locator('[data-module="tags-1"] [data-testid="module-title"]')).toHaveValue('标签');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('duplicate a module: the copy sits right below with the same content; undo removes it', async ({ page }) => {
  const goals = page.locator('[data-module="goals"]');
  await goals.getByTestId('module-menu').click();
  await page.getByTestId('module-action-duplicate').click();
  const copy = page.locator('[data-module="list-1"]');
  await expect(copy.getByTestId('module-title')).toBeFocused();
  await expect(copy.getByTestId('module-title')).toHaveValue('Goals (copy)');
  await expect(copy.getByTestId('list-item')).toHaveCount(4);
  const m = await modules(page);
  const area = (id: string) => m.find((x) => x.id === id)!.area;
  expect(area('list-1')).toEqual({ col: 4, row: 4, cols: 4, rows: 2 });
  expect(area('frustrations')).toEqual({ col: 4, row: 6, cols: 4, rows: 2 });
  expect(m.map((x) => x.id).indexOf('list-1')).toBe(m.map((x) => x.id).indexOf('goals') + 1);
  await page.keyboard.press('Control+z');
  await expect(copy).toHaveCount(0);
  expect((await moduleOf(page, 'frustrations'))?.area.row).toBe(4);
});

test('tags on the persona itself are edited beside the sheet and filter the library', async ({ page }) => {
  const add = page.getByTestId('persona-tag-add');
  await expect(page.getByTestId('persona-tag')).toHaveCount(4);
  await add.fill('berlin');
  await add.press('Enter');
  await expect(page.getByTestId('persona-tag')).toHaveCount(5);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect(((await tara(page)) as unknown as { tags: string[] }).tags).toContain('berlin');
  await page.getByTestId('back-to-library').click();
  await page.getByTestId('filter-tag').selectOption('berlin');
  await expect(page.getByTestId('persona-card-name')).toHaveText([TARA]);
});

test('Tab goes through the sheet in reading order, the photo and the name first', async ({ page }) => {
  await page.getByTestId('delete-persona').focus();
  const order: string[] = [];
  for (let i = 0; i < 9; i += 1) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const module = el.closest('[data-module]')?.getAttribute('data-module') ?? '';
        return `${module}:${el.dataset.testid ?? el.tagName.toLowerCase()}`;
      }),
    );
  }
  expect(order).toEqual([
    'header:photo-choose',
    'header:persona-name',
    'header:persona-archetype',
    'header:persona-quote',
    'header:module-menu',
    'facts:module-title',
    'facts:module-menu',
    'facts:fact-label',
    'facts:fact-value',
  ]);
});
