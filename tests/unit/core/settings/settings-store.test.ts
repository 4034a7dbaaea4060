// The app's settings file on real files in a temp folder: defaults, durable writes, damaged and
// newer files set aside (never overwritten), unknown keys kept, and the core's calls over it.
import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/core/dispatch';
import { openNotebook } from '../../../../electron/core/notebook';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import { DEFAULT_SETTINGS } from '../../../../electron/shared/settings';

let dir: string;
let file: string;
const now = () => new Date('2026-12-02T03:30:00Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-store-'));
  file = join(dir, 'profile', 'settings.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const onDisk = async () => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

describe('the settings file', () => {
  it('starts from the defaults without a file, and writes none until a setting changes', async () => {
    const store = await SettingsStore.open(file, { now });
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.notices).toEqual([]);
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('keeps a change on disk, whole, for the next start, with no temp file left', async () => {
    const store = await SettingsStore.open(file, { now });
    const answer = await store.set({ theme: 'dark', readerFontSize: 21 });
    expect(answer).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', readerFontSize: 21 });
    expect(await readdir(join(dir, 'profile'))).toEqual(['settings.json']);
    const again = await SettingsStore.open(file, { now });
    expect(await again.get()).toEqual(answer);
    expect((await onDisk()).format).toBe(1);
  });

  it('runs changes one at a time, each on top of the last', async () => {
    const store = await SettingsStore.open(file, { now });
    await Promise.all([
      store.set({ theme: 'light' }),
      store.set({ readerWidth: 'wide' }),
      store.set({ updates: { enabled: true, feedUrl: 'https://example.org/feed/ə?x=]' } }),
    ]);
    const again = await SettingsStore.open(file, { now });
    expect(await again.get()).toMatchObject({
      theme: 'light',
      readerWidth: 'wide',
      updates: { enabled: true, feedUrl: 'https://example.org/feed/ə?x=]' },
    });
  });

  it('keeps the keys a newer app of the same format added, and values it does not know', async () => {
    const store0 = await SettingsStore.open(file, { now });
    await store0.set({ theme: 'dark' });
    await writeFile(
      file,
      JSON.stringify({ ...(await onDisk()), sidebar: { pinned: true }, theme: 'sepia' }),
    );
    const logged: string[] = [];
    const store = await SettingsStore.open(file, { now, log: (m) => logged.push(m) });
    // An unknown value for a known key gives way to its default; the file is not damaged.
    expect((await store.get()).theme).toBe('system');
    expect(store.notices).toEqual([]);
    expect(logged.join()).toContain('theme');
    await store.set({ spellCheck: false });
    expect(await onDisk()).toMatchObject({ sidebar: { pinned: true }, spellCheck: false });
  });

  it.each([
    ['damaged', '{"theme": "dark", '],
    ['damaged', '[1, 2]'],
    ['damaged', '{"format": "one"}'],
    ['newer', '{"format": 2, "theme": "dark"}'],
  ])('sets a %s file aside and uses the defaults, saying so: %s', async (problem, text) => {
    const store0 = await SettingsStore.open(file, { now });
    await store0.set({ readerFontSize: 20 });
    await writeFile(file, text);
    const store = await SettingsStore.open(file, { now });
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    const keptAs = `settings.json.${problem}-2026-12-02T03-30-00-000Z`;
    expect(store.notices).toEqual([{ code: 'settings-reset', params: { problem, keptAs } }]);
    // Kept byte for byte; the next change writes a new file beside it, never over it.
    expect(await readFile(join(dir, 'profile', keptAs), 'utf8')).toBe(text);
    await store.set({ theme: 'light' });
    expect(await readFile(join(dir, 'profile', keptAs), 'utf8')).toBe(text);
    expect((await onDisk()).theme).toBe('light');
  });

  it('refuses a change the disk refuses, in words, and keeps the settings as they were', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    const store = await SettingsStore.open(file, { now });
    await store.set({ theme: 'dark' });
    await chmod(join(dir, 'profile'), 0o500);
    try {
      await expect(store.set({ theme: 'light' })).rejects.toThrow(/not allowed to write/);
      expect((await store.get()).theme).toBe('dark');
    } finally {
      await chmod(join(dir, 'profile'), 0o700);
    }
  });

  it('tells listeners of a change once it is saved', async () => {
    const store = await SettingsStore.open(file, { now });
    const heard: string[] = [];
    const stop = store.onChange((s) => heard.push(s.theme));
    await store.set({ theme: 'dark' });
    stop();
    await store.set({ theme: 'light' });
    expect(heard).toEqual(['dark']);
  });
});

describe('the settings calls', () => {
  it('answer through the dispatcher, refuse bad values in words, and change nothing then', async () => {
    const notebook = await openNotebook({ dataDir: join(dir, 'notebook'), settingsFile: file });
    const dispatch = createDispatcher(notebook.handlers, () => undefined);
    try {
      expect(await dispatch('getSettings', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
      const set = await dispatch('setSettings', { readerWidth: 'full', spellCheckLanguage: 'az' });
      expect(set).toMatchObject({
        ok: true,
        value: { readerWidth: 'full', spellCheckLanguage: 'az' },
      });
      for (const bad of [
        { readerFontSize: 40 },
        { readerFontSize: 16.5 },
        { theme: 'sepia' },
        { spellCheckLanguage: 'ə/ş?]' },
        { updates: { enabled: true, feedUrl: 'http://example.org/feed' } },
      ]) {
        const refused = await dispatch('setSettings', bad);
        expect(refused.ok).toBe(false);
        if (!refused.ok) expect(refused.error.message).toMatch(/^The request was refused: /);
      }
      expect(await dispatch('getSettings', {})).toMatchObject({
        ok: true,
        value: { ...DEFAULT_SETTINGS, readerWidth: 'full', spellCheckLanguage: 'az' },
      });
      expect(await dispatch('getDataFolder', {})).toEqual({
        ok: true,
        value: { path: join(dir, 'notebook') },
      });
      // Without a host that asks where to, moving is refused in words.
      const move = await dispatch('moveNotebook', {});
      expect(move).toMatchObject({ ok: false, error: { message: /needs the desktop app/ } });
      // Settings are no change to the notebook: nothing to undo.
      expect(await dispatch('getHistory', {})).toEqual({ ok: true, value: {} });
    } finally {
      await notebook.store.close();
    }
  });

  it('bring the notice of a reset settings file to the start-up', async () => {
    await writeFile(join(dir, 'settings.json'), 'not json');
    const notebook = await openNotebook({
      dataDir: join(dir, 'notebook'),
      settingsFile: join(dir, 'settings.json'),
    });
    try {
      const startup = await notebook.handlers.getStartup({});
      expect(startup.notices).toContainEqual(
        expect.objectContaining({
          code: 'settings-reset',
          params: expect.objectContaining({ problem: 'damaged' }),
        }),
      );
    } finally {
      await notebook.store.close();
    }
  });
});
