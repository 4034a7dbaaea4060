// The HTML report through the real core and read back with a real HTML parser (jsdom): one
// self-contained file under a strict CSP, the tag tree as headings, passages in reading order
// with article and comment, the codebook's guidance, the figures as SVG, and every imported
// string (markup, Azerbaijani, emoji, Arabic) staying text.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchedNotebook, type DispatchedNotebook } from '../../support/dispatched-notebook';
import {
  ascending,
  AR_TITLE,
  AZ_TITLE,
  codedNotebook,
  DEFINITIONS,
  fileOf,
  PASSAGES,
  positions,
  type Coded,
} from './fixtures';

let nb: DispatchedNotebook;
let coded: Coded;
beforeEach(async () => {
  nb = await dispatchedNotebook('notebook-report-html-');
  coded = await codedNotebook(nb);
});
afterEach(() => nb.close());

async function report(input: Record<string, unknown> = {}) {
  const file = fileOf(await nb.call('exportReport', { format: 'html', ...input }));
  const html = new TextDecoder().decode(file.bytes);
  const { document } = new JSDOM(html).window;
  return { file, html, document };
}

const texts = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((e) => e.textContent!.trim());

describe('HTML report', () => {
  it('is one file with a strict CSP, its style allowed by hash, and no script or link out', async () => {
    const { file, html, document } = await report({ title: 'Hesabat / Report?' });
    expect(file.mimeType).toBe('text/html');
    expect(file.fileName).toMatch(/^hesabat-report-\d{4}-\d{2}-\d{2}\.html$/);
    const csp = document
      .querySelector('meta[http-equiv="Content-Security-Policy"]')!
      .getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const styles = [...document.querySelectorAll('style')];
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]!.textContent!).digest('base64');
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(document.querySelectorAll('script, link, img, iframe, object, [style]')).toHaveLength(0);
    expect(document.querySelectorAll('[src], [href]')).toHaveLength(0);
    expect(
      [...document.querySelectorAll('*')].some((e) =>
        [...e.attributes].some((a) => a.name.startsWith('on')),
      ),
    ).toBe(false);
    expect(document.querySelector('h1')!.textContent).toBe('Hesabat / Report?');
    // The only markup is the report's: the article's <script> is text in it.
    expect(html.match(/<script/gi) ?? []).toEqual([]);
  });

  it('is titled “Coded passages” and the day without a title, the day once in its name', async () => {
    const { file, document } = await report();
    expect(document.querySelector('h1')!.textContent).toMatch(
      /^Coded passages, \d{4}-\d{2}-\d{2}$/,
    );
    expect(file.fileName).toMatch(/^coded-passages-\d{4}-\d{2}-\d{2}\.html$/);
  });

  it('groups passages under the tag tree, in reading order per article, with article and comment', async () => {
    const { document } = await report();
    const headings = texts(document, 'section.passages h3, section.passages h4');
    expect(headings).toEqual(['Economy', 'Economy/Energy', 'Economy/Trade', 'Siyasət']);
    // Children sit a level below their parent.
    const energy = [...document.querySelectorAll('section.passages h4')].map((h) => h.textContent);
    expect(energy).toEqual(['Economy/Energy', 'Economy/Trade']);

    const sectionOf = (path: string) =>
      [...document.querySelectorAll('section.tag')].find(
        (s) => s.querySelector('h3, h4')!.textContent === path,
      )!;
    const quotes = (path: string) => texts(sectionOf(path), 'blockquote');
    // Articles by title (Arabic sorts after Latin), each in reading order.
    expect(quotes('Economy/Trade')).toEqual([
      PASSAGES.corridor,
      PASSAGES.overlap,
      PASSAGES.arTrade,
    ]);
    expect(quotes('Economy/Energy')).toEqual([PASSAGES.oil, PASSAGES.arEnergy]);
    expect(quotes('Siyasət')).toEqual([PASSAGES.corridor, PASSAGES.talks]);
    expect(quotes('Economy')).toEqual([]);

    const trade = sectionOf('Economy/Trade');
    expect(texts(trade, 'cite')).toEqual([AZ_TITLE, AZ_TITLE, AR_TITLE]);
    expect(texts(trade, '.comment')).toEqual(['Overlaps the corridor 🚚']);
    const energy2 = sectionOf('Economy/Energy');
    expect(texts(energy2, '.comment')).toEqual([
      'Comment with <em>markup</em> & "quotes"',
      'تعليق بالعربية',
    ]);
    // Text that looks like markup is text: no element was made from it.
    expect(document.querySelectorAll('main b, main em, main i')).toHaveLength(0);
    expect(document.querySelector('blockquote')!.getAttribute('dir')).toBe('auto');
  });

  it('holds the codebook with definition, when to use, when not and example', async () => {
    const { document } = await report();
    const codebook = document.querySelector('section.codebook')!;
    expect(texts(codebook, 'h3, h4')).toEqual([
      'Economy',
      'Economy/Energy',
      'Economy/Trade',
      'Siyasət',
    ]);
    const dd = texts(codebook, 'dd');
    expect(dd).toEqual([
      DEFINITIONS.economy,
      DEFINITIONS.energy,
      'Production and export of fuel',
      'Prices alone',
      '“neft ixracı”',
      DEFINITIONS.trade,
    ]);
    expect(texts(codebook, 'dt').slice(1, 5)).toEqual([
      'Definition',
      'When to use',
      'When not to use',
      'Example',
    ]);
  });

  it('draws the frequencies and the co-occurrence as inline SVG with the counts', async () => {
    const { document } = await report();
    const svgs = [...document.querySelectorAll('section.figures svg[role="img"]')];
    expect(svgs.map((s) => s.getAttribute('aria-label'))).toEqual([
      'Passages per tag',
      'Co-occurrence of tags',
    ]);
    const bars = [...svgs[0]!.querySelectorAll('g > title')].map((t) => t.textContent);
    expect(bars).toEqual([
      'Economy: 0 passages with the tag, 5 with the tags below it',
      'Economy/Energy: 2 passages with the tag, 2 with the tags below it',
      'Economy/Trade: 3 passages with the tag, 3 with the tags below it',
      'Siyasət: 2 passages with the tag, 2 with the tags below it',
    ]);
    const cells = [...svgs[1]!.querySelectorAll('g > title')].map((t) => t.textContent);
    // "corridor" carries both (one), and "overlap" (Trade) overlaps it (Siyasət): two.
    expect(cells).toContain('Economy/Trade and Siyasət: 2 overlaps');
    expect(cells).toContain('Siyasət: 2 passages');
    expect(cells).toContain('Economy/Energy and Economy/Trade: 0 overlaps');
  });

  it('narrows to chosen tags (with their subtree) and articles, and can leave out codebook and figures', async () => {
    const { document } = await report({
      tagIds: [coded.tag('Economy')],
      articleIds: [coded.ar],
      codebook: false,
      figures: false,
    });
    expect(texts(document, 'section.passages h3, section.passages h4')).toEqual([
      'Economy',
      'Economy/Energy',
      'Economy/Trade',
    ]);
    expect(texts(document, 'blockquote')).toEqual([PASSAGES.arEnergy, PASSAGES.arTrade]);
    expect(document.querySelector('section.codebook')).toBeNull();
    expect(document.querySelector('section.figures')).toBeNull();
    const meta = texts(document, 'header .meta').join('\n');
    expect(meta).toContain('2 passages from 1 article');
    expect(meta).toContain('Tags: “Economy” (each with the tags below it).');
    expect(meta).toContain(`Articles: “${AR_TITLE}”.`);
  });

  it('a child tag chosen alone heads the report at the top level', async () => {
    const { document } = await report({ tagIds: [coded.tag('Economy/Trade')] });
    expect(texts(document, 'section.passages h3')).toEqual(['Economy/Trade']);
    const order = positions(texts(document, 'blockquote').join('\n'), [
      PASSAGES.corridor,
      PASSAGES.overlap,
      PASSAGES.arTrade,
    ]);
    ascending(order);
  });

  it('leaves out an article whose text cannot be read, naming it in the file and the outcome', async () => {
    const record = nb.notebook.store.state.articles.get(coded.ar)!;
    await rm(join(nb.dir, 'bodies', `${record.revisions.at(-1)!.bodyHash}.json`));
    await nb.reopen();
    const outcome = await nb.call('exportReport', { format: 'html' });
    expect(outcome).toMatchObject({ kind: 'download', leftOut: [AR_TITLE] });
    const { document } = new JSDOM(new TextDecoder().decode(fileOf(outcome).bytes)).window;
    expect(texts(document, 'header .meta').join('\n')).toContain(
      `Left out, because their text could not be read: “${AR_TITLE}”.`,
    );
    expect(texts(document, 'blockquote')).not.toContain(PASSAGES.arTrade);
    expect(texts(document, 'blockquote')).toContain(PASSAGES.talks);
  });

  it('refuses tags and articles that do not exist, and a PDF where the host has no printer', async () => {
    expect(await nb.refusal('exportReport', { format: 'html', tagIds: ['nope'] })).toMatch(
      /tag no longer exists/,
    );
    expect(await nb.refusal('exportReport', { format: 'html', articleIds: ['nope'] })).toMatch(
      /article no longer exists/,
    );
    expect(await nb.refusal('exportReport', { format: 'pdf' })).toMatch(
      /PDF needs the desktop app/,
    );
    expect(await nb.refusal('exportReport', { format: 'rtf' })).toBeTruthy();
    expect(await nb.refusal('exportReport', { format: 'html', title: 'two\nlines' })).toMatch(
      /one line/,
    );
  });
});
