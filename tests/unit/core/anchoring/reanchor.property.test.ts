// Property tests: seeded multilingual documents, random annotations, random edits with ground truth.
// The rule under test: an unflagged ('anchored') result is always exactly right, a passage that
// survived is found where it is now, one edited lightly inside comes back fuzzy where it now is,
// and everything else is flagged or orphaned. Counted too: untouched passages in edited paragraphs
// (most anchored) and distinctive quotes moved out of their context (all proposed as moved).
import { afterAll, describe, expect, it } from 'vitest';
import { QUOTE_CONTEXT, describePassage, reanchor } from '../../../../electron/core/anchoring';
import type { AnchorResult } from '../../../../electron/core/anchoring';
import type { TextQuoteSelector } from '../../../../electron/shared/model';
import { annotationSpans } from './annotation-spans';
import { EDIT_KINDS, Rng, documentText, mulberry32 } from './corpus';
import { AnnotatedText, PASSAGE_EDIT_KINDS } from './passage-edits';
import { besideEdits, movedPassages, passageEdits, randomEdits, type Scenario } from './scenarios';
import {
  countEditedParagraph,
  countSoleQuote,
  editedParagraphStats,
  soleQuoteStats,
} from './survivor-stats';
import { MAX_AMBIGUOUS, byState, checkTargets, editedStats } from './target-checks';

const stats = {
  cases: 0,
  annotations: 0,
  states: byState(),
  survived: byState(),
  damaged: byState(),
  /** Anchored or moved onto an equal text the edit could equally have left there (a slid edit). */
  equivalentSlide: 0,
  /** Anchored on identical text in the same place, though some code units were replaced. */
  sameTextInPlace: 0,
  /** Survived, but moved with both sides of its context gone, and not placed (allowed). */
  unrecognisableLost: 0,
  /** Damaged passages given a candidate: overlapping what is left of them, or elsewhere. */
  flaggedOnRemains: 0,
  flaggedElsewhere: 0,
};
type Tally =
  | 'equivalentSlide'
  | 'sameTextInPlace'
  | 'unrecognisableLost'
  | 'flaggedOnRemains'
  | 'flaggedElsewhere';

interface Failure {
  seed: number;
  id: string;
  problem: string;
  exact: string;
  result: AnchorResult;
  truth: number;
}

/** What one reading of the truth makes of one result: its problems, and what it counts. */
interface Verdict {
  survived: boolean;
  problems: string[];
  tallies: Tally[];
}

interface Case {
  oldText: string;
  newText: string;
  moved: Uint8Array;
  moves: number;
  rewrite: boolean;
}

function runCase(seed: number, scenario: Scenario, failures: Failure[], rewrite = false) {
  const rng = new Rng(mulberry32(seed));
  const oldText = documentText(rng, rng.between(3, 30), scenario.numbers);
  const spans = annotationSpans(oldText, rng, rng.between(10, 40));
  const edited = new AnnotatedText(oldText);
  const targets = scenario.edit(rng, edited, spans);
  const { text: newText, position, moved } = edited.truth();

  const inputs = spans.map(([start, end], i) => ({
    id: `a${i}`,
    selectors: describePassage(oldText, start, end),
  }));
  const quotes = inputs.map((a) => a.selectors[1]);
  const results = reanchor(oldText, newText, inputs);
  expect(results.map((r) => r.id)).toEqual(inputs.map((a) => a.id));
  stats.cases++;
  const fail = (i: number, problem: string, truth: number) =>
    failures.push({
      seed,
      id: `a${i}`,
      problem,
      exact: quotes[i]!.exact,
      result: results[i]!,
      truth,
    });
  checkTargets({ edited, newText, spans, quotes, results }, targets, fail);

  // Where a stretch was copied (the duplicate scenario), the truth can be read two ways: the
  // copy is new, or the original is and the copy is the old text (which is how a diff sees it).
  const readings = [position];
  if (edited.copied) {
    const [from, to] = edited.copied;
    readings.push(position.map((p) => (p >= from && p < to ? p + to - from : p)));
  }
  const c: Case = { oldText, newText, moved, moves: edited.moves, rewrite };
  results.forEach((result, i) => {
    const verdicts = readings.map((p) => judge(c, p, spans[i]!, quotes[i]!, result));
    const v = verdicts.find((x) => x.problems.length === 0) ?? verdicts[0]!;
    stats.annotations++;
    stats.states[result.state]++;
    (v.survived ? stats.survived : stats.damaged)[result.state]++;
    for (const t of v.tallies) stats[t]++;
    for (const problem of v.problems) fail(i, problem, position[spans[i]![0]]!);
    const [start, end] = spans[i]!;
    countEditedParagraph({ ...c, position: readings[0]! }, start, end, result);
    countSoleQuote({ ...c, position: readings[0]! }, start, end, result);
  });
}

