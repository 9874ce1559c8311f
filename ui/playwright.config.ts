import { defineConfig, devices } from '@playwright/test';

// The UI suite: the production build served by `vite preview` (under the app's CSP),
// the mock backend selected by the address, driven in Debian's Chromium. Nothing is
// downloaded: Playwright is pointed at /usr/bin/chromium (override with CHROMIUM).
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
// UI_TEST_PORT (or PW_PORT) lets several checkouts run the suite at once on one machine.
const port = Number(process.env.UI_TEST_PORT ?? process.env.PW_PORT ?? 1421);

export default defineConfig({
  testDir: '../tests/ui',
  // Screenshots are pictures for people, not assertions: taken only when asked for.
  testIgnore: process.env.SCREENSHOTS ? [] : ['**/screenshots*.spec.ts'],
  outputDir: '../tests/output/playwright',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
  webServer: {
    command: `npm run build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
