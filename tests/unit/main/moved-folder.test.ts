// A moved notebook whose folder is missing is said in words with a way out; a folder that holds
// the notebook, or a first run, says nothing.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chosenAction,
  holdsNotebook,
  missingFolderWords,
} from '../../../electron/main/moved-folder';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-moved-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('holdsNotebook', () => {
  it('knows a notebook folder by its snapshot, its backup or a journal', async () => {
    const cases = ['notebook.json', 'notebook.json.bak', 'journal-3.jsonl'];
    for (const name of cases) {
      const folder = join(dir, name.replace(/\W/g, '-'));
      await mkdir(folder);
      expect(holdsNotebook(folder)).toBe(false);
      await writeFile(join(folder, name), '{}');
      expect(holdsNotebook(folder)).toBe(true);
    }
  });

  it('is false for a folder that is gone, or holds only other files', async () => {
    expect(holdsNotebook(join(dir, 'gone'))).toBe(false);
    await writeFile(join(dir, 'journal-3.corrupt-1.jsonl'), '');
    await writeFile(join(dir, 'window-state.json'), '{}');
    expect(holdsNotebook(dir)).toBe(false);
  });
});

describe('missingFolderWords', () => {
  const gone = '/media/usb/Notebook ə 🤝🏽';

  it('says where the notebook was moved and offers quit, try again and find', () => {
    const words = missingFolderWords({ dir: gone, via: 'pointer', moved: {} }, () => false);
    expect(words?.message).toContain(gone);
    expect(words?.detail).toContain('no new notebook was made');
    expect(words?.buttons.map((b) => b.action)).toEqual(['quit', 'retry', 'locate']);
    expect(chosenAction(words!, 1)).toBe('retry');
    expect(chosenAction(words!, 2)).toBe('locate');
    // A dialog closed some other way quits.
    expect(chosenAction(words!, 9)).toBe('quit');
  });

  it('names the old folder a flag asked for', () => {
    const words = missingFolderWords(
      { dir: gone, via: 'flag', moved: { from: '/home/a/Notebook' } },
      () => false,
    );
    expect(words?.detail).toContain('asked to open /home/a/Notebook');
  });

  it('says nothing when the folder holds the notebook, or nothing said it must', () => {
    expect(
      missingFolderWords({ dir: gone, via: 'pointer', moved: {} }, () => true),
    ).toBeUndefined();
    expect(missingFolderWords({ dir: gone, via: 'default' }, () => false)).toBeUndefined();
    expect(missingFolderWords({ dir: gone, via: 'flag' }, () => false)).toBeUndefined();
  });
});
