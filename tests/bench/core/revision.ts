// Saving an edit of the 3 MB article with 10k annotations, in the core: editArticle with the
// revised text (1% of paragraphs edited), from the call to the committed revision, each run on a
// fresh copy of the bench notebook with the article already open (its body read), and how long
// the main event loop was ever blocked meanwhile.
import { rm } from 'node:fs/promises';
import { openNotebook } from '../../../electron/core/notebook';
import { coreWorkers } from '../../../electron/core/workers';
import type { RevisionOutcome } from '../../../electron/shared/contract';
import { copyNotebook, type BenchNotebook } from '../data-dir';
import type { BenchData } from '../generate';
import { ARTICLE_ID } from '../records';
import {
  BLOCK_RESOLUTION_MS,
  benchLine,
  blockingRun,
  boxedRuns,
  log,
  median,
  type BenchLine,
} from '../stats';

const RUNS = { max: 5, min: 3, capMs: 20_000 };

export async function benchRevision(
  data: BenchData,
  notebook: BenchNotebook,
  root: string,
): Promise<BenchLine> {
  // The worker is started and warm, as it is once the analyst has imported anything.
  await coreWorkers().run('importText', { text: 'Warm-up.' });
  let outcome: RevisionOutcome | undefined;
  const runs = await boxedRuns(RUNS, async () => {
    const dir = await copyNotebook(notebook, root);
    const opened = await openNotebook({ dataDir: dir, compactAfterMs: 60_000 });
    try {
      await opened.handlers.getArticle({ id: ARTICLE_ID });
      const run = await blockingRun(() =>
        opened.handlers.editArticle({ id: ARTICLE_ID, text: data.revised.text }),
      );
      outcome = run.value;
      return { ms: run.ms, block: run.maxBlockMs };
    } finally {
      await opened.store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
  const times = runs.map((r) => r.ms);
  const maxBlockMs = Math.max(...runs.map((r) => r.block));
  const review = outcome ? outcome.moved + outcome.fuzzy + outcome.orphaned : 0;
  log(
    `revision (core): ${times.map((t) => t.toFixed(0)).join(', ')} ms; main loop blocked <= ${maxBlockMs.toFixed(1)} ms; ${outcome?.anchored} anchored, ${review} to review`,
  );
  return benchLine({
    name: 'save an edit of the 3 MB article (core: editArticle committed)',
    median: median(times),
    unit: 'ms',
    budget: 300,
    baseline: null,
    runs: times.length,
    withinBudget: median(times) <= 300 && maxBlockMs <= 16,
    maxBlockMs: Number(maxBlockMs.toFixed(1)),
    anchored: outcome?.anchored ?? null,
    review,
    note: 'editArticle with the 1%-edited revision text on a fresh copy of the bench notebook, article body already read; the UI figure adds the transfer both ways and the paint',
    maxBlockNote: `monitorEventLoopDelay max (less its ${BLOCK_RESOLUTION_MS} ms tick) during the call, worst run`,
  });
}
