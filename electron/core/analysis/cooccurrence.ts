// Which tags are used together: two tags co-occur where a passage with one overlaps a passage with
// the other (one passage with both tags overlaps itself), or, the analyst's other choice, where
// both are used in the same paragraph. Each cell keeps what it counted, so a click on it can list
// those passages. Tags are numbered as they are met, so the counting runs on numbers, not strings.
import type { CooccurrenceUnit } from '../../shared/analysis';
import { currentSpan, type Annotation, type Span } from '../../shared/model';
import { runSteps, STEP, type Steps } from './steps';

export type { CooccurrenceUnit };

export interface CooccurrenceCell {
  /** The two tags, the smaller id first. */
  tags: [string, string];
  /** Overlaps (pairs of passages, a passage with itself included) or paragraphs shared. */
  count: number;
  /** Every passage behind the count, each once, in the order met. */
  annotationIds: string[];
}

export interface Cooccurrence {
  unit: CooccurrenceUnit;
  /** Per tag: its passages (overlap) or the paragraphs it is used in (paragraph). */
  diagonal: Map<string, number>;
  /** Pairs that co-occur at least once, most first. */
  cells: CooccurrenceCell[];
}

/** An article's passages, and for the paragraph unit its blocks (the model's, in text order). */
export interface CooccurrenceArticle {
  annotations: readonly Annotation[];
  blocks?: readonly Span[];
}

interface Placed {
  annotation: Annotation;
  span: Span;
  /** Its distinct tags, as numbers. */
  tags: number[];
}

interface Pair {
  cell: CooccurrenceCell;
  seen: Set<Annotation>;
  /** The last occasion (an overlap, a paragraph) that counted it: each counts a pair once. */
  occasion: number;
}

/** Room for 2^21 tags per side of a pair key: far beyond any codebook. */
const PAIR_SPAN = 2 ** 21;

class Cells {
  readonly #numbers = new Map<string, number>();
  readonly #ids: string[] = [];
  readonly #pairs = new Map<number, Pair>();
  readonly #diagonal: number[] = [];
  #occasion = 0;

