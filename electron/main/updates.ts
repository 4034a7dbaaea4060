// Automatic updates through electron-updater, behind the `updates` setting. While updates are
// off (the default), or no feed is configured, electron-updater is not even loaded and nothing
// goes on the network; see update-policy.ts for the rules.
import { app } from 'electron';
import type { AppSettings } from '../shared/settings';
import { decideUpdateCheck, FIRST_CHECK_DELAY_MS, type UpdateFeed } from './update-policy';

/** How often the setting is read again, so turning updates on or off needs no restart. */
const POLL_MS = 10 * 60 * 1000;

interface Updater {
  setFeedURL(feed: UpdateFeed): void;
  checkForUpdatesAndNotify(): Promise<unknown>;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
}

export interface UpdatesOptions {
  /** Loads the updater on the first check only (tests pass a stand-in). */
  loadUpdater?: () => Promise<Updater>;
  now?: () => number;
  log?: (message: string) => void;
}

export interface Updates {
  /** Reads the setting again now and checks if it is due (after the settings dialog saves). */
  refresh(): Promise<void>;
  stop(): void;
}

/**
 * electron-updater is CommonJS and defines `autoUpdater` as a getter Node's ESM loader can't see
 * as a named export: it is reached through the default export (the module.exports object).
 */
export async function loadElectronUpdater(): Promise<Updater> {
  const { default: cjs } = (await import('electron-updater')) as unknown as {
    default: { autoUpdater: Updater };
  };
  return cjs.autoUpdater;
}

/**
 * Starts the update schedule. `readSettings` is the core's getSettings; a failure to read it
 * counts as updates off.
 */
export function setupUpdates(
  readSettings: () => Promise<AppSettings>,
  { loadUpdater = loadElectronUpdater, now = Date.now, log = console.warn }: UpdatesOptions = {},
): Updates {
  const startedAt = now();
  let lastCheck: number | undefined;
  let updater: Updater | undefined;
  let running: Promise<void> | undefined;

  async function tick() {
    const settings = await readSettings().catch(() => undefined);
    const decision = decideUpdateCheck(settings?.updates, {
      isPackaged: app.isPackaged,
      startedAt,
      lastCheck,
      now: now(),
    });
    if (decision.kind !== 'check') return;
    lastCheck = now();
    try {
      updater ??= await loadUpdater();
      updater.autoDownload = true;
      updater.autoInstallOnAppQuit = true;
      updater.setFeedURL(decision.feed);
      // Downloads in the background; the OS notification says it installs on quit.
      await updater.checkForUpdatesAndNotify();
    } catch (error) {
      log(`update check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const refresh = () => (running ??= tick().finally(() => (running = undefined)));
  const timer = setInterval(() => void refresh(), POLL_MS);
  // The first check is due a minute after start: look again then, not only at the next poll.
  const first = setTimeout(() => void refresh(), FIRST_CHECK_DELAY_MS + 1000);
  timer.unref?.();
  first.unref?.();
  return {
    refresh,
    stop() {
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}
