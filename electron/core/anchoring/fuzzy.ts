// Myers' bit-parallel approximate string matching (1999), multi-word so that patterns may be longer
// than 32 code units: one column of the edit-distance matrix per text code unit, 32 rows a step.

const WORD = 32;
const TOP_BIT = 1 << 31;

/** A pattern prepared once for many scans: per code unit, the rows where it occurs, as one
 * bit mask per 32-row block. */
export class Pattern {
  readonly length: number;
  readonly blocks: number;
  readonly peq = new Map<number, Int32Array>();

  constructor(text: string) {
    this.length = text.length;
    this.blocks = Math.ceil(text.length / WORD);
    for (let r = 0; r < text.length; r++) {
      const c = text.charCodeAt(r);
      let masks = this.peq.get(c);
      if (!masks) {
        masks = new Int32Array(this.blocks);
        this.peq.set(c, masks);
      }
      masks[(r / WORD) | 0]! |= 1 << (r % WORD);
    }
  }
}

/**
 * Last-row scores of the edit-distance matrix of `pattern` against `count` code units of `text`
 * read from `from` in direction `step`: scores[i] is the distance after i code units.
 * anchored: the pattern must align with all of those code units (plain edit distance);
 * otherwise it may start anywhere (the best distance of any substring ending there).
 */
export function columnScores(
  pattern: string | Pattern,
  text: string,
  from: number,
  count: number,
  step: 1 | -1,
  anchored: boolean,
): Int32Array {
  const m = pattern.length;
  const scores = new Int32Array(count + 1);
  if (m === 0) {
    for (let i = 0; i <= count; i++) scores[i] = anchored ? i : 0;
    return scores;
  }
  const { blocks, peq } = typeof pattern === 'string' ? new Pattern(pattern) : pattern;
  const none = new Int32Array(blocks);
  const lastMask = 1 << ((m - 1) % WORD);
  // Vertical deltas of the current column: all +1 at first (column 0 is 0, 1, ..., m).
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  // Row 0 is 0 everywhere when the match may start anywhere, 0, 1, 2, ... when anchored.
  const top = anchored ? 1 : 0;
  let score = m;
  scores[0] = m;
  for (let i = 0; i < count; i++) {
    const eqs = peq.get(text.charCodeAt(from + step * i)) ?? none;
    let hIn = top;
    for (let b = 0; b < blocks; b++) {
      const pV = pv[b]!;
      const mV = mv[b]!;
      const hNeg = hIn < 0 ? 1 : 0;
      const eq = eqs[b]! | hNeg;
      const xV = eq | mV;
      const xH = (((eq & pV) + pV) ^ pV) | eq;
      let pH = mV | ~(xH | pV);
      let mH = pV & xH;
      const mask = b === blocks - 1 ? lastMask : TOP_BIT;
      const hOut = (pH & mask ? 1 : 0) - (mH & mask ? 1 : 0);
      pH = (pH << 1) | (hIn > 0 ? 1 : 0);
      mH = (mH << 1) | hNeg;
      pv[b] = mH | ~(xV | pH);
      mv[b] = pH & xV;
      hIn = hOut;
    }
    score += hIn;
    scores[i + 1] = score;
  }
  return scores;
}

export function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** Levenshtein distance in UTF-16 code units. */
export function editDistance(a: string, b: string): number {
  return columnScores(a, b, 0, b.length, 1, true)[b.length]!;
}

/** Fewest edits turning `context` into some text ending exactly at `at` (a prefix's agreement). */
export function errorsBefore(context: string, text: string, at: number): number {
  const count = Math.min(at, context.length * 2);
  const scores = columnScores(reverse(context), text, at - 1, count, -1, true);
  return Math.min(...scores);
}

/** Fewest edits turning `context` into some text starting exactly at `at` (a suffix's agreement). */
export function errorsAfter(context: string, text: string, at: number): number {
  const count = Math.min(text.length - at, context.length * 2);
  const scores = columnScores(context, text, at, count, 1, true);
  return Math.min(...scores);
}

/**
 * errorsBefore(context, text, at) for every `at` in [from, to], in one pass: the best alignment of
 * the context ending at each position, starting anywhere, which is what errorsBefore measures.
 */
export function errorsBeforeEach(context: string, text: string, from: number, to: number) {
  const base = Math.max(0, from - 2 * context.length);
  const scores = columnScores(context, text, base, Math.max(0, to - base), 1, false);
  return (at: number): number => scores[at - base]!;
}

/** errorsAfter(context, text, at) for every `at` in [from, to], in one pass read backwards. */
export function errorsAfterEach(context: string, text: string, from: number, to: number) {
  const top = Math.min(text.length, to + 2 * context.length);
  const scores = columnScores(reverse(context), text, top - 1, Math.max(0, top - from), -1, false);
  return (at: number): number => scores[top - at]!;
}

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Approximate occurrences of `pattern` in text [lo, hi) with at most `maxErrors` edits: every end
 * where the distance has a local minimum, with each start that reaches that distance, best first.
 */
export function approximateMatches(
  pattern: string,
  text: string,
  lo: number,
  hi: number,
  maxErrors: number,
  limit = 24,
): ApproximateMatch[] {
  const m = pattern.length;
  const n = hi - lo;
  if (m === 0 || n <= 0) return [];
  const ends = columnScores(pattern, text, lo, n, 1, false);
  const endsAt: number[] = [];
  for (let i = 1; i <= n; i++) {
    const e = ends[i]!;
    if (e <= maxErrors && e <= ends[i - 1]! && (i === n || e <= ends[i + 1]!)) endsAt.push(i);
  }
  endsAt.sort((x, y) => ends[x]! - ends[y]! || x - y);
  const reversed = new Pattern(reverse(pattern));
  const matches: ApproximateMatch[] = [];
  for (const i of endsAt.slice(0, limit)) {
    const end = lo + i;
    const errors = ends[i]!;
    const reach = Math.min(end - lo, m + errors);
    const starts = columnScores(reversed, text, end - 1, reach, -1, true);
    for (let len = 0; len <= reach; len++) {
      if (starts[len] === errors) matches.push({ start: end - len, end, errors });
    }
  }
  return matches;
}

/**
 * Alignments of `pattern` with text [lo, hi) that end within `slack` code units of one of `ends`
 * and are at most `slack` edits worse than the best alignment with that end (of at most
 * `maxErrors` + `slack` edits): the near-optimal variants of some matches, for a caller that
 * weighs their edges by their context.
 */
export function alignmentsAround(
  pattern: string,
  text: string,
  lo: number,
  hi: number,
  ends: Iterable<number>,
  maxErrors: number,
  slack: number,
): ApproximateMatch[] {
  const near = new Set<number>();
  for (const end of ends) {
    for (let e = Math.max(lo + 1, end - slack); e <= Math.min(hi, end + slack); e++) near.add(e);
  }
  const reversed = new Pattern(reverse(pattern));
  const found: ApproximateMatch[] = [];
  for (const e of near) {
    const reach = Math.min(e - lo, pattern.length + maxErrors + slack);
    const starts = columnScores(reversed, text, e - 1, reach, -1, true);
    let best = Infinity;
    for (let len = 0; len <= reach; len++) best = Math.min(best, starts[len]!);
    for (let len = 0; len <= reach; len++) {
      if (starts[len]! <= best + slack)
        found.push({ start: e - len, end: e, errors: starts[len]! });
    }
  }
  return found;
}
