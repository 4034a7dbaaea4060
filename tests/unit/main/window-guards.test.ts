import { describe, expect, it } from 'vitest';
import { MAX_EXTERNAL_URL_LENGTH } from '../../../electron/shared/security';
import {
  externalUrlToOpen,
  isDevToolsShortcut,
  mayNavigate,
  webPreferencesFor,
  type KeyInput,
} from '../../../electron/main/window-guards';

describe('mayNavigate', () => {
  it('stays inside app://notebook/', () => {
    expect(mayNavigate('app://notebook/index.html')).toBe(true);
    expect(mayNavigate('app://notebook/index.html#annotation-3')).toBe(true);
  });

  it('never leaves it', () => {
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'app://notebook.evil/',
      'app://notebookx/',
      'about:blank',
      '',
    ])
      expect(mayNavigate(url), url).toBe(false);
  });
});

describe('externalUrlToOpen', () => {
  it('hands https:, http: and mailto: links to the OS, parsed', () => {
    expect(externalUrlToOpen('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(externalUrlToOpen('http://example.org/')).toBe('http://example.org/');
    expect(externalUrlToOpen('http://example.org:8080/p?q=1#f')).toBe(
      'http://example.org:8080/p?q=1#f',
    );
    expect(externalUrlToOpen('mailto:analyst@example.org')).toBe('mailto:analyst@example.org');
  });

  it('keeps the query and fragment of web links', () => {
    expect(externalUrlToOpen('https://example.org/search?q=a&b=c#results')).toBe(
      'https://example.org/search?q=a&b=c#results',
    );
  });

  it('accepts those schemes in any case, handing over the normalized form', () => {
    expect(externalUrlToOpen('HTTPS://Example.org/')).toBe('https://example.org/');
    expect(externalUrlToOpen('HtTp://EXAMPLE.org/')).toBe('http://example.org/');
    expect(externalUrlToOpen('MailTo:a@example.org')).toBe('mailto:a@example.org');
  });

  it('strips the whitespace a URL parser ignores, so the OS sees what was checked', () => {
    expect(externalUrlToOpen('  https://example.org/\n')).toBe('https://example.org/');
    expect(externalUrlToOpen('\u0000\thttps://example.org/ \u001f')).toBe('https://example.org/');
  });

  it('refuses control characters inside a link, which the parser would drop or keep', () => {
    for (const url of [
      'java\nscript:alert(1)',
      'java\tscript:alert(1)',
      'https://exa\nmple.org/',
      'https://example.org/a\tb',
      'https://example.org/a\u0000b',
      'https://example.org/\u007f',
      'https://example.org/\u0085',
      'mailto:a@example.org\r\nbcc:b@example.org',
    ])
      expect(externalUrlToOpen(url), JSON.stringify(url)).toBeNull();
  });

  it('refuses links with a user name or password instead of stripping them', () => {
    for (const url of [
      'https://user:secret@example.org/',
      'https://user@example.org/',
      'https://:secret@example.org/',
      'http://bank.example@evil.example/',
      'https://bank.example%40evil.example@evil.example/',
    ])
      expect(externalUrlToOpen(url), url).toBeNull();
  });

  it('refuses very long links, also when only their parsed form is too long', () => {
    const path = 'a'.repeat(MAX_EXTERNAL_URL_LENGTH - 'https://example.org/'.length);
    expect(externalUrlToOpen(`https://example.org/${path}`)).toBe(`https://example.org/${path}`);
    expect(externalUrlToOpen(`https://example.org/${path}a`)).toBeNull();
    expect(externalUrlToOpen(`https://example.org/${'é'.repeat(1000)}`)).toBeNull();
    expect(externalUrlToOpen(`mailto:${'a'.repeat(3000)}@example.org`)).toBeNull();
    expect(externalUrlToOpen(`https://example.org/${'a'.repeat(1_000_000)}`)).toBeNull();
  });

  it('opens nothing else, whatever the case', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'javascript://example.org/%0aalert(1)',
      'file:///etc/passwd',
      'FILE:///C:/Windows/System32/calc.exe',
      'file://server/share/x.exe',
      'data:text/html,<script>alert(1)</script>',
      'Data:text/html,x',
      'vbscript:msgbox(1)',
      'VBScript:msgbox(1)',
      'blob:https://example.org/uuid',
      'about:blank',
      'ftp://example.org/',
      'app://notebook/index.html',
      'ms-settings:',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      '//example.org/',
      'example.org',
      'https://',
      'http:',
      '',
    ])
      expect(externalUrlToOpen(url), url).toBeNull();
  });
});

