// Turns the canonical model (text + blocks + marks) into what the reader draws: per block, runs of
// text that share the same inline marks. Every run knows its offset, so DOM positions map back
// to the model without counting characters in the DOM.
import type { Article, BlockType } from '../../../../electron/shared/model';

export interface Segment {
  start: number;
  end: number;
  text: string;
  em: boolean;
  strong: boolean;
  code: boolean;
  href?: string;
}

export interface BlockView {
  index: number;
  type: BlockType;
  level: number;
  start: number;
  end: number;
  segments: Segment[];
}

export function buildBlockViews(article: Pick<Article, 'text' | 'blocks' | 'marks'>): BlockView[] {
  const marks = [...article.marks].sort((a, b) => a.start - b.start);
  let firstMark = 0;
  return article.blocks.map((block, index) => {
    while (firstMark < marks.length && marks[firstMark]!.end <= block.start) firstMark++;
    const inside = [];
    for (let i = firstMark; i < marks.length && marks[i]!.start < block.end; i++) {
      const m = marks[i]!;
      if (m.end > block.start)
        inside.push({
          ...m,
          start: Math.max(m.start, block.start),
          end: Math.min(m.end, block.end),
        });
    }
    const cuts = new Set([block.start, block.end]);
    for (const m of inside) cuts.add(m.start).add(m.end);
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i]!;
      const end = points[i + 1]!;
      const active = inside.filter((m) => m.start <= start && m.end >= end);
      const link = active.find((m) => m.type === 'link' && m.href);
      segments.push({
        start,
        end,
        text: article.text.slice(start, end),
        em: active.some((m) => m.type === 'em'),
        strong: active.some((m) => m.type === 'strong'),
        code: active.some((m) => m.type === 'code'),
        ...(link ? { href: link.href } : {}),
      });
    }
    return {
      index,
      type: block.type,
      level: block.level ?? 1,
      start: block.start,
      end: block.end,
      segments,
    };
  });
}
