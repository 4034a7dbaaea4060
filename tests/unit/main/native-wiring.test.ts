// Electron's start-up wiring of the native behaviours, against a stand-in for Electron (its binary
// can't run here) and a real notebook folder with real files: the session is closed to the
// network and spell-checking off before the window exists, then both follow the settings; files
// the OS opens (macOS's open-file before the app is ready, the command line, a second instance)
// reach the window as names and bytes once it has loaded, and go into recent documents; the
// context menu sends the Annotate command; Help's items act in the main process.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { Dispatch } from '../../../electron/core/dispatch';
import { MENU_CHANNEL } from '../../../electron/shared/contract';
import {
  OPEN_FILES_CHANNEL,
  RECENT_CHANNEL,
  type OpenedFiles,
} from '../../../electron/shared/open-files';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const order: string[] = [];
  const appListeners = new Map<string, Listener>();
  const ipcListeners = new Map<string, Listener>();
  const contentsListeners = new Map<string, Listener[]>();
  const sent: unknown[][] = [];
  let requestListener: Listener | undefined;
  const session = {
    availableSpellCheckerLanguages: ['en-GB', 'en-US', 'de-DE'],
    setSpellCheckerEnabled: (on: boolean) => void order.push(`spellcheck ${on}`),
    setSpellCheckerLanguages: (languages: string[]) =>
      void order.push(`languages ${languages.join(',')}`),
    addWordToSpellCheckerDictionary: () => true,
    webRequest: {
      onBeforeRequest: (listener: Listener) => {
        order.push('guard');
        requestListener = listener;
      },
    },
  };
  const webContents = {
    send: (...args: unknown[]) => void sent.push(args),
    on: (event: string, listener: Listener) =>
      void contentsListeners.set(event, [...(contentsListeners.get(event) ?? []), listener]),
    replaceMisspelling: () => undefined,
    reload: () => void order.push('reload'),
    session,
  };
  const window = {
    webContents,
    isDestroyed: () => false,
    isMinimized: () => false,
    restore: () => undefined,
    focus: () => void order.push('focus'),
    isMaximized: () => false,
    maximize: () => void order.push('maximize'),
    unmaximize: () => undefined,
    setProgressBar: (value: number) => void order.push(`progress ${value}`),
  };
  return {
    order,
    appListeners,
    ipcListeners,
    contentsListeners,
    sent,
    window,
    session,
    request: (url: string) => {
      let cancel: boolean | undefined;
      requestListener!({ url }, (answer: { cancel: boolean }) => (cancel = answer.cancel));
      return cancel;
    },
    template: [] as MenuItemConstructorOptions[],
    popups: [] as MenuItemConstructorOptions[][],
    dispatch: undefined as Dispatch | undefined,
    recent: [] as string[],
    opened: [] as string[],
    boxes: [] as Array<{ message?: string }>,
    quit: vi.fn(),
  };
});

vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    on: (event: string, listener: Listener) => void electron.appListeners.set(event, listener),
    enableSandbox: () => undefined,
    whenReady: () => Promise.resolve(),
    getVersion: () => '0.1.0',
    getAppPath: () => process.cwd(),
    getPath: (name: string) => join(process.env.NOTEBOOK_TEST_ELECTRON_PATHS ?? '', name),
    getPreferredSystemLanguages: () => ['en-GB'],
    addRecentDocument: (path: string) => void electron.recent.push(path),
    exit: () => undefined,
    quit: electron.quit,
  },
  dialog: {
    showMessageBox: async (...args: unknown[]) => {
      electron.boxes.push(args.at(-1) as { message?: string });
      return { response: 0 };
    },
    showErrorBox: () => undefined,
  },
  BrowserWindow: class {},
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({
      template,
      popup: () => void electron.popups.push(template),
    }),
    setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] }) =>
      void (electron.template = menu.template),
  },
  session: { defaultSession: electron.session },
  ipcMain: {
    on: (channel: string, listener: Listener) => void electron.ipcListeners.set(channel, listener),
  },
  shell: {
    openPath: async (path: string) => {
      electron.opened.push(path);
      return '';
    },
  },
}));
vi.mock('../../../electron/main/window', () => ({
  createMainWindow: () => {
    electron.order.push('window');
    return electron.window;
  },
}));
vi.mock('../../../electron/main/protocol', () => ({
  registerAppScheme: () => undefined,
  setupAppProtocol: () => undefined,
}));
vi.mock('../../../electron/main/ipc', () => ({
  setupIpc: (dispatch: Dispatch) => (electron.dispatch = dispatch),
}));
// Other features' Electron glue, each tested on its own.
vi.mock('../../../electron/main/export-dialog', () => ({ withSaveDialog: (h: unknown) => h }));
vi.mock('../../../electron/main/open-original', () => ({ withSystemViewer: (h: unknown) => h }));
vi.mock('../../../electron/main/print-pdf', () => ({ printToPdf: async () => new Uint8Array() }));
vi.mock('../../../electron/main/move-dialog', () => ({ withFolderDialog: (h: unknown) => h }));
vi.mock('../../../electron/main/theme', () => ({ setupTheme: () => undefined }));
vi.mock('../../../electron/main/updates', () => ({
  setupUpdates: () => ({ refresh: async () => undefined, stop: () => undefined }),
}));

