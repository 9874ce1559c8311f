import { expect, openApp, stored, test } from './fixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';

test('user text is shown as text, never as markup', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('new-persona').click();
  await page.getByTestId('new-persona-name').fill(HOSTILE);
  await page.getByTestId('new-persona-submit').click();
  await expect(page.getByTestId('persona-name')).toHaveValue(HOSTILE);
  await page.getByTestId('persona-archetype').fill('<b>bold</b> & <script>alert(2)</script>');
  await page.locator('[data-module="brands"]').getByTestId('tag-add').fill('<i>tag</i>');
  await page.locator('[data-module="brands"]').getByTestId('tag-add').press('Enter');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.locator('[data-module="brands"]').getByTestId('tag')).toHaveText('<i>tag</i>');
  await expect(page.locator('.crumbs')).toContainText(HOSTILE);

  await page.getByTestId('back-to-library').click();
  const card = page.getByTestId('persona-card').filter({ hasText: HOSTILE });
  await expect(card.getByTestId('persona-card-name')).toHaveText(HOSTILE);
  await expect(card).toContainText('<b>bold</b> & <script>alert(2)</script>');
  // No element was made from the text anywhere in the page.
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.locator('main b, main i, main script')).toHaveCount(0);
  expect((await stored(page)).personas.some((p) => p.name === HOSTILE)).toBe(true);
  // The fixture fails the test if alert() ever ran.
});

test('the production build runs under the app CSP without violations', async ({ page }) => {
  const response = await page.goto('/?backend=mock&seed=example');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByTestId('persona-card')).toHaveCount(3);
  await page.getByTestId('persona-card').first().click();
  await expect(page.getByTestId('persona-name')).toBeVisible();
  // Console errors (which is how Chromium reports CSP violations) fail the fixture.
});
