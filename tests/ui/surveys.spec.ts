// Surveys in the UI against the mock backend: the import preview (overrides re-preview,
// the mojibake repair can be undone), the explorer's charts (real SVG bars and
// labels drawn by Observable Plot), segments, two segments side by side, and
// evidence attached from a chart seen in the editor with its flags and coverage.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

type Mock = {
  surveyDelayMs: number;
  nextSurveyFile: string | null;
  calls: string[];
};

async function steer(page: Page, change: (mock: Mock) => void): Promise<void> {
  await page.evaluate(`(${change.toString()})(window.__PERSONA_STUDIO_MOCK__)`);
}

/** The example library, its first project's surveys screen. */
async function openSurveys(page: Page): Promise<void> {
  await openApp(page, { seed: true });
  await expect(page.getByTestId('persona-card')).toHaveCount(3);
  await page.getByTestId('open-surveys').click();
  await expect(page.getByTestId('surveys-title')).toBeVisible();
}

/** Imports the mock's sample survey with what was detected. */
async function importSample(page: Page): Promise<void> {
  await page.getByTestId('import-survey').first().click();
  const dialog = page.getByTestId('survey-import-dialog');
  await expect(dialog.getByTestId('survey-question')).toHaveCount(5);
  await dialog.getByTestId('survey-import-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('dataset-row')).toHaveCount(1);
}

test('the import preview shows what was detected, and each override re-previews before anything is stored', async ({ page }) => {
  await openSurveys(page);
  await expect(page.getByTestId('surveys-empty')).toBeVisible();
  await page.getByTestId('import-survey').click();
  const dialog = page.getByTestId('survey-import-dialog');
  await expect(dialog.getByTestId('survey-file-name')).toHaveText('customer-survey.csv');
  await expect(dialog.getByTestId('survey-preview-summary')).toContainText('60 respondents');
  await expect(dialog.getByTestId('survey-read-as')).toContainText('Google Forms');
  // Personal data is recognised and hidden.
  await expect(dialog.locator('[data-testid="survey-question"][data-kind="personal"]')).toContainText('personal · hidden');

  // Mojibake repaired, shown, and undoable.
  const repairs = dialog.getByTestId('survey-repairs');
  await expect(repairs.getByTestId('survey-repair')).toContainText('Café Žalias');
  await expect(repairs.getByTestId('survey-repair')).toContainText('CafÃ© Å½alias');
  await dialog.getByTestId('survey-repair-toggle').uncheck();
  await expect(repairs).toContainText('kept exactly as they are');
  await expect(dialog.locator('[data-testid="survey-question"]').nth(3)).toContainText('CafÃ© Å½alias');
  await dialog.getByTestId('survey-repair-toggle').check();
  await expect(dialog.locator('[data-testid="survey-question"]').nth(3)).toContainText('Café Žalias');

  // Overrides: tool, header rows (the first respondent becomes a header), a question's kind.
  await dialog.getByTestId('survey-tool').selectOption('jotform');
  await expect(dialog.getByTestId('survey-read-as')).toContainText('Jotform');
  await dialog.getByTestId('survey-header-rows').selectOption('2');
  await expect(dialog.getByTestId('survey-preview-summary')).toContainText('59 respondents');
  const age = dialog.getByTestId('survey-question').nth(1);
  await age.getByTestId('survey-kind').selectOption('text');
  await expect(age).toHaveAttribute('data-kind', 'text');
  let stored = await page.evaluate(() => (window as unknown as { __PERSONA_STUDIO_MOCK__: { datasets: Map<string, unknown> } }).__PERSONA_STUDIO_MOCK__.datasets.size);
  expect(stored, 'a preview stores nothing').toBe(0);

  // What was previewed is what is imported.
  await dialog.getByTestId('survey-import-confirm').click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('dataset-row');
  await expect(row).toContainText('Jotform');
  await expect(row).toContainText('59');
  await expect(page.locator('[data-testid="question-card"][data-question="q2"]')).toHaveAttribute('data-kind', 'text');
  stored = await page.evaluate(() => (window as unknown as { __PERSONA_STUDIO_MOCK__: { datasets: Map<string, unknown> } }).__PERSONA_STUDIO_MOCK__.datasets.size);
  expect(stored).toBe(1);
});

test('the delimiter of a text file can be forced, and the preview reads the file again with it', async ({ page }) => {
  await openSurveys(page);
  await page.getByTestId('import-survey').click();
  const dialog = page.getByTestId('survey-import-dialog');
  const delimiter = dialog.getByTestId('survey-delimiter');
  await expect(delimiter.locator('option').first()).toHaveText('Detected: ,');
  await expect(delimiter.locator('option')).toHaveText(['Detected: ,', ',', ';', 'Tab', '|']);
  await expect(dialog.getByTestId('survey-question')).toHaveCount(5);
  await delimiter.selectOption(';');
  await expect(dialog.getByTestId('survey-question')).toHaveCount(1);
  await delimiter.selectOption('');
  await expect(dialog.getByTestId('survey-question')).toHaveCount(5);
});

test('a workbook with several worksheets offers them, and the preview reads the one picked', async ({ page }) => {
  await openSurveys(page);
  await steer(page, (m) => (m.nextSurveyFile = 'responses.xlsx'));
  await page.getByTestId('import-survey').click();
  const dialog = page.getByTestId('survey-import-dialog');
  const sheet = dialog.getByTestId('survey-sheet');
  await expect(sheet.locator('option')).toHaveText(['Detected: Responses', 'Responses', 'Summary']);
  // A workbook has no text encoding or delimiter to choose.
  await expect(dialog.getByTestId('survey-delimiter')).toHaveCount(0);
  await expect(dialog.getByTestId('survey-question')).toHaveCount(5);
  await sheet.selectOption('Summary');
  await expect(dialog.getByTestId('survey-question')).toHaveCount(1);
  await expect(dialog.getByTestId('survey-preview-summary')).toContainText('5 respondents');
  await sheet.selectOption('');
  await expect(dialog.getByTestId('survey-question')).toHaveCount(5);
  // A text file shows no worksheet choice.
  await page.keyboard.press('Escape');
  await steer(page, (m) => (m.nextSurveyFile = 'customer-survey.csv'));
  await page.getByTestId('import-survey').click();
  await expect(dialog.getByTestId('survey-question')).toHaveCount(5);
  await expect(dialog.getByTestId('survey-sheet')).toHaveCount(0);
});

test('a dataset is deleted after a confirmation that says what becomes of its evidence', async ({ page }) => {
  await openSurveys(page);
  await importSample(page);
  await page.getByTestId('dataset-row').getByRole('button', { name: 'Delete the dataset Customer survey' }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('Delete “Customer survey”?');
  await expect(confirm).toContainText('Evidence taken from it stays on the personas');
  // Leaving the dialog deletes nothing.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dataset-row')).toHaveCount(1);
  await page.getByTestId('delete-dataset').click();
  await confirm.getByTestId('confirm').click();
  await expect(page.getByTestId('dataset-row')).toHaveCount(0);
  await expect(page.getByTestId('surveys-empty')).toBeVisible();
  await expect(page.getByText('Deleted the dataset “Customer survey”')).toBeVisible();
  const calls = await page.evaluate(() => (window as unknown as { __PERSONA_STUDIO_MOCK__: Mock }).__PERSONA_STUDIO_MOCK__.calls);
  expect(calls.filter((c) => c === 'delete_dataset')).toHaveLength(1);
});

test('slow survey work shows a working state after half a second and can be cancelled', async ({ page }) => {
  await openSurveys(page);
  await steer(page, (m) => (m.surveyDelayMs = 8_000));
  await page.getByTestId('import-survey').click();
  const dialog = page.getByTestId('survey-import-dialog');
  await expect(dialog.getByTestId('survey-working')).toBeVisible();
  // The phase the app reports, and how much of it is done.
  await expect(dialog.getByTestId('survey-phase')).toHaveText('Reading the rows…');
  const bar = dialog.getByTestId('survey-progress');
  const first = Number(await bar.getAttribute('aria-valuenow'));
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(first);
  await dialog.getByTestId('survey-cancel').click();
  await expect(dialog.getByTestId('survey-working')).toBeHidden();
  const calls = await page.evaluate(() => (window as unknown as { __PERSONA_STUDIO_MOCK__: Mock }).__PERSONA_STUDIO_MOCK__.calls);
  expect(calls).toContain('cancel_survey');
  await expect(dialog.getByTestId('survey-import-confirm')).toBeDisabled();
  // Nothing was stored, and the dialog can be left.
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).last().click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('surveys-empty')).toBeVisible();
});

