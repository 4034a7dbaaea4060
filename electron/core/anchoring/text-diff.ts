// Diffs two revisions into equal runs: equal stretches skipped natively by walking both in step,
// each change diffed by lines, then words, then characters; every stage bounded in cost.
import { Interner } from './intern';
import { MIN_ANCHOR_LINE, commonLength, commonSuffixLength, resync } from './resync';
import { diffSequences, type Run } from './sequence-diff';

export interface EqualRuns {
  oldStarts: Int32Array;
  newStarts: Int32Array;
  lengths: Int32Array;
}

// Myers work caps per gap. Lines get none: between lines unique to both sides only blank, short or
// repeated lines are left, and aligning on those pairs a paragraph's "\n\n" with one a split
// inserted; words see those gaps instead. Characters only ever meet a changed stretch of words,
// and two unrelated stretches are better left unmatched than aligned letter by letter.
const LINE_COST = 0;
const WORD_COST = 1_000_000;
const CHAR_COST = 200_000;
/** Myers work for a whole diff: a complete rewrite must not cost a million per gap. */
const TOTAL_COST = 8_000_000;
/** Changes larger than this (either side) are not refined into words: that is a rewrite. */
const WORD_GAP = 262_144;
const CHAR_GAP = 4096;

interface Work {
  sink: RunSink;
  /** Myers work left for the whole diff. */
  left: number;
}

export function diffTexts(oldText: string, newText: string): EqualRuns {
  const work: Work = { sink: new RunSink(), left: TOTAL_COST };
  let i = 0;
  let j = 0;
  for (;;) {
    const same = commonLength(oldText, i, newText, j);
    if (i + same === oldText.length && j + same === newText.length) {
      work.sink.equal(i, j, same);
      break;
    }
    // The change is diffed from the start of the line it begins on, so its tokens are whole lines.
    const lineStart = Math.max(i, oldText.lastIndexOf('\n', i + same - 1) + 1);
    work.sink.equal(i, j, lineStart - i);
    const lineStartB = j + lineStart - i;
    const meet = resync(oldText, lineStart, newText, lineStartB);
    if (!meet) {
      // Far apart for thousands of lines: diff all the rest by unique lines in one go.
      diffTokens(oldText, lineStart, oldText.length, newText, lineStartB, newText.length, 0, work);
      break;
    }
    diffTokens(oldText, lineStart, meet[0], newText, lineStartB, meet[1], 0, work);
    i = meet[0];
    j = meet[1];
  }
  return work.sink.finish();
}

/** Level 0: lines, 1: words, 2: characters. Each level only refines what the one above left. */
function diffTokens(
  oldText: string,
  o0: number,
  o1: number,
  newText: string,
  n0: number,
  n1: number,
  level: 0 | 1 | 2,
  work: Work,
): void {
  if (o0 >= o1 || n0 >= n1) return;
  if (level > 0) {
    // What the change leaves alone at either end needs no tokens (a long line, one word edited).
    const head = commonLength(oldText, o0, newText, n0, Math.min(o1 - o0, n1 - n0));
    work.sink.equal(o0, n0, head);
    o0 += head;
    n0 += head;
    const tail = commonSuffixLength(oldText, o1, newText, n1, Math.min(o1 - o0, n1 - n0));
    diffMiddle(oldText, o0, o1 - tail, newText, n0, n1 - tail, level, work);
    work.sink.equal(o1 - tail, n1 - tail, tail);
    return;
  }
  diffMiddle(oldText, o0, o1, newText, n0, n1, level, work);
}

