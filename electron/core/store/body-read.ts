// Reading a body file without holding the event loop. A 3 MB article's file is 4-5 MB of JSON
// with 30,000 blocks: hashing, decoding, parsing and checking it in one go held the main loop for
// 40-70 ms (the article's first opening, the search index's first build, an export). Here each
// step runs in slices with a turn of the event loop between them; the result is exactly what
// JSON.parse and the body schema give (tests/unit/core/store/body-read.test.ts).
import { createHash } from 'node:crypto';
import { BLOCK_TYPES, PLACE_KINDS, type ArticleBody } from '../../shared/model';
import { isOffset, isRecord, keyCount } from './fast-check';
import { due, nextTurn } from '../turns';

/** Bytes hashed between two looks at the clock: a millisecond or two. */
const BYTE_SLICE = 256 * 1024;
/** Bytes of JSON decoded and parsed at once: a few milliseconds. */
const PIECE_BYTES = 128 * 1024;

/** Yields to the event loop when the turn's slice is due (turns.ts). */
const slicer = () => async () => {
  if (due()) await nextTurn();
};

export async function sha256InSlices(bytes: Uint8Array): Promise<string> {
  const digest = createHash('sha256');
  const pause = slicer();
  for (let at = 0; at < bytes.length; at += BYTE_SLICE) {
    digest.update(bytes.subarray(at, at + BYTE_SLICE));
    await pause();
  }
  return digest.digest('hex');
}

/**
 * The body in `bytes` if it is a body in this version's exact shape (as canonicalBody writes it:
 * text, blocks, marks, then places if any, each record with only its own keys), decoded and
 * parsed a piece at a time; undefined for anything else, which the caller parses and checks whole
 * (the schema's rules, and its verdict on values only a newer app writes). The pieces are cut in
 * the bytes, so the file's JSON is never one string: flattening 4.6 MB of it took 8-15 ms.
 */
export async function parseCanonicalBody(
  bytes: Buffer,
  pieceBytes = PIECE_BYTES,
): Promise<ArticleBody | undefined> {
  const reading: Reading = { bytes, pieceBytes, pause: slicer() };
  const TEXT_KEY = '{"text":';
  if (!startsWith(bytes, TEXT_KEY + '"', 0)) return undefined;
  const textEnd = await stringEnd(reading, TEXT_KEY.length);
  if (textEnd === -1) return undefined;
  const text = await stringIn(reading, TEXT_KEY.length, textEnd);
  if (text === undefined) return undefined;

  const blocks = await arrayAfter(reading, textEnd, ',"blocks":', '],"marks":', isCanonicalBlock);
  if (!blocks) return undefined;
  // Marks end the body, or places follow them.
  const marks =
    (await arrayAfter(reading, blocks.end, ',"marks":', '],"places":', isCanonicalMark)) ??
    (await arrayAfter(reading, blocks.end, ',"marks":', ']}', isCanonicalMark));
  if (!marks) return undefined;
  let places: unknown[] | undefined;
  let end = marks.end;
  if (startsWith(bytes, ',"places":', end)) {
    const read = await arrayAfter(reading, end, ',"places":', ']}', isCanonicalPlace);
    if (!read || read.items.length === 0) return undefined;
    places = read.items;
    end = read.end;
  }
  if (end !== bytes.length - 1 || bytes[end] !== 0x7d /* } */) return undefined;
  return {
    text,
    blocks: blocks.items,
    marks: marks.items,
    ...(places && { places }),
  } as ArticleBody;
}

/** A file being read: its bytes, the size of a piece, and the turns given meanwhile. */
interface Reading {
  bytes: Buffer;
  pieceBytes: number;
  pause: () => Promise<void>;
}

const startsWith = (bytes: Buffer, ascii: string, at: number) =>
  bytes.length >= at + ascii.length && bytes.toString('latin1', at, at + ascii.length) === ascii;

