// What an e2e spec needs from a host, whichever it is: the page, a restart on the same data
// folder, and a way to catch an exported file.
import { test as base, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost } from './browser-host';
import { electronBinaryAvailable, startElectronHost } from './electron-host';

export interface ExportedFile {
  fileName: string;
  content: string;
}

export interface AppHost {
  kind: 'browser' | 'electron';
  readonly page: Page;
  /**
   * Stop the app and start it again on the same data folder; `whileStopped` runs in between, to
   * change the folder's files as a sync tool, a crash or a damaged disk would.
   */
  restart(whileStopped?: () => Promise<void>): Promise<void>;
  /** Runs `trigger` (which must end in an export) and returns the written file. */
  captureExport(trigger: (page: Page) => Promise<void>): Promise<ExportedFile>;
  close(): Promise<void>;
}

export const test = base.extend<{ host: AppHost; dataDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'notebook-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  host: async ({ browser, dataDir }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      test.skip(
        !electronBinaryAvailable(),
        'No Electron binary on this machine (Electron downloads it on first launch, which needs GitHub); these specs ran in the browser host',
      );
    }
    const host =
      testInfo.project.name === 'electron'
        ? await startElectronHost(dataDir)
        : await startBrowserHost(browser, dataDir);
    await use(host);
    await host.close();
  },
});

export { expect } from '@playwright/test';
