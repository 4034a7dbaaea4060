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
    expect(seen.options).toHaveLength(1);
    const options = seen.options[0] as Record<string, unknown>;
    expect(options.runScripts).toBeUndefined();
    expect(options.resources).toBeUndefined();
    expect(options.url).toBeUndefined();
  });
});
