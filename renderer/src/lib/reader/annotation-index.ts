// Where each annotation sits in the current revision, indexed for the reader: which annotations
// a rendered chunk must paint, and which ones lie under a click, without touching the DOM.
import { currentSpan, type Annotation, type Span } from '../../../../electron/shared/model';
import { IntervalIndex } from './interval-index';

/** An annotation with the span it is drawn at (its candidate when moved or fuzzy). */
export interface Placed {
  annotation: Annotation;
  start: number;
  end: number;
  /** Moved or fuzzy: drawn at its candidate, and marked for the analyst to review. */
  review: boolean;
}

export class AnnotationIndex {
  /** In the order given (the core's reading order); the tree is built from it when needed. */
  readonly #placed: Placed[] = [];
  /** Whether #placed is by start (as the core's reading order is): a scan stops past a span. */
  readonly #byStart: boolean = true;
  #tree: IntervalIndex<Placed> | null = null;

  constructor(annotations: readonly Annotation[]) {
    let previousStart = -Infinity;
    for (const annotation of annotations) {
      // Orphans have no place in this revision: the panel lists them, the reader can't draw them
      // (even one that still carries a stale candidate).
      if (annotation.anchor === 'orphaned') continue;
      const span = currentSpan(annotation);
      if (!span || span.end <= span.start) continue;
      if (span.start < previousStart) this.#byStart = false;
      previousStart = span.start;
      this.#placed.push({
        annotation,
        start: span.start,
        end: span.end,
        review: annotation.anchor !== 'anchored',
      });
    }
  }

  get size() {
    return this.#placed.length;
  }

  /**
   * Builds the tree now. Until then (or without it), range queries scan the list: one scan is
   * cheaper than building the tree, so the first paint of an article doesn't wait for it; call
   * this once that paint is done, before the first click.
   */
  prepare(): IntervalIndex<Placed> {
    return (this.#tree ??= new IntervalIndex(this.#placed, (p) => p));
  }

  /** Annotations sharing text with [start, end), by start. */
  overlapping(start: number, end: number): Placed[] {
    return this.inSpans([{ start, end }]);
  }

  /**
   * Annotations sharing text with any of the spans (e.g. the rendered chunks), each once, by
   * start. The spans must be sorted and must not overlap.
   */
  inSpans(spans: readonly Span[]): Placed[] {
    const tree = this.#tree;
    const seen = new Set<Placed>();
    const out: Placed[] = [];
    if (!tree) {
      // The first paint, before the tree: the top of an article is a short scan.
      const end = spans.at(-1)?.end ?? -Infinity;
      for (const p of this.#placed) {
        if (this.#byStart && p.start >= end) break;
        if (spans.some((s) => p.start < s.end && p.end > s.start)) out.push(p);
      }
    } else {
      for (const span of spans) {
        for (const p of tree.overlapping(span.start, span.end)) {
          if (seen.has(p)) continue;
          seen.add(p);
          out.push(p);
        }
      }
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /**
   * The annotations covering the character at `offset`, innermost first: with nested passages, a
   * click inside the small one means it. Equal lengths: the later start, then the id, so the
   * order never depends on how the list arrived.
   */
  at(offset: number): Annotation[] {
    return this.prepare()
      .containing(offset)
      .sort(
        (a, b) =>
          a.end - a.start - (b.end - b.start) ||
          b.start - a.start ||
          (a.annotation.id < b.annotation.id ? -1 : a.annotation.id > b.annotation.id ? 1 : 0),
      )
      .map((p) => p.annotation);
  }
}