/** The index just past the JSON string that opens at `open` (its quote), or -1. */
async function stringEnd({ bytes, pause }: Reading, open: number): Promise<number> {
  let quotes = 0;
  for (let at = bytes.indexOf(0x22, open + 1); at !== -1; at = bytes.indexOf(0x22, at + 1)) {
    let backslashes = 0;
    while (bytes[at - 1 - backslashes] === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at + 1;
    if ((++quotes & 1023) === 0) await pause();
  }
  return -1;
}

/**
 * The JSON string literal bytes[open, end) (quotes included), decoded and parsed in pieces cut
 * before a space: a space is never part of an escape sequence or of a multi-byte character, so
 * each piece is a literal of its own and decodes as it would within the whole.
 */
async function stringIn(
  { bytes, pieceBytes, pause }: Reading,
  open: number,
  end: number,
): Promise<string | undefined> {
  const close = end - 1;
  let text = '';
  for (let from = open + 1; from < close;) {
    let cut = close;
    if (close - from > pieceBytes) {
      const space = bytes.indexOf(0x20, from + pieceBytes);
      if (space !== -1 && space < close) cut = space;
    }
    const piece = parseOrUndefined(`"${bytes.toString('utf8', from, cut)}"`);
    if (typeof piece !== 'string') return undefined;
    text += piece;
    from = cut;
    await pause();
  }
  return text;
}

const parseOrUndefined = (json: string): unknown => {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
};

/**
 * The array that `bytes` holds at `at` after `key` (`,"blocks":[…`), up to the first `closing`,
 * if every item is a record of its kind (`isRecordOfIt`), read in pieces cut between two records
 * (`},{`), and the index just past its `]`. A cut that falls inside a string leaves that piece's
 * string unterminated, and an array's end found inside a record leaves it unbalanced: neither
 * parses, so a piece that parses is always whole records (see recordsFrom).
 */
async function arrayAfter(
  { bytes, pieceBytes, pause }: Reading,
  at: number,
  key: string,
  closing: string,
  isRecordOfIt: (v: unknown) => boolean,
): Promise<{ items: unknown[]; end: number } | undefined> {
  if (!startsWith(bytes, key + '[', at)) return undefined;
  const first = at + key.length + 1;
  if (bytes[first] === 0x5d /* ] */) {
    return startsWith(bytes, closing, first) ? { items: [], end: first + 1 } : undefined;
  }
  const end = bytes.indexOf('}' + closing, first);
  if (end === -1) return undefined;
  const close = end + 1; // the array's `]`
  const items: unknown[] = [];
  for (let from = first; from < close;) {
    const read = recordsFrom(bytes, from, close, pieceBytes);
    if (!read) return undefined;
    for (const item of read.records) {
      if (!isRecordOfIt(item)) return undefined;
      items.push(item);
    }
    from = read.cut + 1; // past the `,` between two records (or the `]`)
    await pause();
  }
  return { items, end: close + 1 };
}

/** A few cuts that fell inside a string (an href holding `},{`) are moved on; more, and not. */
const RECUTS = 8;

/**
 * The records bytes[from, cut) holds, cut after about `pieceBytes` between two records, or at
 * `close`. A cut that turns out to be inside a string moves on to the next `},{`.
 */
function recordsFrom(bytes: Buffer, from: number, close: number, pieceBytes: number) {
  let after = from + pieceBytes;
  for (let attempt = 0; attempt <= RECUTS; attempt++) {
    let cut = close;
    if (after < close) {
      const between = bytes.indexOf('},{', after);
      if (between !== -1 && between < close) cut = between + 1;
    }
    const records = parseOrUndefined(`[${bytes.toString('utf8', from, cut)}]`);
    if (Array.isArray(records)) return { records, cut };
    if (cut === close) return undefined;
    after = cut;
  }
  return undefined;
}

const blockTypes = new Set<unknown>(BLOCK_TYPES);
const markTypes = new Set<unknown>(['em', 'strong', 'code', 'link']);
const placeKinds = new Set<unknown>(PLACE_KINDS);

// Each test is at least as strict as the body schema's (schema.ts), so a record passing it is one
// the schema would give back unchanged.
function isCanonicalBlock(v: unknown): boolean {
  if (!isRecord(v) || !blockTypes.has(v.type) || !isOffset(v.start) || !isOffset(v.end))
    return false;
  let keys = 3;
  if (v.level !== undefined) {
    if (!Number.isSafeInteger(v.level) || (v.level as number) < 1) return false;
    keys++;
  }
  if (v.number !== undefined) {
    if (!Number.isSafeInteger(v.number)) return false;
    keys++;
  }
  if (v.header !== undefined) {
    if (v.header !== true) return false;
    keys++;
  }
  return keyCount(v, keys);
}

function isCanonicalMark(v: unknown): boolean {
  if (!isRecord(v) || !markTypes.has(v.type) || !isOffset(v.start) || !isOffset(v.end))
    return false;
  if (v.href === undefined) return keyCount(v, 3);
  return typeof v.href === 'string' && keyCount(v, 4);
}

function isCanonicalPlace(v: unknown): boolean {
  return (
    isRecord(v) &&
    placeKinds.has(v.kind) &&
    typeof v.label === 'string' &&
    v.label.length > 0 &&
    isOffset(v.start) &&
    keyCount(v, 3)
  );
}
