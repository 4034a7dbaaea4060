// The update schedule against stand-ins for Electron and electron-updater: off, it loads nothing
// and asks nothing; on, it points the updater at the configured feed and checks when due.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../electron/shared/settings';

const electron = vi.hoisted(() => ({ app: { isPackaged: true } }));
vi.mock('electron', () => ({ app: electron.app }));

const { setupUpdates } = await import('../../../electron/main/updates');
const { FIRST_CHECK_DELAY_MS } = await import('../../../electron/main/update-policy');

function fakeUpdater() {
  return {
    feeds: [] as unknown[],
    checks: 0,
    autoDownload: false,
    autoInstallOnAppQuit: false,
    setFeedURL(feed: unknown) {
      this.feeds.push(feed);
    },
    async checkForUpdatesAndNotify() {
      this.checks += 1;
      return null;
    },
  };
}

const withUpdates = (updates: AppSettings['updates']): AppSettings => ({
  ...DEFAULT_SETTINGS,
  updates,
});

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  electron.app.isPackaged = true;
});

function start(readSettings: () => Promise<AppSettings>, clock: { t: number }) {
  const updater = fakeUpdater();
  const loadUpdater = vi.fn(async () => updater);
  const log = vi.fn();
  const updates = setupUpdates(readSettings, { loadUpdater, now: () => clock.t, log });
  stops.push(updates.stop);
  return { updates, updater, loadUpdater, log };
}

describe('setupUpdates', () => {
  it('with the default settings never loads the updater', async () => {
    const clock = { t: 0 };
    const { updates, loadUpdater } = start(async () => DEFAULT_SETTINGS, clock);
    for (const t of [0, FIRST_CHECK_DELAY_MS, 10 * FIRST_CHECK_DELAY_MS]) {
      clock.t = t;
      await updates.refresh();
    }
    expect(loadUpdater).not.toHaveBeenCalled();
  });

  it('counts settings that cannot be read as off', async () => {
    const clock = { t: 0 };
    const { updates, loadUpdater } = start(() => Promise.reject(new Error('locked')), clock);
    clock.t = FIRST_CHECK_DELAY_MS;
    await updates.refresh();
    expect(loadUpdater).not.toHaveBeenCalled();
  });

  it('turned on with a feed, checks that feed once due and not again right after', async () => {
    const clock = { t: 0 };
    const settings = withUpdates({ enabled: true, feedUrl: 'https://updates.example.org/nb' });
    const { updates, updater } = start(async () => settings, clock);
    await updates.refresh();
    expect(updater.checks).toBe(0);
    clock.t = FIRST_CHECK_DELAY_MS;
    await updates.refresh();
    clock.t += 1000;
    await updates.refresh();
    expect(updater.checks).toBe(1);
    expect(updater.feeds).toEqual([
      { provider: 'generic', url: 'https://updates.example.org/nb/' },
    ]);
    expect(updater.autoInstallOnAppQuit).toBe(true);
  });

  it('does nothing in a development run, whatever the settings', async () => {
    electron.app.isPackaged = false;
    const clock = { t: 0 };
    const settings = withUpdates({ enabled: true, feedUrl: 'https://updates.example.org/nb' });
    const { updates, loadUpdater } = start(async () => settings, clock);
    clock.t = FIRST_CHECK_DELAY_MS;
    await updates.refresh();
    expect(loadUpdater).not.toHaveBeenCalled();
  });

  it('logs a failed check and carries on', async () => {
    const clock = { t: 0 };
    const settings = withUpdates({ enabled: true, feedUrl: 'https://updates.example.org/nb' });
    const { updates, updater, log } = start(async () => settings, clock);
    updater.checkForUpdatesAndNotify = async () => {
      throw new Error('offline');
    };
    clock.t = FIRST_CHECK_DELAY_MS;
    await expect(updates.refresh()).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith('update check failed: offline');
  });
});

describe('loadElectronUpdater', () => {
  it("reaches autoUpdater where Node's ESM import of electron-updater has it", async () => {
    // The main bundle is ESM and imports the package as it is, in Node's loader (not Vitest's,
    // which adds named exports of its own): there autoUpdater is no named export.
    const probe = `const m = await import('electron-updater');
      console.log(JSON.stringify(['autoUpdater' in m,
        typeof Object.getOwnPropertyDescriptor(m.default, 'autoUpdater')?.get]));`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', probe],
      { cwd: process.cwd() },
    );
    expect(JSON.parse(stdout)).toEqual([false, 'function']);
  });
});
