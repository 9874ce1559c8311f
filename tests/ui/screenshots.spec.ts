// Pictures of the main screens for looking at, not golden tests: run with
// SCREENSHOTS=1 npm run test:ui -- screenshots; they land in tests/output/screenshots/.
import { expect, openApp, test } from './fixtures';

const dir = '../tests/output/screenshots';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(scheme, () => {
    test.use({ colorScheme: scheme });

    test(`welcome (${scheme})`, async ({ page }) => {
      await openApp(page);
      await expect(page.getByTestId('install-example')).toBeVisible();
      await page.screenshot({ path: `${dir}/welcome-${scheme}.png` });
    });

    test(`library (${scheme})`, async ({ page }) => {
      await openApp(page, { seed: true });
      await expect(page.getByTestId('persona-card')).toHaveCount(3);
      await page.getByTestId('new-project').click();
      await page.getByTestId('new-project-name').fill('Café Lumière');
      await page.getByTestId('new-project-submit').click();
      await page.getByTestId('project-item').filter({ hasText: 'Example store' }).click();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${dir}/library-${scheme}.png` });
      await page.getByTestId('new-persona').click();
      await page.getByTestId('new-persona-name').fill('Budget Betty');
      await page.screenshot({ path: `${dir}/new-persona-${scheme}.png` });
    });

    for (const name of ['Frugal Fred', 'Tech-savvy Tara', 'Procurement Paul']) {
      test(`editor ${name} (${scheme})`, async ({ page }) => {
        await openApp(page, { seed: true });
        await page.getByTestId('persona-card').filter({ hasText: name }).click();
        await expect(page.getByTestId('persona-name')).toHaveValue(name);
        await page.mouse.move(0, 0);
        const slug = name.split(' ')[1]!.toLowerCase();
        await page.screenshot({ path: `${dir}/editor-${slug}-${scheme}.png` });
        await page.screenshot({ path: `${dir}/editor-${slug}-${scheme}-full.png`, fullPage: true });
      });
    }
  });
}

for (const [locale, code] of [['zh-CN', 'zh'], ['ru-RU', 'ru'], ['vi-VN', 'vi'], ['lt-LT', 'lt']] as const) {
  test(`library and editor in ${code}`, async ({ browser }) => {
    const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await openApp(page, { seed: true });
    await expect(page.getByTestId('persona-card')).toHaveCount(3);
    await page.screenshot({ path: `${dir}/library-${code}.png` });
    await page.getByTestId('new-persona').click();
    await page.getByTestId('new-persona-name').fill(code === 'zh' ? '王芳' : code === 'ru' ? 'Ирина Волкова' : code === 'vi' ? 'Đặng Thu Hà' : 'Rūta Žemaitė');
    await page.getByTestId('new-persona-submit').click();
    await expect(page.getByTestId('persona-name')).toBeVisible();
    await page.screenshot({ path: `${dir}/editor-new-${code}.png` });
    await context.close();
  });
}
