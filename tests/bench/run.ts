// The bench entry (bundled to out/bench/run.js by scripts/bench.mjs): generates the data, runs every
// case, prints one JSON line per figure, writes reports/bench.json and prints the README table.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGREEMENT_FIGURES, benchAgreement } from './core/agreement';
import { benchAnalysis } from './core/analysis';
import { benchExport } from './core/export';
import {
  benchBatch,
  benchFormat,
  FORMAT_FIGURES,
  makeFormatFiles,
  type FormatFiles,
} from './core/formats';
import { benchImport } from './core/import';
import { benchReanchor } from './core/reanchor';
import { benchRefiImport, REFI_IMPORT_FIGURE } from './core/refi-import';
import { benchRevision } from './core/revision';
import { benchSave } from './core/save';
import { benchStartup } from './core/startup';
import { benchSync, SYNC_FIGURES } from './core/sync';
import { benchRoot, writeBenchNotebook } from './data-dir';
import { generateBenchData } from './generate';
import { markdownTable } from './readme-table';
import { ANALYSIS_SECTIONS, benchAnalysisUi, UI_FIGURES } from './renderer/analysis';
import { benchApp } from './renderer/app';
import { measureNaive, type NaiveFigures } from './renderer/naive';
import { benchRevisionUi } from './renderer/revision';
import { closeCoreWorkers } from '../../electron/core/workers';
import { log, missingLine, type BenchLine } from './stats';

const outDir = path.dirname(fileURLToPath(import.meta.url));
const lines: BenchLine[] = [];
let failures = 0;