function judge(
  { oldText, newText, moved, moves, rewrite }: Case,
  position: Int32Array,
  [start, end]: [number, number],
  quote: TextQuoteSelector,
  result: AnchorResult,
): Verdict {
  const v: Verdict = { survived: false, problems: [], tallies: [] };
  const len = end - start;
  const at = position[start]!;
  let survived = at >= 0;
  for (let k = 0; survived && k < len; k++) survived = position[start + k] === at + k;
  v.survived = survived;
  // Context untouched: prefix and suffix still beside it, not carried by a move, and where the
  // stored context was cut short by a text edge, that edge is still there.
  const beside = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (position[k] !== at + k - start || moved[k]) return false;
    return true;
  };
  // A side of the stored context is intact if it is still beside the passage, and where a text
  // edge cut it short, that edge is still there.
  const prefixIntact =
    beside(start - quote.prefix.length, start) &&
    (quote.prefix.length === QUOTE_CONTEXT || at === quote.prefix.length);
  const suffixIntact =
    beside(end, end + quote.suffix.length) &&
    (quote.suffix.length === QUOTE_CONTEXT || at + len + quote.suffix.length === newText.length);
  let stayed = true; // not carried off by a paragraph move
  for (let k = start; k < end; k++) if (moved[k]) stayed = false;
  const untouched = survived && moves === 0 && prefixIntact && suffixIntact;
  // Most of its context still in place around it (not necessarily adjacent).
  let keptAround = 0;
  for (let k = start - quote.prefix.length; k < end + quote.suffix.length; k++) {
    if ((k < start || k >= end) && position[k] === at + k - start) keptAround++;
  }
  const contextInPlace = keptAround * 2 >= quote.prefix.length + quote.suffix.length;
  // A short passage with its context gone ("*" between two rewritten paragraphs) can only be
  // guessed at, and guessing is not wanted: what must be found is a passage with a side of its
  // context intact, or a long one, or one that stayed with most of its context. "Stayed" only
  // counts where nothing moved (when A moves past B, a diff sees B move past A just as well)
  // and nothing was rewritten (the diff of a rewrite pairs up characters by chance).
  const recognisable =
    survived &&
    (prefixIntact ||
      suffixIntact ||
      len >= QUOTE_CONTEXT ||
      (stayed && contextInPlace && moves === 0 && !rewrite));

  if (result.state !== 'orphaned') {
    const { start: s, end: e } = result;
    if (s === undefined || e === undefined || s < 0 || e > newText.length || s > e) {
      v.problems.push('span out of range');
      return v;
    }
  }
  const exactlyThere =
    survived &&
    result.start !== undefined &&
    result.end === result.start + len &&
    (result.start === at || slidEquivalent(newText, at, result.start, len));
  if (exactlyThere && result.start !== at) v.tallies.push('equivalentSlide');
  // The truth follows code units, the diff can only follow text: a "." that ends a replaced
  // sentence, or the "\n\n" left where a paragraph moved out, is new by identity but the same
  // character in the same place (and paragraph breaks are interchangeable: which one a move
  // took along is arbitrary). An anchor counts as right on the same text in the same place
  // when at least half of the passage is still there at exactly those offsets.
  const inPlace = (s: number) => {
    if (newText.slice(s, s + len) !== quote.exact) return false;
    let kept = 0;
    for (let k = 0; k < len; k++) {
      const p = position[start + k]!;
      if (oldText[start + k] === '\n') continue;
      if (p >= 0 && p !== s + k) return false;
      if (p >= 0) kept++;
    }
    if (kept * 2 < len) return false;
    if (!exactlyThere) v.tallies.push('sameTextInPlace');
    return true;
  };

  if (result.state === 'anchored' && !exactlyThere && !inPlace(result.start!)) {
    v.problems.push('anchored, but not on its passage');
  }
  if (result.state === 'anchored' && newText.slice(result.start, result.end) !== quote.exact) {
    v.problems.push('anchored on other text');
  }
  if (untouched && result.state !== 'anchored') v.problems.push('untouched, but not anchored');
  if (recognisable && !exactlyThere) v.problems.push('survived, but not found exactly');
  if (survived && !recognisable && !exactlyThere) v.tallies.push('unrecognisableLost');
  if (!survived && (result.state === 'moved' || result.state === 'fuzzy')) {
    const remains: number[] = [];
    for (let k = start; k < end; k++) if (position[k]! >= 0) remains.push(position[k]!);
    const overlaps = remains.some((p) => p >= result.start! && p < result.end!);
    v.tallies.push(overlaps ? 'flaggedOnRemains' : 'flaggedElsewhere');
    // The strict fuzzy bar exists so that a damaged passage is found where its remains are, or
    // not at all (a looser matcher put a quarter of them elsewhere).
    if (!overlaps && result.state === 'fuzzy')
      v.problems.push('fuzzy, away from what is left of it');
  }
  return v;
}

