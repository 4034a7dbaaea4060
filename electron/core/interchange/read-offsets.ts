// A REFI-QDA source's positions (Unicode code points into the file's text, end exclusive) mapped
// onto the text we store: the same text with \n line ends, in NFC. Both changes are local: NFC
// never reaches across an ASCII character (a starter that composes with nothing before it), and
// a line end is one or two ASCII characters. So the text is cut into chunks that each begin at an
// ASCII character, and a position maps exactly when it falls between chunks, or inside a chunk at
// a point where normalising the two halves apart gives what normalising the chunk whole gives.
// Anything else (inside a CRLF, between a letter and the accent NFC joins to it) has no exact
// place in the stored text, and the caller sends that selection to review.
import { codeUnitOffsets } from '../export/code-points';

/** What we store for a source's text: line ends as \n, then NFC. */
export const normalizeSourceText = (raw: string) => raw.replace(/\r\n?/g, '\n').normalize('NFC');

interface Chunk {
  /** Where it begins, in code points of the raw text and of the stored text. */
  raw: number;
  stored: number;
  /** Code points in the raw text; its text when normalising changes it (else undefined). */
  rawLength: number;
  changed?: string;
}

export interface SourceOffsets {
  /** The stored text (normalizeSourceText of the raw text). */
  text: string;
  /** The raw text's length in code points: positions beyond it point at nothing. */
  length: number;
  /** A raw code point position as a UTF-16 offset into `text`, or undefined when none is exact. */
  toStored(position: number): number | undefined;
}

const cpLength = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
};

/**
 * The raw text cut where normalisation can't reach across (before each ASCII character), with
 * the runs normalisation leaves alone joined into one chunk each: most text is one chunk.
 */
function chunksOf(raw: string): Chunk[] {
  const chunks: Chunk[] = [];
  let rawAt = 0;
  let storedAt = 0;
  let same = 0;
  const flushSame = () => {
    if (same === 0) return;
    chunks.push({ raw: rawAt, stored: storedAt, rawLength: same });
    rawAt += same;
    storedAt += same;
    same = 0;
  };
  const visit = (piece: string) => {
    const normal = normalizeSourceText(piece);
    const rawLength = cpLength(piece);
    if (normal === piece) {
      same += rawLength;
      return;
    }
    flushSame();
    chunks.push({ raw: rawAt, stored: storedAt, rawLength, changed: piece });
    rawAt += rawLength;
    storedAt += cpLength(normal);
  };
  // A leading run without ASCII; then ASCII runs (but CR, and the character a non-ASCII tail
  // follows), and single ASCII characters with their non-ASCII tails.
  const pieces =
    /^[^\u0000-\u007f]+|[\u0000-\u000c\u000e-\u007f]+(?![^\u0000-\u007f])|\r\n[^\u0000-\u007f]*|[\u0000-\u007f][^\u0000-\u007f]*/gu;
  for (const m of raw.matchAll(pieces)) visit(m[0]);
  flushSame();
  return chunks;
}

/** Where a cut inside a changed chunk lands in its normal form, if it lands anywhere exactly. */
function inside(chunk: string, points: number): number | undefined {
  const chars = Array.from(chunk);
  const before = normalizeSourceText(chars.slice(0, points).join(''));
  const after = normalizeSourceText(chars.slice(points).join(''));
  return before + after === normalizeSourceText(chunk) ? cpLength(before) : undefined;
}

export function sourceOffsets(raw: string): SourceOffsets {
  const text = normalizeSourceText(raw);
  const units = codeUnitOffsets(text);
  // Text in NFC with \n line ends already (what every export of ours holds): nothing moves.
  if (text === raw) {
    const length = cpLength(raw);
    return {
      text,
      length,
      toStored: (p) => (Number.isInteger(p) && p >= 0 && p <= length ? units(p) : undefined),
    };
  }
  const chunks = chunksOf(raw);
  const last = chunks.at(-1);
  const length = last ? last.raw + last.rawLength : 0;
  return {
    text,
    length,
    toStored(position) {
      if (!Number.isInteger(position) || position < 0 || position > length) return undefined;
      if (position === length) return text.length;
      // The chunk holding it: the last one that begins at or before it.
      let lo = 0;
      let hi = chunks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (chunks[mid]!.raw <= position) lo = mid;
        else hi = mid - 1;
      }
      const chunk = chunks[lo]!;
      const offset = position - chunk.raw;
      if (offset === 0) return units(chunk.stored);
      if (chunk.changed === undefined) return units(chunk.stored + offset);
      const at = inside(chunk.changed, offset);
      return at === undefined ? undefined : units(chunk.stored + at);
    },
  };
}

/** Cuts the raw text between two code point positions (its pairs found once, for many cuts). */
export function rawSlicer(raw: string): (start: number, end: number) => string {
  const toUnits = codeUnitOffsets(raw);
  return (start, end) => raw.slice(toUnits(start), toUnits(end));
}

/** The raw text between two code point positions. */
export const rawSlice = (raw: string, start: number, end: number) => rawSlicer(raw)(start, end);
