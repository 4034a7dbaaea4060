// Importing the formats analysts bring, through the dispatcher's importFile as the window sends it
// (one file at a time), into a copy of the bench notebook: a 30-page two-column PDF, a 30-page
// Word document, a 20-chapter EPUB book, and a batch of 200 mixed files. Each time runs from the
// call to the article summary (the import is durable then), beside the main event loop's longest
// block. The files are made once per bench run by the unit tests' own makers, outside every timing.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { createDispatcher, type Dispatch } from '../../../electron/core/dispatch';
import { openNotebook } from '../../../electron/core/notebook';
import { closeCoreWorkers } from '../../../electron/core/workers';
import { makeDocx, makeEpub, makeOdt, prose } from '../../unit/core/import/formats/make-files';
import { academicPaper, launchChromium, printPdf } from '../../unit/core/import/pdf/make-pdf';
import { copyNotebook, type BenchNotebook } from '../data-dir';
import { mulberry32 } from '../generate';
import { generatePages } from '../pages';
import { BLOCK_RESOLUTION_MS, benchLine, blockingRun, log, median, type BenchLine } from '../stats';
import type { BatchChildResult, BatchManifest, BatchManifestFile } from './batch-child';
import { importOne, type BenchFile } from './import-one';

const execFileAsync = promisify(execFile);

/** The figures, their budgets (ms) as issue 8 sets them, for the lines and run.ts's fallbacks. */
export const FORMAT_FIGURES = {
  pdf: { name: 'import a 30-page two-column PDF', budget: 1500, maxBlockMs: 16 },
  docx: { name: 'import a 30-page Word document (DOCX)', budget: 500 },
  epub: { name: 'import a 20-chapter EPUB book', budget: 500 },
  // Files per second has no budget and BenchLine has no unit for it: the line's figure is the
  // longest block (the budgeted one), and filesPerSecond rides along.
  batch: { name: 'import a batch of 200 mixed files: the main loop’s longest block', budget: 16 },
} as const;

const RUNS = 5;
/** A book's chapters: 50 paragraphs of 60 words, some 60,000 words in all. */
const EPUB_BOOK = { chapters: 20, paragraphs: 50 };
/** How many of each the batch holds (200), and the distinct files each kind is varied from. */
const BATCH_MIX = { pdf: 30, docx: 30, epub: 20, odt: 20, html: 50, markdown: 25, text: 25 };
const BATCH_PDF_PAGES = [2, 4, 6, 8, 10];
const BATCH_DOCX_PAGES = [2, 5, 10];
const BATCH_EPUBS = [
  { chapters: 6, paragraphs: 10 },
  { chapters: 12, paragraphs: 25 },
  { chapters: 8, paragraphs: 15, version: 2 as const },
];