test('a slow import reports its phases through to storing', async ({ page }) => {
  await openSurveys(page);
  await page.getByTestId('import-survey').click();
  const dialog = page.getByTestId('survey-import-dialog');
  await expect(dialog.getByTestId('survey-question')).toHaveCount(5);
  await steer(page, (m) => (m.surveyDelayMs = 3_000));
  // Every phase the bar names is recorded as it is drawn: a poll from the test could
  // miss a short one on a busy machine.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __phases: string[] }).__phases = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="survey-phase"]')?.textContent?.trim();
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await dialog.getByTestId('survey-import-confirm').click();
  await expect(dialog.getByTestId('survey-phase')).toBeVisible();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(page.getByTestId('dataset-row')).toHaveCount(1);
  const phases = await page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
  const wanted = ['Reading the rows…', 'Typing the questions…', 'Storing in the library…'];
  expect(phases.filter((p) => wanted.includes(p))).toEqual(wanted);
});

test('the explorer draws a chart per question: bars with labels and shares, a histogram, phrases and answers', async ({ page }) => {
  await openSurveys(page);
  await importSample(page);
  const channel = page.locator('[data-testid="question-card"][data-question="q1"]');
  await expect(channel.getByTestId('question-counts')).toHaveText('60 answered · 0 missing');
  // Three options: three bars, with their labels on the axis and shares at their ends.
  const bars = channel.locator('svg g.bars rect');
  await expect(bars).toHaveCount(3);
  const svgText = await channel.getByTestId('chart').locator('svg').textContent();
  for (const label of ['Email', 'Social', 'Search']) expect(svgText).toContain(label);
  // 60 respondents: Search every fifth (12), then Email/Social alternate on the rest.
  await expect(channel.locator('svg g.values text')).toHaveText(['40% · 24', '40% · 24', '20% · 12']);
  const widths = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
  expect(widths[0]).toBeCloseTo(widths[1]!, 3);
  expect(widths[2]! * 2).toBeCloseTo(widths[0]!, 0);

  const age = page.locator('[data-testid="question-card"][data-question="q2"]');
  await expect(age.locator('svg g.bars rect')).toHaveCount(12);
  await expect(age.getByTestId('numeric-summary')).toContainText('Median');

  const why = page.locator('[data-testid="question-card"][data-question="q3"]');
  await expect(why.getByTestId('question-counts')).toHaveText('45 answered · 15 missing');
  await why.getByTestId('answer-search').fill('delivery');
  const answers = why.getByTestId('answer-list').locator('li');
  await expect(answers.first()).toContainText('fast delivery');
  expect(await answers.count()).toBeGreaterThan(5);

  // Personal data stays hidden until asked for, and even then only counts are shown.
  await expect(page.locator('[data-testid="question-card"][data-question="q5"]')).toHaveCount(0);
  await page.getByTestId('show-personal').check();
  const email = page.locator('[data-testid="question-card"][data-question="q5"]');
  await expect(email).toContainText('only counted');
  await expect(email.getByTestId('chart')).toHaveCount(0);
});

