// The main window: secure web preferences, navigation and new windows denied, external links
// handed to the OS browser after URL parsing, no permissions, DevTools only in development (the
// rules themselves are in window-guards.ts).
import { app, BrowserWindow, dialog, shell } from 'electron';
import { APP_ORIGIN } from './app-url';
import { MIN_SIZE } from './window-bounds';
import {
  externalUrlToOpen,
  isDevToolsShortcut,
  mayNavigate,
  webPreferencesFor,
} from './window-guards';
import { loadWindowState, trackWindowState } from './window-state';

export function createMainWindow(options: { preload: string; stateDir: string }): BrowserWindow {
  const state = loadWindowState(options.stateDir);
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Research Notebook',
    webPreferences: webPreferencesFor({ preload: options.preload, isPackaged: app.isPackaged }),
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
  // devTools is off in packaged builds already; the keys are held back too, so they do nothing.
  if (app.isPackaged) {
    webContents.on('before-input-event', (event, input) => {
      if (isDevToolsShortcut(input)) event.preventDefault();
    });
  }
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
  // The app needs no permission: every request is refused, and every check answers no (the
  // silent asks: navigator.permissions.query, and the checks some APIs make before prompting).
  webContents.session.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  webContents.session.setPermissionCheckHandler(() => false);

  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
