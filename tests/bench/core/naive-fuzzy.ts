// The naive re-anchoring baseline: for one annotation, an approximate (edit-distance) search of its
// quote over the whole new text. Sellers' problem, solved with Myers' bit-parallel algorithm in
// 32-bit blocks (as Hypothesis' approx-string-match does), so the baseline is naive, not slow.

export interface FuzzyMatch {
  start: number;
  end: number;
  errors: number;
}

/** The text as UTF-16 code units, converted once and shared by every search. */
export const codeUnits = (text: string) => {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
};

/** The substring of `text` with the fewest edits from `pattern` (leftmost on a tie). */
export function fuzzySearch(text: Uint16Array, pattern: string): FuzzyMatch {
  const m = pattern.length;
  const blocks = Math.ceil(m / 32);
  // peq[c * blocks + b]: bit i set where pattern[32b + i] is code unit c.
  const peq = new Int32Array(65536 * blocks);
  for (let i = 0; i < m; i++) {
    const at = pattern.charCodeAt(i) * blocks + (i >> 5);
    peq[at] = peq[at]! | (1 << (i & 31));
  }
  const lastBit = 1 << ((m - 1) & 31);
  if (blocks === 1) return searchOneBlock(text, pattern, peq, lastBit);
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  let score = m;
  let best = m;
  let bestEnd = 0;
  for (let j = 0; j < text.length; j++) {
    const row = text[j]! * blocks;
    // Row 0 of the DP is all zeros (a match may begin anywhere), so nothing carries into block 0.
    let carry = 0;
    for (let b = 0; b < blocks; b++) {
      const p = pv[b]!;
      const n = mv[b]!;
      const eq = peq[row + b]! | (carry < 0 ? 1 : 0);
      const xv = eq | n;
      const xh = (((eq & p) + p) ^ p) | eq;
      let ph = n | ~(xh | p);
      let mh = p & xh;
      const top = b === blocks - 1 ? lastBit : 1 << 31;
      const out = (ph & top ? 1 : 0) - (mh & top ? 1 : 0);
      ph = (ph << 1) | (carry > 0 ? 1 : 0);
      mh = (mh << 1) | (carry < 0 ? 1 : 0);
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      carry = out;
    }
    score += carry;
    if (score < best) {
      best = score;
      bestEnd = j + 1;
    }
  }
  return { start: startOf(text, pattern, bestEnd, best), end: bestEnd, errors: best };
}

/** The same for patterns of up to 32 code units, with the state in locals (most quotes). */
function searchOneBlock(
  text: Uint16Array,
  pattern: string,
  peq: Int32Array,
  lastBit: number,
): FuzzyMatch {
  let pv = -1;
  let mv = 0;
  let score = pattern.length;
  let best = score;
  let bestEnd = 0;
  for (let j = 0; j < text.length; j++) {
    const eq = peq[text[j]!]!;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & lastBit) score++;
    else if (mh & lastBit) score--;
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) {
      best = score;
      bestEnd = j + 1;
    }
  }
  return { start: startOf(text, pattern, bestEnd, best), end: bestEnd, errors: best };
}

/** Where the best match ending at `end` begins: the plain DP run backwards over a short window. */
function startOf(text: Uint16Array, pattern: string, end: number, errors: number): number {
  const m = pattern.length;
  const col = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  let start = end;
  // Row 0 is pinned to the match's end this time: the whole pattern must align up to `end`.
  for (let j = end - 1, step = 1; j >= Math.max(0, end - m - errors); j--, step++) {
    const c = text[j]!;
    let diagonal = step - 1;
    col[0] = step;
    for (let i = 1; i <= m; i++) {
      const diag = diagonal + (pattern.charCodeAt(m - i) === c ? 0 : 1);
      diagonal = col[i]!;
      col[i] = Math.min(diag, col[i - 1]! + 1, col[i]! + 1);
    }
    if (col[m]! <= errors) start = j;
  }
  return start;
}
