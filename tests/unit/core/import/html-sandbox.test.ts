// How jsdom is asked to parse imported pages. A fetch started by a page would be cut off when the
// importer closes the window, so no behavioural test can see it: the options are checked instead.
import { describe, expect, it, vi } from 'vitest';
import { importFile } from '../../../../electron/core/import/index';

const seen = vi.hoisted(() => ({ options: [] as unknown[] }));

vi.mock('jsdom', async (importOriginal) => {
  const actual = await importOriginal<typeof import('jsdom')>();
  class RecordingJSDOM extends actual.JSDOM {
    constructor(html?: string, options?: import('jsdom').ConstructorOptions) {
      seen.options.push(options);
      super(html, options);
    }
  }
  return { ...actual, JSDOM: RecordingJSDOM };
});

describe('jsdom sandbox', () => {
  it('parses pages without running scripts or loading any resource', async () => {
    const page = '<link rel="stylesheet" href="https://example.org/a.css"><p>Words</p>';
    const { doc } = await importFile('page.html', new TextEncoder().encode(page));
    expect(doc.text).toBe('Words');
    // An article this short is weighed against the page as it was, parsed a second time.
    expect(seen.options).toHaveLength(2);
    for (const options of seen.options as Array<Record<string, unknown>>) {
      expect(options.runScripts).toBeUndefined();
      expect(options.resources).toBeUndefined();
      expect(options.url).toBeUndefined();
    }
  });

  it('parses a page with a whole article once (Readability works on the page itself)', async () => {
    seen.options.length = 0;
    const words = 'Plenty of words in a paragraph of the article, enough to be the article. ';
    const article = `<h1>Title</h1><p>${words.repeat(8)}</p><p>${words.repeat(6)}</p>`;
    const page = `<nav><a href="/">Home</a></nav><article>${article}</article>`;
    const { doc } = await importFile('long.html', new TextEncoder().encode(page));
    expect(doc.text).toContain('Plenty of words');
    expect(seen.options).toHaveLength(1);
  });
});
