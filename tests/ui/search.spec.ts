// The library's search, filters and sort, against the mock backend (which searches as
// the Rust side does; the Rust side has its own tests against a real library).
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const names = (page: Page) => page.getByTestId('persona-card-name');

async function addPersona(page: Page, name: string) {
  await page.getByTestId('new-persona').click();
  await page.getByTestId('new-persona-name').fill(name);
  await page.getByTestId('new-persona-submit').click();
  await expect(page.getByTestId('persona-name')).toHaveValue(name);
}

test('search finds text anywhere on a sheet, without regard to case or accents', async ({ page }) => {
  await openApp(page, { seed: true });
  await expect(names(page)).toHaveCount(3);
  const search = page.getByTestId('library-search');
  // A goal deep in Tara's sheet.
  await search.fill('AUTOMATION');
  await expect(names(page)).toHaveText(['Tech-savvy Tara']);
  await expect(page.getByTestId('search-status')).toHaveText('1 persona found');
  // Two words, each somewhere else on Fred's sheet.
  await search.fill('leeds coupon');
  await expect(names(page)).toHaveText(['Frugal Fred']);
  await search.fill('nothing like this');
  await expect(page.getByTestId('no-results')).toBeVisible();
  await page.getByTestId('clear-filters').click();
  await expect(search).toHaveValue('');
  await expect(names(page)).toHaveCount(3);

  // Text typed in the editor is found once saved, in any script, accents or not.
  await names(page).filter({ hasText: 'Frugal Fred' }).click();
  await page.locator('[data-module="bio"] textarea, [data-kind="text"] textarea').first().fill('Sống ở Hà Nội, thích 网上购物 и скидки.');
  await page.getByTestId('back-to-library').click();
  for (const q of ['ha noi', 'HÀ NỘI', '网上', 'СКИДКИ']) {
    await search.fill(q);
    await expect(names(page), q).toHaveText(['Frugal Fred']);
  }
});

test('filters by template and tag; Ctrl+F goes to the search box', async ({ page }) => {
  await openApp(page, { seed: true });
  await expect(names(page)).toHaveCount(3);
  await page.getByTestId('filter-template').selectOption({ label: 'B2B buyer' });
  await expect(names(page)).toHaveText(['Procurement Paul']);
  await page.getByTestId('filter-template').selectOption('');
  await page.getByTestId('filter-tag').selectOption('premium');
  await expect(names(page)).toHaveText(['Tech-savvy Tara']);
  await page.getByTestId('filter-tag').selectOption('');
  await expect(names(page)).toHaveCount(3);
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('library-search')).toBeFocused();
});

test('cards show the archetype, the quote, key facts and tags', async ({ page }) => {
  await openApp(page, { seed: true });
  const fred = page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' });
  await expect(fred).toContainText('Discount and coupon hunter');
  await expect(fred.getByTestId('persona-card-quote')).toContainText('I never pay full price');
  await expect(fred).toContainText('Suburbs of Leeds, UK');
  await expect(fred.getByTestId('persona-card-tags')).toContainText('coupons');
});

test('sort by last change puts the persona just edited first', async ({ page }) => {
  await openApp(page, { seed: true });
  await expect(names(page)).toHaveText(['Frugal Fred', 'Procurement Paul', 'Tech-savvy Tara']);
  await names(page).filter({ hasText: 'Procurement Paul' }).click();
  await page.getByTestId('persona-archetype').fill('Buys for 12 clinics');
  await page.getByTestId('back-to-library').click();
  await page.getByTestId('sort').selectOption('updated');
  await expect(names(page).first()).toHaveText('Procurement Paul');
  await page.getByTestId('sort').selectOption('name');
  await expect(names(page)).toHaveText(['Frugal Fred', 'Procurement Paul', 'Tech-savvy Tara']);
});

test('All personas lists every project; search can narrow it', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('new-project').click();
  await page.getByTestId('new-project-name').fill('Café Lumière');
  await page.getByTestId('new-project-submit').click();
  await addPersona(page, 'Barista Bea');
  await page.getByTestId('back-to-library').click();
  await expect(names(page)).toHaveText(['Barista Bea']);
  await page.getByTestId('all-personas').click();
  await expect(page.getByTestId('project-title')).toHaveText('All personas');
  await expect(names(page)).toHaveText(['Barista Bea', 'Frugal Fred', 'Procurement Paul', 'Tech-savvy Tara']);
  await expect(page.getByTestId('persona-card').filter({ hasText: 'Barista Bea' })).toContainText('Café Lumière');
  await page.getByTestId('library-search').fill('bea');
  await expect(names(page)).toHaveText(['Barista Bea']);
});

test('names sort by the rules of the UI language (Lithuanian: Y after I)', async ({ browser }) => {
  for (const [locale, expected] of [
    ['lt-LT', ['Ieva', 'Yla', 'Jonas', 'Zita', 'Žydrė']],
    ['en-GB', ['Ieva', 'Jonas', 'Yla', 'Zita', 'Žydrė']],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await openApp(page);
    await page.getByTestId('start-scratch').click();
    await page.getByTestId('new-project-name').fill('Vilnius');
    await page.getByTestId('new-project-submit').click();
    for (const name of ['Jonas', 'Žydrė', 'Yla', 'Zita', 'Ieva']) {
      await addPersona(page, name);
      await page.getByTestId('back-to-library').click();
    }
    await expect(names(page)).toHaveText([...expected]);
    await context.close();
  }
});
