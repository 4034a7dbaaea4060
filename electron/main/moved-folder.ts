// A notebook moved in Settings is looked for where it went. When that folder isn't there (a drive
// not plugged in, a share not mounted, the folder renamed by hand), the app says so and lets the
// analyst connect it, find it, or quit; it never starts a new, empty notebook in its place.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataDirChoice } from './data-dir';

/** True when `dir` holds a notebook's files (a snapshot, its backup, or a journal). */
export function holdsNotebook(dir: string): boolean {
  if (existsSync(join(dir, 'notebook.json')) || existsSync(join(dir, 'notebook.json.bak'))) {
    return true;
  }
  try {
    return readdirSync(dir).some((name) => /^journal-\d+\.jsonl$/.test(name));
  } catch {
    return false;
  }
}

export type MissingFolderAction = 'quit' | 'retry' | 'locate';

export interface MissingFolderWords {
  title: string;
  message: string;
  detail: string;
  /** In order; the first is the default and what Esc chooses. */
  buttons: Array<{ label: string; action: MissingFolderAction }>;
}

/**
 * The words for a moved notebook whose folder isn't there, or undefined when there is nothing to
 * say (the folder holds the notebook, or nothing said the notebook must be there: a first run).
 */
export function missingFolderWords(
  choice: DataDirChoice,
  holds: (dir: string) => boolean = holdsNotebook,
): MissingFolderWords | undefined {
  if (!choice.moved || holds(choice.dir)) return undefined;
  const asked =
    choice.moved.from !== undefined
      ? `Research Notebook was asked to open ${choice.moved.from}, and the notebook was moved from there to ${choice.dir}.`
      : `The notebook was moved to ${choice.dir} in Settings.`;
  return {
    title: 'Notebook folder not found',
    message: `The notebook’s folder isn’t there: ${choice.dir}`,
    detail: [
      asked,
      'If it is on a drive or a network share, connect it and choose “Try again”. If you moved or renamed the folder yourself, choose “Find the folder…” and pick it.',
      'Nothing was changed, and no new notebook was made.',
    ].join('\n\n'),
    buttons: [
      { label: 'Quit', action: 'quit' },
      { label: 'Try again', action: 'retry' },
      { label: 'Find the folder…', action: 'locate' },
    ],
  };
}

/** The button the analyst chose (by the index a dialog answers with); Quit when unsure. */
export const chosenAction = (words: MissingFolderWords, response: number): MissingFolderAction =>
  words.buttons[response]?.action ?? 'quit';
