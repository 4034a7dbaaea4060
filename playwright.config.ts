// e2e specs drive the built renderer through the UI. Project "browser": Debian Chromium against
// the browser host (the real core behind the same contract). Project "electron": the same specs
// through Electron itself, wherever its binary exists (skipped, with a reason, where it doesn't).
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/hosts/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/hosts/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    viewport: { width: 1400, height: 850 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'browser' }, { name: 'electron' }],
});
