import { describe, expect, it } from 'vitest';
import { externalUrlToOpen, mayNavigate } from '../../../electron/main/window-guards';

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
  it('hands https: and mailto: links to the OS, parsed', () => {
    expect(externalUrlToOpen('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(externalUrlToOpen('mailto:analyst@example.org')).toBe('mailto:analyst@example.org');
  });

  it('accepts those schemes in any case, handing over the normalized form', () => {
    expect(externalUrlToOpen('HTTPS://Example.org/')).toBe('https://example.org/');
    expect(externalUrlToOpen('MailTo:a@example.org')).toBe('mailto:a@example.org');
  });

  it('strips the whitespace a URL parser ignores, so the OS sees what was checked', () => {
    expect(externalUrlToOpen('  https://example.org/\n')).toBe('https://example.org/');
  });

  it('opens nothing else, whatever the case', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'file:///etc/passwd',
      'FILE:///C:/Windows/System32/calc.exe',
      'http://example.org/',
      'HTTP://example.org/',
      'data:text/html,<script>alert(1)</script>',
      'Data:text/html,x',
      'vbscript:msgbox(1)',
      'app://notebook/index.html',
      'ms-settings:',
      '//example.org/',
      'example.org',
      '',
    ])
      expect(externalUrlToOpen(url), url).toBeNull();
  });
});
