// A folder dropped on the window is walked to every file inside it, through the entries the
// browser hands over (read in batches, as Chromium's directory reader gives them); plain files
// dropped are taken as they are.
import { describe, expect, it } from 'vitest';
import { droppedFiles } from '../../../renderer/src/lib/files/dropped-files';

const file = (name: string) => new File([`text of ${name}`], name, { type: 'text/plain' });

function fileEntry(name: string) {
  return {
    isFile: true,
    isDirectory: false,
    name,
    file: (ok: (f: File) => void) => ok(file(name)),
  };
}

/** A directory whose reader hands its children over two at a time, then an empty batch. */
function dirEntry(name: string, children: unknown[]) {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (batch: unknown[]) => void) => {
          const batch = children.slice(at, at + 2);
          at += batch.length;
          setTimeout(() => ok(batch));
        },
      };
    },
  };
}

const transferOf = (entries: unknown[], files: File[] = []) =>
  ({
    items: entries.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry })),
    files,
  }) as unknown as DataTransfer;

describe('dropped files', () => {
  it('walks a dropped folder and its subfolders, every batch of the reader', async () => {
    const tree = dirEntry('articles', [
      fileEntry('a.pdf'),
      dirEntry('more', [fileEntry('b.docx'), fileEntry('c.epub'), fileEntry('d.txt')]),
      fileEntry('e.md'),
      fileEntry('photo.jpg'),
    ]);
    const dropped = await droppedFiles(transferOf([tree, fileEntry('loose.odt')], [file('x')]));
    expect(dropped.hadFolder).toBe(true);
    expect(dropped.files.map((f) => f.name)).toEqual([
      'a.pdf',
      'b.docx',
      'c.epub',
      'd.txt',
      'e.md',
      'photo.jpg',
      'loose.odt',
    ]);
    expect(await dropped.files[1]!.text()).toBe('text of b.docx');
  });

  it('takes dropped files as they are when no folder is among them', async () => {
    const files = [file('one.txt'), file('two.txt')];
    const dropped = await droppedFiles(
      transferOf([fileEntry('one.txt'), fileEntry('two.txt')], files),
    );
    expect(dropped).toEqual({ files, hadFolder: false });
  });
});
