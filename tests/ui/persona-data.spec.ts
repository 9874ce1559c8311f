// Presets, photos, duplicate, move and brands, in the real UI against the mock backend.
import type { Page } from '@playwright/test';
import { expect, openApp, stored, test } from './fixtures';

/** A 2×2 PNG, byte for byte (valid: the crop step decodes it in the page). */
const PNG = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
  0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a, 0x73, 0x00, 0x00, 0x00, 0x10, 0x49,
  0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x38, 0x61, 0x63, 0x03, 0x44, 0x0c, 0x10, 0x0a, 0x00, 0x25, 0x3e, 0x05, 0x01,
  0x9c, 0x98, 0x3b, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];
const GIF = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x3b];

/** Drops a file with these bytes on the element with `testid`, as a desktop drop would. */
async function drop(page: Page, testid: string, bytes: number[], name: string, type: string) {
  const data = await page.evaluateHandle(
    ({ bytes, name, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
      return dt;
    },
    { bytes, name, type },
  );
  await page.getByTestId(testid).dispatchEvent('drop', { dataTransfer: data });
}

type MockPhotos = { calls: string[]; photoCrops: Array<{ x: number; y: number; width: number; height: number } | null> };

async function mockCalls(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __PERSONA_STUDIO_MOCK__: MockPhotos }).__PERSONA_STUDIO_MOCK__.calls);
}

async function photoCrops(page: Page): Promise<MockPhotos['photoCrops']> {
  return page.evaluate(() => (window as unknown as { __PERSONA_STUDIO_MOCK__: MockPhotos }).__PERSONA_STUDIO_MOCK__.photoCrops);
}

/** A w×h PNG drawn in the page: red on the left half, blue on the right. */
async function twoTonePng(page: Page, w: number, h: number): Promise<number[]> {
  return page.evaluate(
    async ({ w, h }) => {
      const canvas = new OffscreenCanvas(w, h);
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#d33';
      g.fillRect(0, 0, w / 2, h);
      g.fillStyle = '#33d';
      g.fillRect(w / 2, 0, w / 2, h);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      return [...new Uint8Array(await blob.arrayBuffer())];
    },
    { w, h },
  );
}

test('the crop step places a wide photo in the round frame by drag, zoom and keys; Esc stores nothing', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  const wide = await twoTonePng(page, 300, 200);
  const dialog = page.getByTestId('photo-crop-dialog');

  // Esc leaves without storing anything.
  await drop(page, 'photo-drop', wide, 'wide.png', 'image/png');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('crop-image')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await mockCalls(page)).not.toContain('set_persona_photo');

  // Untouched, the frame keeps the centre square.
  await drop(page, 'photo-drop', wide, 'wide.png', 'image/png');
  await page.getByTestId('crop-apply').click();
  await expect(page.getByTestId('avatar-photo')).toBeVisible();
  expect((await photoCrops(page)).at(-1)).toEqual({ x: 50, y: 0, width: 200, height: 200 });

  // From the keyboard: zoom in twice, then move the frame to the left edge.
  await drop(page, 'photo-drop', wide, 'wide.png', 'image/png');
  const frame = dialog.getByTestId('crop-frame');
  await frame.focus();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.getByTestId('crop-apply').click();
  await expect(dialog).toHaveCount(0);
  const keyed = (await photoCrops(page)).at(-1)!;
  expect(keyed.width).toBe(keyed.height);
  expect(keyed.width).toBeLessThan(200);
  expect(keyed.x).toBe(0);

  // With the mouse: the slider zooms, dragging the picture left shows its right side.
  await drop(page, 'photo-drop', wide, 'wide.png', 'image/png');
  await dialog.getByTestId('crop-zoom').fill('2');
  const box = (await frame.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 10, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.screenshot({ path: '../tests/output/photo-crop.png' });
  await page.getByTestId('crop-apply').click();
  const dragged = (await photoCrops(page)).at(-1)!;
  expect(dragged.width).toBe(100);
  expect(dragged.x).toBeGreaterThan(100);
  expect(dragged.x + dragged.width).toBeLessThanOrEqual(300);
});

test('a preset prefills a new e-commerce persona', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('new-persona').click();
  await page.getByTestId('new-persona-name').fill('Coupon Carla');
  await expect(page.getByTestId('new-persona-preset')).toHaveCount(0);
  await page.getByTestId('new-persona-template').selectOption('ecommerce-shopper');
  await page.getByTestId('new-persona-preset').selectOption('coupon-hunter');
  await expect(page.getByTestId('new-persona-dialog')).toContainText('Never pays full price');
  await page.getByTestId('new-persona-submit').click();
  await expect(page.getByTestId('persona-archetype')).toHaveValue('Discount and coupon hunter');
  await expect(page.locator('[data-module="drivers"]').getByTestId('list-item').first()).toHaveValue('Discount codes and vouchers');
  const carla = (await stored(page)).personas.find((p) => p.name === 'Coupon Carla');
  const mindset = carla?.modules.find((m) => m.id === 'mindset')?.body.rows;
  expect(mindset?.[0]?.value).toBe(5);
});

