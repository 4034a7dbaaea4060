// Where two coders disagree on one tag in one article: each maximal stretch of units only one of
// them coded (runs.ts), as the text it covers, with both coders' passages behind it. A passage of
// the other coder that overlaps one of those passages is listed too, though it misses the stretch
// itself: it is the passage that doesn't line up (A codes a sentence, B the same sentence and the
// next), and the adjudicator weighs the two together.
import type { Disagreement, DisagreementPassage } from '../../../shared/agreement';
import type { Span } from '../../../shared/model';
import { STEP, type Steps } from '../steps';
import type { Passage } from './coding';
import { oneSided } from './runs';
import { surroundings } from './surroundings';
import { textSpanOf, unitRunsOf, type SpanGrid, type UnitGrid } from './units';

export interface TagComparison {
  articleId: string;
  tagId: string;
  text: string;
  grid: UnitGrid;
  /** The article's sentences, for the text shown around each disagreement. */
  sentences: SpanGrid;
  /** A's and B's placed passages with the tag. */
  a: readonly Passage[];
  b: readonly Passage[];
}

/** `<articleId>:<tagId>:<start>-<end>`: what adjudicate takes and the Adjudication's id. */
export const disagreementKey = (articleId: string, tagId: string, span: Span) =>
  `${articleId}:${tagId}:${span.start}-${span.end}`;

/** One coder's passages, found by what they overlap without a look at every one. */
class Passages {
  readonly sorted: Passage[];
  /** maxEnd[i]: the furthest end among sorted[0..i]. */
  readonly #maxEnd: number[];

  constructor(passages: readonly Passage[]) {
    // Reading order: by start, the longer first.
    this.sorted = [...passages].sort(
      (x, y) => x.span.start - y.span.start || y.span.end - x.span.end,
    );
    let furthest = -Infinity;
    this.#maxEnd = this.sorted.map((p) => (furthest = Math.max(furthest, p.span.end)));
  }

  /** Adds to `into` the passages that overlap `span`. */
  overlapping(span: Span, into: Set<Passage>): void {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]!.span.start < span.end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && this.#maxEnd[i]! > span.start; i--) {
      if (this.sorted[i]!.span.end > span.start) into.add(this.sorted[i]!);
    }
  }
}

/** The disagreements, in text order, without their decisions (the service adds those). */
export function* disagreementsOf(input: TagComparison): Steps<Disagreement[]> {
  const { articleId, tagId, text, grid, sentences } = input;
  const a = new Passages(input.a);
  const b = new Passages(input.b);
  const spansOf = (list: Passages) =>
    unitRunsOf(
      list.sorted.map((p) => p.span),
      grid,
    );
  const out: Disagreement[] = [];
  for (const stretch of oneSided(spansOf(a), spansOf(b))) {
    if (out.length % STEP === STEP - 1) yield;
    const span = textSpanOf(stretch, grid);
    const [own, other] = stretch.side === 'a' ? [a, b] : [b, a];
    const behind = new Set<Passage>();
    own.overlapping(span, behind);
    const across = new Set<Passage>();
    other.overlapping(span, across);
    for (const passage of behind) other.overlapping(passage.span, across);
    const [listA, listB] = stretch.side === 'a' ? [behind, across] : [across, behind];
    out.push({
      key: disagreementKey(articleId, tagId, span),
      articleId,
      tagId,
      span,
      ...surroundings(text, span, sentences),
      a: inOrder(listA).map((p) => passageOf(p, text)),
      b: inOrder(listB).map((p) => passageOf(p, text)),
    });
  }
  return out;
}

const inOrder = (passages: Set<Passage>) =>
  [...passages].sort((x, y) => x.span.start - y.span.start || y.span.end - x.span.end);

function passageOf({ annotation, span }: Passage, text: string): DisagreementPassage {
  return {
    annotationId: annotation.id,
    analystId: annotation.createdBy ?? '',
    span: { start: span.start, end: span.end },
    quote: text.slice(span.start, span.end),
    comment: annotation.comment,
  };
}
