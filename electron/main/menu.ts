// The native menu, built from the one command table: its labels and accelerators are the
// renderer's, and choosing an item sends the command's id to the renderer, which runs it.
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import {
  accelerator,
  COMMANDS,
  commandsInMenu,
  menuKey,
  type CommandId,
  type MenuName,
} from '../shared/commands';
import { MENU_CHANNEL } from '../shared/contract';

/** One menu's items from the command table, each sending its command to the renderer. */
export function commandItems(
  menu: MenuName,
  send: (command: CommandId) => () => void,
): MenuItemConstructorOptions[] {
  return commandsInMenu(menu).map((id) => {
    const key = menuKey(id);
    return {
      label: COMMANDS[id].label,
      ...(key && { accelerator: accelerator(key) }),
      click: send(id),
    };
  });
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

export function setupMenu(getWindow: () => BrowserWindow | undefined) {
  const send = (command: CommandId) => () => getWindow()?.webContents.send(MENU_CHANNEL, command);
  const isMac = process.platform === 'darwin';
  const separator = { type: 'separator' } as const;
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        ...commandItems('file', send),
        separator,
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      // Undo is the notebook's (the renderer undoes typing itself when a field has focus); the
      // rest are the standard roles, so cut, copy and paste work in every field.
      submenu: [
        ...commandItems('edit', send),
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: '&Annotate', submenu: commandItems('annotate', send) },
    {
      label: '&View',
      submenu: [
        ...commandItems('view', send),
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
        ...commandItems('help', send),
        { label: `Version ${app.getVersion()}`, enabled: false },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
