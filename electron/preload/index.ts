// Builds window.notebook from the contract: one named method per call, never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import {
  CALL_NAMES,
  MENU_CHANNEL,
  MENU_COMMANDS,
  channelFor,
  type MenuCommand,
  type NotebookBridge,
} from '../shared/contract';

const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelFor(name), input)]),
);

const bridge = {
  ...calls,
  onMenuCommand(listener: (command: MenuCommand) => void) {
    const handler = (_event: unknown, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
} as NotebookBridge;

contextBridge.exposeInMainWorld('notebook', bridge);
