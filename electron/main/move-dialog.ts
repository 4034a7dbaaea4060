// "Move the notebook to…" in Electron: a native folder dialog says where; the core moves the
// folder (Notebook.moveTo); the pointer file in userData remembers it for the next start.
import { dialog, type BrowserWindow } from 'electron';
import type { Moved, MoveOptions } from '../core/settings/movable-notebook';
import { rememberMove } from './find-notebook';

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
    // Remembered before the app switches over, so a crash after it still starts in the new
    // folder; as a move from the old one, so a flag naming the old folder leads there too.
    return move(target, { remember: (to, from) => rememberMove(from, to) });
  };
}
