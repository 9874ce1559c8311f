// Shared set-up for the UI suite: every test fails on a page error, a console error
// (a CSP violation shows up as one) or a dialog opened by the page (alert() from
// injected markup would).
import { expect, test as base } from '@playwright/test';
import type { Page } from '@playwright/test';

export interface StoredPersona {
  id: string;
  name: string;
  archetype: string;
  quote: string;
  updated: string;
  modules: Array<{ id: string; body: { kind: string; rows?: Array<{ label?: string; left?: string; value: string | number }>; items?: string[]; tags?: string[] } }>;
}

/** What the mock backend holds right now. */
export async function stored(page: Page): Promise<{ projects: Array<{ id: string; name: string }>; personas: StoredPersona[] }> {
  // The mock is installed as the app starts; a test may ask before that.
  await page.waitForFunction(() => '__PERSONA_STUDIO_MOCK__' in window);
  return page.evaluate(() => {
    const mock = (window as unknown as { __PERSONA_STUDIO_MOCK__: { snapshot(): unknown } }).__PERSONA_STUDIO_MOCK__;
    return mock.snapshot() as { projects: Array<{ id: string; name: string }>; personas: StoredPersona[] };
  });
}

/** Opens the app on the mock backend: `seed` installs the example library first. */
export async function openApp(page: Page, options: { seed?: boolean; latency?: number } = {}): Promise<void> {
  const params = new URLSearchParams({ backend: 'mock' });
  if (options.seed) params.set('seed', 'example');
  if (options.latency) params.set('latency', String(options.latency));
  await page.goto(`/?${params}`);
}

export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('dialog', (d) => {
        problems.push(`unexpected ${d.type()} dialog: ${d.message()}`);
        void d.dismiss();
      });
      await use(problems);
      expect(problems, 'the page reported problems').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