let root: string;
const argv = process.argv;
const platform = process.platform;
const fire = (event: string, ...args: unknown[]) =>
  electron.contentsListeners.get(event)?.forEach((listener) => listener(...args));
const openedMessages = () =>
  electron.sent
    .filter(([channel]) => channel === OPEN_FILES_CHANNEL)
    .map(([, m]) => m as OpenedFiles);
const DICTIONARY = 'https://redirector.gvt1.com/edgedl/chrome/dict/en-gb-10-1.bdic';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'notebook-native-wiring-'));
  process.env.NOTEBOOK_DATA_DIR = join(root, 'notebook');
  process.env.NOTEBOOK_TEST_ELECTRON_PATHS = join(root, 'electron');
  await writeFile(join(root, 'Dock ə ş 🇦🇿.md'), '# Dock\n\nFrom the Dock icon.');
  await writeFile(join(root, 'command line?.txt'), 'From the command line.');
  await writeFile(join(root, 'second ] İ.md'), 'From a second instance.');
  // As `electron . <file>` starts it (process.defaultApp), with Playwright's flags in front.
  Object.defineProperty(process, 'defaultApp', { value: true, configurable: true });
  // Windows: recent documents exist there (not on Linux), and the menus are Windows' and Linux's.
  Object.defineProperty(process, 'platform', { value: 'win32' });
  process.argv = ['/usr/bin/electron', '--inspect=0', '.', join(root, 'command line?.txt')];
});
afterAll(async () => {
  process.argv = argv;
  Object.defineProperty(process, 'defaultApp', { value: undefined, configurable: true });
  Object.defineProperty(process, 'platform', { value: platform });
  electron.appListeners.get('before-quit')?.({ preventDefault: () => undefined });
  await vi.waitFor(() => expect(electron.quit).toHaveBeenCalled());
  delete process.env.NOTEBOOK_DATA_DIR;
  delete process.env.NOTEBOOK_TEST_ELECTRON_PATHS;
  await rm(root, { recursive: true, force: true });
});

