import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../electron/shared/model';
import { ChunkLayout } from '../../../../renderer/src/lib/reader/chunk-layout';
import {
  DEFAULT_METRICS,
  buildChunks,
  chunkAt,
  estimateHeight,
  spansOf,
} from '../../../../renderer/src/lib/reader/chunks';
import { prng } from './prng';

/** Paragraphs of the given lengths, separated by a blank line as importers make them. */
function paragraphs(lengths: number[]): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  let text = '';
  for (const length of lengths) {
    if (text) text += '\n\n';
    blocks.push({ type: 'paragraph', start: text.length, end: text.length + length });
    text += 'ə'.repeat(length);
  }
  return { text, blocks };
}

describe('buildChunks', () => {
  it('covers every block once, in order, within the limits', () => {
    const { int } = prng(7);
    const { blocks } = paragraphs(Array.from({ length: 5000 }, () => int(0, 400)));
    const chunks = buildChunks(blocks, { chars: 4000, blocks: 60, whole: 0 });
    expect(chunks[0]!.from).toBe(0);
    expect(chunks.at(-1)!.to).toBe(blocks.length);
    for (const [i, chunk] of chunks.entries()) {
      expect(chunk.index).toBe(i);
      if (i > 0) expect(chunk.from).toBe(chunks[i - 1]!.to);
      expect(chunk.to - chunk.from).toBeLessThanOrEqual(60);
      expect(chunk.start).toBe(blocks[chunk.from]!.start);
      expect(chunk.end).toBe(blocks[chunk.to - 1]!.end);
      // A chunk closes on the block that reaches the character budget.
      const chars = blocks.slice(chunk.from, chunk.to - 1).reduce((n, b) => n + b.end - b.start, 0);
      expect(chars).toBeLessThan(4000);
    }
  });

  it('keeps a small article in one chunk, and an empty one in none', () => {
    const { blocks } = paragraphs([30, 200, 500, 3000, 3000, 3000]);
    expect(buildChunks(blocks)).toEqual([{ index: 0, from: 0, to: 6, start: 0, end: 9740 }]);
    expect(buildChunks(blocks, { chars: 2500, blocks: 40, whole: 9000 })).toHaveLength(3);
    expect(buildChunks([])).toEqual([]);
  });

  it('puts a huge block in a chunk of its own', () => {
    const { blocks } = paragraphs([10, 50_000, 10]);
    expect(
      buildChunks(blocks, { chars: 4000, blocks: 60, whole: 0 }).map((c) => [c.from, c.to]),
    ).toEqual([
      [0, 2],
      [2, 3],
    ]);
  });

  it('finds the chunk of an offset, including offsets between blocks', () => {
    const { blocks } = paragraphs(Array.from({ length: 10 }, () => 100));
    const chunks = buildChunks(blocks, { chars: 250, blocks: 60, whole: 0 });
    expect(chunks.map((c) => [c.start, c.end])).toEqual([
      [0, 304],
      [306, 610],
      [612, 916],
      [918, 1018],
    ]);
    expect(chunkAt(chunks, 0)).toBe(0);
    expect(chunkAt(chunks, 305)).toBe(0);
    expect(chunkAt(chunks, 306)).toBe(1);
    expect(chunkAt(chunks, 5000)).toBe(3);
    expect(spansOf(chunks, [0, 1, 3])).toEqual([
      { start: 0, end: 610 },
      { start: 918, end: 1018 },
    ]);
  });

  it('estimates taller chunks for longer text', () => {
    const { text, blocks } = paragraphs([76, 76, 760]);
    const [chunk] = buildChunks(blocks);
    const m = DEFAULT_METRICS;
    expect(estimateHeight(text, blocks, chunk!, m)).toBeCloseTo(12 * m.lineHeight + 3 * m.blockGap);
  });
});

describe('ChunkLayout', () => {
  it('stacks chunks, and finds the chunk at a height', () => {
    const layout = new ChunkLayout([100, 200, 300]);
    expect([layout.top(0), layout.top(1), layout.top(2), layout.total]).toEqual([0, 100, 300, 600]);
    expect(layout.indexAt(-5)).toBe(0);
    expect(layout.indexAt(99)).toBe(0);
    expect(layout.indexAt(100)).toBe(1);
    expect(layout.indexAt(10_000)).toBe(2);
    expect(layout.span(150, 450)).toEqual([1, 2]);
    expect(new ChunkLayout([]).span(0, 10)).toBeNull();
  });

  it('uses measured heights, and scales the other estimates once by how far off they were', () => {
    const layout = new ChunkLayout([100, 100, 100, 100]);
    expect(layout.measure(0, 150)).toBe(true);
    expect(layout.measure(0, 150)).toBe(false);
    expect(layout.calibrate()).toBe(true);
    expect([0, 1, 2, 3].map((i) => layout.height(i))).toEqual([150, 150, 150, 150]);
    expect(layout.total).toBe(600);
    // Later measurements replace their own estimate only.
    layout.measure(1, 120);
    expect(layout.calibrate()).toBe(false);
    expect(layout.total).toBe(570);
  });

  it('forgets measurements when the width changes, except those about to be redone', () => {
    const layout = new ChunkLayout([100, 100, 100]);
    layout.measure(0, 200);
    layout.measure(2, 50);
    layout.calibrate();
    layout.forget([2]);
    expect(layout.isMeasured(0)).toBe(false);
    expect(layout.isMeasured(2)).toBe(true);
    layout.measure(0, 100);
    expect(layout.calibrate()).toBe(true);
    expect(layout.height(1)).toBeCloseTo(75);
  });
});
