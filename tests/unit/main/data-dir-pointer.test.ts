// A notebook moved in Settings is found again at the next start through the pointer file; the
// flag and the environment variable still come first, and a pointer that says nothing usable
// is ignored.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chooseDataDir,
  dataDirFrom,
  pointerAfterMove,
  pointerPath,
  pointerText,
  readPointer,
} from '../../../electron/main/data-dir';

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

describe('moves the pointer remembers', () => {
  const first = '/home/a/Notebook';
  const second = '/media/usb/Notebook ə 🤝🏽';
  const third = '/mnt/share/Notebook [2026]?';
  const at = '2026-12-02T06:00:00.000Z';
  const afterTwoMoves = pointerAfterMove(
    pointerAfterMove(undefined, { from: first, to: second, at }),
    {
      from: second,
      to: third,
      at,
    },
  );

  it('are kept in order, with the folder the notebook is in now', () => {
    expect(readPointer(afterTwoMoves)).toEqual({
      path: third,
      moves: [
        { from: first, to: second, at },
        { from: second, to: third, at },
      ],
    });
  });

  it('lead a flag or NOTEBOOK_DATA_DIR naming an old folder on to where the notebook went', () => {
    const flag = chooseDataDir({
      argv: ['electron', '.', `--data-dir=${first}`],
      env: {},
      userData,
      pointer: afterTwoMoves,
    });
    expect(flag).toEqual({ dir: third, via: 'flag', moved: { from: first } });
    const env = chooseDataDir({
      argv: [],
      env: { NOTEBOOK_DATA_DIR: `${second}/` },
      userData,
      pointer: afterTwoMoves,
    });
    expect(env).toEqual({ dir: third, via: 'env', moved: { from: `${second}/` } });
  });

  it('leave a flag naming another folder alone', () => {
    expect(
      chooseDataDir({
        argv: ['--data-dir', '/elsewhere'],
        env: {},
        userData,
        pointer: afterTwoMoves,
      }),
    ).toEqual({ dir: '/elsewhere', via: 'flag' });
  });

  it('say the notebook must be where the pointer names, even without a move to follow', () => {
    expect(chooseDataDir({ argv: [], env: {}, userData, pointer: pointerText(third) })).toEqual({
      dir: third,
      via: 'pointer',
      moved: {},
    });
    expect(chooseDataDir({ argv: [], env: {}, userData })).toEqual({
      dir: join(userData, 'notebook'),
      via: 'default',
    });
  });

  it('stop at a loop a damaged file could hold, and drop moves that are not whole', () => {
    const looped = JSON.stringify({
      path: second,
      moves: [
        { from: first, to: second, at },
        { from: second, to: first, at },
        { from: 'relative', to: second, at },
        { from: first },
        7,
      ],
    });
    expect(readPointer(looped)?.moves).toHaveLength(2);
    const choice = chooseDataDir({
      argv: ['--data-dir', first],
      env: {},
      userData,
      pointer: looped,
    });
    expect([first, second]).toContain(choice.dir);
  });
});
