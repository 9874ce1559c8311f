import { expect, openApp, stored, test } from './fixtures';

test('an empty library offers the example, which brings three personas', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Welcome to Persona Studio' })).toBeVisible();
  await expect(page.getByTestId('data-dir')).toContainText('persona-studio');
  await page.getByTestId('install-example').click();

  await expect(page.getByTestId('persona-card')).toHaveCount(3);
  await expect(page.getByTestId('persona-card-name')).toHaveText(['Frugal Fred', 'Procurement Paul', 'Tech-savvy Tara']);
  await expect(page.getByTestId('project-item')).toHaveText([/Example store\s*3/]);
  await expect(page.getByTestId('toast')).toContainText('The example store is ready.');
  await expect(page.getByTestId('data-dir')).toBeVisible();
  expect((await stored(page)).personas).toHaveLength(3);
});

test('start from scratch creates a project, then an empty-project prompt', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('start-scratch').click();
  await page.getByTestId('new-project-name').fill('Acme bakery');
  await page.getByTestId('new-project-submit').click();
  await expect(page.getByTestId('project-item')).toHaveText([/Acme bakery\s*0/]);
  await expect(page.getByText('No personas here yet')).toBeVisible();
});

test('a duplicate project name is refused with the backend message', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('new-project').click();
  await page.getByTestId('new-project-name').fill('Example store');
  await page.getByTestId('new-project-name').press('Enter');
  await expect(page.getByRole('alert')).toHaveText("a project named 'Example store' already exists");
  await expect(page.getByTestId('project-item')).toHaveCount(1);
});

test('create, rename and fill in a persona; the mock holds it and the card shows the new name', async ({ page }) => {
  await openApp(page, { seed: true, latency: 150 });
  await page.getByTestId('new-persona').click();
  await page.getByTestId('new-persona-name').fill('Budget Betty');
  await page.getByTestId('new-persona-template').selectOption('ecommerce-shopper');
  await page.getByTestId('new-persona-submit').click();

  const name = page.getByTestId('persona-name');
  await expect(name).toHaveValue('Budget Betty');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'idle');

  await name.fill('Bargain Betty');
  await page.getByTestId('persona-archetype').fill('Waits for the sales');
  await page.getByTestId('fact-value').first().fill('29');
  // Right after typing, nothing can be on disk yet.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saving');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  const persona = (await stored(page)).personas.find((p) => p.name === 'Bargain Betty');
  expect(persona?.archetype).toBe('Waits for the sales');
  expect(persona?.modules.find((m) => m.id === 'facts')?.body.rows?.[0]).toEqual({ label: 'Age', value: '29' });

  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('persona-card-name')).toContainText(['Bargain Betty']);
  await expect(page.getByTestId('persona-card').filter({ hasText: 'Bargain Betty' })).toContainText('E-commerce shopper');
  await expect(page.getByTestId('persona-card').filter({ hasText: 'Bargain Betty' })).toContainText('Edited just now');
});

test('leaving the editor saves at once, without waiting for the debounce', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  await page.getByTestId('persona-quote').fill('Codes first, then I buy.');
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('persona-card')).toHaveCount(3);
  const fred = (await stored(page)).personas.find((p) => p.name === 'Frugal Fred');
  expect(fred?.quote).toBe('Codes first, then I buy.');
});

test('a persona can be created with the keyboard alone', async ({ page }) => {
  await openApp(page, { seed: true });
  await expect(page.getByTestId('persona-card')).toHaveCount(3);
  // Esc cancels, Ctrl+N opens, focus lands in the name field, Enter submits.
  await page.keyboard.press('Control+n');
  await expect(page.getByTestId('new-persona-name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('new-persona-dialog')).not.toBeVisible();

  await page.getByTestId('new-persona').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('new-persona-name')).toBeFocused();
  await page.keyboard.type('Keyboard Kate');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('new-persona-template')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('new-persona-template')).toHaveValue('b2b-buyer');
  await page.keyboard.press('Tab'); // Cancel
  await page.keyboard.press('Tab'); // Create persona
  await expect(page.getByTestId('new-persona-submit')).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('persona-name')).toHaveValue('Keyboard Kate');
  const kate = (await stored(page)).personas.find((p) => p.name === 'Keyboard Kate');
  expect(kate).toBeDefined();
  expect(kate?.modules.map((m) => m.id)).toContain('objections');
});

test('an empty name is refused in the dialog and in the editor', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('new-persona').click();
  await page.getByTestId('new-persona-submit').click();
  await expect(page.getByRole('alert')).toHaveText('Please enter a name.');
  await page.getByTestId('new-persona-name').fill('Nina');
  await page.getByTestId('new-persona-submit').click();

  await page.getByTestId('persona-name').fill('');
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error');
  await expect(page.getByText('A persona needs a name before it can be saved.')).toBeVisible();
  await expect(page.getByTestId('persona-name')).toBeFocused();
  await page.getByTestId('persona-name').fill('Nina N.');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect((await stored(page)).personas.some((p) => p.name === 'Nina N.')).toBe(true);
});

test('a failed save is shown, and Retry stores the edit', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Tech-savvy Tara' }).click();
  await page.evaluate(() =>
    (window as unknown as { __PERSONA_STUDIO_MOCK__: { failNext(c: string, e: unknown): void } }).__PERSONA_STUDIO_MOCK__.failNext(
      'save_persona',
      { code: 'database', message: 'the disk is full' },
    ),
  );
  await page.getByTestId('persona-archetype').fill('Early adopter');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('toast')).toContainText('the disk is full');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const tara = (await stored(page)).personas.find((p) => p.name === 'Tech-savvy Tara');
  expect(tara?.archetype).toBe('Early adopter');
});

test('delete asks first, then removes the persona', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Procurement Paul' }).click();
  await page.getByTestId('delete-persona').click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('persona-name')).toHaveValue('Procurement Paul');
  await page.getByTestId('delete-persona').click();
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('persona-card')).toHaveCount(2);
  await expect(page.getByTestId('toast')).toContainText('“Procurement Paul” was deleted.');
  expect((await stored(page)).personas.map((p) => p.name).sort()).toEqual(['Frugal Fred', 'Tech-savvy Tara']);
});