/**
 * Two placements of the same text are indistinguishable when the stretch covering both repeats
 * with their distance as period: an insertion of "the " before "the " can be read either way.
 */
function slidEquivalent(text: string, p: number, q: number, len: number): boolean {
  const d = Math.abs(p - q);
  const lo = Math.min(p, q);
  const hi = Math.max(p, q) + len;
  for (let i = lo; i + d < hi; i++) if (text[i] !== text[i + d]) return false;
  return true;
}

function check(scenario: Scenario, seeds: number[], rewrite = false) {
  const failures: Failure[] = [];
  const before = { ...editedStats.expected, ambiguous: editedStats.ambiguous };
  for (const seed of seeds) runCase(seed, scenario, failures, rewrite);
  // On failure the report names the seed: runCase(seed, ...) replays it exactly.
  expect(failures.slice(0, 10)).toEqual([]);
  // Real ambiguities may orphan a lightly edited passage, but only rarely.
  const { expected } = editedStats;
  const cases = (['anchored', 'moved', 'fuzzy', 'orphaned'] as const).reduce(
    (n, s) => n + expected[s] - before[s],
    0,
  );
  const ambiguous = editedStats.ambiguous - before.ambiguous;
  expect(ambiguous).toBeLessThanOrEqual(Math.floor(cases * MAX_AMBIGUOUS));
}

const seeds = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('reanchor (seeded property tests)', () => {
  it.each(EDIT_KINDS.map((kind, i) => [kind, i] as const))('survives %s edits', (kind, i) => {
    check(randomEdits([kind], 3), seeds(1000 * (i + 1), 25));
  });

  it('survives mixtures of every kind of edit', () => {
    check(randomEdits(EDIT_KINDS, 8), seeds(50_000, 250));
  });

  it('survives heavy rewriting', () => {
    check(randomEdits(EDIT_KINDS, 40), seeds(90_000, 30), true);
  });

  it.each(PASSAGE_EDIT_KINDS.map((kind, i) => [kind, i] as const))(
    'finds a passage after a %s edit inside it, as fuzzy where it now is',
    (kind, i) => {
      check(passageEdits({ kinds: [kind] }), seeds(200_000 + 1000 * i, 25));
    },
  );

  it('finds edited passages among edits elsewhere and light edits of their context', () => {
    const options = { kinds: PASSAGE_EDIT_KINDS, elsewhere: 4, contextShare: 0.3 };
    check(passageEdits(options), seeds(300_000, 120));
  });

  it('finds an edited passage whose paragraph, or one beside it, moved', () => {
    check(passageEdits({ kinds: PASSAGE_EDIT_KINDS, moveShare: 1 }), seeds(350_000, 80));
  });

  it('orphans an edited passage that now reads the same in two places', () => {
    check(passageEdits({ kinds: PASSAGE_EDIT_KINDS, duplicate: true }), seeds(400_000, 40));
  });

  it('anchors passages whose paragraph was edited beside them, closer or further', () => {
    check(besideEdits(6), seeds(450_000, 150));
  });

  it('proposes a passage moved away from all of its context, whose words occur once, as moved', () => {
    check(movedPassages(3), seeds(500_000, 120));
  });

  it('anchors most untouched passages in edited paragraphs (TRUSTED_MARGIN of context kept)', () => {
    // Reads what the cases above counted; alone (a filtered run), there is nothing to read.
    const { contextKept, marginKept } = editedParagraphStats;
    const total = (s: typeof contextKept) => s.anchored + s.moved + s.fuzzy + s.orphaned;
    if (total(marginKept) === 0) return;
    // Their whole stored context kept: the untouched rule above already demands every one.
    expect(contextKept.anchored).toBe(total(contextKept));
    // Only the margin kept: anchored unless the diff read an edit beside them another way (an
    // inserted "the " next to a "the "). 762 of 762 on these seeds (761 while the margin had to
    // lie inside the diff's run); 99% asked.
    expect(marginKept.anchored / total(marginKept)).toBeGreaterThanOrEqual(0.99);
  });

  it('proposes every distinctive quote moved away from its context, once in the text, exactly', () => {
    // Also read from the cases above: 129 on these seeds, 7 of which were orphaned before.
    const { states, exact } = soleQuoteStats;
    const total = states.anchored + states.moved + states.fuzzy + states.orphaned;
    if (total === 0) return;
    expect(states.moved).toBe(total);
    expect(exact).toBe(total);
  });

  afterAll(() => {
    console.info(
      'reanchor property stats',
      JSON.stringify({
        ...stats,
        edited: editedStats,
        editedParagraphs: editedParagraphStats,
        soleQuotes: soleQuoteStats,
      }),
    );
  });
});
