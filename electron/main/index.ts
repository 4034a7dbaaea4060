// Electron entry: single-instance lock, app:// protocol, the notebook core, IPC, menu, window.
// Each feature module registers itself here, in order, before the first window opens.
import { app, BrowserWindow, dialog, safeStorage, session, type WebContents } from 'electron';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CHANGED_CHANNEL, PROGRESS_CHANNEL } from '../shared/contract';
import { createDispatcher } from '../core/dispatch';
import { openNotebook, type Notebook } from '../core/notebook';
import { openFailureOf } from '../core/open-failure';
import { withSaveDialog } from './export-dialog';
import { withSystemViewer } from './open-original';
import { printToPdf } from './print-pdf';
import { fileSecrets } from './secrets';
import { setupIpc } from './ipc';
import { setupMenu } from './menu';
import {
  menuActions,
  receiveOpenedFiles,
  secureSession,
  setupContextMenu,
  setupRecentDocuments,
  taskbarProgress,
  watchWindowFailures,
  withSettingsApplied,
} from './native';
import { withFolderDialog } from './move-dialog';
import { withMergeDialog } from './merge-dialog';
import {
  preloadPath,
  rendererDir,
  resolveDataDirChoice,
  resourcesDir,
  settingsFile,
} from './paths';
import { ask } from './ask';
import { findNotebookFolder } from './find-notebook';
import { registerAppScheme, setupAppProtocol } from './protocol';
import { readSettings } from './spellcheck';
import { chosenButton, startupLogEntry, wordStartupFailure } from './startup-failure';
import { setupTheme } from './theme';
import { setupUpdates } from './updates';
import { createMainWindow } from './window';

let mainWindow: BrowserWindow | undefined;
const getWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined);
const isAppWindow = (sender: WebContents) => sender === getWindow()?.webContents;
let openedFiles: ReturnType<typeof receiveOpenedFiles> | undefined;

async function start() {
  const dataDir = await findNotebookFolder();
  if (dataDir === undefined) return app.exit(1);
  const notebook = await openOrExplain(dataDir);
  if (!notebook) return app.exit(1);
  try {
    setupWindow(notebook);
  } catch (error) {
    // Whatever failed after opening, the folder's lock goes with us.
    await notebook.store.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Opens the notebook, or says in a native dialog why it can't (and logs it). Another machine's
 * lock may be taken over, but only when the analyst chooses to in that dialog.
 */
async function openOrExplain(dataDir: string): Promise<Notebook | undefined> {
  let takeOverLock: string | undefined;
  for (;;) {
    try {
      return await openNotebook({
        dataDir,
        samplePath: join(resourcesDir(), 'azpromo-russia-azerbaijan.txt'),
        owner: `Research Notebook ${app.getVersion()}`,
        settingsFile: settingsFile(),
        ...(takeOverLock !== undefined && { takeOverLock }),
        printToPdf,
        // Sync's password: encrypted with safeStorage beside the settings, never in the notebook.
        secrets: fileSecrets(join(app.getPath('userData'), 'secrets.json'), () => safeStorage),
      });
    } catch (error) {
      const logFile = await logStartupFailure(error, dataDir);
      const words = wordStartupFailure(openFailureOf(error), {
        dataDir,
        ...(logFile !== undefined && { logFile }),
        takeOver: 'button',
      });
      const chosen = chosenButton(words, await ask(words, 'error'));
      if (chosen.action !== 'take-over') return undefined;
      takeOverLock = chosen.token;
    }
  }
}

function setupWindow(notebook: Notebook) {
  // Before anything loads: nothing leaves the session until the settings say it may.
  const native = secureSession(session.defaultSession);
  const taskbar = taskbarProgress(getWindow);
  const handlers = {
    ...notebook.handlers,
    setSettings: withSettingsApplied(notebook.handlers.setSettings, native.apply),
    importProject: taskbar.around('import-project', notebook.handlers.importProject),
    exportNotes: withSaveDialog(notebook.handlers.exportNotes, getWindow),
    saveFigure: withSaveDialog(notebook.handlers.saveFigure, getWindow, 'Save figure'),
    exportReport: withSaveDialog(notebook.handlers.exportReport, getWindow, 'Save report'),
    openOriginal: withSystemViewer(notebook.handlers.openOriginal),
    moveNotebook: withFolderDialog(notebook.moveTo, getWindow),
    previewMerge: withMergeDialog(notebook.previewMergeFrom, getWindow),
  };
  setupTheme(notebook.settings);
  setupAppProtocol(rendererDir());
  setupIpc(createDispatcher(handlers), isAppWindow);
  setupRecentDocuments(isAppWindow);
  const historyChanged = setupMenu(
    getWindow,
    () => handlers.getHistory({}),
    menuActions(getWindow, () => handlers.getDataFolder({})),
  );
  // The core's "changed" event goes to the window beside the menu's channel; views refresh from
  // it, and the menu's Undo and Redo say again what they would do.
  notebook.onChanged((notice) => {
    getWindow()?.webContents.send(CHANGED_CHANNEL, notice);
    void historyChanged();
  });
  notebook.onProgress((progress) => {
    getWindow()?.webContents.send(PROGRESS_CHANNEL, progress);
    taskbar.update(progress);
  });
  // The window's place belongs to this computer's screens, not to the notebook (which moves).
  mainWindow = createMainWindow({ preload: preloadPath(), stateDir: app.getPath('userData') });
  setupContextMenu(mainWindow.webContents);
  watchWindowFailures(mainWindow);
  openedFiles?.windowLoaded(mainWindow);
  openedFiles?.commandLine();
  // Spelling and the network follow the settings once read; unreadable, both stay off.
  void readSettings(() => handlers.getSettings({})).then(native.apply);
  // Off (and electron-updater not even loaded) until the analyst configures a feed.
  setupUpdates(() => handlers.getSettings({}));

  // Every save is already durable in the journal; compacting it on the way out just means the
  // next start replays nothing.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    void notebook.store.close().finally(() => app.quit());
  });
  // A plain kill would skip before-quit, leaving the folder's lock behind (to be found stale).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

/** Writes a start-up failure to the console and to main.log in the app's logs folder. */
async function logStartupFailure(error: unknown, dataDir: string): Promise<string | undefined> {
  const entry = startupLogEntry(error, dataDir);
  console.error(entry);
  try {
    const file = join(app.getPath('logs'), 'main.log');
    await mkdir(dirname(file), { recursive: true });
    await appendFile(file, entry);
    return file;
  } catch {
    return undefined;
  }
}

/** Any other start-up failure: never only on stderr. */
async function explainAndExit(error: unknown) {
  const dataDir = (() => {
    try {
      return resolveDataDirChoice().dir;
    } catch {
      return '(unknown)';
    }
  })();
  const logFile = await logStartupFailure(error, dataDir);
  const words = wordStartupFailure(openFailureOf(error), {
    dataDir,
    ...(logFile !== undefined && { logFile }),
  });
  // showErrorBox works even before the app is ready.
  dialog.showErrorBox(words.title, `${words.message}\n\n${words.detail}`);
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  // Before ready: macOS hands over the file it launched the app with as soon as it starts.
  openedFiles = receiveOpenedFiles(getWindow);
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openedFiles?.secondInstance(argv, workingDirectory);
    const window = getWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.enableSandbox();
  app.whenReady().then(start).catch(explainAndExit);
}