test('a dropped photo shows on the header and on the card; a GIF is refused and changes nothing', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  await expect(page.getByTestId('avatar-photo')).toHaveCount(0);
  await drop(page, 'photo-drop', PNG, 'fred.png', 'image/png');
  // The crop step comes first; nothing is stored until the photo is placed.
  await expect(page.getByTestId('photo-crop-dialog')).toBeVisible();
  expect(await mockCalls(page)).not.toContain('set_persona_photo');
  await page.getByTestId('crop-apply').click();
  await expect(page.getByTestId('photo-crop-dialog')).toBeHidden();
  await expect(page.getByTestId('avatar-photo')).toBeVisible();
  await expect(page.getByTestId('avatar-photo')).toHaveAttribute('src', /^blob:/);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const photo = (await stored(page)).personas.find((p) => p.name === 'Frugal Fred') as unknown as { photo: string };
  expect(photo.photo).toMatch(/^[0-9a-f]{64}$/);

  await drop(page, 'photo-drop', GIF, 'x.gif', 'image/gif');
  await expect(page.getByText('GIF images are not supported; use a JPEG, PNG or WebP image')).toBeVisible();
  await expect(page.getByTestId('photo-crop-dialog')).toHaveCount(0);
  const after = (await stored(page)).personas.find((p) => p.name === 'Frugal Fred') as unknown as { photo: string };
  expect(after.photo).toBe(photo.photo);

  await page.getByTestId('back-to-library').click();
  const card = page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' });
  await expect(card.getByTestId('avatar-photo')).toBeVisible();

  // Removing it goes back to initials, and is saved.
  await card.click();
  await page.getByTestId('photo-remove').click();
  await expect(page.getByTestId('avatar-photo')).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const removed = (await stored(page)).personas.find((p) => p.name === 'Frugal Fred') as unknown as { photo: null };
  expect(removed.photo).toBeNull();
});

test('choose photo takes what the native dialog answers; cancel changes nothing', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  await page.getByTestId('photo-choose').click();
  await expect(page.getByTestId('avatar-photo')).toHaveCount(0);
  await page.evaluate((bytes) => {
    const mock = (window as unknown as { __PERSONA_STUDIO_MOCK__: { nextPick: Uint8Array | null } })
      .__PERSONA_STUDIO_MOCK__;
    mock.nextPick = new Uint8Array(bytes);
  }, PNG);
  await page.getByTestId('photo-choose').click();
  await page.getByTestId('crop-apply').click();
  await expect(page.getByTestId('avatar-photo')).toBeVisible();
});

test('duplicate opens a copy; move puts the persona in another project', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('new-project').click();
  await page.getByTestId('new-project-name').fill('Client B');
  await page.getByTestId('new-project-submit').click();
  await expect(page.getByTestId('project-title')).toHaveText('Client B');
  await page.getByTestId('project-item').filter({ hasText: 'Example store' }).click();
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  await page.getByTestId('duplicate-persona').click();
  await expect(page.getByTestId('persona-name')).toHaveValue('Frugal Fred (copy)');
  await page.getByTestId('move-persona').selectOption({ label: 'Client B' });
  await expect(page.getByText('Moved to “Client B”.')).toBeVisible();
  const all = await stored(page);
  const b = all.projects.find((p) => p.name === 'Client B');
  const copy = all.personas.find((p) => p.name === 'Frugal Fred (copy)') as unknown as { project: string };
  expect(copy.project).toBe(b?.id);
  expect(all.personas.filter((p) => p.name === 'Frugal Fred')).toHaveLength(1);
});

