// Electron's start-up when the notebook can't be opened, against a stand-in for Electron (its
// binary can't run here) and a real notebook folder: the analyst gets a native dialog in words,
// never only a line on stderr; no window opens, the app exits 1, and the folder is left as it was.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { snapshotDir } from '../support/dir-snapshot';

const electron = vi.hoisted(() => ({
  app: {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    on: () => undefined,
    enableSandbox: () => undefined,
    whenReady: () => Promise.resolve(),
    getVersion: () => '0.1.0',
    getAppPath: () => process.cwd(),
    getPath: (name: string) => join(process.env.NOTEBOOK_TEST_ELECTRON_PATHS ?? '', name),
    exit: vi.fn(),
    quit: vi.fn(),
  },
  dialog: {
    showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
    showErrorBox: vi.fn(),
  },
  createMainWindow: vi.fn(),
}));

vi.mock('electron', () => ({
  app: electron.app,
  dialog: electron.dialog,
  BrowserWindow: class {},
}));
vi.mock('../../../electron/main/window', () => ({ createMainWindow: electron.createMainWindow }));
vi.mock('../../../electron/main/protocol', () => ({
  registerAppScheme: () => undefined,
  setupAppProtocol: () => undefined,
}));
vi.mock('../../../electron/main/menu', () => ({ setupMenu: () => undefined }));
vi.mock('../../../electron/main/ipc', () => ({ setupIpc: () => undefined }));
vi.mock('../../../electron/main/export-dialog', () => ({ withSaveDialog: (h: unknown) => h }));

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'notebook-electron-start-'));
});
afterAll(async () => {
  delete process.env.NOTEBOOK_DATA_DIR;
  delete process.env.NOTEBOOK_TEST_ELECTRON_PATHS;
  await rm(root, { recursive: true, force: true });
});

it('a notebook from a newer version: a dialog says to update, no window opens, nothing changes', async () => {
  const dataDir = join(root, 'notebook');
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'notebook.json'), JSON.stringify({ version: 3, journalSeq: 0 }));
  const before = await snapshotDir(dataDir);
  process.env.NOTEBOOK_DATA_DIR = dataDir;
  process.env.NOTEBOOK_TEST_ELECTRON_PATHS = join(root, 'electron');
  const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);

  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalled(), { timeout: 10_000 });

  expect(electron.app.exit).toHaveBeenCalledWith(1);
  expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
  expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
    expect.objectContaining({
      type: 'error',
      title: 'Update Research Notebook',
      message:
        'This notebook was saved by a newer version of Research Notebook; update the app to open it.',
      detail: expect.stringContaining('Nothing was changed.'),
      buttons: ['Quit'],
    }),
  );
  expect(electron.createMainWindow).not.toHaveBeenCalled();
  // The details go to the log too, not instead of the dialog.
  expect(stderr).toHaveBeenCalled();
  stderr.mockRestore();
  // The lock was released and nothing else was written.
  expect(await snapshotDir(dataDir)).toEqual(before);
});
