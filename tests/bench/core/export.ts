// Exporting 10,000 annotations of one article to Markdown, CSV and W3C JSON through the service
// (exportNotes: gathered on the main thread, rendered in a core worker, the file handed back), on
// a copy of the bench notebook: one figure per format, with how long the main event loop was ever
// blocked meanwhile. No naive baseline.
import { rm } from 'node:fs/promises';
import { openNotebook } from '../../../electron/core/notebook';
import type { ExportFormat } from '../../../electron/shared/model';
import { copyNotebook, type BenchNotebook } from '../data-dir';
import { ARTICLE_ID } from '../records';
import { BLOCK_RESOLUTION_MS, benchLine, blockingRun, median, type BenchLine } from '../stats';

const RUNS = 9;
const FORMATS: Array<[ExportFormat, string]> = [
  ['markdown', 'Markdown'],
  ['csv', 'CSV'],
  ['w3c', 'W3C JSON'],
];

export async function benchExport(notebook: BenchNotebook, root: string): Promise<BenchLine[]> {
  const dir = await copyNotebook(notebook, root);
  const opened = await openNotebook({
    dataDir: dir,
    compactAfterMs: 60_000,
    now: () => new Date(Date.UTC(2024, 5, 12)),
  });
  const lines: BenchLine[] = [];
  try {
    // The article is open in the window (its body read), and the worker warm, as after any use.
    await opened.handlers.getArticle({ id: ARTICLE_ID });
    await opened.handlers.exportNotes({ articleId: ARTICLE_ID, format: 'csv' });
    for (const [format, label] of FORMATS) {
      let bytes = 0;
      let maxBlockMs = 0;
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const {
          value,
          ms,
          maxBlockMs: block,
        } = await blockingRun(() => opened.handlers.exportNotes({ articleId: ARTICLE_ID, format }));
        if (value.kind !== 'download') throw new Error('the bench expects a download');
        bytes = value.file.bytes.byteLength;
        times.push(ms);
        maxBlockMs = Math.max(maxBlockMs, block);
      }
      lines.push(
        benchLine({
          name: `export 10k annotations to ${label}`,
          median: median(times),
          unit: 'ms',
          budget: 150,
          baseline: null,
          runs: RUNS,
          withinBudget: median(times) <= 150 && maxBlockMs <= 16,
          maxBlockMs: Number(maxBlockMs.toFixed(1)),
          outputMB: Number((bytes / 1e6).toFixed(2)),
          note: 'exportNotes through the service: annotations gathered here, sorted and rendered in a core worker, the file back on the main thread',
          maxBlockNote: `monitorEventLoopDelay max (less its ${BLOCK_RESOLUTION_MS} ms tick) during each export, worst of ${RUNS}`,
        }),
      );
    }
  } finally {
    await opened.store.close();
    await rm(dir, { recursive: true, force: true });
  }
  return lines;
}
