// The settings state against the real core: loaded and put on the page at start, a change
// applied only once the core keeps it, a refusal worded for its field with nothing applied, and
// moving refused in words where the host can't ask for a folder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applySettings,
  Settings,
  typedFontSize,
} from '../../../../renderer/src/lib/state/settings.svelte';
import { DEFAULT_SETTINGS } from '../../../../electron/shared/settings';
import { startRealCore, type RealCore } from './real-core';

let core: RealCore;
beforeEach(async () => {
  core = await startRealCore({ sample: false });
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.removeAttribute('style');
});
afterEach(async () => {
  await core.close();
});

const root = () => document.documentElement;

describe('Settings', () => {
  it('puts the settings on the page at start', async () => {
    const settings = new Settings();
    await settings.start();
    expect(settings.current).toEqual(DEFAULT_SETTINGS);
    expect(settings.dataFolder).toBe(core.dir);
    expect(root().dataset.theme).toBe('system');
    expect(root().style.getPropertyValue('--reader-font-size')).toBe('17px');
    expect(root().style.getPropertyValue('--reader-width')).toBe('42rem');
  });

  it('applies a change the core kept, and words a refusal for its field', async () => {
    const settings = new Settings();
    await settings.start();
    expect(await settings.change('theme', { theme: 'dark' })).toBeNull();
    expect(root().dataset.theme).toBe('dark');
    expect(await settings.change('readerWidth', { readerWidth: 'full' })).toBeNull();
    expect(root().style.getPropertyValue('--reader-width')).toBe('none');

    expect(await settings.change('readerFontSize', { readerFontSize: 29 })).toBe(
      'Type a whole number of pixels from 12 to 28.',
    );
    expect(await settings.change('spelling', { spellCheckLanguage: 'ə ş/İ?' })).toMatch(
      /^Type a language tag like en-GB/,
    );
    expect(
      await settings.change('updates', { updates: { enabled: true, feedUrl: 'http://x.az' } }),
    ).toBe('Type the update feed’s full address, starting with https://.');
    expect(root().style.getPropertyValue('--reader-font-size')).toBe('17px');
    expect(await core.notebook.handlers.getSettings({})).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      readerWidth: 'full',
    });
  });

  it('reads a typed size only when it is a whole number', () => {
    expect(typedFontSize(' 22 ')).toBe(22);
    for (const typed of ['', '2ə', '16.5', '-3', '1e1', '🤝🏽', '١٨']) {
      expect(typedFontSize(typed)).toBeUndefined();
    }
  });

  it('says why it could not move, and keeps the folder it had', async () => {
    const settings = new Settings();
    await settings.start();
    await settings.moveNotebook();
    expect(settings.move).toEqual({
      kind: 'failed',
      message: expect.stringContaining('Moving the notebook needs the desktop app'),
    });
    expect(settings.dataFolder).toBe(core.dir);
  });

  it('applySettings sets the measure for every width', () => {
    for (const [width, measure] of [
      ['narrow', '34rem'],
      ['medium', '42rem'],
      ['wide', '54rem'],
      ['full', 'none'],
    ] as const) {
      applySettings({ ...DEFAULT_SETTINGS, readerWidth: width });
      expect(root().style.getPropertyValue('--reader-width')).toBe(measure);
    }
  });
});
