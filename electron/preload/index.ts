// Builds window.notebook from the contract's call names: one named method per call, never
// ipcRenderer itself. No zod here: inputs are checked where they arrive, in the main process.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { isCommandId, type CommandId } from '../shared/commands';
import {
  CALL_NAMES,
  CHANGED_CHANNEL,
  PROGRESS_CHANNEL,
  MENU_CHANNEL,
  channelFor,
  type ChangeNotice,
  type NotebookBridge,
} from '../shared/contract';
import {
  isOpenedFiles,
  OPEN_FILES_CHANNEL,
  RECENT_CHANNEL,
  type OpenedFiles,
} from '../shared/open-files';
import { isProgress, type Progress } from '../shared/progress';

const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelFor(name), input)]),
);

const isIdList = (value: unknown) =>
  Array.isArray(value) && value.every((id) => typeof id === 'string');

/** Only well-formed notices reach the page, whatever arrives on the channel. */
function isChangeNotice(value: unknown): value is ChangeNotice {
  if (typeof value !== 'object' || value === null) return false;
  const notice = value as Record<string, unknown>;
  return ['articles', 'annotations', 'annotationArticles', 'tags'].every((key) =>
    isIdList(notice[key]),
  );
}

function subscribe<T>(channel: string, accept: (value: unknown) => value is T) {
  return (listener: (value: T) => void) => {
    const handler = (_event: unknown, value: unknown) => {
      if (accept(value)) listener(value);
    };
    ipcRenderer.on(channel, handler);
    return () => void ipcRenderer.removeListener(channel, handler);
  };
}

const bridge = {
  ...calls,
  onMenuCommand: subscribe<CommandId>(MENU_CHANNEL, isCommandId),
  onChanged: subscribe<ChangeNotice>(CHANGED_CHANNEL, isChangeNotice),
  onProgress: subscribe<Progress>(PROGRESS_CHANNEL, isProgress),
  nativeMenu: true,
  onOpenFiles: subscribe<OpenedFiles>(OPEN_FILES_CHANNEL, isOpenedFiles),
  addRecentFile(file: File) {
    // A file made in the page (not picked or dropped) has no path, and is not sent.
    let path: string;
    try {
      path = webUtils.getPathForFile(file);
    } catch {
      return;
    }
    if (path) ipcRenderer.send(RECENT_CHANNEL, path);
  },
} as NotebookBridge;

contextBridge.exposeInMainWorld('notebook', bridge);
