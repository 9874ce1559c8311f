// Sharing in the UI against the mock backend: the import view for .persona files
// (preview first, target project, conflict policy, refusals) and saving a template.
import type { Page } from '@playwright/test';
import { expect, openApp, stored, test } from './fixtures';

/** Calls a method of the mock backend inside the page. */
async function mock(page: Page, script: string): Promise<void> {
  await page.evaluate(`(() => { const m = window.__PERSONA_STUDIO_MOCK__; ${script} })()`);
}

test('a shared project comes back through the import view with the chosen policy', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('share-project').click();
  await expect(page.getByText('Saved to /home/user/Example store.persona')).toBeVisible();

  // As if the file had been dropped on the window.
  await mock(page, `m.openFile('/home/user/Example store.persona')`);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('import-file-name')).toHaveText('Example store.persona');
  await expect(dialog.getByTestId('import-persona')).toHaveCount(3);
  await expect(dialog.getByText('Already in your library', { exact: true })).toHaveCount(3);
  await expect(dialog.getByText('3 personas are already in your library')).toBeVisible();
  await expect(dialog.getByTestId('import-outcome')).toHaveText('Adds 3, replaces 0, skips 0.');

  await dialog.getByTestId('import-policy-skip').check();
  await expect(dialog.getByTestId('import-outcome')).toHaveText('Adds 0, replaces 0, skips 3.');
  await dialog.getByTestId('import-policy-keep-both').check();
  await expect(dialog.getByTestId('import-outcome')).toHaveText('Adds 3, replaces 0, skips 0.');
  await dialog.getByTestId('import-confirm').click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText('Imported 3 personas into “Example store (2)”.')).toBeVisible();
  await expect(page.getByTestId('project-title')).toHaveText('Example store (2)');
  await expect(page.getByTestId('persona-card')).toHaveCount(3);
  const { projects, personas } = await stored(page);
  expect(projects.map((p) => p.name).sort()).toEqual(['Example store', 'Example store (2)']);
  expect(personas).toHaveLength(6);
});

test('a refused file says why and imports nothing', async ({ page }) => {
  await openApp(page, { seed: true });
  await expect(page.getByTestId('persona-card')).toHaveCount(3);
  const before = await stored(page);
  await mock(page, `m.files.set('/tmp/evil.persona', { project: null, personas: [], refused: 'the entry "../../.bashrc" would be written outside the bundle' })`);
  await mock(page, `m.openFile('/tmp/evil.persona')`);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-error')).toContainText('../../.bashrc');
  await expect(dialog.getByTestId('import-confirm')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await stored(page)).toEqual(before);
});

test('a persona without a project goes into the project on screen', async ({ page }) => {
  await openApp(page, { seed: true });
  await expect(page.getByTestId('persona-card')).toHaveCount(3);
  const store = (await stored(page)).projects.find((p) => p.name === 'Example store');
  await mock(page, `
    const fred = m.snapshot().personas.find((p) => p.name === 'Frugal Fred');
    m.files.set('/tmp/fred.json', { project: null, personas: [{ ...fred, id: 'not-in-library', name: 'Fred from a colleague' }] });
    m.openFile('/tmp/fred.json');
  `);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-target')).toHaveValue(store!.id);
  await expect(dialog.getByText('Already in your library', { exact: true })).toHaveCount(0);
  await dialog.getByTestId('import-confirm').click();
  await expect(page.getByTestId('persona-card').filter({ hasText: 'Fred from a colleague' })).toBeVisible();
});

test('the open-file button uses the native dialog, and cancelling it does nothing', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('open-file').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await page.getByTestId('share-project').click();
  await mock(page, `m.nextChosenFile = '/home/user/Example store.persona'`);
  await page.getByTestId('open-file').click();
  await expect(page.getByTestId('import-dialog').getByTestId('import-persona')).toHaveCount(3);
});

/** Drops a file with `text` as its content on `target`, as a file manager would. */
async function dropFile(page: Page, target: string, name: string, text: string): Promise<void> {
  const data = await page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name));
      return transfer;
    },
    { name, text },
  );
  await page.dispatchEvent(target, 'dragover', { dataTransfer: data });
  await page.dispatchEvent(target, 'drop', { dataTransfer: data });
}

test('a .persona file dropped on the window opens the import view with its own name', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('share-project').click();
  await expect(page.getByText('Saved to /home/user/Example store.persona')).toBeVisible();
  const bundle = await page.evaluate(() => {
    const m = (window as unknown as { __PERSONA_STUDIO_MOCK__: { files: Map<string, unknown> } }).__PERSONA_STUDIO_MOCK__;
    return JSON.stringify(m.files.get('/home/user/Example store.persona'));
  });

  await dropFile(page, '[data-testid="persona-card"]', 'Покупатели магазина.persona', bundle);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-file-name')).toHaveText('Покупатели магазина.persona');
  await expect(dialog.getByTestId('import-persona')).toHaveCount(3);
  await dialog.getByTestId('import-confirm').click();
  await expect(page.getByText('Imported 3 personas into “Example store (2)”.')).toBeVisible();
  expect((await stored(page)).personas).toHaveLength(6);
});

test('a persona JSON dropped on an open persona saves its edits, then opens the import', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  const fred = (await stored(page)).personas.find((p) => p.name === 'Frugal Fred')!;
  await page.getByTestId('persona-name').fill('Frugal Fred Jr');
  await dropFile(page, 'main', 'fred.json', JSON.stringify({ ...fred, id: 'from-a-colleague', name: 'Fred, shared' }));
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-persona')).toHaveCount(1);
  await expect(page.getByTestId('project-title')).toBeVisible();
  expect((await stored(page)).personas.some((p) => p.name === 'Frugal Fred Jr')).toBe(true);
  await dialog.getByTestId('import-confirm').click();
  await expect(page.getByTestId('persona-card').filter({ hasText: 'Fred, shared' })).toBeVisible();
});

test('a file that is not a persona file dropped on the window is explained and changes nothing', async ({ page }) => {
  await openApp(page, { seed: true });
  await expect(page.getByTestId('persona-card')).toHaveCount(3);
  const before = await stored(page);
  await dropFile(page, 'main', 'notes.txt', 'hello');
  await expect(page.getByText('“notes.txt” is not a Persona Studio file.', { exact: false })).toBeVisible();
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await dropFile(page, 'main', 'broken.persona', 'PK\u0003\u0004 garbage');
  await expect(page.getByTestId('import-dialog').getByTestId('import-error')).toContainText('neither a .persona bundle');
  await expect(page.getByTestId('import-dialog').getByTestId('import-confirm')).toBeDisabled();
  expect(await stored(page)).toEqual(before);
});

test('a persona saved as a template is offered for new personas', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  await page.getByTestId('save-template').click();
  await page.getByTestId('save-template-name').fill('Bargain shopper');
  await page.getByTestId('save-template-submit').click();
  await expect(page.getByTestId('save-template-dialog')).toBeHidden();
  await expect(page.getByText('Template “Bargain shopper” saved.')).toBeVisible();
  await page.getByTestId('back-to-library').click();
  await page.getByTestId('new-persona').click();
  await expect(page.getByTestId('new-persona-template').locator('option', { hasText: 'Bargain shopper' })).toHaveCount(1);
});
