// When the app may ask an update feed for a new version, and which feed it asks.
import { describe, expect, it } from 'vitest';
import {
  CHECK_INTERVAL_MS,
  FIRST_CHECK_DELAY_MS,
  decideUpdateCheck,
  updateFeed,
} from '../../../electron/main/update-policy';
import { DEFAULT_SETTINGS } from '../../../electron/shared/settings';

const on = (feedUrl: string) => ({ enabled: true, feedUrl });

describe('updateFeed', () => {
  it('is off by default, and with no feed even when turned on', () => {
    expect(updateFeed(DEFAULT_SETTINGS.updates)).toEqual({ ok: false, reason: 'updates are off' });
    expect(updateFeed(undefined).ok).toBe(false);
    expect(updateFeed(on('   '))).toEqual({ ok: false, reason: 'no update feed is configured' });
    expect(updateFeed({ enabled: false, feedUrl: 'https://example.org/updates/' }).ok).toBe(false);
  });

  it('takes an https folder, ending it with a slash for the file names the provider appends', () => {
    expect(updateFeed(on(' https://updates.example.org/notebook '))).toEqual({
      ok: true,
      feed: { provider: 'generic', url: 'https://updates.example.org/notebook/' },
    });
    expect(updateFeed(on('https://example.org/a/')).ok && 'kept').toBe('kept');
  });

  it('takes https only, even to this machine', () => {
    for (const feedUrl of ['http://127.0.0.1:8080/feed', 'http://example.org/feed'])
      expect(updateFeed(on(feedUrl))).toEqual({
        ok: false,
        reason: 'the update feed must be an https:// address',
      });
  });

  it.each([
    ['no address', 'updates.example.org/feed', 'is not a web address'],
    ['a file path', 'file:///tmp/feed', 'must be an https:// address'],
    ['credentials', 'https://user:secret@example.org/feed', 'user name or password'],
    ['a query', 'https://example.org/feed?channel=beta', 'without ? or #'],
    ['a fragment', 'https://example.org/feed#x', 'without ? or #'],
    ['odd characters', 'https://exa mple.org/ə/ş?', 'is not a web address'],
  ])('refuses %s with a reason', (_, feedUrl, reason) => {
    const result = updateFeed(on(feedUrl));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it('keeps a non-ASCII path as the URL encodes it', () => {
    const result = updateFeed(on('https://example.org/yeniləmə/'));
    expect(result.ok && result.feed.url).toBe('https://example.org/yenil%C9%99m%C9%99/');
  });
});

describe('decideUpdateCheck', () => {
  const feed = on('https://updates.example.org/notebook/');
  const startedAt = 1_000_000;

  it('never checks in a development build or with updates off', () => {
    const at = { startedAt, lastCheck: undefined, now: startedAt + CHECK_INTERVAL_MS * 10 };
    expect(decideUpdateCheck(feed, { ...at, isPackaged: false }).kind).toBe('off');
    expect(decideUpdateCheck(DEFAULT_SETTINGS.updates, { ...at, isPackaged: true }).kind).toBe(
      'off',
    );
    expect(decideUpdateCheck(undefined, { ...at, isPackaged: true }).kind).toBe('off');
  });

  it('checks first a while after start, then once per interval', () => {
    const packaged = { isPackaged: true, startedAt };
    expect(decideUpdateCheck(feed, { ...packaged, lastCheck: undefined, now: startedAt })).toEqual({
      kind: 'wait',
      until: startedAt + FIRST_CHECK_DELAY_MS,
    });
    const first = startedAt + FIRST_CHECK_DELAY_MS;
    expect(decideUpdateCheck(feed, { ...packaged, lastCheck: undefined, now: first })).toEqual({
      kind: 'check',
      feed: { provider: 'generic', url: 'https://updates.example.org/notebook/' },
    });
    const soon = decideUpdateCheck(feed, { ...packaged, lastCheck: first, now: first + 1000 });
    expect(soon).toEqual({ kind: 'wait', until: first + CHECK_INTERVAL_MS });
    const later = { ...packaged, lastCheck: first, now: first + CHECK_INTERVAL_MS };
    expect(decideUpdateCheck(feed, later).kind).toBe('check');
  });
});
