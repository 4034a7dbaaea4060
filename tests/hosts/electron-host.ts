// Starts the packaged-to-be app in Electron for an e2e spec, where an Electron binary exists.
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AppHost } from './app-host';
import { answerFirstRun, type FirstRunOption } from './first-run';

const require = createRequire(import.meta.url);

/**
 * Electron 42+ downloads its binary on first launch; where that can't happen there is no dist/.
 * ELECTRON_OVERRIDE_DIST_PATH (read by the electron package itself) points at an unpacked
 * Electron elsewhere, such as one installed by hand.
 */
export function electronBinaryAvailable(): boolean {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return existsSync(override);
  try {
    return existsSync(join(dirname(require.resolve('electron/package.json')), 'dist'));
  } catch {
    return false;
  }
}

export async function startElectronHost(
  dataDir: string,
  { firstRun = 'answer' }: FirstRunOption = {},
): Promise<AppHost> {
  let app = await launch(dataDir);
  let page = await app.firstWindow();
  await page.getByRole('article').waitFor();
  if (firstRun === 'answer') await answerFirstRun(page);
  const host: AppHost = {
    kind: 'electron',
    get page() {
      return page;
    },
    async restart(whileStopped) {
      await app.close();
      await whileStopped?.();
      app = await launch(dataDir);
      page = await app.firstWindow();
      await page.getByRole('article').waitFor();
      if (firstRun === 'answer') await answerFirstRun(page);
    },
    async captureExport(trigger: (page: Page) => Promise<void>) {
      const target = join(dataDir, `export-${Date.now()}`);
      // The native save dialog can't be clicked by a test: answer it with a path instead.
      await app.evaluate(({ dialog }, filePath) => {
        dialog.showSaveDialog = (async () => ({
          canceled: false,
          filePath,
        })) as typeof dialog.showSaveDialog;
      }, target);
      await trigger(page);
      await page.getByText(/Exported to/).waitFor();
      return { fileName: target, content: await readFile(target, 'utf8') };
    },
    async close() {
      await app.close();
    },
  };
  return host;
}

function launch(dataDir: string): Promise<ElectronApplication> {
  return electron.launch({ args: ['.', '--data-dir', dataDir], cwd: process.cwd() });
}
