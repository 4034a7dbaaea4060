// Groups an article's blocks into chunks, the unit the reader mounts and unmounts, and guesses a
// chunk's height from its text until it has been rendered and measured.
import type { Block, Span } from '../../../../electron/shared/model';

export interface Chunk {
  index: number;
  /** Blocks [from, to) of the article. */
  from: number;
  to: number;
  /** Text offsets: the first block's start and the last block's end. */
  start: number;
  end: number;
}

export interface ChunkLimits {
  /** Close a chunk once its blocks hold this many characters... */
  chars: number;
  /** ...or this many blocks, whichever comes first. */
  blocks: number;
  /**
   * An article within this many characters and `blocks * 5` blocks is one chunk: all of it is
   * rendered, as cheap as keeping track of it, and all of its text is in the DOM (find in page,
   * e2e specs that look for text).
   */
  whole: number;
}

/**
 * About a screen of text each: small enough that mounting one costs little (a jump renders two
 * or three), large enough that a 30k-paragraph article is about a thousand chunks.
 */
export const DEFAULT_LIMITS: ChunkLimits = { chars: 2500, blocks: 40, whole: 16_000 };

export function buildChunks(
  blocks: readonly Block[],
  limits: ChunkLimits = DEFAULT_LIMITS,
): Chunk[] {
  const chunks: Chunk[] = [];
  const last = blocks.at(-1);
  if (last && last.end - blocks[0]!.start <= limits.whole && blocks.length <= limits.blocks * 5)
    return [{ index: 0, from: 0, to: blocks.length, start: blocks[0]!.start, end: last.end }];
  let from = 0;
  let chars = 0;
  for (let i = 0; i < blocks.length; i++) {
    chars += blocks[i]!.end - blocks[i]!.start;
    if (chars >= limits.chars || i + 1 - from >= limits.blocks || i === blocks.length - 1) {
      chunks.push({
        index: chunks.length,
        from,
        to: i + 1,
        start: blocks[from]!.start,
        end: blocks[i]!.end,
      });
      from = i + 1;
      chars = 0;
    }
  }
  return chunks;
}

/** The chunk holding `offset`, or the last one before it (offsets between blocks); -1 if none. */
export function chunkAt(chunks: readonly Chunk[], offset: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (chunks[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found === -1 && chunks.length ? 0 : found;
}

/** Consecutive chunks merged into text spans, e.g. to ask the index about what is rendered. */
export function spansOf(chunks: readonly Chunk[], indices: readonly number[]) {
  const spans: Span[] = [];
  let previous = -2;
  for (const i of indices) {
    const chunk = chunks[i]!;
    if (i === previous + 1 && spans.length) spans.at(-1)!.end = chunk.end;
    else spans.push({ start: chunk.start, end: chunk.end });
    previous = i;
  }
  return spans;
}

/** Typography the estimate needs, read from the reader's computed style (or defaults). */
export interface TextMetrics {
  /** Characters that fit on one line of a paragraph. */
  charsPerLine: number;
  lineHeight: number;
  /** Space below each block. */
  blockGap: number;
}

/** 38rem of an 18px serif at ~0.5em per character, line-height 1.65, 1em between blocks. */
export const DEFAULT_METRICS: TextMetrics = { charsPerLine: 76, lineHeight: 29.7, blockGap: 18 };

/** A guess at a chunk's height in pixels; measured heights replace it once rendered. */
export function estimateHeight(
  text: string,
  blocks: readonly Block[],
  chunk: Chunk,
  metrics: TextMetrics,
): number {
  let height = 0;
  for (let i = chunk.from; i < chunk.to; i++) {
    const block = blocks[i]!;
    const length = block.end - block.start;
    if (block.type === 'code') {
      // Preformatted: one line per line break (they don't wrap much), plus padding.
      let lines = 1;
      for (let at = block.start; at < block.end; at++) if (text.charCodeAt(at) === 10) lines++;
      height += lines * metrics.lineHeight * 0.8 + 2 * metrics.blockGap;
    } else if (block.type === 'heading') {
      // Larger type on fewer characters a line, and more space around it.
      const lines = Math.max(1, Math.ceil((length * 1.5) / metrics.charsPerLine));
      height += lines * metrics.lineHeight * 1.2 + 2 * metrics.blockGap;
    } else {
      const lines = Math.max(1, Math.ceil(length / metrics.charsPerLine));
      height += lines * metrics.lineHeight + metrics.blockGap;
    }
  }
  return height;
}