export interface FormatFiles {
  /** Each case's files: one to warm up, then one per timed run, each an article of its own. */
  pdf: BenchFile[];
  docx: BenchFile[];
  epub: BenchFile[];
  batch: BenchFile[];
  /** One file of each kind, in no timed set: imported before the batch, unmeasured. */
  batchWarmup: BenchFile[];
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const MB = (files: BenchFile[]) => files.reduce((sum, f) => sum + f.bytes.byteLength, 0) / 2 ** 20;
const load = () => Number(os.loadavg()[0]!.toFixed(2));

/**
 * Every file the cases import, each different in content from every other: a run can neither
 * reuse the worker's last parse nor be recognised as a file already in the notebook.
 */
export async function makeFormatFiles(seed: number): Promise<FormatFiles> {
  const t0 = performance.now();
  const paper = academicPaper(30);
  const retitled = (html: string, title: string, n: number) =>
    html.replaceAll(title, `${title}, No. ${n + 1}`);
  const browser = await launchChromium();
  let pdfs: Uint8Array[];
  let batchPdfs: Uint8Array[];
  try {
    pdfs = await printAll(
      browser,
      range(RUNS + 1).map((n) => retitled(paper.html, paper.title, n)),
    );
    batchPdfs = await printAll(
      browser,
      range(BATCH_MIX.pdf).map((n) => {
        // academicPaper is seeded by its length: each length is another text.
        const short = academicPaper(BATCH_PDF_PAGES[n % BATCH_PDF_PAGES.length]!);
        return retitled(short.html, short.title, n);
      }),
    );
  } finally {
    await browser.close();
  }
  const docx = await makeDocx({ pages: 30 });
  const epub = makeEpub(EPUB_BOOK);
  const docxBases = await Promise.all(BATCH_DOCX_PAGES.map((pages) => makeDocx({ pages })));
  const epubBases = BATCH_EPUBS.map((options) => makeEpub(options));
  const odt = makeOdt();
  const pages = generatePages(seed ^ 0xf0a7, BATCH_MIX.html + 1);
  const cycle = <T>(items: T[], n: number) => items[n % items.length]!;

  const kinds: Record<keyof typeof BATCH_MIX, (n: number) => BenchFile> = {
    pdf: (n) => file(`paper-${n}.pdf`, batchPdfs[n]!, 'pdf'),
    docx: (n) => file(`report-${n}.docx`, varyDocx(cycle(docxBases, n), n), 'docx'),
    epub: (n) => file(`book-${n}.epub`, varyEpub(cycle(epubBases, n), n), 'epub'),
    odt: (n) => file(`notes-${n}.odt`, varyOdt(odt, n), 'odt'),
    html: (n) => ({ ...pages[n]!, format: 'html' }),
    markdown: (n) => file(`memo-${n}.md`, strToU8(markdown(n)), 'markdown'),
    text: (n) => file(`transcript-${n}.txt`, strToU8(plainText(n)), 'text'),
  };
  const batch = Object.entries(BATCH_MIX).flatMap(([kind, count]) =>
    range(count).map((n) => kinds[kind as keyof typeof BATCH_MIX](n)),
  );
  // Mixed as a picked folder is, not grouped by format.
  const random = mulberry32(seed ^ 0xba7c);
  for (let i = batch.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [batch[i], batch[j]] = [batch[j]!, batch[i]!];
  }
  // Seeds no batch file has.
  const warmSeed = 1_000;
  const files: FormatFiles = {
    pdf: pdfs.map((bytes, n) => file(`paper-30-${n}.pdf`, bytes, 'pdf')),
    docx: range(RUNS + 1).map((n) => file(`report-30-${n}.docx`, varyDocx(docx, n), 'docx')),
    epub: range(RUNS + 1).map((n) => file(`book-20-${n}.epub`, varyEpub(epub, n), 'epub')),
    batch,
    batchWarmup: [
      // The PDF case's warm-up paper: the batch's notebook is another copy.
      file('warm.pdf', pdfs[0]!, 'pdf'),
      file('warm.docx', docxBases[0]!, 'docx'),
      file('warm.epub', epubBases[0]!, 'epub'),
      file('warm.odt', odt, 'odt'),
      { ...pages[BATCH_MIX.html]!, format: 'html' },
      file('warm.md', strToU8(markdown(warmSeed)), 'markdown'),
      file('warm.txt', strToU8(plainText(warmSeed)), 'text'),
    ],
  };
  log(
    `formats: made ${batch.length + 3 * (RUNS + 1)} files (batch ${MB(batch).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return files;
}

const file = (fileName: string, bytes: Uint8Array, format: BenchFile['format']): BenchFile => ({
  fileName,
  bytes,
  format,
});

/** Prints the pages two at a time (the machine has two cores), in order. */
async function printAll(browser: Browser, htmls: string[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  let next = 0;
  const printer = async () => {
    for (let i = next++; i < htmls.length; i = next++)
      out[i] = await printPdf(htmls[i]!, { browser });
  };
  await Promise.all([printer(), printer()]);
  return out;
}

/** A paragraph no other file has. */
const own = (n: number) => `Copy ${n + 1} of this file adds its own words. ${prose(n, 30)}`;

/** The package with `xml` put before the last `before` in `entry`; mimetype stays first, stored. */
function withXml(zip: Uint8Array, entry: string, before: string, xml: string): Uint8Array {
  const entries = unzipSync(zip);
  const text = strFromU8(entries[entry] ?? new Uint8Array());
  const at = text.lastIndexOf(before);
  if (at < 0) throw new Error(`the package has no ${before} in ${entry}`);
  entries[entry] = strToU8(text.slice(0, at) + xml + text.slice(at));
  const zippable: Zippable = {};
  for (const [name, bytes] of Object.entries(entries)) {
    zippable[name] = name === 'mimetype' ? [bytes, { level: 0 }] : bytes;
  }
  return zipSync(zippable, { level: 6 });
}

const varyDocx = (docx: Uint8Array, n: number) =>
  withXml(docx, 'word/document.xml', '<w:sectPr', `<w:p><w:r><w:t>${own(n)}</w:t></w:r></w:p>`);
const varyEpub = (epub: Uint8Array, n: number) =>
  withXml(epub, 'OEBPS/text/chapter-1.xhtml', '</section>', `<p>${own(n)}</p>`);
const varyOdt = (odt: Uint8Array, n: number) =>
  withXml(odt, 'content.xml', '</office:text>', `<text:p>${own(n)}</text:p>`);

/** A researcher's Markdown memo: headings, paragraphs, a list with emphasis, a link. */
function markdown(n: number): string {
  const sections = range(3 + (n % 5)).map((s) =>
    [
      `## Finding ${s + 1}`,
      prose(n * 13 + s, 90),
      `- ${prose(n + s, 10)}\n- **${prose(n + s + 1, 6)}** and *${prose(n + s + 2, 4)}*`,
      `See [the interview](https://example.org/interviews/${n}/${s}) and ${prose(n * 7 + s, 40)}`,
    ].join('\n\n'),
  );
  return `# Memo ${n + 1}: field notes\n\n${own(n)}\n\n${sections.join('\n\n')}\n`;
}

