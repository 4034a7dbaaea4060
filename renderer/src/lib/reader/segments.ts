// Turns the canonical model (text + blocks + marks) into what the reader draws: per block, runs of
// text that share the same inline marks. Every run knows its offset, so DOM positions map back
// to the model without counting characters in the DOM.
import type { Article, BlockType, Mark } from '../../../../electron/shared/model';
import { placesOfKind } from '../../../../electron/shared/places';
import { IntervalIndex } from './interval-index';

export interface Segment {
  start: number;
  end: number;
  text: string;
  em: boolean;
  strong: boolean;
  code: boolean;
  href?: string;
  /** The label of the page (a PDF's) that begins with this run, drawn in the margin. */
  page?: string;
}

export interface BlockView {
  index: number;
  type: BlockType;
  level: number;
  /** An ordered list item's number, drawn as a marker outside the text. */
  number?: number;
  /** A table row of header cells. */
  header: boolean;
  start: number;
  end: number;
  segments: Segment[];
  /**
   * A table row's segments by cell. Each tab between cells is a segment of its own at the end of
   * the cell before it, so the DOM holds every character of the text and offsets map.
   */
  cells?: Segment[][];
}

type Body = Pick<Article, 'text' | 'blocks' | 'marks' | 'places'>;

/**
 * Block views on demand, a range of blocks at a time: a long article only ever builds the runs of
 * the chunks on screen. The marks are indexed once, so a range finds its marks in O(log n).
 */
export class SegmentSource {
  readonly #body: Body;
  readonly #marks: IntervalIndex<Mark>;
  /** Page starts by offset; the first page's start (the top of the text) needs no mark. */
  readonly #pages: Map<number, string>;

  constructor(body: Body) {
    this.#body = body;
    this.#marks = new IntervalIndex(body.marks, (m) => m);
    const pages = placesOfKind(body.places, 'page');
    this.#pages = new Map(pages.slice(1).map((p) => [p.start, p.label]));
  }

  /** Views of blocks [from, to). */
  views(from: number, to: number): BlockView[] {
    const { text, blocks } = this.#body;
    if (from >= to) return [];
    const marks = this.#marks.overlapping(blocks[from]!.start, blocks[to - 1]!.end);
    const views: BlockView[] = [];
    let firstMark = 0;
    for (let index = from; index < to; index++) {
      const block = blocks[index]!;
      // Marks come sorted by start: skip those that ended before this block.
      while (firstMark < marks.length && marks[firstMark]!.end <= block.start) firstMark++;
      const inside: Mark[] = [];
      for (let i = firstMark; i < marks.length && marks[i]!.start < block.end; i++) {
        const m = marks[i]!;
        if (m.end > block.start)
          inside.push({
            ...m,
            start: Math.max(m.start, block.start),
            end: Math.min(m.end, block.end),
          });
      }
      const row = block.type === 'table-row';
      const segments = segmentsOf(text, block.start, block.end, inside, row, this.#pages);
      views.push({
        index,
        type: block.type,
        level: block.level ?? 1,
        ...(block.number !== undefined && { number: block.number }),
        header: block.header === true,
        start: block.start,
        end: block.end,
        segments,
        ...(row && { cells: cellsOf(segments) }),
      });
    }
    return views;
  }
}

function segmentsOf(
  text: string,
  from: number,
  to: number,
  inside: Mark[],
  cutAtTabs: boolean,
  pages: ReadonlyMap<number, string>,
): Segment[] {
  const cuts = new Set([from, to]);
  for (const m of inside) cuts.add(m.start).add(m.end);
  // A page may begin mid-paragraph: its run starts there, so its mark sits on that line.
  if (pages.size > 0) for (const at of pages.keys()) if (at >= from && at < to) cuts.add(at);
  if (cutAtTabs) {
    for (let at = text.indexOf('\t', from); at !== -1 && at < to; at = text.indexOf('\t', at + 1)) {
      cuts.add(at).add(at + 1);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const active = inside.filter((m) => m.start <= start && m.end >= end);
    const link = active.find((m) => m.type === 'link' && m.href);
    const page = pages.get(start);
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      em: active.some((m) => m.type === 'em'),
      strong: active.some((m) => m.type === 'strong'),
      code: active.some((m) => m.type === 'code'),
      ...(link ? { href: link.href } : {}),
      ...(page !== undefined && { page }),
    });
  }
  return segments;
}

/** A row's segments split into cells after each tab segment (so there is always one cell more). */
function cellsOf(segments: Segment[]): Segment[][] {
  const cells: Segment[][] = [[]];
  for (const segment of segments) {
    cells.at(-1)!.push(segment);
    if (segment.text === '\t') cells.push([]);
  }
  return cells;
}

/** Every block's view at once (small articles, tests). */
export function buildBlockViews(article: Body): BlockView[] {
  return new SegmentSource(article).views(0, article.blocks.length);
}
