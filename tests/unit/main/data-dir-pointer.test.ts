// A notebook moved in Settings is found again at the next start through the pointer file; the
// flag and the environment variable still come first, and a pointer that says nothing usable
// is ignored.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFrom, pointerPath, pointerText } from '../../../electron/main/data-dir';

const userData = '/home/a/.config/Research Notebook';
const moved = '/media/usb/Notebook ə ş ı İ 🤝🏽 [2026]?';

describe('the pointer to a moved notebook', () => {
  it('round-trips any folder name', () => {
    expect(pointerPath(pointerText(moved))).toBe(moved);
  });

  it('is used when neither the flag nor NOTEBOOK_DATA_DIR is given', () => {
    const pointer = pointerText(moved);
    expect(dataDirFrom({ argv: ['electron', '.'], env: {}, userData, pointer })).toBe(moved);
    expect(
      dataDirFrom({ argv: ['electron', '.', '--data-dir', '/flag'], env: {}, userData, pointer }),
    ).toBe('/flag');
    expect(
      dataDirFrom({
        argv: ['electron', '.'],
        env: { NOTEBOOK_DATA_DIR: '/env' },
        userData,
        pointer,
      }),
    ).toBe('/env');
  });

  it.each([
    ['not JSON', '{"path": "/x"'],
    ['no path', '{}'],
    ['a relative path', '{"path": "notebook"}'],
    ['an empty path', '{"path": ""}'],
    ['a number', '{"path": 7}'],
    ['null', 'null'],
  ])('is ignored when it holds %s', (_what, pointer) => {
    expect(dataDirFrom({ argv: [], env: {}, userData, pointer })).toBe(join(userData, 'notebook'));
  });
});
