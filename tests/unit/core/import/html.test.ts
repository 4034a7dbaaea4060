// HTML import: a saved news page reduced to its article, and the guarantees that imported HTML
// never runs and never leaves markup or unsafe links behind.
import { beforeAll, describe, expect, it } from 'vitest';
import { NotebookError } from '../../../../electron/core/errors';
import { isEnoughArticle } from '../../../../electron/core/import/html';
import { importFile, type ImportedDocument } from '../../../../electron/core/import/index';
import type { CanonicalDocument } from '../../../../electron/shared/model';
import {
  blockTexts,
  expectValidDocument,
  fixture,
  links,
  marked,
  occurrences,
} from './expect-valid-document';

const html = async (source: string, name = 'page.html') => {
  const imported = await importFile(name, new TextEncoder().encode(source));
  expectValidDocument(imported.doc);
  return imported;
};
const paragraphs = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1} of the story carries enough words to look like an article body, ` +
      'with commas, clauses and a full stop at the end of it.</p>',
  ).join('\n');

describe('html import of a saved news page', () => {
  let imported: ImportedDocument;
  let doc: CanonicalDocument;
  let blocks: ReturnType<typeof blockTexts>;
  beforeAll(async () => {
    imported = await importFile('caspian-ferry.html', fixture('news-article.html'));
    doc = imported.doc;
    blocks = blockTexts(doc);
  });

  it('is a valid document titled by the headline, sourced by the canonical URL', () => {
    expectValidDocument(doc);
    expect(imported.format).toBe('html');
    expect(imported.source).toBe('https://news.example.az/en/economy/caspian-ferry-link-reopens');
    expect(doc.title).toBe('Caspian ferry link reopens after two-year pause');
  });

  it('starts with the headline, once', () => {
    expect(blocks[0]).toEqual({
      type: 'heading',
      level: 1,
      text: 'Caspian ferry link reopens after two-year pause',
    });
    expect(occurrences(doc.text, 'Caspian ferry link reopens')).toBe(1);
  });

  it('keeps the article: subheading, list with nesting, blockquote', () => {
    expect(blocks).toContainEqual({ type: 'heading', level: 2, text: 'What changes for shippers' });
    expect(blocks.filter((b) => b.type === 'list-item')).toEqual([
      {
        type: 'list-item',
        level: 1,
        text: 'Shorter transit times for containers bound for Georgia',
      },
      { type: 'list-item', level: 1, text: 'Lower costs on the eastern leg, with' },
      { type: 'list-item', level: 2, text: 'discounted tariffs for rail-ferry combinations' },
      { type: 'list-item', level: 2, text: 'priority loading for perishable goods' },
      { type: 'list-item', level: 1, text: 'More predictable schedules in winter' },
    ]);
    expect(blocks.filter((b) => b.type === 'quote')).toEqual([
      {
        type: 'quote',
        text: 'We have waited a long time for this line to reopen, and our customers have waited with us.',
      },
    ]);
    expect(doc.text).toContain(
      'The ferry service between Baku and Aktau resumed on Thursday, ending a pause that had lasted almost two years.',
    );
    expect(doc.text).toContain('Readers with questions can write to the economy desk.');
  });

  it('marks exactly the emphasised and strong words', () => {
    expect(marked(doc, 'em')).toEqual(['forty-two lorries', 'a turning point']);
    expect(marked(doc, 'strong')).toEqual(['Baku', 'Aktau']);
  });

  it('resolves relative links against the page URL and keeps javascript: links as plain text', () => {
    expect(links(doc)).toEqual([
      { text: "port's page", href: 'https://news.example.az/en/economy/port-of-baku' },
      { text: 'the economy desk', href: 'mailto:desk@news.example.az' },
    ]);
    expect(doc.text).toContain('and in the interactive map, according to the ministry.');
  });

  it('leaves out navigation, ads, asides, footer, scripts, styles and handlers', () => {
    // Every piece of page chrome in the fixture carries a SENTINEL word.
    expect(doc.text).not.toContain('SENTINEL');
    for (const chrome of ['Subscribe', 'Advertisement', 'Most read', 'Privacy', 'cookies']) {
      expect(doc.text).not.toContain(chrome);
    }
    expect(doc.text).not.toMatch(/dataLayer|font-family|alert|onerror|schema\.org|[<>{}]/);
  });
});

describe('html import safety', () => {
  it('never runs scripts or inline event handlers', async () => {
    const { doc } = await html(`<html><head><script>document.title = 'SCRIPT RAN'</script></head>
      <body onload="document.body.textContent = 'HANDLER RAN'"><article>
      <p id="lead">The original words of the article stay as they were written.</p>
      <script>document.getElementById('lead').textContent = 'SCRIPT RAN';</script>
      <img src="data:," onerror="document.getElementById('lead').textContent = 'HANDLER RAN'">
      </article></body></html>`);
    expect(doc.text).toBe('The original words of the article stay as they were written.');
    expect(doc.title).not.toContain('RAN');
  });
});

describe('html import rules', () => {
  it('drops relative links when the page has no address, keeping their text', async () => {
    const { doc, source } = await html(
      `<p>See <a href="/about">about</a>, <a href="https://example.org/x">this</a> and <a>that</a>.</p>`,
      'saved.htm',
    );
    expect(source).toBe('saved.htm');
    expect(doc.text).toBe('See about, this and that.');
    expect(links(doc)).toEqual([{ text: 'this', href: 'https://example.org/x' }]);
  });

  it('resolves against <base>, and takes og:url as source when there is no canonical link', async () => {
    const { doc, source } = await html(`<html><head>
      <base href="https://example.org/news/"><meta property="og:url" content="https://example.org/news/a">
      <link rel="canonical" href="javascript:alert(1)"></head>
      <body><p>Go <a href="b">next</a>.</p></body></html>`);
    expect(source).toBe('https://example.org/news/a');
    expect(links(doc)).toEqual([{ text: 'next', href: 'https://example.org/news/b' }]);
  });

  it('falls back to the file name as source when the declared URL is not http(s)', async () => {
    const { source } = await html(
      `<link rel="canonical" href="file:///C:/Users/me/page.html"><p>Text</p>`,
      'page.html',
    );
    expect(source).toBe('page.html');
  });

  it('keeps preformatted code, line breaks and merged marks', async () => {
    const { doc } = await html(`<body><p>Line one<br>line <b>t</b><b>wo</b></p>
      <pre><code>  indented
    more</code></pre><ol><li>one<ol><li>two<ul><li>three</li></ul></li></ol></li></ol></body>`);
    expect(blockTexts(doc)).toEqual([
      { type: 'paragraph', text: 'Line one\nline two' },
      { type: 'code', text: '  indented\n    more' },
      { type: 'list-item', level: 1, number: 1, text: 'one' },
      { type: 'list-item', level: 2, number: 1, text: 'two' },
      { type: 'list-item', level: 3, text: 'three' },
    ]);
    expect(marked(doc, 'strong')).toEqual(['two']);
    expect(marked(doc, 'code')).toEqual([]);
  });

  it('maps i, b, kbd and samp, and splits blockquote paragraphs into quote blocks', async () => {
    const { doc } = await html(`<blockquote><p>First <i>said</i>.</p><p>Then <kbd>Ctrl</kbd>
      <samp>out</samp>.</p></blockquote><h3>After</h3>`);
    expect(blockTexts(doc)).toEqual([
      { type: 'quote', text: 'First said.' },
      { type: 'quote', text: 'Then Ctrl out.' },
      { type: 'heading', level: 3, text: 'After' },
    ]);
    expect(marked(doc, 'em')).toEqual(['said']);
    expect(marked(doc, 'code')).toEqual(['Ctrl', 'out']);
  });

  it('skips hidden elements and templates', async () => {
    const { doc } =
      await html(`<p>Shown</p><p hidden>Hidden one</p><div style="display: none">Hidden two</div>
      <template><p>Template</p></template><noscript>Enable JS</noscript><p aria-hidden="true">Hidden three</p>`);
    expect(doc.text).toBe('Shown');
  });

  it('leaves out navigation and footer on a short page', async () => {
    const { doc } = await html(`<html><head><title>Opening hours</title></head><body>
      <nav><a href="/">Home</a> <a href="/menu">Menu</a></nav>
      <div>Open 9 to 5.</div><footer>Copyright</footer></body></html>`);
    expect(doc.title).toBe('Opening hours');
    expect(doc.text).toBe('Open 9 to 5.');
  });

  it('walks the body when Readability finds nothing (a page that is only a headline)', async () => {
    const { doc } = await html(`<html><head><title>Only a headline</title></head>
      <body><h1>Only a headline</h1><footer>Site footer</footer></body></html>`);
    expect(blockTexts(doc)).toEqual([{ type: 'heading', level: 1, text: 'Only a headline' }]);
    expect(doc.title).toBe('Only a headline');
  });

  it('puts back the headline Readability removes as a duplicate of the title, once', async () => {
    const { doc } = await html(`<html><head><title>Only a headline</title></head>
      <body><h1>Only a headline</h1><p>One short line.</p></body></html>`);
    expect(blockTexts(doc)).toEqual([
      { type: 'heading', level: 1, text: 'Only a headline' },
      { type: 'paragraph', text: 'One short line.' },
    ]);
  });

  it('prefers the body when the article is a small part of it', () => {
    const body = (chars: number) => () => chars;
    expect(isEnoughArticle(0, body(0))).toBe(false);
    expect(isEnoughArticle(40, body(100))).toBe(false);
    expect(isEnoughArticle(50, body(100))).toBe(true);
    expect(isEnoughArticle(249, body(10_000))).toBe(false);
    expect(isEnoughArticle(250, body(10_000))).toBe(true);
  });

  it('titles by the first heading, else by the file name', async () => {
    expect(
      (await html(`<body><h2>Untitled page heading</h2>${paragraphs(6)}</body>`)).doc.title,
    ).toBe('Untitled page heading');
    expect((await html(`<body>${paragraphs(6)}</body>`, 'saved-story.html')).doc.title).toBe(
      'saved-story',
    );
  });

  it('refuses a page with no readable text', async () => {
    const bytes = new TextEncoder().encode(
      '<html><head><title>Empty</title><script>var a = 1;</script><style>p{}</style></head>' +
        '<body><img src="a.png"><div>   </div></body></html>',
    );
    await expect(importFile('empty.html', bytes)).rejects.toThrow(NotebookError);
    await expect(importFile('empty.html', bytes)).rejects.toThrow(
      'The file “empty.html” has no readable text.',
    );
  });
});
