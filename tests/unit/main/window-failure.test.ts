// A window that fails after the notebook opened says so: a page that didn't load (not a load a
// reload replaced, not a subframe), a renderer that went away (not one that exited cleanly).
import { describe, expect, it } from 'vitest';
import { wordWindowFailure } from '../../../electron/main/window-failure';

describe('wordWindowFailure', () => {
  it('a page that did not load: why, where, and that the saved work is safe', () => {
    expect(
      wordWindowFailure({
        kind: 'load',
        errorCode: -6,
        description: 'ERR_FILE_NOT_FOUND',
        url: 'app://notebook/index.html',
        mainFrame: true,
      }),
    ).toEqual({
      title: 'Research Notebook could not show its window',
      message: 'The window could not be loaded.',
      detail:
        'ERR_FILE_NOT_FOUND (-6) loading app://notebook/index.html.\n\nEverything saved is safe in the notebook folder; reload the window to go on.',
      buttons: ['Reload', 'Quit'],
    });
  });

  it('a renderer that crashed or was killed', () => {
    const words = wordWindowFailure({ kind: 'gone', reason: 'oom', exitCode: 9 });
    expect(words?.message).toBe('The window stopped unexpectedly (oom, exit code 9).');
    expect(words?.buttons).toEqual(['Reload', 'Quit']);
  });

  it('no dialog for a load a reload replaced, a subframe, or a clean exit', () => {
    const load = { kind: 'load' as const, description: '', url: 'app://notebook/' };
    expect(wordWindowFailure({ ...load, errorCode: -3, mainFrame: true })).toBeUndefined();
    expect(wordWindowFailure({ ...load, errorCode: -6, mainFrame: false })).toBeUndefined();
    expect(wordWindowFailure({ kind: 'gone', reason: 'clean-exit', exitCode: 0 })).toBeUndefined();
  });
});
