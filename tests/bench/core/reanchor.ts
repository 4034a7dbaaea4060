// Re-anchoring 10,000 annotations on the 1%-edited revision with the real core, checked against the
// generator's ground truth; the baseline is a fuzzy quote search over the whole text per annotation.
import { reanchor } from '../../../electron/core/anchoring';
import type { BenchData, Truth } from '../generate';
import { mulberry32 } from '../generate';
import { benchLine, log, median, timeRuns, type BenchLine } from '../stats';
import { codeUnits, fuzzySearch } from './naive-fuzzy';

const RUNS = 7;
const NAIVE_SAMPLE = 30;

type Result = ReturnType<typeof reanchor>[number];

export interface Verdict {
  misplaced: number;
  flagged: number;
  orphaned: number;
  exactPct: number;
  /** Intact passages that were found, exactly, but still flagged for review: noise, not harm. */
  intactFlagged: number;
  /** Damaged passages (an edit touched their characters) and how many of them were flagged. */
  damaged: number;
  damagedFlagged: number;
  /** Annotations missing from the result: the design says nothing is ever dropped. */
  missing: number;
}

export function judge(results: Result[], truth: Map<string, Truth>): Verdict {
  const byId = new Map(results.map((r) => [r.id, r]));
  const verdict: Verdict = {
    misplaced: 0,
    flagged: 0,
    orphaned: 0,
    exactPct: 0,
    intactFlagged: 0,
    damaged: 0,
    damagedFlagged: 0,
    missing: 0,
  };
  let intact = 0;
  let exact = 0;
  for (const [id, t] of truth) {
    const r = byId.get(id);
    if (!r) {
      verdict.missing++;
      continue;
    }
    const review = r.state === 'moved' || r.state === 'fuzzy';
    if (review) verdict.flagged++;
    if (r.state === 'orphaned') verdict.orphaned++;
    const sameSpan = t.intact && r.start === t.start && r.end === t.end;
    // Placed wrong and not flagged: 'anchored' (no review) anywhere but the true span.
    if (r.state === 'anchored' && !sameSpan) verdict.misplaced++;
    if (t.intact) {
      intact++;
      if (sameSpan && r.state !== 'orphaned') exact++;
      if (sameSpan && review) verdict.intactFlagged++;
    } else {
      verdict.damaged++;
      if (r.state !== 'anchored') verdict.damagedFlagged++;
    }
  }
  verdict.exactPct = intact === 0 ? 100 : Number(((100 * exact) / intact).toFixed(2));
  return verdict;
}

export async function benchReanchor(data: BenchData): Promise<BenchLine> {
  const oldText = data.body.text;
  const newText = data.revised.text;
  const annotations = data.passages.map(({ id, selectors }) => ({ id, selectors }));

  let results: Result[] = [];
  const times = await timeRuns(RUNS, () => {
    results = reanchor(oldText, newText, annotations);
  });
  const verdict = judge(results, data.truth);
  log(`re-anchor: median ${median(times).toFixed(1)} ms, ${JSON.stringify(verdict)}`);

  const naive = naiveReanchorEstimate(data);
  return benchLine({
    name: 're-anchor 10k annotations on the 1%-edited revision',
    median: median(times),
    unit: 'ms',
    budget: 150,
    baseline: naive.extrapolated,
    runs: RUNS,
    withinBudget: median(times) <= 150 && verdict.misplaced === 0 && verdict.exactPct === 100,
    ...verdict,
    baselineNote: `naive = approximate (edit-distance) search of each quote over the whole new text (Sellers' problem, Myers' bit-parallel algorithm), timed on a fixed random sample of ${NAIVE_SAMPLE} annotations (${naive.sampleMs.toFixed(0)} ms) and extrapolated x${annotations.length}/${NAIVE_SAMPLE}`,
  });
}

/** The naive approach, timed once on a fixed sample: the full run would take minutes. */
function naiveReanchorEstimate(data: BenchData) {
  const random = mulberry32(data.options.seed ^ 0x5eed);
  const sample = new Set<number>();
  while (sample.size < NAIVE_SAMPLE) sample.add(Math.floor(random() * data.passages.length));
  const text = codeUnits(data.revised.text);
  const t0 = performance.now();
  for (const i of sample) fuzzySearch(text, data.passages[i]!.selectors[1].exact);
  const sampleMs = performance.now() - t0;
  return { sampleMs, extrapolated: (sampleMs * data.passages.length) / NAIVE_SAMPLE };
}
