// When the app may ask an update feed for a new version, and which feed: the pure half of
// updates.ts. Off unless the analyst turned updates on and gave a feed, so a default install
// makes no request at all.
import type { AppSettings } from '../shared/settings';

/** electron-updater's "generic" provider: a folder of latest*.yml files and installers. */
export interface UpdateFeed {
  provider: 'generic';
  url: string;
}

export type UpdateDecision =
  | { kind: 'check'; feed: UpdateFeed }
  | { kind: 'wait'; until: number }
  | { kind: 'off'; reason: string };

/** Between two checks while updates are on. */
export const CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** The first check waits this long after start, so it never competes with opening the notebook. */
export const FIRST_CHECK_DELAY_MS = 60 * 1000;

/**
 * The feed a settings value names, or why there is none. https only, as the window's network
 * guard allows (network-guard.ts); an address with a user name or password is refused, as it
 * would sit in the settings file in the clear.
 */
export function updateFeed(
  updates: AppSettings['updates'] | undefined,
): { ok: true; feed: UpdateFeed } | { ok: false; reason: string } {
  if (!updates?.enabled) return { ok: false, reason: 'updates are off' };
  const text = updates.feedUrl.trim();
  if (!text) return { ok: false, reason: 'no update feed is configured' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: `the update feed "${text}" is not a web address` };
  }
  if (url.username || url.password)
    return { ok: false, reason: 'the update feed must not hold a user name or password' };
  if (url.protocol !== 'https:')
    return { ok: false, reason: 'the update feed must be an https:// address' };
  if (url.search || url.hash)
    return { ok: false, reason: 'the update feed is a folder address, without ? or #' };
  // The provider appends file names to the folder.
  const href = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { ok: true, feed: { provider: 'generic', url: href } };
}

/**
 * Whether to check now. Only a packaged app updates (a development run has no installer to
 * replace), only with a feed, and at most once per interval.
 */
export function decideUpdateCheck(
  updates: AppSettings['updates'] | undefined,
  {
    isPackaged,
    startedAt,
    lastCheck,
    now,
  }: {
    isPackaged: boolean;
    startedAt: number;
    lastCheck: number | undefined;
    now: number;
  },
): UpdateDecision {
  if (!isPackaged) return { kind: 'off', reason: 'a development build does not update itself' };
  const feed = updateFeed(updates);
  if (!feed.ok) return { kind: 'off', reason: feed.reason };
  const due =
    lastCheck === undefined ? startedAt + FIRST_CHECK_DELAY_MS : lastCheck + CHECK_INTERVAL_MS;
  return now >= due ? { kind: 'check', feed: feed.feed } : { kind: 'wait', until: due };
}