function report(line: BenchLine) {
  lines.push(line);
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** The lines a case would have reported: name, unit, budget, baseline. */
type Fallback = [string, BenchLine['unit'], number, number | null];

/**
 * BENCH_ONLY=<words> runs only the cases whose label holds them (`BENCH_ONLY=revision npm run
 * bench`), for working on one figure; the report then holds only those.
 */
const only = process.env.BENCH_ONLY?.trim().toLowerCase();

/** Runs one case; a case that throws is reported as not measured, and the others still run. */
async function runCase(
  label: string,
  fallback: Fallback[],
  measure: () => Promise<BenchLine | BenchLine[]>,
) {
  if (only && !label.toLowerCase().includes(only)) return;
  const t0 = performance.now();
  try {
    const result = await measure();
    for (const line of Array.isArray(result) ? result : [result]) report(line);
  } catch (error) {
    failures++;
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    log(`${label} failed: ${error instanceof Error ? (error.stack ?? reason) : reason}`);
    for (const [name, unit, budget, baseline] of fallback) {
      report(missingLine(name, unit, budget, baseline, reason));
    }
  }
  log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const started = performance.now();
// Other jobs on the machine inflate every figure: the report says how busy it was.
const loadBefore = os.loadavg()[0]!;
const data = generateBenchData();
const bytes = Buffer.byteLength(data.body.text);
const smallAnnotations = data.small.reduce((n, a) => n + a.passages.length, 0);
log(
  `data: ${data.body.blocks.length} paragraphs, ${(bytes / 1e6).toFixed(2)} MB, ` +
    `${data.passages.length} annotations, ${data.edits.length} edits in the revision; ` +
    `${data.small.length} small articles with ${smallAnnotations} annotations`,
);
const root = await benchRoot();
const notebook = await writeBenchNotebook(data, root);

// Every case works in `root`; it goes, whatever happens.
try {
  let naive: NaiveFigures | undefined;
  await runCase('naive renderer', [], async () => {
    naive = await measureNaive(data, path.join(outDir, 'naive-page.js'));
    return [];
  });
  await runCase(
    'renderer',
    [
      [
        'open an article from the click, its data included',
        'ms',
        150,
        naive?.openWithFetch ?? null,
      ],
      ['open the article with 10k highlights, to first paint', 'ms', 100, naive?.open ?? null],
      ['re-apply all 10k highlights, to paint', 'ms', 50, naive?.reapply ?? null],
      ['click on text -> annotation ids', 'ms', 1, naive?.hit ?? null],
      ['scroll to an annotation, to paint', 'ms', 50, null],
      ['renderer memory with the article open', 'MB', 180, naive?.rssMB ?? null],
    ],
    () => benchApp(data, notebook, root, naive),
  );
  await runCase(
    'revision (window)',
    [
      [
        'save an edit of the 3 MB article with 10k annotations, to the review list painted',
        'ms',
        300,
        null,
      ],
    ],
    () => benchRevisionUi(data, notebook, root),
  );
  await runCase(
    'revision (core)',
    [['save an edit of the 3 MB article (core: editArticle committed)', 'ms', 300, null]],
    () => benchRevision(data, notebook, root),
  );
  await runCase(
    're-anchor',
    [['re-anchor 10k annotations on the 1%-edited revision', 'ms', 150, null]],
    () => benchReanchor(data),
  );
  await runCase('save', [['save one annotation durably at 10k', 'ms', 5, null]], () =>
    benchSave(data, notebook, root),
  );
  await runCase(
    'start-up',
    [['start-up: notebook with 10k annotations ready', 'ms', 150, null]],
    () => benchStartup(notebook, root, outDir),
  );
  await runCase(
    'export',
    ['Markdown', 'CSV', 'W3C JSON'].map((f): Fallback => [
      `export 10k annotations to ${f}`,
      'ms',
      150,
      null,
    ]),
    () => benchExport(notebook, root),
  );
  // The core's figures, kept for the window's case below (its baselines).
  let coreAnalysis: BenchLine[] = [];
  await runCase(
    'search and analysis',
    [
      ['search everything (10k passages, 3 MB of text), warm index', 'ms', 50, null],
      ['build the search index (the first search)', 'ms', 3000, null],
      ['analysis of 10k passages (frequencies, co-occurrence, matrices)', 'ms', 200, null],
      ['undo a change to all 10k annotations', 'ms', 300, null],
      ['list a codebook of 500 tags, nested five deep, with counts', 'ms', 50, null],
    ],
    async () => (coreAnalysis = await benchAnalysis(notebook, root)),
  );
  await runCase(
    'search and analysis (window)',
    [
      [UI_FIGURES.search, 'ms', 50, null],
      ...ANALYSIS_SECTIONS.map(([, label]): Fallback => [
        UI_FIGURES.section(label),
        'ms',
        200,
        null,
      ]),
      [UI_FIGURES.undo, 'ms', 300, null],
      [UI_FIGURES.redo, 'ms', 300, null],
      [UI_FIGURES.codebook, 'ms', 50, null],
    ],
    () => benchAnalysisUi(data, notebook, root, coreAnalysis),
  );
  await runCase(
    'agreement',
    Object.values(AGREEMENT_FIGURES).map((name): Fallback => [name, 'ms', 300, null]),
    () => benchAgreement(notebook, root),
  );
  await runCase(
    'sync',
    [
      [SYNC_FIGURES.first, 'ms', 60_000, null],
      [SYNC_FIGURES.change, 'ms', 1000, null],
    ],
    () => benchSync(notebook, root),
  );
  await runCase('REFI-QDA import', [[REFI_IMPORT_FIGURE, 'ms', 3000, null]], () =>
    benchRefiImport(root),
  );
  await runCase('import', [['import one web page (50 pages of 20-200 KB)', 'ms', 500, null]], () =>
    benchImport(data.options.seed, notebook, root),
  );
  // Made once for the four cases that follow (Chromium prints the PDFs), outside their timings.
  let formatFiles: Promise<FormatFiles> | undefined;
  const made = () => (formatFiles ??= makeFormatFiles(data.options.seed));
  for (const kind of ['pdf', 'docx', 'epub'] as const) {
    const { name, budget } = FORMAT_FIGURES[kind];
    await runCase(`import ${kind}`, [[name, 'ms', budget, null]], async () =>
      benchFormat(kind, await made(), notebook, root),
    );
  }
  await runCase(
    'import batch',
    [[FORMAT_FIGURES.batch.name, 'ms', FORMAT_FIGURES.batch.budget, null]],
    async () => benchBatch(await made(), notebook, root, outDir),
  );
} finally {
  await closeCoreWorkers();
  await rm(root, { recursive: true, force: true });
}

const report_ = {
  createdAt: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage1m: { before: loadBefore, after: os.loadavg()[0]! },
  },
  data: {
    seed: data.options.seed,
    paragraphs: data.body.blocks.length,
    chars: data.body.text.length,
    utf8MB: Number((bytes / 1e6).toFixed(2)),
    annotations: data.passages.length,
    revisionEdits: data.edits.length,
    smallArticles: data.small.length,
    smallAnnotations,
  },
  durationS: Number(((performance.now() - started) / 1000).toFixed(1)),
  lines,
};
await mkdir('reports', { recursive: true });
await writeFile('reports/bench.json', `${JSON.stringify(report_, null, 2)}\n`);
process.stdout.write(`\n${markdownTable(lines)}\n`);
log(
  `done in ${report_.durationS} s (load average ${loadBefore.toFixed(1)} -> ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs); wrote reports/bench.json`,
);
process.exitCode = failures ? 1 : 0;
