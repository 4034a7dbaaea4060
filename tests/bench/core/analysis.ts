// The codebook-and-analysis figures, through the service on a copy of the bench notebook (the
// 3 MB article with 10k annotations): a search across everything on the warm index (against a
// scan of every text per query, what the index spares), the index's first build, the analysis
// answer the views draw, undoing a bulk change of all 10k annotations, and listing a codebook of
// 500 tags nested five deep.
import { rm } from 'node:fs/promises';
import { openNotebook, type Notebook } from '../../../electron/core/notebook';
import { fold } from '../../../electron/core/search/terms';
import { copyNotebook, type BenchNotebook } from '../data-dir';
import { ARTICLE_ID } from '../records';
import { benchLine, blockingRun, median, timeRuns, type BenchLine } from '../stats';

/** Words the generated article holds, alone, as a beginning, as a phrase and two together. */
export const QUERIES = [
  'pipeline',
  'cooper',
  '"gas transit"',
  'energy corridor',
  'Bakı',
  'tourism',
];
const RUNS = 7;

export async function benchAnalysis(notebook: BenchNotebook, root: string): Promise<BenchLine[]> {
  const dir = await copyNotebook(notebook, root);
  const opened = await openNotebook({
    dataDir: dir,
    compactAfterMs: 60_000,
    now: () => new Date(Date.UTC(2024, 5, 12)),
  });
  try {
    return [
      ...(await benchSearch(opened)),
      await benchAnalysisAnswer(opened),
      await benchBulkUndo(opened),
      await benchTagTree(opened),
    ];
  } finally {
    await opened.store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchSearch({ handlers, store }: Notebook): Promise<BenchLine[]> {
  const built = await blockingRun(() => handlers.search({ query: 'pipeline' }));
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const query of QUERIES) {
      const t0 = performance.now();
      await handlers.search({ query });
      times.push(performance.now() - t0);
    }
  }
  // The naive way: fold and scan every text for every query (each article, passage, comment).
  const texts = await Promise.all(
    [ARTICLE_ID, ...[...store.state.articles.keys()].filter((id) => id !== ARTICLE_ID)].map(
      async (id) => (await handlers.getArticle({ id })).text,
    ),
  );
  const annotations = [...store.state.annotations.values()];
  const naive = await timeRuns(3, () => {
    for (const query of QUERIES) {
      const word = fold(query.replace(/"/g, '').split(' ')[0]!);
      let found = 0;
      for (const part of [
        ...texts,
        ...annotations.flatMap((a) => [a.selectors[1].exact, a.comment]),
      ]) {
        const folded = fold(part);
        for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) found++;
      }
      if (found < 0) throw new Error('unreachable');
    }
  });
  const perQueryNaive = median(naive) / QUERIES.length;
  return [
    benchLine({
      name: 'search everything (10k passages, 3 MB of text), warm index',
      median: median(times),
      unit: 'ms',
      budget: 50,
      baseline: perQueryNaive,
      runs: times.length,
      note: `${QUERIES.length} queries (a word, a beginning, a phrase, two words, accents) × ${RUNS}; naive: fold and scan every text per query (the ${texts.length} articles, each passage and comment)`,
    }),
    benchLine({
      name: 'build the search index (the first search)',
      median: built.ms,
      unit: 'ms',
      budget: 3000,
      baseline: null,
      runs: 1,
      withinBudget: built.ms <= 3000 && built.maxBlockMs <= 16,
      maxBlockMs: Number(built.maxBlockMs.toFixed(1)),
      note: 'built in slices that yield to the event loop; once per session',
    }),
  ];
}

async function benchAnalysisAnswer({ handlers }: Notebook): Promise<BenchLine> {
  await handlers.getAnalysis({});
  let maxBlockMs = 0;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { ms, maxBlockMs: block } = await blockingRun(() =>
      handlers.getAnalysis({ unit: run % 2 ? 'paragraph' : 'overlap' }),
    );
    times.push(ms);
    maxBlockMs = Math.max(maxBlockMs, block);
  }
  return benchLine({
    name: 'analysis of 10k passages (frequencies, co-occurrence, matrices)',
    median: median(times),
    unit: 'ms',
    budget: 200,
    baseline: null,
    runs: RUNS,
    withinBudget: median(times) <= 200 && maxBlockMs <= 16,
    maxBlockMs: Number(maxBlockMs.toFixed(1)),
    note: 'getAnalysis, overlap and paragraph co-occurrence alternately',
  });
}

async function benchBulkUndo({ handlers, store }: Notebook): Promise<BenchLine> {
  // The big article's 10k, as the window's "Change all shown" there would (not the small ones').
  const ids = [...store.state.annotations.values()]
    .filter((a) => a.articleId === ARTICLE_ID)
    .map((a) => a.id);
  await handlers.tagAnnotations({ ids, addTagNames: ['Bench/Bulk'], removeTagIds: [] });
  const times: number[] = [];
  let maxBlockMs = 0;
  for (let run = 0; run < 5; run++) {
    const { ms, maxBlockMs: block } = await blockingRun(() => handlers.undo({}));
    times.push(ms);
    maxBlockMs = Math.max(maxBlockMs, block);
    await handlers.redo({});
  }
  return benchLine({
    name: 'undo a change to all 10k annotations',
    median: median(times),
    unit: 'ms',
    budget: 300,
    baseline: null,
    runs: times.length,
    maxBlockMs: Number(maxBlockMs.toFixed(1)),
    note: 'undo of tagAnnotations on every annotation: the inverse committed durably',
  });
}

/**
 * 500 tags, five deep: 5 at the top, each with 4 children, each with 4, then 3, then 2 (the last
 * level is cut off at 500). Returns how many it made.
 */
export async function createNestedTags(handlers: Notebook['handlers']): Promise<number> {
  let made = 0;
  const grow = async (parentId: string | undefined, depth: number, prefix: string) => {
    const width = [5, 4, 4, 3, 2][depth] ?? 0;
    for (let i = 0; i < width && made < 500; i++) {
      const tag = await handlers.createTag({
        name: `${prefix}${i} tag`,
        ...(parentId && { parentId }),
      });
      made++;
      if (depth < 4) await grow(tag.id, depth + 1, `${prefix}${i}.`);
    }
  };
  await grow(undefined, 0, 'T');
  return made;
}

async function benchTagTree({ handlers }: Notebook): Promise<BenchLine> {
  const made = await createNestedTags(handlers);
  const times = await timeRuns(RUNS, () => handlers.listTags({}), { warmup: 1 });
  return benchLine({
    name: `list a codebook of ${made} tags, nested five deep, with counts`,
    median: median(times),
    unit: 'ms',
    budget: 50,
    baseline: null,
    runs: RUNS,
    note: 'listTags: tree order, paths, own counts and roll-ups over 10k annotations',
  });
}