function diffMiddle(
  oldText: string,
  o0: number,
  o1: number,
  newText: string,
  n0: number,
  n1: number,
  level: 0 | 1 | 2,
  work: Work,
): void {
  if (o0 >= o1 || n0 >= n1) return;
  if (level === 2) {
    if (o1 - o0 > CHAR_GAP || n1 - n0 > CHAR_GAP) return;
    const a = new Int32Array(o1 - o0);
    for (let i = 0; i < a.length; i++) a[i] = oldText.charCodeAt(o0 + i);
    const b = new Int32Array(n1 - n0);
    for (let i = 0; i < b.length; i++) b[i] = newText.charCodeAt(n0 + i);
    for (const run of diffSequences(a, b, 0, { anchors: false, maxCost: CHAR_COST }, work)) {
      work.sink.equal(o0 + run.a, n0 + run.b, run.length);
    }
    return;
  }
  if (level === 1 && (o1 - o0 > WORD_GAP || n1 - n0 > WORD_GAP)) return;
  const split = level === 0 ? lineBounds : wordBounds;
  const ob = split(oldText, o0, o1);
  const nb = split(newText, n0, n1);
  const ids = new Interner(ob.length + nb.length);
  const a = ids.intern(oldText, ob);
  const b = ids.intern(newText, nb);
  const anchorable = new Uint8Array(ids.size);
  markAnchorable(oldText, ob, a, anchorable, level);
  markAnchorable(newText, nb, b, anchorable, level);
  const options = { anchors: true, anchorable, maxCost: level === 0 ? LINE_COST : WORD_COST };
  const runs: Run[] = diffSequences(a, b, ids.size, options, work);
  let ta = 0;
  let tb = 0;
  const next = (level + 1) as 1 | 2;
  for (const run of runs) {
    diffTokens(oldText, ob[ta]!, ob[run.a]!, newText, nb[tb]!, nb[run.b]!, next, work);
    work.sink.equal(ob[run.a]!, nb[run.b]!, ob[run.a + run.length]! - ob[run.a]!);
    ta = run.a + run.length;
    tb = run.b + run.length;
  }
  diffTokens(oldText, ob[ta]!, ob[a.length]!, newText, nb[tb]!, nb[b.length]!, next, work);
}

/** Short lines (see MIN_ANCHOR_LINE), spaces and single characters are too common to pin an
 * alignment on. */
function markAnchorable(
  text: string,
  bounds: Int32Array,
  ids: Int32Array,
  anchorable: Uint8Array,
  level: 0 | 1,
): void {
  const shortest = level === 0 ? MIN_ANCHOR_LINE : 2;
  for (let i = 0; i < ids.length; i++) {
    const start = bounds[i]!;
    if (bounds[i + 1]! - start < shortest) continue;
    if (level === 1 && /\s/.test(text[start]!)) continue;
    anchorable[ids[i]!] = 1;
  }
}

/** Token boundaries [from, ..., to]: each line keeps its '\n'. */
function lineBounds(text: string, from: number, to: number): Int32Array {
  const bounds: number[] = [from];
  for (let i = text.indexOf('\n', from); i !== -1 && i < to - 1; i = text.indexOf('\n', i + 1)) {
    bounds.push(i + 1);
  }
  bounds.push(to);
  return Int32Array.from(bounds);
}

// Letters with their marks and digits form words; a run of spaces is one token; anything else
// (punctuation, an emoji's code point) stands alone, so no token splits a surrogate pair.
const WORD = /[\p{L}\p{M}\p{N}]+|\s+|[^]/gu;

function wordBounds(text: string, from: number, to: number): Int32Array {
  const slice = text.slice(from, to);
  const bounds: number[] = [from];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(slice); match; match = WORD.exec(slice)) {
    bounds.push(from + WORD.lastIndex);
  }
  return Int32Array.from(bounds);
}

/** Collects equal runs in order, merging those that touch on both sides. */
class RunSink {
  private oldStarts: number[] = [];
  private newStarts: number[] = [];
  private lengths: number[] = [];

  equal(oldStart: number, newStart: number, length: number): void {
    if (length <= 0) return;
    const last = this.lengths.length - 1;
    if (
      last >= 0 &&
      this.oldStarts[last]! + this.lengths[last]! === oldStart &&
      this.newStarts[last]! + this.lengths[last]! === newStart
    ) {
      this.lengths[last]! += length;
      return;
    }
    this.oldStarts.push(oldStart);
    this.newStarts.push(newStart);
    this.lengths.push(length);
  }

  finish(): EqualRuns {
    return {
      oldStarts: Int32Array.from(this.oldStarts),
      newStarts: Int32Array.from(this.newStarts),
      lengths: Int32Array.from(this.lengths),
    };
  }
}
