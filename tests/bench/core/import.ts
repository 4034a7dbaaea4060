// Importing web pages the way the import dialog does (previewImport, then importFile with the
// encoding the preview found), through the dispatcher, into a copy of the bench notebook: per-page
// time (p95 over a fixed set of 50 generated pages of 20-200 KB), and how long the main event
// loop was ever blocked meanwhile.
import { rm } from 'node:fs/promises';
import { createDispatcher } from '../../../electron/core/dispatch';
import { openNotebook } from '../../../electron/core/notebook';
import { closeCoreWorkers } from '../../../electron/core/workers';
import type { ImportPreview } from '../../../electron/shared/import-formats';
import { copyNotebook, type BenchNotebook } from '../data-dir';
import { generatePages } from '../pages';
import {
  BLOCK_RESOLUTION_MS,
  benchLine,
  blockingRun,
  log,
  median,
  percentile,
  type BenchLine,
} from '../stats';

export async function benchImport(
  seed: number,
  notebook: BenchNotebook,
  root: string,
): Promise<BenchLine> {
  const pages = generatePages(seed);
  const dir = await copyNotebook(notebook, root);
  const opened = await openNotebook({ dataDir: dir });
  const dispatch = createDispatcher(opened.handlers);
  // The first import also starts the worker and loads jsdom: that is reported on its own, and
  // the pages are then timed with a warm worker, as every import after the first one is.
  await closeCoreWorkers();
  const times: number[] = [];
  const blocks: number[] = [];
  let cold = NaN;
  let coldBlock = NaN;
  try {
    for (const [i, page] of [pages.at(-1)!, ...pages].entries()) {
      const { ms, maxBlockMs: block } = await blockingRun(async () => {
        const preview = await dispatch('previewImport', {
          fileName: page.fileName,
          bytes: page.bytes,
        });
        if (!preview.ok) throw new Error(`preview of ${page.fileName}: ${preview.error.message}`);
        const { encoding } = preview.value as ImportPreview;
        const imported = await dispatch('importFile', {
          fileName: page.fileName,
          bytes: page.bytes,
          encoding,
          // The warm-up imports a page the timed set imports again: a duplicate on purpose.
          allowDuplicate: true,
        });
        if (!imported.ok) throw new Error(`import of ${page.fileName}: ${imported.error.message}`);
      });
      if (i === 0) {
        cold = ms;
        coldBlock = block;
      } else {
        times.push(ms);
        blocks.push(block);
      }
    }
  } finally {
    await opened.store.close();
    await rm(dir, { recursive: true, force: true });
  }
  const p95 = percentile(times, 95);
  const maxBlockMs = Math.max(...blocks);
  const largest = pages.at(-1)!;
  const largestBlock = blocks.at(-1)!;
  log(
    `import: p95 ${p95.toFixed(0)} ms, median ${median(times).toFixed(0)} ms, cold ${cold.toFixed(0)} ms (blocked <= ${coldBlock.toFixed(1)} ms); main loop blocked <= ${maxBlockMs.toFixed(1)} ms (largest page ${largestBlock.toFixed(1)} ms)`,
  );
  return benchLine({
    name: 'import one web page (50 pages of 20-200 KB)',
    median: median(times),
    unit: 'ms',
    budget: 500,
    baseline: null,
    runs: times.length,
    withinBudget: p95 <= 500 && maxBlockMs <= 16,
    p95: Number(p95.toFixed(3)),
    budgetOf: 'p95 (and maxBlockMs <= 16)',
    maxBlockMs: Number(maxBlockMs.toFixed(1)),
    largestPageBlockMs: Number(largestBlock.toFixed(1)),
    largestPageKB: Math.round(largest.bytes.byteLength / 1024),
    coldMs: Number(cold.toFixed(1)),
    coldBlockMs: Number(coldBlock.toFixed(1)),
    note: 'previewImport + importFile (the import dialog’s two calls) through the dispatcher into a copy of the bench notebook; warm worker (the first import, which starts it and loads jsdom, is coldMs)',
    maxBlockNote: `monitorEventLoopDelay max (less its ${BLOCK_RESOLUTION_MS} ms tick) during each import, worst of all pages`,
  });
}
