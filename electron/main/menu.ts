// The native menu, built from the one command table: its labels and accelerators are the
// renderer's, and choosing an item sends the command's id to the renderer, which runs it. Undo
// and Redo name the step they would take, so the menu is built again when that changes. A few
// items act in the main process itself (About, Reveal data folder, Maximize).
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { COMMAND_IDS, type CommandId, type MenuName } from '../shared/commands';
import { MENU_CHANNEL, type HistoryState } from '../shared/contract';
import { followHistory, menuItems, type MenuItemSpec } from './menu-items';

/** What the main process does itself when one of its items is chosen. */
export type MainAction = 'about' | 'reveal-data-folder' | 'toggle-maximize';

export const APP_NAME = 'Research Notebook';

export interface MenuContext {
  platform: NodeJS.Platform;
  history: HistoryState;
  isPackaged: boolean;
  appName?: string;
  /** Sends a command to the renderer. */
  send: (command: CommandId) => () => void;
  act: (action: MainAction) => () => void;
}

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
  mac = process.platform === 'darwin',
  leaveOut: readonly CommandId[] = [],
): MenuItemConstructorOptions[] {
  return menuItems(menu, history, { mac })
    .filter((item) => item.kind === 'role' || !leaveOut.includes(item.command))
    .map((item) => electronItem(item, send));
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

const separator = { type: 'separator' } as const;

/**
 * The whole application menu for a platform. macOS has the app menu (About, Settings…, Services,
 * Hide, Quit) and its Window menu with Bring All to Front; Windows and Linux keep Settings… in
 * File, Quit at its end, and About in Help. Zoom is a macOS action only, so elsewhere Window has
 * Maximize instead.
 */
export function menuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const { history, send, act, appName = APP_NAME } = context;
  const mac = context.platform === 'darwin';
  const commands = (menu: MenuName, leaveOut: readonly CommandId[] = []) =>
    commandItems(menu, send, history, mac, leaveOut);
  const others = COMMAND_IDS.filter((id) => id !== 'settings');
  const settings = commandItems('file', send, history, mac, others);
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: act('about') };
  const reveal: MenuItemConstructorOptions = {
    label: 'Reveal data folder',
    click: act('reveal-data-folder'),
  };
  return [
    ...(mac
      ? [
          {
            label: appName,
            submenu: [
              about,
              separator,
              ...settings,
              separator,
              { role: 'services' },
              separator,
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              separator,
              { role: 'quit' },
            ] satisfies MenuItemConstructorOptions[],
          },
        ]
      : []),
    {
      label: '&File',
      submenu: [
        ...commands('file', mac ? ['settings'] : []),
        // The files opened from the Dock or the Finder (see recent.ts); choosing one opens it again.
        ...(mac
          ? [
              separator,
              {
                label: 'Open Recent',
                role: 'recentDocuments',
                submenu: [{ role: 'clearRecentDocuments' }],
              } satisfies MenuItemConstructorOptions,
            ]
          : []),
        separator,
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      // Undo and Redo are the notebook's (the renderer undoes typing itself when a field has
      // focus; see menuItems); the rest are the standard roles, so cut, copy and paste work in
      // every field.
      submenu: [
        ...commands('edit'),
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        separator,
        { role: 'selectAll' },
      ],
    },
    { label: '&Annotate', submenu: commands('annotate') },
    {
      label: '&View',
      submenu: [
        ...commands('view'),
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
        ...developmentItems(context.isPackaged),
      ],
    },
    {
      label: '&Window',
      role: 'window',
      submenu: mac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }, separator, { role: 'front' }]
        : [
            { role: 'minimize' },
            { label: 'Maximize', click: act('toggle-maximize') },
            { role: 'close' },
          ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [...commands('help'), separator, reveal, ...(mac ? [] : [separator, about])],
    },
  ];
}

/**
 * Sets the application menu. The returned function is for each change the core announces: it
 * asks `getHistory` what undo and redo would do now and, when that changed, sets the menu again.
 */
export function setupMenu(
  getWindow: () => BrowserWindow | undefined,
  getHistory: () => Promise<HistoryState>,
  actions: Partial<Record<MainAction, () => void>> = {},
): () => Promise<void> {
  const send = (command: CommandId) => () => getWindow()?.webContents.send(MENU_CHANNEL, command);
  const act = (action: MainAction) => () => actions[action]?.();
  const show = (history: HistoryState) =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          platform: process.platform,
          history,
          isPackaged: app.isPackaged,
          send,
          act,
        }),
      ),
    );
  // Nothing to undo at first: the history is the session's.
  const history: HistoryState = {};
  show(history);
  return followHistory(getHistory, show, history);
}
