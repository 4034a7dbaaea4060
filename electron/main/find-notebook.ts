// At start: where the notebook is, asking the analyst when a moved notebook's folder is missing
// (electron/main/moved-folder.ts). The folder they find is remembered as one more move, so a
// flag or a shortcut naming the old place leads there too.
import { app, dialog } from 'electron';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../core/store/durable-file';
import { ask } from './ask';
import { POINTER_FILE, pointerAfterMove } from './data-dir';
import { chosenAction, holdsNotebook, missingFolderWords } from './moved-folder';
import { resolveDataDirChoice } from './paths';

/** The notebook folder to open, or undefined when the analyst chose to quit. */
export async function findNotebookFolder(): Promise<string | undefined> {
  for (;;) {
    const choice = resolveDataDirChoice();
    const words = missingFolderWords(choice);
    if (!words) return choice.dir;
    const action = chosenAction(words, await ask(words, 'warning'));
    if (action === 'quit') return undefined;
    if (action === 'locate') await locate(choice.dir);
  }
}

async function locate(expected: string): Promise<void> {
  const picked = await dialog.showOpenDialog({
    title: 'Find the notebook folder',
    buttonLabel: 'Open this notebook',
    properties: ['openDirectory'],
  });
  const folder = picked.filePaths[0];
  if (picked.canceled || !folder) return;
  if (!holdsNotebook(folder)) {
    await dialog.showMessageBox({
      type: 'info',
      title: 'Not a notebook folder',
      message: `${folder} holds no notebook.`,
      detail: 'Pick the folder that holds notebook.json (the one the notebook was moved to).',
    });
    return;
  }
  await rememberMove(expected, folder);
}

/** Adds a move to the pointer file, durably, before anything opens the folder. */
export async function rememberMove(from: string, to: string): Promise<void> {
  const userData = app.getPath('userData');
  await mkdir(userData, { recursive: true });
  const file = join(userData, POINTER_FILE);
  const previous = await readFile(file, 'utf8').catch(() => undefined);
  await writeFileDurably(
    file,
    pointerAfterMove(previous, { from, to, at: new Date().toISOString() }),
  );
}
