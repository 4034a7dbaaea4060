// Electron's start-up when another computer holds the notebook folder, against a stand-in for
// Electron and a real folder with a real lock file: a native dialog says where and since when and
// offers "Open here anyway" as a separate button; nothing is taken over before the analyst
// chooses it, and choosing it opens the notebook here.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { LOCK_NAME } from '../../../electron/core/store/lock';

const electron = vi.hoisted(() => ({
  listeners: new Map<string, (...args: unknown[]) => void>(),
  lockWhenAsked: '',
  dialog: {
    showMessageBox: vi.fn(async () => {
      // The folder is untouched while the analyst reads the dialog.
      electron.lockWhenAsked = await electron.readLock();
      return { response: 1, checkboxChecked: false };
    }),
    showErrorBox: vi.fn(),
  },
  readLock: async () => '',
  createMainWindow: vi.fn(() => ({ isDestroyed: () => false, webContents: { send: () => {} } })),
  exit: vi.fn(),
  quit: vi.fn(),
}));

vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    on: (event: string, listener: (...args: unknown[]) => void) =>
      electron.listeners.set(event, listener),
    enableSandbox: () => undefined,
    whenReady: () => Promise.resolve(),
    getVersion: () => '0.1.0',
    getAppPath: () => process.cwd(),
    getPath: (name: string) => join(process.env.NOTEBOOK_TEST_ELECTRON_PATHS ?? '', name),
    exit: electron.exit,
    quit: electron.quit,
  },
  dialog: electron.dialog,
  session: { defaultSession: {} },
  BrowserWindow: class {},
}));
vi.mock('../../../electron/main/window', () => ({ createMainWindow: electron.createMainWindow }));
vi.mock('../../../electron/main/protocol', () => ({
  registerAppScheme: () => undefined,
  setupAppProtocol: () => undefined,
}));
vi.mock('../../../electron/main/menu', () => ({ setupMenu: () => async () => undefined }));
vi.mock('../../../electron/main/ipc', () => ({ setupIpc: () => undefined }));
vi.mock('../../../electron/main/export-dialog', () => ({ withSaveDialog: (h: unknown) => h }));
vi.mock('../../../electron/main/open-original', () => ({ withSystemViewer: (h: unknown) => h }));
vi.mock('../../../electron/main/print-pdf', () => ({ printToPdf: async () => new Uint8Array() }));
vi.mock('../../../electron/main/move-dialog', () => ({ withFolderDialog: (h: unknown) => h }));
vi.mock('../../../electron/main/theme', () => ({ setupTheme: () => undefined }));
vi.mock('../../../electron/main/updates', () => ({
  setupUpdates: () => ({ refresh: async () => undefined, stop: () => undefined }),
}));
vi.mock('../../../electron/main/native', () => ({
  secureSession: () => ({ apply: () => undefined }),
  taskbarProgress: () => ({ update: () => undefined, around: (_task: string, h: unknown) => h }),
  withSettingsApplied: (h: unknown) => h,
  setupRecentDocuments: () => undefined,
  setupContextMenu: () => undefined,
  watchWindowFailures: () => undefined,
  menuActions: () => ({}),
  receiveOpenedFiles: () => ({
    commandLine: () => undefined,
    secondInstance: () => undefined,
    windowLoaded: () => undefined,
  }),
}));

let root: string;
let dataDir: string;
const THEIRS = {
  owner: 'Research Notebook 0.1.0',
  pid: 4242,
  host: 'ANNS-LAPTOP',
  token: 'aaaaaaaa-1111-2222-3333-444444444444',
  since: '2026-11-30T09:15:00.000Z',
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'notebook-electron-locked-'));
  dataDir = join(root, 'Məqalələr ə ş');
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, LOCK_NAME), JSON.stringify(THEIRS));
  electron.readLock = () => readFile(join(dataDir, LOCK_NAME), 'utf8');
  process.env.NOTEBOOK_DATA_DIR = dataDir;
  process.env.NOTEBOOK_TEST_ELECTRON_PATHS = join(root, 'electron');
});
afterAll(async () => {
  electron.listeners.get('before-quit')?.({ preventDefault: () => undefined });
  await vi.waitFor(() => expect(electron.quit).toHaveBeenCalled());
  delete process.env.NOTEBOOK_DATA_DIR;
  delete process.env.NOTEBOOK_TEST_ELECTRON_PATHS;
  await rm(root, { recursive: true, force: true });
});

it('another computer’s lock: a native dialog, and the folder taken over only when chosen', async () => {
  const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(electron.createMainWindow).toHaveBeenCalled(), { timeout: 20_000 });
  stderr.mockRestore();

  expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
  expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
    expect.objectContaining({
      type: 'error',
      title: 'Notebook open on another computer',
      message: expect.stringContaining('This notebook is open on ANNS-LAPTOP since'),
      detail: expect.stringContaining(`Notebook folder: ${dataDir}`),
      buttons: ['Quit', 'Open here anyway'],
      defaultId: 0,
      cancelId: 0,
    }),
  );
  expect(JSON.parse(electron.lockWhenAsked)).toEqual(THEIRS);
  // Chosen: the lock is ours now, and the window opens; the app did not exit.
  const ours = JSON.parse(await readFile(join(dataDir, LOCK_NAME), 'utf8')) as typeof THEIRS;
  expect(ours.host).toBe(hostname());
  expect(ours.token).not.toBe(THEIRS.token);
  expect(electron.exit).not.toHaveBeenCalled();
  expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
});
