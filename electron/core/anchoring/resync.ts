// Walks two revisions in step. Equal stretches are skipped with native string comparisons (no
// per-character JavaScript: hashing every line of a 3 MB text alone takes ~30 ms), and after a
// difference the nearest line both texts share again is found by looking ahead a few lines.

/**
 * Length of the common run of a from i and b from j (at most `limit`), by galloping then
 * bisecting slice compares.
 */
export function commonLength(a: string, i: number, b: string, j: number, limit = Infinity): number {
  const max = Math.min(a.length - i, b.length - j, limit);
  let n = 0;
  for (let step = 64; n < max; step = Math.min(step * 2, 1 << 20)) {
    const len = Math.min(step, max - n);
    if (a.slice(i + n, i + n + len) === b.slice(j + n, j + n + len)) {
      n += len;
      continue;
    }
    let lo = n; // a and b agree up to lo; they differ somewhere before hi
    let hi = n + len;
    while (hi - lo > 32) {
      const mid = (lo + hi) >> 1;
      if (a.slice(i + lo, i + mid) === b.slice(j + lo, j + mid)) lo = mid;
      else hi = mid;
    }
    while (lo < hi && a.charCodeAt(i + lo) === b.charCodeAt(j + lo)) lo++;
    return lo;
  }
  return max;
}

/** Length of the common run of a ending at i and b ending at j (at most `limit`). */
export function commonSuffixLength(a: string, i: number, b: string, j: number, limit: number) {
  const max = Math.min(i, j, limit);
  let n = 0;
  for (let step = 64; n < max; step = Math.min(step * 2, 1 << 20)) {
    const len = Math.min(step, max - n);
    if (a.slice(i - n - len, i - n) === b.slice(j - n - len, j - n)) {
      n += len;
      continue;
    }
    let lo = n;
    let hi = n + len;
    while (hi - lo > 32) {
      const mid = (lo + hi) >> 1;
      if (a.slice(i - mid, i - lo) === b.slice(j - mid, j - lo)) lo = mid;
      else hi = mid;
    }
    while (lo < hi && a.charCodeAt(i - 1 - lo) === b.charCodeAt(j - 1 - lo)) lo++;
    return lo;
  }
  return max;
}

/**
 * Lines shorter than this do not pin the texts together: a "Yes." or "* * *" recurs, and one that
 * a replaced paragraph happens to equal would align everything after it wrongly. Whatever lies
 * between longer lines goes to the word diff, where such a line still finds its match.
 */
export const MIN_ANCHOR_LINE = 16;

/** Look-ahead past which the walk stops and the rest is diffed as a whole. */
const MAX_LOOKAHEAD = 4096;

/**
 * After a difference starting on the lines at a (old) and b (new): the starts of the nearest
 * pair of equal lines, nearest meaning fewest lines skipped on both sides together. Only a long
 * enough line that occurs once in each look-ahead counts (a blank line or a repeated one says
 * nothing about where the texts meet). The look-ahead grows to MAX_LOOKAHEAD lines; null if nothing is found
 * by then (the rest is best diffed as a whole), the ends of both if the texts ran out.
 */
export function resync(a: string, from: number, b: string, fromB: number): [number, number] | null {
  for (let lines = 16; lines <= MAX_LOOKAHEAD; lines *= 4) {
    const oldLines = lineStarts(a, from, lines);
    const newLines = lineStarts(b, fromB, lines);
    const seen = new Map<string, number>(); // line -> index in old, or -1 if repeated
    for (let p = 0; p + 1 < oldLines.length; p++) {
      const line = a.slice(oldLines[p], oldLines[p + 1]);
      seen.set(line, seen.has(line) ? -1 : p);
    }
    const inNew = new Map<string, number>();
    for (let q = 0; q + 1 < newLines.length; q++) {
      const line = b.slice(newLines[q], newLines[q + 1]);
      inNew.set(line, inNew.has(line) ? -1 : q);
    }
    let best: [number, number] | undefined;
    let bestCost = Infinity;
    for (const [line, q] of inNew) {
      const p = seen.get(line);
      if (q < 0 || p === undefined || p < 0 || line.length < MIN_ANCHOR_LINE || p + q >= bestCost) {
        continue;
      }
      bestCost = p + q;
      best = [oldLines[p]!, newLines[q]!];
    }
    if (best) return best;
    if (oldLines[oldLines.length - 1] === a.length && newLines[newLines.length - 1] === b.length) {
      return [a.length, b.length];
    }
  }
  return null;
}

/** Up to `count` line starts from `from`, followed by the end of the last one. */
function lineStarts(text: string, from: number, count: number): number[] {
  const starts = [from];
  let at = from;
  while (starts.length <= count && at < text.length) {
    const nl = text.indexOf('\n', at);
    at = nl === -1 ? text.length : nl + 1;
    starts.push(at);
  }
  return starts;
}
