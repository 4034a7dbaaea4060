// The native menu, built from the one command table: its labels and accelerators are the
// renderer's, and choosing an item sends the command's id to the renderer, which runs it. Undo
// and Redo name the step they would take, so the menu is built again when that changes.
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { CommandId, MenuName } from '../shared/commands';
import { MENU_CHANNEL, type HistoryState } from '../shared/contract';
import { followHistory, menuItems, type MenuItemSpec } from './menu-items';

/** Electron's item for one of ours: a command sent to the renderer, or a role. */
function electronItem(
  item: MenuItemSpec,
  send: (command: CommandId) => () => void,
): MenuItemConstructorOptions {
  const keyed = item.accelerator !== undefined ? { accelerator: item.accelerator } : {};
  if (item.kind === 'role') return { role: item.role, label: item.label, ...keyed };
  return { label: item.label, ...keyed, enabled: item.enabled, click: send(item.command) };
}

/** One menu's items from the command table, each sending its command to the renderer. */
export function commandItems(
  menu: MenuName,
  send: (command: CommandId) => () => void,
  history: HistoryState = {},
): MenuItemConstructorOptions[] {
  const mac = process.platform === 'darwin';
  return menuItems(menu, history, { mac }).map((item) => electronItem(item, send));
}

/** Reload and DevTools exist in development builds only; a packaged app has neither. */
export function developmentItems(isPackaged: boolean): MenuItemConstructorOptions[] {
  if (isPackaged) return [];
  return [
    { type: 'separator' },
    { role: 'reload' },
    { role: 'forceReload' },
    { role: 'toggleDevTools' },
  ];
}

/**
 * Sets the application menu. The returned function is for each change the core announces: it
 * asks `getHistory` what undo and redo would do now and, when that changed, sets the menu again.
 */
export function setupMenu(
  getWindow: () => BrowserWindow | undefined,
  getHistory: () => Promise<HistoryState>,
): () => Promise<void> {
  const send = (command: CommandId) => () => getWindow()?.webContents.send(MENU_CHANNEL, command);
  // Nothing to undo at first: the history is the session's.
  const history: HistoryState = {};
  setApplicationMenu(send, history);
  return followHistory(getHistory, (next) => setApplicationMenu(send, next), history);
}

function setApplicationMenu(send: (command: CommandId) => () => void, history: HistoryState) {
  const isMac = process.platform === 'darwin';
  const separator = { type: 'separator' } as const;
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        ...commandItems('file', send, history),
        separator,
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      // Undo and Redo are the notebook's (the renderer undoes typing itself when a field has
      // focus; see menuItems); the rest are the standard roles, so cut, copy and paste work in
      // every field.
      submenu: [
        ...commandItems('edit', send, history),
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: '&Annotate', submenu: commandItems('annotate', send, history) },
    {
      label: '&View',
      submenu: [
        ...commandItems('view', send, history),
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
        ...developmentItems(app.isPackaged),
      ],
    },
    {
      role: 'help',
      submenu: [
        ...commandItems('help', send, history),
        { label: `Version ${app.getVersion()}`, enabled: false },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
