// Real PDFs for the PDF importer's tests and the bench: HTML printed by Debian's Chromium
// (`page.pdf()`), never hand-written bytes. academicPaper() makes a plausible two-column article
// of any length, with running headers, page numbers, footnotes and hyphenated line ends.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../../hosts/chromium';

export interface PrintOptions {
  /** Reuse an open browser (printing many fixtures); otherwise one is launched for this print. */
  browser?: Browser;
  /** Where the PDF is written; a temporary folder (removed afterwards) when absent. */
  path?: string;
  /** Chromium's own running header and footer (`pageNumber`, `totalPages`, `title` classes). */
  headerTemplate?: string;
  footerTemplate?: string;
  format?: 'A4' | 'A5' | 'Letter';
  margin?: { top?: string; right?: string; bottom?: string; left?: string };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Prints `html` to PDF as Chromium does and returns the file's bytes. */
export async function printPdf(html: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const browser = options.browser ?? (await launchChromium());
  const scratch = options.path ? undefined : await mkdtemp(path.join(tmpdir(), 'print-pdf-'));
  const file = options.path ?? path.join(scratch ?? '', 'printed.pdf');
  const page = await browser.newPage();
  try {
    // Scripts that measure the page (academicPaper's) see the print layout.
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html, { waitUntil: 'load' });
    const templates = options.headerTemplate !== undefined || options.footerTemplate !== undefined;
    await page.pdf({
      path: file,
      // An @page size in the HTML wins; otherwise the format asked for.
      preferCSSPageSize: true,
      format: options.format ?? 'A4',
      printBackground: true,
      displayHeaderFooter: templates,
      // Chromium prints its default header (date, title) unless given an empty one.
      headerTemplate: options.headerTemplate ?? '<span></span>',
      footerTemplate: options.footerTemplate ?? '<span></span>',
      ...(options.margin && { margin: options.margin }),
    });
    return new Uint8Array(await readFile(file));
  } finally {
    await page.close();
    if (!options.browser) await browser.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

export interface AcademicPaper {
  html: string;
  title: string;
  doi: string;
  /** Each paragraph's text as the importer should give it: soft hyphens gone, calls as "[n]". */
  paragraphs: string[];
  /** Each footnote's text, in order, without its number. */
  notes: string[];
}

// Words with their hyphenation points ("|"), so justified narrow columns break some of them at
// line ends; the compounds keep their own hyphens.
const WORDS = [
  'in|for|ma|tion',
  'com|pu|ta|tion|al',
  'doc|u|ment',
  'an|no|ta|tion',
  'seg|men|ta|tion',
  'ex|per|i|ment',
  'meth|od|ol|o|gy',
  'an|a|lyst',
  'par|a|graph',
  'ty|pog|ra|phy',
  'col|umn',
  'ev|i|dence',
  're|li|a|bil|i|ty',
  'in|ter|pre|ta|tion',
  'ar|chive',
  'read|ing',
  'or|der',
  'cor|pus',
  'qual|i|ta|tive',
  'sys|tem|at|ic',
  'the',
  'of',
  'and',
  'in',
  'a',
  'for',
  'with',
  'that',
  'each',
  'page',
  'text',
  'we',
  'its',
  'state-of-the-art',
  'well-known',
  'two-column',
];
const SECTIONS = ['Introduction', 'Related Work', 'Method', 'Findings', 'Discussion'];

/** A small deterministic generator: the same paper every run, so the bench compares like with like. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function sentence(next: () => number): string {
  const length = 9 + Math.floor(next() * 12);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)] ?? 'text');
  const first = words[0] ?? 'text';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

const plain = (marked: string) => marked.replaceAll('|', '');

/**
 * The word with a soft hyphen at its middle hyphenation point only. Chromium ends a text run at
 * every soft hyphen, broken or not, so one at every point would cut the PDF's text into pieces
 * of a syllable or two, several times more than a typeset paper has.
 */
function html(marked: string): string {
  const parts = marked.replaceAll('&', '&amp;').replaceAll('<', '&lt;').split('|');
  if (parts.length < 3) return parts.join('');
  const middle = Math.floor(parts.length / 2);
  return `${parts.slice(0, middle).join('')}&shy;${parts.slice(middle).join('')}`;
}

/**
 * A two-column article of exactly `pages` A4 pages: a full-width title, authors and abstract
 * on the first, numbered sections, paragraphs that run on across columns and pages, a running
 * header and page number in the page margins, and footnotes at the foot of the page that calls
 * them. A script in the page fills each page's columns until they are full (so each page holds
 * its own notes) and stops at the last page: `paragraphs` holds more than the pages show.
 */
export function academicPaper(pages: number): AcademicPaper {
  const next = random(pages);
  const title = 'Reading Order in Two-Column Layouts';
  const doi = '10.5555/rdg.2024.0042';
  const paragraphs: string[] = [];
  const notes: string[] = [];
  const blocks: { heading?: string; words?: string[]; note?: string }[] = [];
  for (let i = 0; i < pages * 9; i++) {
    if (i % 6 === 0) blocks.push({ heading: `${i / 6 + 1}. ${SECTIONS[(i / 6) % 5] ?? ''}` });
    const words = Array.from({ length: 5 + Math.floor(next() * 4) }, () => sentence(next))
      .join(' ')
      .split(' ');
    const shown = words.map(plain);
    let note: string | undefined;
    if (i % 4 === 1) {
      // The call follows the paragraph's first sentence; the note says which one.
      const n = notes.length + 1;
      const end = shown.findIndex((w) => w.endsWith('.'));
      const opening = shown.slice(0, 4).join(' ').replace(/[.,]$/, '');
      const text = `On “${opening}”, see the appendix and the interviews it reports.`;
      notes.push(text);
      note = `<sup>${n}</sup> ${text}`;
      words[end] = `${html(words[end] ?? '')}<sup>${n}</sup>`;
      shown[end] = `${shown[end] ?? ''}[${n}]`;
    }
    paragraphs.push(shown.join(' '));
    blocks.push({
      words: words.map((w) => (w.includes('<sup>') ? w : html(w))),
      ...(note && { note }),
    });
  }
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>
  @page {
    size: A4; margin: 20mm 18mm;
    @top-left { content: "Journal of Document Engineering 12 (2024)"; font: 8pt serif; }
    @top-right { content: "Reading Order"; font: italic 8pt serif; }
    @bottom-center { content: counter(page); font: 8pt serif; }
  }
  body { margin: 0; font: 9.5pt/1.3 serif; }
  /* The page box's own size, so the script measures what the print lays out. */
  .page { width: 174mm; height: 255mm; display: flex; flex-direction: column; overflow: hidden; break-after: page; }
  .page:last-child { break-after: auto; }
  .front h1 { font-size: 18pt; margin: 0 0 4mm; }
  .front .authors { font-size: 11pt; margin: 0 0 3mm; }
  .front .abstract { margin: 0 0 5mm; text-align: justify; }
  .cols { flex: 1 1 0; min-height: 0; column-count: 2; column-gap: 7mm; column-fill: auto; }
  .cols p { margin: 0; text-indent: 1.2em; text-align: justify; hyphens: manual; }
  .cols p.cont { text-indent: 0; }
  .cols h2 { font-size: 11.5pt; margin: 3mm 0 1.5mm; break-after: avoid; }
  .notes { flex: none; height: 16mm; font-size: 7pt; line-height: 1.25; border-top: 0.4pt solid #000; padding-top: 1mm; }
  .notes p { margin: 0; }
</style></head>
<body>
<script>
const blocks = ${JSON.stringify(blocks).replaceAll('</', '<\\/')};
const pageCount = ${pages};
let cols, notes, pageNumber = 0, done = false;
function newPage() {
  if (pageNumber === pageCount) { done = true; return; }
  pageNumber++;
  const page = document.createElement('section');
  page.className = 'page';
  if (pageNumber === 1) {
    page.innerHTML = '<div class="front"><h1>${title}</h1>' +
      '<p class="authors">Ada Byron and Grace Hopper</p><p class="abstract"><b>Abstract.</b> ' +
      'We study how readers recover the order of a page set in two columns, and how a ' +
      'program can do the same. https://doi.org/${doi}</p></div>';
  }
  cols = document.createElement('div');
  cols.className = 'cols';
  notes = document.createElement('div');
  notes.className = 'notes';
  page.append(cols, notes);
  document.body.append(page);
}
// Columns past the box's height overflow sideways, as a third column.
const overflows = () => cols.scrollWidth > cols.clientWidth + 1;
newPage();
for (const block of blocks) {
  if (done) break;
  if (block.heading) {
    const h = document.createElement('h2');
    h.textContent = block.heading;
    cols.append(h);
    if (overflows()) { h.remove(); newPage(); if (done) break; cols.append(h); }
    continue;
  }
  let words = block.words, first = true;
  while (words.length && !done) {
    const p = document.createElement('p');
    if (!first) p.className = 'cont';
    cols.append(p);
    p.innerHTML = words.join(' ');
    let fit = words.length;
    if (overflows()) {
      // The longest start of the paragraph that fits; the rest runs on to the next page.
      let lo = 0, hi = words.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        p.innerHTML = words.slice(0, mid).join(' ');
        if (overflows()) hi = mid - 1; else lo = mid;
      }
      fit = lo;
      p.innerHTML = words.slice(0, fit).join(' ');
      if (fit === 0) p.remove();
    }
    if (block.note && words.slice(0, fit).some((w) => w.includes('<sup>'))) {
      const n = document.createElement('p');
      n.innerHTML = block.note;
      notes.append(n);
    }
    first = first && fit === 0;
    words = words.slice(fit);
    if (words.length) newPage();
  }
}
</script>
</body></html>`;
  return { html: page, title, doi, paragraphs, notes };
}

/** The HTML of academicPaper(pages), for a caller that only prints it. */
export const academicPaperHtml = (pages: number) => academicPaper(pages).html;
