// The native menu. Commands that belong to the UI are forwarded to the renderer, which owns them.
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../shared/contract';

export function setupMenu(getWindow: () => BrowserWindow | undefined) {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_CHANNEL, command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import File…', accelerator: 'CmdOrCtrl+O', click: send('import-file') },
        {
          label: 'Paste Text as Article…',
          accelerator: 'CmdOrCtrl+Shift+V',
          click: send('paste-text'),
        },
        { type: 'separator' },
        // The renderer also handles Ctrl+E itself; no accelerator here or it would fire twice.
        { label: 'Export Notes…', click: send('export') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Keyboard Shortcuts', click: send('shortcuts') },
        { label: `Version ${app.getVersion()}`, enabled: false },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