async function call<T>(name: string, input: object): Promise<T> {
  const envelope = (await electron.dispatch!(name as never, input)) as
    { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

it('closes the session before the window exists, then follows the settings', async () => {
  await import('../../../electron/main/index');
  // macOS hands over the file it launched the app with before the app is ready.
  electron.appListeners.get('open-file')!(
    { preventDefault: () => undefined },
    join(root, 'Dock ə ş 🇦🇿.md'),
  );
  await vi.waitFor(() => expect(electron.dispatch).toBeDefined(), { timeout: 20_000 });
  const { order } = electron;
  const made = order.indexOf('window');
  expect(made).toBeGreaterThan(0);
  expect(order.slice(0, made)).toEqual(expect.arrayContaining(['spellcheck false', 'guard']));
  expect(order.slice(0, made)).not.toContain('spellcheck true');
  expect(electron.request('app://notebook/index.html')).toBe(false);
  expect(electron.request('https://example.com/tracker.js')).toBe(true);

  // The default settings check spelling: on Linux that fetches the system language's dictionary.
  await vi.waitFor(() => expect(order).toContain('spellcheck true'));
  expect(order.slice(order.indexOf('languages en-GB'))).toContain('spellcheck true');
  expect(electron.request(DICTIONARY)).toBe(false);
  expect(electron.request('https://example.com/tracker.js')).toBe(true);

  // Turned off in the settings: nothing is fetched any more.
  await call('setSettings', { spellCheck: false });
  expect(order.at(-1)).toBe('spellcheck false');
  expect(electron.request(DICTIONARY)).toBe(true);
});

it('sends files the OS opened once the window has loaded, as names and bytes, in order', async () => {
  expect(openedMessages()).toEqual([]);
  fire('did-finish-load');
  await vi.waitFor(() => expect(openedMessages()).toHaveLength(2));
  const [dock, commandLine] = openedMessages();
  expect(dock!.files.map((f) => f.fileName)).toEqual(['Dock ə ş 🇦🇿.md']);
  expect(new TextDecoder().decode(dock!.files[0]!.bytes)).toBe('# Dock\n\nFrom the Dock icon.');
  expect(commandLine!.files.map((f) => f.fileName)).toEqual(['command line?.txt']);
  expect(JSON.stringify(openedMessages())).not.toContain(root);
  expect(electron.recent).toEqual([join(root, 'Dock ə ş 🇦🇿.md'), join(root, 'command line?.txt')]);

  // A second instance passes its command line on (and its own working folder).
  electron.appListeners.get('second-instance')!(
    {},
    ['/usr/bin/electron', '.', 'second ] İ.md', 'missing.pdf'],
    root,
  );
  await vi.waitFor(() => expect(openedMessages()).toHaveLength(3));
  expect(openedMessages()[2]).toMatchObject({
    files: [{ fileName: 'second ] İ.md' }],
    refused: [{ fileName: 'missing.pdf' }],
  });
  expect(electron.order.at(-1)).toBe('focus');
});

it('lists a file the window imported in recent documents, from the app’s window only', () => {
  const listener = electron.ipcListeners.get(RECENT_CHANNEL)!;
  const before = electron.recent.length;
  const app = {
    sender: electron.window.webContents,
    senderFrame: { url: 'app://notebook/index.html' },
  };
  listener(app, '/home/analyst/Çay/article.pdf');
  listener({ ...app, senderFrame: { url: 'https://evil.example/' } }, '/tmp/evil.pdf');
  listener({ sender: {}, senderFrame: app.senderFrame }, '/tmp/other.pdf');
  listener(app, 'relative.pdf');
  expect(electron.recent.slice(before)).toEqual(['/home/analyst/Çay/article.pdf']);
});

it('offers Annotate selection on selected text, sending the command its shortcut sends', () => {
  fire(
    'context-menu',
    {},
    {
      isEditable: false,
      selectionText: 'business forums',
      misspelledWord: '',
      dictionarySuggestions: [],
      editFlags: { canCut: false, canCopy: true, canPaste: false, canSelectAll: true },
    },
  );
  const menu = electron.popups.at(-1)!;
  expect(menu.map((i) => i.label ?? i.role ?? i.type)).toEqual([
    'Annotate selection',
    'separator',
    'copy',
  ]);
  (menu[0]!.click as () => void)();
  expect(electron.sent.at(-1)).toEqual([MENU_CHANNEL, 'annotate']);
});

it('reveals the notebook folder and shows About from the Help menu', async () => {
  const help = electron.template.find((m) => m.label === '&Help')!
    .submenu as MenuItemConstructorOptions[];
  (help.find((i) => i.label === 'Reveal data folder')!.click as () => void)();
  await vi.waitFor(() => expect(electron.opened).toEqual([join(root, 'notebook')]));
  (help.find((i) => i.label === 'About Research Notebook')?.click as (() => void) | undefined)?.();
  if (process.platform !== 'darwin') {
    await vi.waitFor(() => expect(electron.boxes.at(-1)?.message).toBe('Research Notebook 0.1.0'));
  }
});

it('says so in a dialog when the window’s page fails to load, and reloads when asked', async () => {
  const before = electron.boxes.length;
  fire('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://notebook/index.html', true);
  fire('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://notebook/index.html', true);
  await vi.waitFor(() => expect(electron.order.at(-1)).toBe('reload'));
  expect(electron.boxes.slice(before).map((b) => b.message)).toEqual([
    'The window could not be loaded.',
  ]);
});