test('a segment narrows every chart, and two segments compare side by side', async ({ page }) => {
  await openSurveys(page);
  await importSample(page);
  const builder = page.getByTestId('segment');
  await builder.getByTestId('segment-question').selectOption({ label: 'Preferred channel' });
  await builder.getByTestId('segment-option').first().check();
  await expect(builder.getByTestId('segment-chip')).toContainText('Preferred channel: Email');
  await expect(page.getByTestId('explorer-respondents')).toHaveText('24 of 60 respondents in this segment');
  const channel = page.locator('[data-testid="question-card"][data-question="q1"]');
  await expect(channel.locator('svg g.values text')).toHaveText(['100% · 24', '0% · 0', '0% · 0']);

  await page.getByTestId('open-compare').click();
  const panel = page.getByTestId('compare-panel');
  await panel.getByTestId('segment-a-question').selectOption({ label: 'Preferred channel' });
  await panel.getByTestId('segment-a').getByTestId('segment-a-option').nth(0).check();
  await panel.getByTestId('segment-b-question').selectOption({ label: 'Preferred channel' });
  await panel.getByTestId('segment-b').getByTestId('segment-b-option').nth(2).check();
  await panel.getByTestId('compare-run').click();
  await expect(panel.getByTestId('compare-head-a')).toContainText('Preferred channel: Email · 24 respondents');
  await expect(panel.getByTestId('compare-head-b')).toContainText('Preferred channel: Search · 12 respondents');
  const pair = panel.getByTestId('compare-pair').first();
  await expect(pair.getByTestId('compare-a').locator('svg g.values text').first()).toHaveText('100% · 24');
  await expect(pair.getByTestId('compare-b').locator('svg g.values text').nth(2)).toHaveText('100% · 12');
  // Age is charted for both segments too.
  await expect(panel.getByTestId('compare-pair')).toHaveCount(3);
});

