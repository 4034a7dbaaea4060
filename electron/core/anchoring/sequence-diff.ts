// Diff of two integer sequences (interned lines, words or characters): elements unique on both
// sides anchor the alignment (patience diff), Myers' O(ND) fills the gaps, under a cost cap.

/** A run of equal elements: a[a + i] === b[b + i] for 0 <= i < length. */
export interface Run {
  a: number;
  b: number;
  length: number;
}

export interface SequenceDiffOptions {
  /** Align on elements that occur once on each side first. Right for lines and words; for
   * characters a letter that happens to occur once says nothing, so it is off there. */
  anchors: boolean;
  /** Per element value, whether it may anchor (1) at all: a lone "\n\n" or space occurring once
   * on each side would pin a paragraph break to the wrong paragraph. All may if absent. */
  anchorable?: Uint8Array;
  /** Myers work allowed per gap. Past it the gap counts as replaced outright: an unmatched gap
   * only costs precision (the searches take over), a quadratic diff would cost the whole budget. */
  maxCost: number;
}

/** Patience recursion past this depth is pathological input; Myers (capped) takes over. */
const MAX_DEPTH = 32;

interface Scratch {
  anchorable: Uint8Array | undefined;
  countA: Int32Array;
  countB: Int32Array;
  posB: Int32Array;
}

/** Myers work left for a whole diff, shared by all its calls. */
export interface WorkBudget {
  left: number;
}

/** Equal runs in order, merged where they touch. `alphabet` bounds the element values. */
export function diffSequences(
  a: Int32Array,
  b: Int32Array,
  alphabet: number,
  options: SequenceDiffOptions,
  budget: WorkBudget = { left: Infinity },
): Run[] {
  const runs: Run[] = [];
  const scratch: Scratch | null = options.anchors
    ? {
        anchorable: options.anchorable,
        countA: new Int32Array(alphabet),
        countB: new Int32Array(alphabet),
        posB: new Int32Array(alphabet),
      }
    : null;
  diffRange(a, b, 0, a.length, 0, b.length, runs, scratch, options.maxCost, budget, 0);
  return mergeRuns(runs);
}

function diffRange(
  a: Int32Array,
  b: Int32Array,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  runs: Run[],
  scratch: Scratch | null,
  maxCost: number,
  budget: WorkBudget,
  depth: number,
): void {
  let head = 0;
  while (aLo + head < aHi && bLo + head < bHi && a[aLo + head] === b[bLo + head]) head++;
  if (head > 0) runs.push({ a: aLo, b: bLo, length: head });
  aLo += head;
  bLo += head;
  let tail = 0;
  while (aHi - tail > aLo && bHi - tail > bLo && a[aHi - 1 - tail] === b[bHi - 1 - tail]) tail++;
  aHi -= tail;
  bHi -= tail;

  if (aLo < aHi && bLo < bHi) {
    const anchors =
      scratch && depth < MAX_DEPTH ? uniqueAnchors(a, b, aLo, aHi, bLo, bHi, scratch) : [];
    if (anchors.length > 0) {
      let pa = aLo;
      let pb = bLo;
      for (let i = 0; i < anchors.length; i += 2) {
        const ia = anchors[i]!;
        const ib = anchors[i + 1]!;
        diffRange(a, b, pa, ia, pb, ib, runs, scratch, maxCost, budget, depth + 1);
        runs.push({ a: ia, b: ib, length: 1 });
        pa = ia + 1;
        pb = ib + 1;
      }
      diffRange(a, b, pa, aHi, pb, bHi, runs, scratch, maxCost, budget, depth + 1);
    } else {
      budget.left -= myers(a, b, aLo, aHi, bLo, bHi, runs, Math.min(maxCost, budget.left));
    }
  }
  if (tail > 0) runs.push({ a: aHi, b: bHi, length: tail });
}

/**
 * Pairs (ia, ib) of elements occurring exactly once in each range, reduced to the longest chain
 * increasing on both sides (patience sorting), flattened as [ia0, ib0, ia1, ib1, ...].
 */
function uniqueAnchors(
  a: Int32Array,
  b: Int32Array,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  { anchorable, countA, countB, posB }: Scratch,
): number[] {
  for (let i = aLo; i < aHi; i++) countA[a[i]!]!++;
  for (let j = bLo; j < bHi; j++) {
    const x = b[j]!;
    countB[x]!++;
    posB[x] = j;
  }
  const pairA: number[] = [];
  const pairB: number[] = [];
  for (let i = aLo; i < aHi; i++) {
    const x = a[i]!;
    if (countA[x] === 1 && countB[x] === 1 && (!anchorable || anchorable[x] === 1)) {
      pairA.push(i);
      pairB.push(posB[x]!);
    }
  }
  // The scratch arrays are shared across calls: clear only what this range touched.
  for (let i = aLo; i < aHi; i++) countA[a[i]!] = 0;
  for (let j = bLo; j < bHi; j++) countB[b[j]!] = 0;
  if (pairA.length === 0) return [];

  const tails: number[] = []; // tails[k]: index of the pair ending the best chain of length k+1
  const prev = new Int32Array(pairA.length).fill(-1);
  for (let p = 0; p < pairB.length; p++) {
    const v = pairB[p]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairB[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[p] = tails[lo - 1]!;
    tails[lo] = p;
  }
  const chain: number[] = new Array<number>(tails.length * 2);
  for (let p = tails[tails.length - 1]!, k = tails.length - 1; p !== -1; p = prev[p]!, k--) {
    chain[2 * k] = pairA[p]!;
    chain[2 * k + 1] = pairB[p]!;
  }
  return chain;
}

/**
 * Myers' greedy O(ND) shortest edit script, keeping each round's frontier for the walk back.
 * Gives up (leaving the gap unmatched) once the work exceeds `maxCost`. Returns the work done.
 */
function myers(
  a: Int32Array,
  b: Int32Array,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  runs: Run[],
  maxCost: number,
): number {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let work = 0;
  for (let d = 0; d <= max; d++) {
    // Frontier after round d-1 on diagonals -d-1..d+1, indexed k + d + 1.
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!)
          ? v[off + k + 1]!
          : v[off + k - 1]! + 1;
      let y = x - k;
      const x0 = x;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      work += 1 + x - x0;
      v[off + k] = x;
      if (x >= n && y >= m) {
        walkBack(trace, d, n, m, aLo, bLo, runs);
        return work;
      }
    }
    if (work > maxCost) return work;
  }
  return work;
}

function walkBack(
  trace: Int32Array[],
  dEnd: number,
  n: number,
  m: number,
  aLo: number,
  bLo: number,
  runs: Run[],
): void {
  const found: Run[] = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const frontier = trace[d]!;
    const at = (k: number) => frontier[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const snakeX = down ? prevX : prevX + 1;
    if (x > snakeX) found.push({ a: aLo + snakeX, b: bLo + snakeX - k, length: x - snakeX });
    x = prevX;
    y = prevY;
  }
  if (x > 0) found.push({ a: aLo, b: bLo, length: x });
  for (let i = found.length - 1; i >= 0; i--) runs.push(found[i]!);
}

function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && last.a + last.length === run.a && last.b + last.length === run.b) {
      last.length += run.length;
    } else if (run.length > 0) {
      merged.push({ ...run });
    }
  }
  return merged;
}
