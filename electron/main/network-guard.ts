// No network request leaves the window unless the analyst configured something that needs one.
// The window's session answers every request through a predicate: the app's own pages, DevTools
// and local files pass; anything else is cancelled, except the spell-checker's dictionaries while
// spell-checking is on, and the update feed while updates are on.
// Sync's replication (electron/core/sync) runs in the main process over Node's own http, which
// this guard doesn't see: it connects only while sync is configured and turned on (checked in
// tests/unit/core/sync/config.test.ts), and only to https or a loopback address.
import type { AppSettings } from '../shared/settings';
import { isAppUrl } from './app-url';
import { updateFeed } from './update-policy';

/**
 * Where Chromium fetches Hunspell dictionaries on Windows and Linux (macOS checks spelling with
 * the system's own dictionaries and fetches nothing).
 */
export const DICTIONARY_BASE_URL = 'https://redirector.gvt1.com/edgedl/chrome/dict/';

export interface NetworkPolicy {
  /** Spell-checking with downloaded dictionaries is on. */
  dictionaries: boolean;
  /** The update feed's origin, when updates are on and a feed is configured. */
  updateOrigin?: string;
}

/** Nothing reaches the network: what holds until the settings are read, or when they can't be. */
export const CLOSED: NetworkPolicy = { dictionaries: false };

/**
 * What the settings allow. The feed is the one the updater would use (update-policy.ts: https,
 * no credentials); a feed it refuses allows nothing.
 */
export function networkPolicy(settings: AppSettings, platform: NodeJS.Platform): NetworkPolicy {
  const policy: NetworkPolicy = {
    dictionaries: settings.spellCheck && platform !== 'darwin',
  };
  const feed = updateFeed(settings.updates);
  if (feed.ok) policy.updateOrigin = new URL(feed.feed.url).origin;
  return policy;
}

/** Schemes that never leave the machine: DevTools' own pages, and data the page already holds. */
const LOCAL_SCHEMES = new Set(['devtools:', 'chrome-devtools:', 'data:', 'blob:']);

/** Whether a request may go ahead. Every URL that doesn't parse is refused. */
export function mayRequest(rawUrl: string, policy: NetworkPolicy): boolean {
  if (isAppUrl(rawUrl)) return true;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(url.protocol)) return true;
  // The app:// handler reads the renderer's files through file: URLs. One with a host is a
  // network share (\\server\share on Windows), which is the network.
  if (url.protocol === 'file:') return url.host === '' || url.host === 'localhost';
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  if (policy.dictionaries && url.href.startsWith(DICTIONARY_BASE_URL)) return true;
  return policy.updateOrigin !== undefined && url.origin === policy.updateOrigin;
}

/** The part of Electron's session.webRequest the guard uses. */
export interface RequestFilter {
  onBeforeRequest(
    listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
  ): void;
}

/**
 * Installs the guard on the window's session (before anything loads in it); the returned
 * function changes the policy (the settings were read, or changed).
 */
export function guardNetwork(
  session: { webRequest: RequestFilter },
  log: (url: string) => void = () => undefined,
): (policy: NetworkPolicy) => void {
  let policy = CLOSED;
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = mayRequest(details.url, policy);
    if (!allowed) log(details.url);
    callback({ cancel: !allowed });
  });
  return (next) => {
    policy = next;
  };
}