  /** A passage's distinct tags as numbers, in its order. */
  numbersOf(tagIds: readonly string[]): number[] {
    // Built at their size: an array grown from [] by push reserves room for 17.
    if (tagIds.length === 1) return [this.#numberOf(tagIds[0]!)];
    const numbers = tagIds.map((id) => this.#numberOf(id));
    return numbers.filter((n, i) => numbers.indexOf(n) === i);
  }

  #numberOf(id: string): number {
    let n = this.#numbers.get(id);
    if (n === undefined) {
      n = this.#ids.length;
      this.#numbers.set(id, n);
      this.#ids.push(id);
      this.#diagonal.push(0);
    }
    return n;
  }

  bump(tag: number) {
    this.#diagonal[tag]!++;
  }

  /** Starts an occasion: within it, each pair counts once however often it is met. */
  occasion() {
    this.#occasion++;
  }

  /** Counts the pair (x, y) on this occasion; returns it, for the passages behind it. */
  count(x: number, y: number): Pair {
    const key = x < y ? x * PAIR_SPAN + y : y * PAIR_SPAN + x;
    let pair = this.#pairs.get(key);
    if (!pair) {
      const [a, b] = [this.#ids[x]!, this.#ids[y]!];
      const tags: [string, string] = a < b ? [a, b] : [b, a];
      pair = { cell: { tags, count: 0, annotationIds: [] }, seen: new Set(), occasion: 0 };
      this.#pairs.set(key, pair);
    }
    if (pair.occasion !== this.#occasion) {
      pair.occasion = this.#occasion;
      pair.cell.count++;
    }
    return pair;
  }

  /** One co-occurrence of tag pairs across two passages: each tag of one with each of the other. */
  across(a: Placed, b: Placed) {
    this.occasion();
    for (const x of a.tags) {
      for (const y of b.tags) {
        if (x === y) continue;
        const pair = this.count(x, y);
        behind(pair, a.annotation);
        if (a !== b) behind(pair, b.annotation);
      }
    }
  }

  result(unit: CooccurrenceUnit): Cooccurrence {
    const diagonal = new Map<string, number>();
    this.#ids.forEach((id, n) => {
      if (this.#diagonal[n]! > 0) diagonal.set(id, this.#diagonal[n]!);
    });
    const cells = [...this.#pairs.values()]
      .map((p) => p.cell)
      .sort((a, b) => b.count - a.count || compareIds(a.tags, b.tags));
    return { unit, diagonal, cells };
  }
}

/** Lists `annotation` behind the pair, unless it is already. */
function behind(pair: Pair, annotation: Annotation) {
  if (pair.seen.has(annotation)) return;
  pair.seen.add(annotation);
  pair.cell.annotationIds.push(annotation.id);
}

const compareIds = ([a0, a1]: [string, string], [b0, b1]: [string, string]) =>
  a0 < b0 ? -1 : a0 > b0 ? 1 : a1 < b1 ? -1 : a1 > b1 ? 1 : 0;

/** Room for 2^21 passages per article beside a start offset in one sort key (below 2^53). */
const ORDER_SPAN = 2 ** 21;

/** The passages with a place and a tag, in text order (ties as given). */
function* placedPassages(annotations: readonly Annotation[], cells: Cells): Steps<Placed[]> {
  const kept: Annotation[] = [];
  const spans: Span[] = [];
  for (let i = 0; i < annotations.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const annotation = annotations[i]!;
    const span = currentSpan(annotation);
    if (!span || span.end <= span.start || annotation.tagIds.length === 0) continue;
    kept.push(annotation);
    spans.push(span);
  }
  // Sorted as numbers (start, then position) in a typed array: no comparator called 10^5 times.
  const order = new Float64Array(kept.length);
  for (let i = 0; i < kept.length; i++) order[i] = spans[i]!.start * ORDER_SPAN + i;
  order.sort();
  const placed: Placed[] = [];
  for (let k = 0; k < order.length; k++) {
    if (k % STEP === STEP - 1) yield;
    const i = order[k]! % ORDER_SPAN;
    const annotation = kept[i]!;
    placed.push({ annotation, span: spans[i]!, tags: cells.numbersOf(annotation.tagIds) });
  }
  return placed;
}

/** Overlaps: a sweep in text order, each passage against those still open where it starts. */
function* countOverlaps(passages: Placed[], cells: Cells): Steps<void> {
  const open: Placed[] = [];
  for (let i = 0; i < passages.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const passage = passages[i]!;
    for (const tag of passage.tags) cells.bump(tag);
    // With itself: its own tags co-occur.
    cells.across(passage, passage);
    let kept = 0;
    for (const other of open) if (other.span.end > passage.span.start) open[kept++] = other;
    open.length = kept;
    for (const other of open) cells.across(other, passage);
    open.push(passage);
  }
}

/** Paragraphs: each passage counts in every block it reaches into. */
function* countParagraphs(passages: Placed[], blocks: readonly Span[], cells: Cells): Steps<void> {
  const inBlock = new Map<number, Placed[]>();
  for (let i = 0; i < passages.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const passage = passages[i]!;
    for (let b = firstBlockEndingAfter(blocks, passage.span.start); b < blocks.length; b++) {
      if (blocks[b]!.start >= passage.span.end) break;
      const here = inBlock.get(b);
      if (here) here.push(passage);
      else inBlock.set(b, [passage]);
    }
  }
  let n = 0;
  for (const here of inBlock.values()) {
    if (++n % STEP === 0) yield;
    if (here.length === 1 && here[0]!.tags.length === 1) {
      cells.bump(here[0]!.tags[0]!);
      continue;
    }
    countParagraph(here, cells);
  }
}

/**
 * One paragraph's pairs: each pair of distinct tags used there once; behind it, the passages
 * there that carry either tag, in text order.
 */
function countParagraph(here: readonly Placed[], cells: Cells) {
  // tag -> the positions in `here` of the passages that carry it, ascending
  const carriers = new Map<number, number[]>();
  here.forEach((passage, at) => {
    for (const tag of passage.tags) {
      const list = carriers.get(tag);
      if (list) list.push(at);
      else carriers.set(tag, [at]);
    }
  });
  const tags = [...carriers.keys()];
  for (const tag of tags) cells.bump(tag);
  cells.occasion();
  for (let i = 0; i < tags.length; i++) {
    for (let j = i + 1; j < tags.length; j++) {
      const [x, y] = [tags[i]!, tags[j]!];
      const pair = cells.count(x, y);
      for (const at of mergedPositions(carriers.get(x)!, carriers.get(y)!)) {
        behind(pair, here[at]!.annotation);
      }
    }
  }
}

/** Two ascending lists as one, each position once. */
function mergedPositions(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.at(-1) !== next) out.push(next);
  }
  return out;
}

/** The first block (sorted, disjoint) that ends after `offset`: binary search. */
function firstBlockEndingAfter(blocks: readonly Span[], offset: number): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (blocks[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** cooccurrence, pausing every STEP passages (see steps.ts). */
export function* cooccurrenceSteps(
  articles: Iterable<CooccurrenceArticle>,
  unit: CooccurrenceUnit,
): Steps<Cooccurrence> {
  const cells = new Cells();
  for (const { annotations, blocks } of articles) {
    const passages = yield* placedPassages(annotations, cells);
    if (unit === 'overlap') yield* countOverlaps(passages, cells);
    else yield* countParagraphs(passages, blocks ?? [], cells);
  }
  return cells.result(unit);
}

export const cooccurrence = (articles: Iterable<CooccurrenceArticle>, unit: CooccurrenceUnit) =>
  runSteps(cooccurrenceSteps(articles, unit));