/** An interview transcript as plain text: a title line and paragraphs. */
function plainText(n: number): string {
  const turns = range(8 + (n % 12)).map((t) => `${t % 2 ? 'A' : 'Q'}: ${prose(n * 17 + t, 70)}`);
  return `Interview ${n + 1}\n\n${own(n)}\n\n${turns.join('\n\n')}\n`;
}

/** Opens a copy of the bench notebook for `use`, and removes it afterwards. */
async function withNotebook<T>(
  notebook: BenchNotebook,
  root: string,
  use: (dispatch: Dispatch) => Promise<T>,
): Promise<T> {
  const dir = await copyNotebook(notebook, root);
  const opened = await openNotebook({ dataDir: dir });
  try {
    return await use(createDispatcher(opened.handlers));
  } finally {
    await opened.store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * One format's figure: a cold import first (a new worker that starts and loads the importer,
 * reported as coldMs, as the import case does), then RUNS timed ones, each a file of its own.
 */
export async function benchFormat(
  kind: 'pdf' | 'docx' | 'epub',
  files: FormatFiles,
  notebook: BenchNotebook,
  root: string,
): Promise<BenchLine> {
  const figure: { name: string; budget: number; maxBlockMs?: number } = FORMAT_FIGURES[kind];
  const { name, budget, maxBlockMs: blockBudget } = figure;
  const [first, ...timed] = files[kind];
  const loadBefore = load();
  await closeCoreWorkers();
  const idleBlockMs = await idleBlock();
  const runs = await withNotebook(notebook, root, async (dispatch) => {
    const out: Array<{ ms: number; maxBlockMs: number }> = [];
    for (const f of [first!, ...timed]) out.push(await blockingRun(() => importOne(dispatch, f)));
    return out;
  });
  const [cold, ...warm] = runs;
  const times = warm.map((r) => r.ms);
  const maxBlockMs = Math.max(...warm.map((r) => r.maxBlockMs));
  const ms = median(times);
  const loadAverage1m = [loadBefore, load()];
  log(
    `${kind}: median ${ms.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')}), cold ${cold!.ms.toFixed(0)} ms; main loop blocked <= ${maxBlockMs.toFixed(1)} ms (cold ${cold!.maxBlockMs.toFixed(1)} ms, idle ${idleBlockMs.toFixed(1)} ms); load ${loadAverage1m.join(' -> ')}`,
  );
  return benchLine({
    name,
    median: ms,
    unit: 'ms',
    budget,
    baseline: null,
    runs: times.length,
    withinBudget: ms <= budget && (blockBudget === undefined || maxBlockMs <= blockBudget),
    runsMs: times.map((t) => Number(t.toFixed(1))),
    maxBlockMs: Number(maxBlockMs.toFixed(1)),
    ...(blockBudget !== undefined && { maxBlockBudgetMs: blockBudget }),
    idleBlockMs: Number(idleBlockMs.toFixed(1)),
    coldMs: Number(cold!.ms.toFixed(1)),
    coldBlockMs: Number(cold!.maxBlockMs.toFixed(1)),
    fileKB: Math.round(first!.bytes.byteLength / 1024),
    loadAverage1m,
    note: `importFile through the dispatcher into a copy of the bench notebook, from the call to the summary; ${RUNS} runs, each a file of its own (the same document, one paragraph or title apart), on a warm worker (the first import, which starts it and loads the importer, is coldMs)`,
    maxBlockNote: `monitorEventLoopDelay max (less its ${BLOCK_RESOLUTION_MS} ms tick) during each timed import, worst of all (idleBlockMs: the same over 2 s of doing nothing just before, the machine's noise)${blockBudget === undefined ? ' (no budget of its own)' : `; within budget needs it <= ${blockBudget} ms too`}`,
  });
}

/**
 * The batch, one file after another as the window sends them, on a warm worker (one file of
 * each kind imported first, unmeasured): files per second over the whole batch and the main
 * loop's longest block meanwhile, with the files during which the longest stalls began. Run in a
 * process of its own (batch-child.ts) that holds only what the app's main process holds: this
 * one keeps the bench's generated data alive, and the collector's pauses would walk it too.
 */
export async function benchBatch(
  files: FormatFiles,
  notebook: BenchNotebook,
  root: string,
  outDir: string,
): Promise<BenchLine> {
  const { name, budget } = FORMAT_FIGURES.batch;
  const loadBefore = load();
  const idleBlockMs = await idleBlock();
  const folder = await mkdtemp(path.join(root, 'batch-'));
  const dataDir = await copyNotebook(notebook, root);
  let child: BatchChildResult;
  try {
    const manifest: BatchManifest = {
      warmup: await writeFiles(folder, 'warmup', files.batchWarmup),
      batch: await writeFiles(folder, 'batch', files.batch),
    };
    const manifestPath = path.join(folder, 'manifest.json');
    await writeFile(manifestPath, JSON.stringify(manifest));
    const { stdout } = await execFileAsync(
      process.execPath,
      [path.join(outDir, 'batch-child.js'), dataDir, manifestPath, outDir],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    child = JSON.parse(stdout.trim().split('\n').at(-1)!) as BatchChildResult;
  } finally {
    await rm(folder, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
  const { spans, stalls } = child;
  const filesPerSecond = files.batch.length / (child.ms / 1000);
  const byFormat: Record<string, number> = {};
  for (const format of Object.keys(BATCH_MIX)) {
    byFormat[format] = Number(
      median(spans.filter((s) => s.format === format).map((s) => s.ms)).toFixed(1),
    );
  }
  const during = (at: number) =>
    spans.find((s) => at >= s.start && at < s.start + s.ms)?.fileName ?? 'between files';
  const overBudget = stalls.filter((s) => s.ms > budget).length;
  const longestStalls = stalls
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((s) => ({ ms: Number(s.ms.toFixed(1)), during: during(s.at) }));
  const loadAverage1m = [loadBefore, load()];
  log(
    `batch: ${files.batch.length} files in ${(child.ms / 1000).toFixed(1)} s, ${filesPerSecond.toFixed(1)} files/s; main loop blocked <= ${child.maxBlockMs.toFixed(1)} ms (${longestStalls.map((s) => `${s.ms} ms in ${s.during}`).join(', ') || 'no stall over 8 ms'}; ${overBudget} of ${stalls.length} stalls over 8 ms were over ${budget}; idle ${idleBlockMs.toFixed(1)} ms; main heap ${child.heapMB.toFixed(0)} MB); load ${loadAverage1m.join(' -> ')}`,
  );
  return benchLine({
    name,
    median: child.maxBlockMs,
    unit: 'ms',
    budget,
    baseline: null,
    // One batch: its longest block is one figure, over all 200 files.
    runs: 1,
    files: files.batch.length,
    maxBlockMs: Number(child.maxBlockMs.toFixed(1)),
    filesPerSecond: Number(filesPerSecond.toFixed(2)),
    batchMs: Number(child.ms.toFixed(0)),
    perFileMedianMs: byFormat,
    mix: BATCH_MIX,
    batchMB: Number(MB(files.batch).toFixed(2)),
    idleBlockMs: Number(idleBlockMs.toFixed(1)),
    mainHeapMB: Math.round(child.heapMB),
    longestStalls,
    stallsOver8Ms: stalls.length,
    stallsOverBudget: overBudget,
    loadAverage1m,
    note: `the figure is the longest block, not a median: monitorEventLoopDelay max (less its ${BLOCK_RESOLUTION_MS} ms tick) over the whole batch (idleBlockMs: the same over 2 s of doing nothing just before, in the bench's process: the machine's noise); filesPerSecond = files / the batch's time, no budget; in a fresh Node process holding only the core and a copy of the bench notebook (batch-child.ts; mainHeapMB is its heap), each file read from disk as it comes and imported through the dispatcher's importFile, one at a time, each different in content; longestStalls says which file was importing when each of the three longest stalls (a 1 ms timer's) began`,
  });
}

/** Writes `files` into `folder`, each under a name of its own, for the batch's process. */
async function writeFiles(
  folder: string,
  prefix: string,
  files: BenchFile[],
): Promise<BatchManifestFile[]> {
  return Promise.all(
    files.map(async ({ fileName, bytes, format }, i) => {
      const file = path.join(folder, `${prefix}-${i}-${fileName}`);
      await writeFile(file, bytes);
      return { path: file, fileName, format };
    }),
  );
}

/**
 * The main loop's longest block over `ms` in which this process does nothing: what the machine's
 * other work costs every figure here (a 2-core machine running tests beside the bench).
 */
async function idleBlock(ms = 2000): Promise<number> {
  const { maxBlockMs } = await blockingRun(() => new Promise((resolve) => setTimeout(resolve, ms)));
  return maxBlockMs;
}
