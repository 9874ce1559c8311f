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

// The editor for docs/screenshots: light and dark, in English (the example store) and in
// Chinese (a persona created in the Chinese UI, so with the template's Chinese labels,
// some titles renamed in place).
const docs = '../docs/screenshots';

const ZH = {
  name: '王芳',
  archetype: '精打细算的年轻妈妈，周末逛社区团购',
  quote: '同样的奶粉，我会在三个平台上比价，再等一张优惠券。',
  titles: { facts: '基本信息', bio: '简介', goals: '目标', frustrations: '痛点', personality: '性格', motivations: '购买动机', channels: '常用渠道', brands: '品牌与博主' },
  // The labels are the template's own in Chinese (the persona is created in the Chinese UI).
  facts: [
    ['年龄', '32 岁'],
    ['性别', '女'],
    ['所在地', '杭州，租住两居室'],
    ['婚姻与家庭', '已婚'],
    ['子女', '一个两岁的女儿'],
    ['职业', '外贸公司财务专员'],
    ['家庭收入', '每月约 2 万元'],
    ['教育程度', '本科，会计学'],
    ['技术使用', '每天刷小红书和淘宝，习惯手机支付'],
  ],
  bio: '王芳白天在外贸公司做财务，晚上和周末照顾女儿。她把家里的开销记在一个表格里，买大件之前一定先看测评、比价格。她相信口碑，更相信自己算过的账。',
  goals: ['每月存下收入的三成', '给女儿买安全、性价比高的用品', '少花时间在比价上'],
  frustrations: ['优惠规则太复杂，算不清到底便宜多少', '直播间的价格第二天就变了', '退货流程麻烦，运费还要自己付'],
  personality: [
    ['内向', '外向', 35],
    ['理性', '感性', 25],
    ['节俭', '享受', 20],
    ['谨慎', '冒险', 30],
  ],
  motivations: [['价格', 90], ['便利', 70], ['品质', 75], ['速度', 40], ['面子', 15]],
  channels: [['小红书', 85], ['淘宝直播', 60], ['微信群', 80], ['抖音', 45], ['亲友推荐', 90]],
  brands: ['拼多多', '盒马', '小红书', '网易严选'],
};

async function fillChinesePersona(page: import('@playwright/test').Page) {
  await page.getByTestId('persona-archetype').fill(ZH.archetype);
  await page.getByTestId('persona-quote').fill(ZH.quote);
  for (const [id, title] of Object.entries(ZH.titles)) {
    await page.locator(`[data-module="${id}"] [data-testid="module-title"]`).fill(title);
  }
  const facts = page.locator('[data-module="facts"]');
  for (const [i, [label, value]] of ZH.facts.entries()) {
    await facts.getByTestId('fact-label').nth(i).fill(label!);
    await facts.getByTestId('fact-value').nth(i).fill(value!);
  }
  await page.locator('[data-module="bio"] textarea').fill(ZH.bio);
  for (const [id, items] of [['goals', ZH.goals], ['frustrations', ZH.frustrations]] as const) {
    for (const item of items) {
      await page.locator(`[data-module="${id}"] [data-testid="list-add"]`).fill(item);
      await page.locator(`[data-module="${id}"] [data-testid="list-add"]`).press('Enter');
    }
  }
  const setSliders = async (id: string, rows: ReadonlyArray<readonly (string | number)[]>) => {
    const m = page.locator(`[data-module="${id}"]`);
    for (const [i, row] of rows.entries()) {
      await m.getByTestId('slider-left').nth(i).fill(String(row[0]));
      if (row.length === 3) await m.getByTestId('slider-right').nth(i).fill(String(row[1]));
      await m.getByTestId('slider').nth(i).fill(String(row[row.length - 1]));
    }
  };
  await setSliders('personality', ZH.personality);
  await setSliders('motivations', ZH.motivations);
  await setSliders('channels', ZH.channels);
  for (const tag of ZH.brands) {
    await page.locator('[data-module="brands"] [data-testid="tag-add"]').fill(tag);
    await page.locator('[data-module="brands"] [data-testid="tag-add"]').press('Enter');
  }
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
}

for (const scheme of ['light', 'dark'] as const) {
  test(`docs: editor in English (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-GB', colorScheme: scheme, viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await openApp(page, { seed: true });
    await page.getByTestId('persona-card').filter({ hasText: 'Tech-savvy Tara' }).click();
    await expect(page.getByTestId('persona-name')).toHaveValue('Tech-savvy Tara');
    // Show the module menu, as a user arranging the sheet would see it.
    await page.locator('[data-module="goals"] [data-testid="module-menu"]').click();
    await page.mouse.move(0, 500);
    await page.screenshot({ path: `${docs}/editor-en-${scheme}.png` });
    await context.close();
  });

  test(`docs: editor in Chinese (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-CN', colorScheme: scheme, viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await openApp(page, { seed: true });
    await page.getByTestId('new-persona').click();
    await page.getByTestId('new-persona-name').fill(ZH.name);
    await page.getByTestId('new-persona-submit').click();
    await expect(page.getByTestId('persona-name')).toHaveValue(ZH.name);
    await fillChinesePersona(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.querySelector('.canvas')?.scrollTo(0, 0));
    await page.screenshot({ path: `${docs}/editor-zh-${scheme}.png` });
    if (scheme === 'light') {
      await page.getByTestId('back-to-library').click();
      await page.getByTestId('all-personas').click();
      await expect(page.getByTestId('persona-card')).toHaveCount(4);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${docs}/library-zh-light.png` });
    }
    await context.close();
  });
}
