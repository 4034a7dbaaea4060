// The Word report through the real core, read back with mammoth (as the DOCX importer reads Word
// files): the tag tree as headings, passages as Quote paragraphs in reading order with their
// article and comment, the codebook's guidance, figures as tables, Unicode and markup as text.
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
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
  nb = await dispatchedNotebook('notebook-report-docx-');
  coded = await codedNotebook(nb);
});
afterEach(() => nb.close());

async function report(input: Record<string, unknown> = {}) {
  const file = fileOf(await nb.call('exportReport', { format: 'docx', ...input }));
  const buffer = Buffer.from(file.bytes);
  const { value: html, messages } = await mammoth.convertToHtml(
    { buffer },
    {
      styleMap: [
        "p[style-name='Quote'] => blockquote > p:fresh",
        "p[style-name='Title'] => h1:fresh",
      ],
    },
  );
  const { value: raw } = await mammoth.extractRawText({ buffer });
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  return { file, document, raw, messages };
}

const texts = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((e) => e.textContent!.trim());

describe('Word report', () => {
  it('is a Word document named from its title', async () => {
    const { file, messages } = await report({ title: 'Əsas hesabat 📄' });
    expect(file.mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(file.fileName).toMatch(/^asas-hesabat-\d{4}-\d{2}-\d{2}\.docx$/);
    // A zip, as every .docx is.
    expect([...file.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
  });

  it('has the tag tree as headings and the passages as quotes in reading order', async () => {
    const { document, raw } = await report({ title: 'Hesabat' });
    expect(texts(document, 'h1')).toEqual(['Hesabat', 'Coded passages', 'Codebook', 'Figures']);
    // Tags: Economy at the report's top (h2), its children below it (h3); then the codebook's.
    const tagHeadings = texts(document, 'h2, h3');
    expect(tagHeadings.slice(0, 4)).toEqual([
      'Economy',
      'Economy/Energy',
      'Economy/Trade',
      'Siyasət',
    ]);
    expect(texts(document, 'h3').slice(0, 2)).toEqual(['Economy/Energy', 'Economy/Trade']);

    const quotes = texts(document, 'blockquote p');
    expect(quotes).toEqual([
      PASSAGES.oil,
      PASSAGES.arEnergy,
      PASSAGES.corridor,
      PASSAGES.overlap,
      PASSAGES.arTrade,
      PASSAGES.corridor,
      PASSAGES.talks,
    ]);
    // Each quote is followed by its article and, where there is one, its comment.
    ascending(
      positions(raw, [
        PASSAGES.oil,
        `— ${AZ_TITLE}`,
        'Comment: Comment with <em>markup</em> & "quotes"',
        PASSAGES.arEnergy,
        `— ${AR_TITLE}`,
        'Comment: تعليق بالعربية',
      ]),
    );
    // Markup in the text stayed text: mammoth found no element in it.
    expect(document.querySelectorAll('script, b, i')).toHaveLength(0);
  });

  it('holds the codebook definitions and the figures as tables', async () => {
    const { document, raw } = await report();
    const codebookAt = raw.indexOf('Codebook');
    ascending(
      positions(raw.slice(codebookAt), [
        `Definition: ${DEFINITIONS.economy}`,
        `Definition: ${DEFINITIONS.energy}`,
        'When to use: Production and export of fuel',
        'When not to use: Prices alone',
        'Example: “neft ixracı”',
        `Definition: ${DEFINITIONS.trade}`,
      ]),
    );
    const [frequencies, cooccurrence] = [...document.querySelectorAll('table')];
    const rows = [...frequencies!.querySelectorAll('tr')].map((tr) => texts(tr, 'td, th'));
    expect(rows).toEqual([
      ['Tag', 'Passages', 'With the tags below', 'Characters coded'],
      ['Economy', '0', '5', '0'],
      ['Economy/Energy', '2', '2', String([...PASSAGES.oil].length + 1 + PASSAGES.arEnergy.length)],
      expect.arrayContaining(['Economy/Trade', '3', '3']),
      expect.arrayContaining(['Siyasət', '2', '2']),
    ]);
    const matrix = [...cooccurrence!.querySelectorAll('tr')].map((tr) => texts(tr, 'td, th'));
    expect(matrix[0]).toEqual(['', 'Economy/Energy', 'Economy/Trade', 'Siyasət']);
    expect(matrix[2]).toEqual(['Economy/Trade', '0', '3', '2']);
  });

  it('marks right-to-left paragraphs as bidirectional, and only those', async () => {
    const { file } = await report();
    const xml = strFromU8(unzipSync(file.bytes)['word/document.xml']!);
    const paragraphs = xml.split('</w:p>');
    const arabic = paragraphs.find((p) => p.includes(PASSAGES.arEnergy))!;
    expect(arabic).toContain('<w:bidi/>');
    expect(arabic).toContain('<w:rtl/>');
    const azerbaijani = paragraphs.find((p) => p.includes('neft və qaz'))!;
    expect(azerbaijani).not.toContain('<w:bidi');
  });

  it('a report without passages says so, and without codebook and figures has neither', async () => {
    const empty = await nb.call('createTag', { name: 'Boş <tag>' });
    const { document, raw } = await report({ tagIds: [empty.id], codebook: false, figures: false });
    expect(raw).toContain('No coded passages for these tags and articles.');
    expect(raw).toContain('Tags: “Boş <tag>”');
    expect(texts(document, 'h1')).toEqual([
      expect.stringMatching(/^Coded passages, \d{4}-/),
      'Coded passages',
    ]);
    expect(document.querySelectorAll('table')).toHaveLength(0);
    void coded;
  });
});
