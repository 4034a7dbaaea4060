// Which link targets survive import: the rule that keeps imported links from doing harm.
import { describe, expect, it } from 'vitest';
import { safeHref, webUrl } from '../../../../electron/core/import/safe-url';

describe('safeHref', () => {
  it.each([
    ['https://example.org/a?b=c#d', 'https://example.org/a?b=c#d'],
    ['  http://example.org  ', 'http://example.org/'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['HTTPS://EXAMPLE.ORG/X', 'https://example.org/X'],
  ])('keeps %j', (raw, expected) => {
    expect(safeHref(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.org/file',
    '/relative/path',
    '#section',
    '',
    null,
    undefined,
  ])('refuses %j', (raw) => {
    expect(safeHref(raw)).toBeUndefined();
  });

  it('resolves relative links against a known base, still refusing bad schemes', () => {
    const base = 'https://news.example.az/en/economy/story';
    expect(safeHref('/en/sport/', base)).toBe('https://news.example.az/en/sport/');
    expect(safeHref('other', base)).toBe('https://news.example.az/en/economy/other');
    expect(safeHref('javascript:alert(1)', base)).toBeUndefined();
  });

  it('refuses absurdly long targets', () => {
    expect(safeHref(`https://example.org/${'a'.repeat(3000)}`)).toBeUndefined();
  });
});

describe('webUrl', () => {
  it('accepts only http(s) page addresses', () => {
    expect(webUrl('https://example.org/page')).toBe('https://example.org/page');
    expect(webUrl('mailto:a@example.org')).toBeUndefined();
    expect(webUrl('file:///C:/saved.html')).toBeUndefined();
  });
});
