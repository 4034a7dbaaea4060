// The PDF report: the HTML printed by Debian's Chromium (the browser host's printer, standing in
// for Electron's printToPDF) and read back with pdf.js 5: headings, passages in order, the
// codebook, Azerbaijani and Arabic text, markup as text. Without a printer: a clear refusal.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/core/dispatch';
import { loadPdfJs } from '../../../../electron/core/import/pdf/load-pdfjs';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import { chromiumPrinter, type PdfPrinter } from '../../../hosts/browser/print-pdf';
import type { DispatchedNotebook } from '../../support/dispatched-notebook';
import {
  ascending,
  AZ_TITLE,
  codedNotebook,
  DEFINITIONS,
  fileOf,
  PASSAGES,
  positions,
  type Coded,
} from './fixtures';

let dir: string;
let notebook: Notebook;
let printer: PdfPrinter;
let nb: Pick<DispatchedNotebook, 'call' | 'refusal'>;
let coded: Coded;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-report-pdf-'));
  printer = chromiumPrinter();
  notebook = await openNotebook({ dataDir: dir, printToPdf: (html) => printer.print(html) });
  const dispatch = createDispatcher(notebook.handlers, () => undefined);
  nb = {
    async call(name, input) {
      const answer = await dispatch(name, input);
      if (!answer.ok) throw new Error(`${name} refused: ${answer.error.message}`);
      return answer.value as never;
    },
    async refusal(name, input) {
      const answer = await dispatch(name, input);
      if (answer.ok) throw new Error(`${name} was accepted`);
      return answer.error.message;
    },
  };
  coded = await codedNotebook(nb as DispatchedNotebook);
}, 60_000);
afterAll(async () => {
  await printer.close();
  await notebook.store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Every page's text, pages joined by a line, items by a space (pdf.js's reading order). */
async function pdfText(
  bytes: Uint8Array,
): Promise<{ pages: number; text: string; title?: string }> {
  const { pdfjs, data } = await loadPdfJs();
  const doc = await pdfjs.getDocument({ data: bytes.slice(), ...data, useSystemFonts: false })
    .promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join(''),
    );
  }
  const { info } = (await doc.getMetadata()) as { info: { Title?: string } };
  await doc.destroy();
  return { pages: doc.numPages, text: pages.join('\n'), ...(info.Title && { title: info.Title }) };
}

/**
 * Text to compare: without white space (pdf.js splits a word where Chromium took a letter such as
 * ə from a fallback font, and puts spaces between the pieces) and without emoji, which this
 * machine has no font for (Chromium prints them as .notdef glyphs, read back as U+0000).
 */
const flat = (text: string) =>
  text.replace(/[\s\u0000]|\p{Extended_Pictographic}|\p{Regional_Indicator}|\ufe0f/gu, '');

describe('PDF report', () => {
  it('is a PDF whose text holds the tag headings and the passages in order', async () => {
    const file = fileOf(await nb.call('exportReport', { format: 'pdf', title: 'PDF hesabatı' }));
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toMatch(/^pdf-hesabati-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(new TextDecoder().decode(file.bytes.subarray(0, 5))).toBe('%PDF-');
    const { text, title } = await pdfText(file.bytes);
    expect(title).toBe('PDF hesabatı');
    const printed = flat(text);
    ascending(
      positions(printed, [
        'PDFhesabatı',
        'Codedpassages',
        'Economy',
        'Economy/Energy',
        flat(PASSAGES.oil),
        'Economy/Trade',
        flat(PASSAGES.corridor),
        flat(PASSAGES.overlap),
        'Siyasət',
        flat(PASSAGES.talks),
        'Codebook',
        flat(DEFINITIONS.economy),
        flat(DEFINITIONS.energy),
        'Productionandexportoffuel',
        flat(DEFINITIONS.trade),
        'Figures',
      ]),
    );
    // The article's title, markup and all, is printed as text.
    expect(printed).toContain(flat(AZ_TITLE));
    expect(printed).toContain('<script>alert(1)</script>');
    // Arabic comes back as pdf.js finds it on the page: presentation forms, in visual order.
    const visual = (text: string) => [...flat(text)].reverse().join('');
    expect(printed.normalize('NFKC')).toContain(visual(PASSAGES.arEnergy));
  });

  it('only the chosen tags', async () => {
    const file = fileOf(
      await nb.call('exportReport', {
        format: 'pdf',
        tagIds: [coded.tag('Siyasət')],
        codebook: false,
        figures: false,
      }),
    );
    const printed = flat((await pdfText(file.bytes)).text);
    expect(printed).toContain(flat(PASSAGES.talks));
    expect(printed).not.toContain(flat(PASSAGES.overlap));
    expect(printed).not.toContain('Codebook');
  });
});

describe('without a printer', () => {
  it('refuses a PDF, saying to use the desktop app, and still makes HTML', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'notebook-report-noprint-'));
    const other = await openNotebook({ dataDir: bare });
    try {
      const dispatch = createDispatcher(other.handlers, () => undefined);
      const answer = await dispatch('exportReport', { format: 'pdf' });
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringMatching(/^PDF needs the desktop app/) },
      });
      expect(await dispatch('exportReport', { format: 'html' })).toMatchObject({ ok: true });
    } finally {
      await other.store.close();
      await rm(bare, { recursive: true, force: true });
    }
  });
});
