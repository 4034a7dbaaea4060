// Intercoder agreement through the service on a copy of the bench notebook, its 10k annotations
// on the 3 MB article (and the small articles' passages) shared out between two coders in turn:
// getAgreement over characters, over sentences (the first call segments the big article, the
// next ones find its sentences kept), and the disagreements list. The baseline is the same call
// on one small article, measured in the same run; the longest block of the main loop is reported
// beside each figure (the work runs in slices on the main thread), and each first (cold) call
// apart.
import { rm } from 'node:fs/promises';
import { openNotebook, type Notebook } from '../../../electron/core/notebook';
import type { Change } from '../../../electron/core/store';
import type { AgreementQuery } from '../../../electron/shared/agreement';
import type { Analyst } from '../../../electron/shared/model';
import { copyNotebook, type BenchNotebook } from '../data-dir';
import { ARTICLE_ID, smallArticleId } from '../records';
import { benchLine, blockingRun, median, timeRuns, type BenchLine } from '../stats';

const RUNS = 7;
const BUDGET_MS = 300;

export const AGREEMENT_FIGURES = {
  characters: 'agreement of two coders, 10k passages on the 3 MB article and 50 small ones',
  sentences: 'agreement over sentences (3 MB article segmented once, then kept)',
  disagreements: 'disagreements of two coders on the 3 MB article (every stretch, with context)',
} as const;

/** A second coder, who takes every other passage from the bench's one analyst. */
const SECOND: Analyst = {
  id: '5e1f0000-0000-4000-a000-bench0coder02',
  name: 'Second Coder',
  initials: 'SC',
  color: '#c0392b',
  createdAt: '2024-06-01T09:00:00.000Z',
};

async function twoCoders({ store }: Notebook, first: string): Promise<void> {
  const changes: Change[] = [{ kind: 'put', collection: 'analysts', record: SECOND }];
  let i = 0;
  for (const record of store.state.annotations.values()) {
    const createdBy = i++ % 2 === 0 ? first : SECOND.id;
    changes.push({ kind: 'put', collection: 'annotations', record: { ...record, createdBy } });
  }
  await store.commit(changes);
}

/**
 * The median of RUNS calls, the longest the main loop was blocked in any of them, and the median
 * CPU time the process spent (on a busy machine the wall clock says more about the others).
 */
async function measured(call: () => Promise<unknown>) {
  const times: number[] = [];
  const cpu: number[] = [];
  let maxBlockMs = 0;
  for (let run = 0; run < RUNS; run++) {
    const before = process.cpuUsage();
    const { ms, maxBlockMs: block } = await blockingRun(call);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
    times.push(ms);
    maxBlockMs = Math.max(maxBlockMs, block);
  }
  return {
    median: median(times),
    maxBlockMs: Number(maxBlockMs.toFixed(1)),
    cpuMs: Number(median(cpu).toFixed(1)),
  };
}

export async function benchAgreement(notebook: BenchNotebook, root: string): Promise<BenchLine[]> {
  const dir = await copyNotebook(notebook, root);
  const opened = await openNotebook({
    dataDir: dir,
    compactAfterMs: 60_000,
    now: () => new Date(Date.UTC(2024, 5, 12)),
  });
  try {
    await twoCoders(opened, notebook.records.analyst.id);
    const { handlers } = opened;
    const coders = [notebook.records.analyst.id, SECOND.id];
    const oneSmall: AgreementQuery = { articleIds: [smallArticleId(0)] };
    const baseline = (unit: AgreementQuery['unit']) =>
      timeRuns(RUNS, () => handlers.getAgreement({ ...oneSmall, unit }), { warmup: 1 });

    // Each first call reads the texts (the store keeps only a few bodies, and reads the 3 MB one
    // again in one piece); sentences are segmented then too. Reported apart, as cold figures.
    const characterCall = () => handlers.getAgreement({});
    const coldCharacters = await blockingRun(characterCall);
    const characters = await measured(characterCall);
    const characterBase = median(await baseline('character'));

    const sentenceCall = () => handlers.getAgreement({ unit: 'sentence' });
    const coldSentences = await blockingRun(sentenceCall);
    const sentences = await measured(sentenceCall);
    const sentenceBase = median(await baseline('sentence'));

    const pair: [string, string] = [coders[0]!, coders[1]!];
    let listed = 0;
    const disagreementCall = async () => {
      listed = (await handlers.getDisagreements({ coders: pair, articleId: ARTICLE_ID })).length;
    };
    const coldDisagreements = await blockingRun(disagreementCall);
    const disagreements = await measured(disagreementCall);
    const disagreementBase = median(
      await timeRuns(
        RUNS,
        () => handlers.getDisagreements({ coders: pair, articleId: smallArticleId(0) }),
        { warmup: 1 },
      ),
    );
    const cold = (run: { ms: number; maxBlockMs: number }) => ({
      firstCallMs: Number(run.ms.toFixed(1)),
      firstCallMaxBlockMs: Number(run.maxBlockMs.toFixed(1)),
    });
    const within = (m: { median: number; maxBlockMs: number }) =>
      m.median <= BUDGET_MS && m.maxBlockMs <= 16;
    return [
      benchLine({
        name: AGREEMENT_FIGURES.characters,
        median: characters.median,
        unit: 'ms',
        budget: BUDGET_MS,
        baseline: characterBase,
        runs: RUNS,
        withinBudget: within(characters),
        maxBlockMs: characters.maxBlockMs,
        cpuMs: characters.cpuMs,
        ...cold(coldCharacters),
        note: 'getAgreement, every tag and article, characters; baseline: one small article',
      }),
      benchLine({
        name: AGREEMENT_FIGURES.sentences,
        median: sentences.median,
        unit: 'ms',
        budget: BUDGET_MS,
        baseline: sentenceBase,
        runs: RUNS,
        withinBudget: within(sentences),
        maxBlockMs: sentences.maxBlockMs,
        cpuMs: sentences.cpuMs,
        ...cold(coldSentences),
        note: 'getAgreement over sentences; baseline: one small article',
      }),
      benchLine({
        name: AGREEMENT_FIGURES.disagreements,
        median: disagreements.median,
        unit: 'ms',
        budget: BUDGET_MS,
        baseline: disagreementBase,
        runs: RUNS,
        withinBudget: within(disagreements),
        maxBlockMs: disagreements.maxBlockMs,
        cpuMs: disagreements.cpuMs,
        ...cold(coldDisagreements),
        disagreements: listed,
        note: 'getDisagreements over characters, the big article; baseline: one small article',
      }),
    ];
  } finally {
    await opened.store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