test('evidence attached from the explorer shows in the editor with its flags and the coverage score', async ({ page }) => {
  await openSurveys(page);
  await importSample(page);

  // A statistic of everyone: 24 of 60 chose Email.
  await page.locator('[data-testid="question-card"][data-question="q1"]').getByTestId('attach-evidence').click();
  const dialog = page.getByTestId('attach-dialog');
  await dialog.getByTestId('attach-persona').selectOption({ label: 'Frugal Fred' });
  await dialog.getByTestId('attach-field').selectOption('goals/0');
  await expect(dialog.getByTestId('attach-option').first()).toBeChecked();
  await dialog.getByTestId('attach-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Evidence attached to Frugal Fred')).toBeVisible();

  // The same within a small segment (12 respondents): weak evidence.
  const builder = page.getByTestId('segment');
  await builder.getByTestId('segment-question').selectOption({ label: 'Preferred channel' });
  await builder.getByTestId('segment-option').nth(2).check();
  await expect(page.getByTestId('explorer-respondents')).toHaveText('12 of 60 respondents in this segment');
  await page.locator('[data-testid="question-card"][data-question="q4"]').getByTestId('attach-evidence').click();
  await expect(dialog.getByText('within Preferred channel: Search')).toBeVisible();
  await dialog.getByTestId('attach-persona').selectOption({ label: 'Frugal Fred' });
  await dialog.getByTestId('attach-field').selectOption('goals/1');
  await dialog.getByTestId('attach-confirm').click();
  await expect(dialog).toBeHidden();

  // A quote of one free-text answer.
  await builder.getByTestId('segment-chip').getByRole('button').click();
  await page.locator('[data-testid="question-card"][data-question="q3"]').getByTestId('attach-quote').first().click();
  await expect(dialog.getByTestId('attach-quote-text')).toContainText('R1');
  await dialog.getByTestId('attach-persona').selectOption({ label: 'Frugal Fred' });
  await dialog.getByTestId('attach-field').selectOption('quote');
  await dialog.getByTestId('attach-confirm').click();
  await expect(dialog).toBeHidden();

  // In the editor: each field with its evidence and flags, and the coverage score.
  await page.getByTestId('project-item').first().click();
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  const panel = page.getByTestId('evidence-panel');
  const field = (id: string) => panel.locator(`[data-testid="evidence-field"][data-field="${id}"]`);
  await expect(field('goals/0')).toHaveAttribute('data-flags', '');
  await expect(field('goals/1')).toHaveAttribute('data-flags', 'weak');
  await expect(field('quote')).toHaveAttribute('data-flags', '');
  await expect(field('archetype')).toHaveAttribute('data-flags', 'assumption');
  const score = Number((await panel.getByTestId('coverage-score').textContent())!.replace('%', ''));
  expect(score).toBeGreaterThan(0);

  // On the sheet, modules with evidence carry a marker (the goals' warns: one is weak),
  // which opens that evidence in the panel with the focus on it.
  const goalsMark = page.locator('[data-module="goals"]').getByTestId('evidence-mark');
  await expect(goalsMark).toHaveText('2');
  await expect(goalsMark).toHaveClass(/warn/);
  await expect(goalsMark).toHaveAccessibleName('2 sources, some weak or stale: show the evidence');
  const headerMark = page.locator('[data-kind="header"]').getByTestId('evidence-mark');
  await expect(headerMark).toHaveText('1');
  await expect(headerMark).not.toHaveClass(/warn/);
  await expect(page.getByTestId('evidence-mark')).toHaveCount(2);
  await headerMark.click();
  await expect(field('quote').getByRole('button', { expanded: true })).toBeFocused();
  await field('goals/0').getByRole('button', { expanded: false }).click();
  await expect(field('goals/0').getByTestId('evidence-item')).toContainText('Email: 40% (24 of 60');

  // Removing it makes the field an assumption again and lowers the score.
  await field('goals/0').getByTestId('remove-evidence').click();
  await expect(field('goals/0')).toHaveAttribute('data-flags', 'assumption');
  await expect(panel.getByTestId('coverage-score')).not.toHaveText(`${score}%`);

  // A manual source backs the archetype.
  await field('archetype').getByRole('button', { expanded: false }).click();
  await field('archetype').getByTestId('add-manual').click();
  await field('archetype').getByTestId('manual-name').fill('Interviews with 5 shoppers');
  await field('archetype').getByTestId('manual-date').fill('2026-02-10');
  await field('archetype').getByTestId('manual-submit').click();
  await expect(field('archetype')).toHaveAttribute('data-flags', '');
  await expect(field('archetype').getByTestId('evidence-item')).toContainText('Interviews with 5 shoppers, 2026-02-10');
});

