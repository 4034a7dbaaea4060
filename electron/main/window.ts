// The main window: secure web preferences, navigation and new windows denied, external links
// handed to the OS browser after URL parsing (the rules themselves are in window-guards.ts).
import { BrowserWindow, dialog, shell } from 'electron';
import { APP_ORIGIN } from './app-url';
import { MIN_SIZE } from './window-bounds';
import { externalUrlToOpen, mayNavigate } from './window-guards';
import { loadWindowState, trackWindowState } from './window-state';

export function createMainWindow(options: { preload: string; stateDir: string }): BrowserWindow {
  const state = loadWindowState(options.stateDir);
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Research Notebook',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, options.stateDir);

  const { webContents } = window;
  webContents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  webContents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  // The renderer holds back its unload while an editor has unsaved changes; Electron then asks us
  // (it shows no dialog of its own), so ask the analyst. preventDefault() here means "leave".
  webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Keep editing', 'Close without saving'],
      defaultId: 0,
      cancelId: 0,
      title: 'Unsaved changes',
      message: 'An annotation or the article’s text has changes that are not saved.',
      detail: 'Close anyway, and lose them?',
    });
    if (choice === 1) event.preventDefault();
  });
  webContents.session.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );

  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
