// The desktop's own behaviour, wired to Electron: the window's context menu, files the OS opens
// with the app, the OS's recent documents, progress on the taskbar or Dock, About and Reveal data
// folder, and the session kept off the network (spell-checking as the settings say). What each
// does is decided in the electron-free modules beside this one; this only connects them.
import {
  app,
  dialog,
  ipcMain,
  Menu,
  shell,
  type BrowserWindow,
  type IpcMainEvent,
  type MessageBoxOptions,
  type Session,
  type WebContents,
} from 'electron';
import { MENU_CHANNEL, type Handlers } from '../shared/contract';
import { OPEN_FILES_CHANNEL, RECENT_CHANNEL } from '../shared/open-files';
import type { AppSettings } from '../shared/settings';
import { aboutWords, revealFailureWords } from './about';
import { contextMenuItems, contextTemplate } from './context-menu';
import { isTrustedSender } from './ipc-sender';
import { APP_NAME, type MainAction } from './menu';
import { guardNetwork, networkPolicy, CLOSED } from './network-guard';
import { openFilesRelay, pathsFromArgv, readOpenedFiles } from './open-files';
import { progressBar } from './progress-bar';
import { hasRecentDocuments, recentDocumentPath } from './recent';
import { applySpellCheck } from './spellcheck';
import { wordWindowFailure, type WindowFailure } from './window-failure';

type GetWindow = () => BrowserWindow | undefined;

const showBox = (window: BrowserWindow | undefined, options: MessageBoxOptions) =>
  window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);

/**
 * Before the window exists: the session fetches nothing (no request leaves it but the app's own,
 * and the spell-checker, which would fetch dictionaries, is off). `apply` then follows the
 * settings; undefined (they can't be read) keeps everything closed.
 */
export function secureSession(session: Session) {
  session.setSpellCheckerEnabled(false);
  const setPolicy = guardNetwork(session, (url) => console.warn(`Blocked a request to ${url}`));
  return {
    apply(settings: AppSettings | undefined) {
      if (!settings) {
        setPolicy(CLOSED);
        session.setSpellCheckerEnabled(false);
        return;
      }
      setPolicy(networkPolicy(settings, process.platform));
      applySpellCheck(session, settings, {
        platform: process.platform,
        system: app.getPreferredSystemLanguages(),
      });
    },
  };
}

/** setSettings, then the session follows what was saved. */
export function withSettingsApplied(
  setSettings: Handlers['setSettings'],
  apply: (settings: AppSettings) => void,
): Handlers['setSettings'] {
  return async (input) => {
    const settings = await setSettings(input);
    apply(settings);
    return settings;
  };
}

export function setupContextMenu(webContents: WebContents) {
  webContents.on('context-menu', (_event, params) => {
    const items = contextMenuItems(params);
    if (items.length === 0) return;
    const template = contextTemplate(items, {
      replaceMisspelling: (word) => webContents.replaceMisspelling(word),
      addToDictionary: (word) => void webContents.session.addWordToSpellCheckerDictionary(word),
      send: (command) => webContents.send(MENU_CHANNEL, command),
    });
    Menu.buildFromTemplate(template).popup();
  });
}

/** The core's progress on the taskbar button or Dock icon; `around` clears it when a call ends. */
export function taskbarProgress(getWindow: GetWindow) {
  const bar = progressBar((value) => getWindow()?.setProgressBar(value));
  return {
    update: bar.update,
    around<I, R>(task: Parameters<typeof bar.end>[0], handler: (input: I) => Promise<R>) {
      return async (input: I): Promise<R> => {
        try {
          return await handler(input);
        } finally {
          bar.end(task);
        }
      };
    },
  };
}

function addRecentDocuments(paths: readonly string[]) {
  if (!hasRecentDocuments(process.platform)) return;
  for (const path of paths) {
    const recent = recentDocumentPath(path);
    if (recent) app.addRecentDocument(recent);
  }
}

/** Paths the preload sends after the window imported a file it picked or had dropped on it. */
export function setupRecentDocuments(isAppWindow: (sender: WebContents) => boolean) {
  ipcMain.on(RECENT_CHANNEL, (event: IpcMainEvent, path: unknown) => {
    if (isTrustedSender(event, isAppWindow)) addRecentDocuments([path].filter(isString));
  });
}

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * Files the OS opens with the app. Must be set up before the app is ready: macOS sends
 * 'open-file' for the file it launched the app with before that. They wait for the window to
 * have loaded (`windowLoaded`), then go to it as names and bytes, and into recent documents.
 */
export function receiveOpenedFiles(getWindow: GetWindow) {
  const relay = openFilesRelay(async (paths) => {
    const window = getWindow();
    if (!window) return;
    const { opened, read } = await readOpenedFiles(paths);
    window.webContents.send(OPEN_FILES_CHANNEL, opened);
    addRecentDocuments(read);
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    relay.open([path]);
  });
  const fromArgv = (argv: readonly string[], cwd: string) =>
    relay.open(pathsFromArgv(argv, { defaultApp: process.defaultApp === true, cwd }));
  return {
    /** The first launch's command line (Windows and Linux pass files there). */
    commandLine: () => fromArgv(process.argv, process.cwd()),
    /** A second instance's command line, passed on before it quits. */
    secondInstance: fromArgv,
    windowLoaded(window: BrowserWindow) {
      // A reload drops what the page held: files wait for the page to be back.
      window.webContents.on('did-start-loading', () => relay.notReady());
      window.webContents.on('did-finish-load', () => relay.ready());
    },
  };
}

/** Help › About, Reveal data folder, and Window › Maximize on Windows and Linux. */
export function menuActions(
  getWindow: GetWindow,
  getDataFolder: () => Promise<{ path: string }>,
): Record<MainAction, () => void> {
  const folder = () => getDataFolder().then(({ path }) => path);
  return {
    about: () =>
      void folder()
        .catch(() => undefined)
        .then((dataFolder) =>
          showBox(
            getWindow(),
            aboutWords({
              appName: APP_NAME,
              version: app.getVersion(),
              versions: process.versions,
              ...(dataFolder !== undefined && { dataFolder }),
            }),
          ),
        ),
    'reveal-data-folder': () =>
      void folder().then(async (path) => {
        const failure = await shell.openPath(path);
        if (failure) await showBox(getWindow(), revealFailureWords(path, failure));
      }),
    'toggle-maximize': () => {
      const window = getWindow();
      if (!window) return;
      if (window.isMaximized()) window.unmaximize();
      else window.maximize();
    },
  };
}

/**
 * A window whose page failed to load, or whose renderer went away, says so in a native dialog
 * and offers to reload, rather than staying blank.
 */
export function watchWindowFailures(window: BrowserWindow) {
  let asking = false;
  const explain = async (failure: WindowFailure) => {
    const words = wordWindowFailure(failure);
    if (!words || asking || window.isDestroyed()) return;
    asking = true;
    try {
      const { response } = await dialog.showMessageBox({
        type: 'error',
        ...words,
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      if (window.isDestroyed()) return;
      if (response === 0) window.webContents.reload();
      else app.quit();
    } finally {
      asking = false;
    }
  };
  window.webContents.on('did-fail-load', (_event, errorCode, description, url, mainFrame) => {
    void explain({ kind: 'load', errorCode, description, url, mainFrame });
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    void explain({ kind: 'gone', reason: details.reason, exitCode: details.exitCode });
  });
}
