// Which tags are used together: two tags co-occur where a passage with one overlaps a passage with
// the other (one passage with both tags overlaps itself), or, the analyst's other choice, where
// both are used in the same paragraph. Each cell keeps what it counted, so a click on it can list
// those passages.
import { currentSpan, type Annotation, type Span } from '../../shared/model';

export type CooccurrenceUnit = 'overlap' | 'paragraph';

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
  tags: string[];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

class Cells {
  readonly #cells = new Map<string, { cell: CooccurrenceCell; seen: Set<string> }>();
  readonly diagonal = new Map<string, number>();

  /**
   * One co-occurrence of every pair of distinct tags used in one unit (a paragraph) by
   * `passages`; behind each pair, the passages there that carry either tag.
   */
  count(passages: readonly Placed[]) {
    const list = [...new Set(passages.flatMap((p) => p.tags))];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = [list[i]!, list[j]!];
        const behind = passages.filter((p) => p.tags.includes(x) || p.tags.includes(y));
        this.#add(
          x,
          y,
          behind.map((p) => p.annotation),
        );
      }
    }
  }

  /** One co-occurrence of tag pairs across two passages: each tag of one with each of the other. */
  countAcross(a: Placed, b: Placed) {
    const pairs = new Set<string>();
    for (const x of a.tags) for (const y of b.tags) if (x !== y) pairs.add(pairKey(x, y));
    for (const key of pairs) {
      const [x, y] = key.split('\u0000') as [string, string];
      this.#add(x, y, [a.annotation, b.annotation]);
    }
  }

  #add(x: string, y: string, annotations: readonly Annotation[]) {
    const key = pairKey(x, y);
    let entry = this.#cells.get(key);
    if (!entry) {
      const tags: [string, string] = x < y ? [x, y] : [y, x];
      entry = { cell: { tags, count: 0, annotationIds: [] }, seen: new Set() };
      this.#cells.set(key, entry);
    }
    entry.cell.count++;
    for (const { id } of annotations) {
      if (entry.seen.has(id)) continue;
      entry.seen.add(id);
      entry.cell.annotationIds.push(id);
    }
  }

  cells(): CooccurrenceCell[] {
    return [...this.#cells.values()]
      .map((e) => e.cell)
      .sort((a, b) => b.count - a.count || pairKey(...a.tags).localeCompare(pairKey(...b.tags)));
  }
}

function placedPassages(annotations: readonly Annotation[]): Placed[] {
  const placed: Placed[] = [];
  for (const annotation of annotations) {
    const span = currentSpan(annotation);
    if (!span || span.end <= span.start || annotation.tagIds.length === 0) continue;
    placed.push({ annotation, span, tags: [...new Set(annotation.tagIds)] });
  }
  return placed.sort((a, b) => a.span.start - b.span.start);
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Overlaps: a sweep in text order, each passage against those still open where it starts. */
function countOverlaps(passages: Placed[], cells: Cells) {
  let open: Placed[] = [];
  for (const passage of passages) {
    for (const tag of passage.tags) bump(cells.diagonal, tag);
    // With itself: its own tags co-occur.
    cells.countAcross(passage, passage);
    open = open.filter((o) => o.span.end > passage.span.start);
    for (const other of open) cells.countAcross(other, passage);
    open.push(passage);
  }
}

/** Paragraphs: each passage counts in every block it reaches into. */
function countParagraphs(passages: Placed[], blocks: readonly Span[], cells: Cells) {
  const inBlock = new Map<number, Placed[]>();
  for (const passage of passages) {
    for (let b = firstBlockEndingAfter(blocks, passage.span.start); b < blocks.length; b++) {
      if (blocks[b]!.start >= passage.span.end) break;
      const here = inBlock.get(b) ?? [];
      inBlock.set(b, here);
      here.push(passage);
    }
  }
  for (const here of inBlock.values()) {
    for (const tag of new Set(here.flatMap((p) => p.tags))) bump(cells.diagonal, tag);
    cells.count(here);
  }
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

export function cooccurrence(
  articles: Iterable<CooccurrenceArticle>,
  unit: CooccurrenceUnit,
): Cooccurrence {
  const cells = new Cells();
  for (const { annotations, blocks } of articles) {
    const passages = placedPassages(annotations);
    if (unit === 'overlap') countOverlaps(passages, cells);
    else countParagraphs(passages, blocks ?? [], cells);
  }
  return { unit, diagonal: cells.diagonal, cells: cells.cells() };
}