test('a distribution attached to a chart module is drawn on the sheet', async ({ page }) => {
  await openApp(page, { seed: true });
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  await page.getByTestId('add-module').click();
  await page.getByTestId('add-module-chart').click();
  await page.getByTestId('back-to-library').click();
  await page.getByTestId('open-surveys').click();
  await importSample(page);

  await page.locator('[data-testid="question-card"][data-question="q1"]').getByTestId('attach-evidence').click();
  const dialog = page.getByTestId('attach-dialog');
  await dialog.getByTestId('attach-persona').selectOption({ label: 'Frugal Fred' });
  // The new module is the last one offered, under the module kind's name.
  const chartField = await dialog.getByTestId('attach-field').locator('option').evaluateAll((options) =>
    options.filter((o) => o.textContent?.startsWith('Chart')).map((o) => (o as HTMLOptionElement).value).pop(),
  );
  expect(chartField, 'the new chart module is offered as a field').toBeTruthy();
  await dialog.getByTestId('attach-field').selectOption(chartField!);
  await dialog.getByTestId('attach-kind-distribution').check();
  await dialog.getByTestId('attach-confirm').click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('project-item').first().click();
  await page.getByTestId('persona-card').filter({ hasText: 'Frugal Fred' }).click();
  const drawn = page.locator(`section[data-module="${chartField}"]`);
  await expect(drawn.locator('svg g.bars rect')).toHaveCount(3);
  await expect(drawn.locator('svg g.values text')).toHaveText(['40% · 24', '40% · 24', '20% · 12']);
});
