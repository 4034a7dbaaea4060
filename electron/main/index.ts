// Electron entry: single-instance lock, app:// protocol, the notebook core, IPC, menu, window.
// Each feature module registers itself here, in order, before the first window opens.
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { CHANGED_CHANNEL } from '../shared/contract';
import { createDispatcher } from '../core/dispatch';
import { openNotebook } from '../core/notebook';
import { withSaveDialog } from './export-dialog';
import { setupIpc } from './ipc';
import { setupMenu } from './menu';
import { preloadPath, rendererDir, resolveDataDir, resourcesDir } from './paths';
import { registerAppScheme, setupAppProtocol } from './protocol';
import { createMainWindow } from './window';

let mainWindow: BrowserWindow | undefined;
const getWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined);

async function start() {
  const dataDir = resolveDataDir();
  const notebook = await openNotebook({
    dataDir,
    samplePath: join(resourcesDir(), 'azpromo-russia-azerbaijan.txt'),
  });
  const handlers = {
    ...notebook.handlers,
    exportNotes: withSaveDialog(notebook.handlers.exportNotes, getWindow),
  };
  setupAppProtocol(rendererDir());
  setupIpc(createDispatcher(handlers), (sender) => sender === getWindow()?.webContents);
  setupMenu(getWindow);
  // The core's "changed" event goes to the window beside the menu's channel; views refresh from it.
  notebook.onChanged((notice) => getWindow()?.webContents.send(CHANGED_CHANNEL, notice));
  mainWindow = createMainWindow({ preload: preloadPath(), stateDir: dataDir });

  // Every save is already durable in the journal; compacting it on the way out just means the
  // next start replays nothing.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    void notebook.store.close().finally(() => app.quit());
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    const window = getWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.enableSandbox();
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Research Notebook could not start:', error);
      app.exit(1);
    });
}
