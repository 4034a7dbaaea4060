// Files the OS opened, as the window receives them (names and bytes), become the File objects a
// drop would have given: same names, same bytes (also from a view into a larger buffer), no folder.
import { describe, expect, it } from 'vitest';
import { droppedFromOpened } from '../../../renderer/src/lib/files/opened-files';

describe('droppedFromOpened', () => {
  it('makes one File per file, with its name and exactly its bytes', async () => {
    const whole = new TextEncoder().encode('xx# Bakı ə ş ı İ 🇦🇿\n\nMətn.yy');
    const view = whole.subarray(2, whole.length - 2);
    const dropped = droppedFromOpened({
      files: [
        { fileName: 'Bakı ə ş ı İ 🇦🇿 / ? ].md', bytes: view },
        { fileName: 'empty.txt', bytes: new Uint8Array() },
      ],
      refused: [{ fileName: 'folder', reason: 'a folder' }],
    });
    expect(dropped.hadFolder).toBe(false);
    expect(dropped.files.map((f) => f.name)).toEqual(['Bakı ə ş ı İ 🇦🇿 / ? ].md', 'empty.txt']);
    expect(await dropped.files[0]!.text()).toBe('# Bakı ə ş ı İ 🇦🇿\n\nMətn.');
    expect(dropped.files[1]!.size).toBe(0);
  });
});
