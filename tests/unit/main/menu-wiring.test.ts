// Electron's start-up wiring of the menu to the core's history, against a stand-in for Electron
// (its binary can't run here) and a real notebook folder: a change made through the calls the
// window makes goes to the window as "changed", and the Edit menu then names the step that undo
// (or redo) would take, and says plain Undo, disabled, when there is none.
import type { MenuItemConstructorOptions } from 'electron';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Dispatch } from '../../../electron/core/dispatch';
import { CHANGED_CHANNEL } from '../../../electron/shared/contract';

const electron = vi.hoisted(() => ({
  template: [] as MenuItemConstructorOptions[],
  dispatch: undefined as ((name: string, input: unknown) => Promise<unknown>) | undefined,
  sent: [] as unknown[][],
  listeners: new Map<string, (...args: unknown[]) => void>(),
  quit: vi.fn(),
}));

vi.mock('electron', () => {
  return {
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
      exit: () => undefined,
      quit: electron.quit,
    },
    dialog: { showMessageBox: async () => ({ response: 0 }), showErrorBox: () => undefined },
    session: { defaultSession: {} },
    BrowserWindow: class {},
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => (electron.template = template),
      setApplicationMenu: () => undefined,
    },
  };
});
vi.mock('../../../electron/main/window', () => ({
  createMainWindow: () => ({
    isDestroyed: () => false,
    webContents: { send: (...args: unknown[]) => electron.sent.push(args) },
  }),
}));
vi.mock('../../../electron/main/protocol', () => ({
  registerAppScheme: () => undefined,
  setupAppProtocol: () => undefined,
}));
vi.mock('../../../electron/main/ipc', () => ({
  setupIpc: (dispatch: Dispatch) => (electron.dispatch = dispatch),
}));
vi.mock('../../../electron/main/export-dialog', () => ({ withSaveDialog: (h: unknown) => h }));
vi.mock('../../../electron/main/open-original', () => ({ withSystemViewer: (h: unknown) => h }));
// The native behaviours' glue has a test of its own (native-wiring.test.ts).
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
const platform = process.platform;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'notebook-menu-wiring-'));
  process.env.NOTEBOOK_DATA_DIR = join(root, 'notebook');
  process.env.NOTEBOOK_TEST_ELECTRON_PATHS = join(root, 'electron');
});
afterAll(async () => {
  // Quitting closes the notebook (and its folder's lock) before the app goes.
  const beforeQuit = electron.listeners.get('before-quit');
  beforeQuit?.({ preventDefault: () => undefined });
  await vi.waitFor(() => expect(electron.quit).toHaveBeenCalled());
  Object.defineProperty(process, 'platform', { value: platform });
  delete process.env.NOTEBOOK_DATA_DIR;
  delete process.env.NOTEBOOK_TEST_ELECTRON_PATHS;
  await rm(root, { recursive: true, force: true });
});

/** A call as the window makes it; the envelope's value, or a throw with the refusal. */
async function call<T>(name: string, input: object): Promise<T> {
  const envelope = (await electron.dispatch!(name, input)) as
    { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

const undoRedo = () =>
  (
    electron.template.find((menu) => menu.label === '&Edit')!
      .submenu as MenuItemConstructorOptions[]
  )
    .slice(0, 2)
    .map(({ label, enabled }) => ({ label, enabled }));

it('names the step undo or redo would take once the core announces a change', async () => {
  // macOS starts with the roles instead (see menu-items); the wiring is the same everywhere.
  Object.defineProperty(process, 'platform', { value: 'linux' });
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(electron.dispatch).toBeDefined(), { timeout: 20_000 });
  expect(undoRedo()).toEqual([
    { label: 'Undo', enabled: false },
    { label: 'Redo', enabled: false },
  ]);

  const [article] = await call<Array<{ id: string }>>('listArticles', {});
  const { text } = await call<{ text: string }>('getArticle', { id: article!.id });
  const start = text.indexOf('business forums');
  await call('createAnnotation', {
    articleId: article!.id,
    start,
    end: start + 'business forums'.length,
    tagNames: ['Geo/Çay ə ş?'],
    comment: '',
  });
  await vi.waitFor(() =>
    expect(undoRedo()).toEqual([
      { label: 'Undo Add annotation', enabled: true },
      { label: 'Redo', enabled: false },
    ]),
  );
  expect(electron.sent.some(([channel]) => channel === CHANGED_CHANNEL)).toBe(true);

  await call('undo', {});
  await vi.waitFor(() =>
    expect(undoRedo()).toEqual([
      { label: 'Undo', enabled: false },
      { label: 'Redo Add annotation', enabled: true },
    ]),
  );
});