test('project settings rename the brand, change its colours and take a logo', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('project-settings').click();
  const dialog = page.getByTestId('project-settings-dialog');
  await expect(page.getByTestId('project-name')).toHaveValue('Example store');
  await page.getByTestId('project-name').fill('Example store Ltd');
  // Without a brand name of its own, sheets show the project's: the field says so.
  await expect(page.getByTestId('brand-name')).toHaveValue('');
  await expect(page.getByTestId('brand-name')).toHaveAttribute('placeholder', 'Example store Ltd');
  await page.getByTestId('brand-name').fill('  Northwind Outdoor ');
  await page.getByTestId('project-primary').fill('#112233');
  await expect(page.getByTestId('project-font').locator('option')).toHaveCount(4);
  await page.getByTestId('project-font').selectOption('Noto Sans');
  await drop(page, 'logo-drop', PNG, 'logo.png', 'image/png');
  await expect(dialog.getByTestId('logo-image')).toBeVisible();
  await page.getByTestId('project-save').click();
  await expect(page.getByTestId('project-title')).toHaveText('Example store Ltd');
  const project = (await stored(page)).projects[0] as unknown as {
    brand: { name: string | null; primary: string; font: string; logo: string };
  };
  expect(project.brand.name).toBe('Northwind Outdoor');
  expect(project.brand.primary).toBe('#112233');
  expect(project.brand.font).toBe('Noto Sans');
  expect(project.brand.logo).toMatch(/^[0-9a-f]{64}$/);
});

test('a picture pasted on the header (Ctrl+V) becomes the photo; pasted text stays text', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  await expect(page.getByTestId('avatar-photo')).toHaveCount(0);
  await page.getByTestId('persona-name').focus();
  const paste = (kind: 'image' | 'text') =>
    page.getByTestId('persona-name').evaluate(
      (el, { bytes, kind }) => {
        const dt = new DataTransfer();
        if (kind === 'image') dt.items.add(new File([new Uint8Array(bytes)], 'clip.png', { type: 'image/png' }));
        else dt.setData('text/plain', ' Jr.');
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      },
      { bytes: PNG, kind },
    );
  await paste('image');
  await page.getByTestId('crop-apply').click();
  await expect(page.getByTestId('avatar-photo')).toBeVisible();
  await expect(page.getByTestId('persona-name')).toHaveValue('Frugal Fred');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const fred = (await stored(page)).personas.find((p) => p.name === 'Frugal Fred') as unknown as { photo: string };
  expect(fred.photo).toMatch(/^[0-9a-f]{64}$/);
  // A text paste is left to the field: the photo is unchanged.
  await paste('text');
  const again = (await stored(page)).personas.find((p) => p.name === 'Frugal Fred') as unknown as { photo: string };
  expect(again.photo).toBe(fred.photo);
});

test('an image module takes a dropped picture and a caption; undo takes the picture back out; a GIF is refused', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  await page.getByTestId('add-module').click();
  await page.getByTestId('add-module-image').click();
  const module = page.locator('[data-module]').filter({ has: page.getByTestId('image-module') });
  await expect(module).toHaveCount(1);
  const id = await module.getAttribute('data-module');
  await expect(module).toContainText('No picture yet');

  const picture = await twoTonePng(page, 240, 120);
  await drop(page, 'image-drop', picture, 'shelf.png', 'image/png');
  await expect(module.getByTestId('module-image')).toBeVisible();
  await expect(module.getByTestId('module-image')).toHaveAttribute('src', /^blob:/);
  await module.getByTestId('image-caption').fill('Полка в магазине у дома');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const body = async () =>
    ((await stored(page)).personas.find((p) => p.name === 'Frugal Fred')?.modules.find((m) => m.id === id)?.body ?? {}) as {
      asset?: string | null;
      caption?: string;
    };
  const first = await body();
  expect(first.asset).toMatch(/^[0-9a-f]{64}$/);
  expect(first.caption).toBe('Полка в магазине у дома');

  // A GIF is refused with its reason; the picture stays.
  await drop(page, 'image-drop', GIF, 'x.gif', 'image/gif');
  await expect(page.getByText('GIF images are not supported; use a JPEG, PNG or WebP image')).toBeVisible();
  expect((await body()).asset).toBe(first.asset);

  // Removing it is an edit like any other: undo puts it back, redo takes it out.
  await module.hover();
  await module.getByTestId('image-remove').click();
  await expect(module.getByTestId('module-image')).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(module.getByTestId('module-image')).toBeVisible();
  await page.getByTestId('redo').click();
  await expect(module.getByTestId('module-image')).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect((await body()).asset).toBeNull();

  // Chosen with the native dialog.
  await page.evaluate((bytes) => {
    (window as unknown as { __PERSONA_STUDIO_MOCK__: { nextPick: Uint8Array } }).__PERSONA_STUDIO_MOCK__.nextPick = new Uint8Array(bytes);
  }, picture);
  await module.getByTestId('image-choose').click();
  await expect(module.getByTestId('module-image')).toBeVisible();
  await page.mouse.move(0, 0);
  await module.screenshot({ path: '../tests/output/image-module.png' });
});
