// "Move the notebook to…" in Electron: a native folder dialog says where; the core moves the
// folder (Notebook.moveTo); the pointer file in userData remembers it for the next start.
import { app, dialog, type BrowserWindow } from 'electron';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Moved, MoveOptions } from '../core/settings/movable-notebook';
import { writeFileDurably } from '../core/store/durable-file';
import { POINTER_FILE, pointerText } from './data-dir';

type Move = (target: string, options?: MoveOptions) => Promise<Moved>;

export function withFolderDialog(
  move: Move,
  getWindow: () => BrowserWindow | undefined,
): () => Promise<Moved | { kind: 'cancelled' }> {
  return async () => {
    const options: Electron.OpenDialogOptions = {
      title: 'Move the notebook to…',
      buttonLabel: 'Move here',
      message: 'Choose an empty folder for the notebook.',
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
    };
    const window = getWindow();
    const choice = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    const target = choice.filePaths[0];
    if (choice.canceled || !target) return { kind: 'cancelled' };
    return move(target, { remember: rememberFolder });
  };
}

/** Written before the app switches over, so a crash after it still starts in the new folder. */
async function rememberFolder(folder: string): Promise<void> {
  const userData = app.getPath('userData');
  await mkdir(userData, { recursive: true });
  await writeFileDurably(join(userData, POINTER_FILE), pointerText(folder));
}