describe('externalUrlToOpen for mailto:', () => {
  it('opens the address only, without the query or the fragment', () => {
    expect(externalUrlToOpen('mailto:a@example.org?attach=/etc/passwd')).toBe(
      'mailto:a@example.org',
    );
    expect(
      externalUrlToOpen('mailto:a@example.org?subject=Hi&cc=b@example.org&body=x%0Ay#frag'),
    ).toBe('mailto:a@example.org');
    expect(externalUrlToOpen('mailto:a@example.org#x')).toBe('mailto:a@example.org');
    expect(externalUrlToOpen('MAILTO:A.B+tag@Example.ORG?attach=C:\\x')).toBe(
      'mailto:A.B+tag@Example.ORG',
    );
  });

  it('keeps several addresses, as RFC 6068 writes them', () => {
    expect(externalUrlToOpen('mailto:a@example.org,b@example.org?bcc=c@example.org')).toBe(
      'mailto:a@example.org,b@example.org',
    );
    expect(externalUrlToOpen('mailto:a@example.org, b@example.org')).toBe(
      'mailto:a@example.org,b@example.org',
    );
  });

  it('decodes escapes once, then accepts plain addresses only', () => {
    expect(externalUrlToOpen('mailto:%61nalyst@example.org')).toBe('mailto:analyst@example.org');
    expect(externalUrlToOpen('mailto:analyst%40example.org')).toBe('mailto:analyst@example.org');
    expect(externalUrlToOpen('mailto:jos%C3%A9@exampl%C3%A9.org')).toBe(
      'mailto:jos%C3%A9@exampl%C3%A9.org',
    );
    expect(externalUrlToOpen('mailto:josé@example.org')).toBe('mailto:jos%C3%A9@example.org');
  });

  it('refuses escapes that would hide a query, a header or a second recipient', () => {
    for (const url of [
      'mailto:a@example.org%3Fattach=/etc/passwd',
      'mailto:a%3Fcc=b@example.org',
      'mailto:a@example.org%23x',
      'mailto:a@example.org%0D%0Abcc:b@example.org',
      'mailto:a@example.org%0Abcc=b@example.org',
      'mailto:a@example.org%00',
      'mailto:a@example.org%253Fattach=x',
      'mailto:%E0%A4%A@example.org',
      'mailto:a@example.org%',
      'mailto:a@example.org%zz',
      'mailto:"a b"@example.org',
      'mailto:a@example.org%20b@example.org',
      'mailto:<a@example.org>',
      'mailto:a@b@example.org',
      'mailto:a@example.org/x',
      'mailto:a@-example.org',
      'mailto:a@example..org',
    ])
      expect(externalUrlToOpen(url), url).toBeNull();
  });

  it('opens nothing without an address in the path', () => {
    for (const url of [
      'mailto:',
      'mailto:?to=a@example.org',
      'mailto:?attach=/etc/passwd',
      'mailto:#a@example.org',
      'mailto:a',
      'mailto:@example.org',
      'mailto:a@',
      'mailto:a@example.org,',
      'mailto:,a@example.org',
      'mailto://a@example.org',
    ])
      expect(externalUrlToOpen(url), url).toBeNull();
  });
});

describe('webPreferencesFor', () => {
  it('isolates and sandboxes the page, with Auxclick off', () => {
    const prefs = webPreferencesFor({ preload: '/app/out/preload/index.cjs', isPackaged: true });
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    });
    // The session turns spelling on and off (spellcheck.ts); a window made without it never could.
    expect(prefs.spellcheck).toBe(true);
    expect(prefs).not.toHaveProperty('nodeIntegrationInSubFrames');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('has DevTools only in development builds', () => {
    expect(webPreferencesFor({ preload: 'p', isPackaged: true }).devTools).toBe(false);
    expect(webPreferencesFor({ preload: 'p', isPackaged: false }).devTools).toBe(true);
  });
});

describe('isDevToolsShortcut', () => {
  const key = (keyName: string, mods: Partial<KeyInput> = {}, code?: string): KeyInput => ({
    type: 'keyDown',
    key: keyName,
    ...(code && { code }),
    control: false,
    shift: false,
    alt: false,
    meta: false,
    ...mods,
  });

  it('catches F12, Ctrl+Shift+I/J/C and Cmd+Option+I/J/C', () => {
    for (const input of [
      key('F12', {}, 'F12'),
      key('F12', { shift: true }),
      key('I', { control: true, shift: true }, 'KeyI'),
      key('J', { control: true, shift: true }, 'KeyJ'),
      key('C', { control: true, shift: true }, 'KeyC'),
      key('i', { meta: true, alt: true }, 'KeyI'),
      // Option+I is a dead key on a Mac: only the physical key says I.
      key('Dead', { meta: true, alt: true }, 'KeyI'),
      key('ˆ', { meta: true, alt: true }, 'KeyI'),
      key('j', { meta: true, alt: true }, 'KeyJ'),
      key('c', { meta: true, alt: true }, 'KeyC'),
      key('I', { control: true, shift: true, alt: true }),
      key('Ш', { control: true, shift: true }, 'KeyI'),
    ])
      expect(isDevToolsShortcut(input), JSON.stringify(input)).toBe(true);
  });

  it('leaves the app its own keys and plain typing', () => {
    for (const input of [
      key('i'),
      key('I', { shift: true }),
      key('i', { control: true }, 'KeyI'),
      key('c', { control: true }, 'KeyC'),
      key('c', { meta: true }, 'KeyC'),
      key('I', { meta: true, shift: true }),
      key('i', { alt: true }, 'KeyI'),
      key('V', { control: true, shift: true }, 'KeyV'),
      key('L', { control: true, shift: true }, 'KeyL'),
      key('F11'),
      key('F1'),
      key('Enter', { control: true }),
    ])
      expect(isDevToolsShortcut(input), JSON.stringify(input)).toBe(false);
  });
});
