// No request leaves the window unless the analyst configured something that needs one: the app's
// own pages, DevTools and local files pass; the spell-checker's dictionaries only while spelling
// is checked (and not on macOS, which fetches none); the update feed only while updates are on.
// And nothing in the main process starts Electron's crash reporter.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLOSED,
  DICTIONARY_BASE_URL,
  guardNetwork,
  mayRequest,
  networkPolicy,
  type NetworkPolicy,
} from '../../../electron/main/network-guard';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../electron/shared/settings';

const settings = (over: Partial<AppSettings>): AppSettings => ({ ...DEFAULT_SETTINGS, ...over });
const dictionary = `${DICTIONARY_BASE_URL}en-us-10-1.bdic`;

describe('mayRequest', () => {
  it('lets the app’s own pages, DevTools and the page’s own data through', () => {
    for (const url of [
      'app://notebook/index.html',
      'app://notebook/assets/index-ə?ş=ı#İ',
      'devtools://devtools/bundled/devtools_app.html',
      'data:text/plain,hi',
      'blob:app://notebook/4d5c7b1e-7c1e-4e0c-9d8e-1f2a3b4c5d6e',
      'file:///work/main/out/renderer/index.html',
      'file://localhost/C:/app/out/renderer/index.html',
    ])
      expect(mayRequest(url, CLOSED), url).toBe(true);
  });

  it('refuses the network, other app hosts, network shares and what doesn’t parse', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5780/',
      'ws://localhost:5173/',
      'wss://sync.example.org/',
      'ftp://example.com/file',
      'app://notebook.evil/index.html',
      'app://notebookx/',
      'file://server/share/article.pdf',
      dictionary,
      'not a url',
      '',
    ])
      expect(mayRequest(url, CLOSED), url).toBe(false);
  });

  it('fetches dictionaries only while spelling is checked, and nothing else from that host', () => {
    const on: NetworkPolicy = { dictionaries: true };
    expect(mayRequest(dictionary, on)).toBe(true);
    expect(mayRequest('https://redirector.gvt1.com/edgedl/chrome/other', on)).toBe(false);
    expect(mayRequest('http://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', on)).toBe(
      false,
    );
    expect(mayRequest('https://user:pw@redirector.gvt1.com/edgedl/chrome/dict/x.bdic', on)).toBe(
      false,
    );
    expect(mayRequest('https://example.com/', on)).toBe(false);
  });

  it('reaches the update feed’s origin only', () => {
    const policy: NetworkPolicy = {
      dictionaries: false,
      updateOrigin: 'https://updates.example.org',
    };
    expect(mayRequest('https://updates.example.org/latest.yml', policy)).toBe(true);
    expect(mayRequest('https://updates.example.org.evil.com/latest.yml', policy)).toBe(false);
    expect(mayRequest('https://evil.com/?https://updates.example.org', policy)).toBe(false);
  });
});

describe('networkPolicy', () => {
  it('follows spell-checking, except on macOS', () => {
    expect(networkPolicy(settings({ spellCheck: true }), 'linux')).toEqual({ dictionaries: true });
    expect(networkPolicy(settings({ spellCheck: true }), 'win32')).toEqual({ dictionaries: true });
    expect(networkPolicy(settings({ spellCheck: true }), 'darwin')).toEqual({
      dictionaries: false,
    });
    expect(networkPolicy(settings({ spellCheck: false }), 'linux')).toEqual({
      dictionaries: false,
    });
  });

  it('allows the feed only when updates are on, with an https feed', () => {
    const off = { spellCheck: false };
    const feed = (enabled: boolean, feedUrl: string) =>
      networkPolicy(settings({ ...off, updates: { enabled, feedUrl } }), 'linux').updateOrigin;
    expect(feed(true, 'https://updates.example.org/notebook/')).toBe('https://updates.example.org');
    expect(feed(false, 'https://updates.example.org/notebook/')).toBeUndefined();
    expect(feed(true, '')).toBeUndefined();
    expect(feed(true, 'http://updates.example.org/')).toBeUndefined();
    expect(feed(true, 'updates.example.org/ ə?')).toBeUndefined();
    // The same feeds the updater refuses: credentials in it, or a query.
    expect(feed(true, 'https://me:secret@updates.example.org/')).toBeUndefined();
    expect(feed(true, 'https://updates.example.org/?channel=beta')).toBeUndefined();
  });
});

describe('guardNetwork', () => {
  it('cancels what the policy refuses, as the policy changes', () => {
    let listener: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    const blocked: string[] = [];
    const setPolicy = guardNetwork(
      { webRequest: { onBeforeRequest: (l) => void (listener = l) } },
      (url) => blocked.push(url),
    );
    const ask = (url: string) => {
      let answer: boolean | undefined;
      listener!({ url }, ({ cancel }) => (answer = cancel));
      return answer;
    };
    expect(ask('app://notebook/index.html')).toBe(false);
    expect(ask(dictionary)).toBe(true);
    setPolicy({ dictionaries: true });
    expect(ask(dictionary)).toBe(false);
    setPolicy(CLOSED);
    expect(ask(dictionary)).toBe(true);
    expect(blocked).toEqual([dictionary, dictionary]);
  });
});

describe('the crash reporter', () => {
  it('is never started: no main-process or preload source mentions it', async () => {
    const sources: string[] = [];
    for (const dir of ['electron/main', 'electron/preload', 'electron/core']) {
      for (const entry of await readdir(dir, { recursive: true })) {
        if (entry.endsWith('.ts')) sources.push(join(dir, entry));
      }
    }
    expect(sources.length).toBeGreaterThan(20);
    for (const file of sources) {
      expect(await readFile(file, 'utf8'), file).not.toMatch(/crashReporter/);
    }
  });
});
