// One journal line: `{"seq":N,"at":"<ISO>","fp":"<schema>","changes":[...],"crc":"xxxxxxxx"}`,
// where crc is the CRC-32 of every byte before `,"crc"` and fp the fingerprint of the schema that
// checked the changes before they were written (format-seal.ts). Lines written before checksums
// existed have neither `at` nor `crc` and are still read (the schema alone decides those).
import { crc32 } from 'node:zlib';
import { hex8, SCHEMA_FINGERPRINT } from './format-seal';
import type { JournalEntry } from './notebook-data';
import { validators } from './schema-loader';
import { decodeUtf8Strict, encodeUtf8 } from './utf8';
import { due, nextTurn } from '../turns';

const TAIL_LENGTH = ',"crc":"00000000"}'.length;
const TAIL = /^,"crc":"([0-9a-f]{8})"\}$/;

/** The line for one commit, newline included. `changesJson` is the commit's checked changes. */
export function encodeEntry(
  seq: number,
  at: string,
  changesJson: string,
  /** Another version's, in tests: what a newer app's line says. */
  fingerprint = SCHEMA_FINGERPRINT,
): string {
  const body = `{"seq":${seq},"at":${JSON.stringify(at)},"fp":"${fingerprint}","changes":${changesJson}`;
  return `${body},"crc":"${hex8(crc32(Buffer.from(body, 'utf8')))}"}\n`;
}

/** Characters encoded between two looks at the clock (~1 ms of encoding and checksumming). */
const ENCODE_SLICE_CHARS = 256 * 1024;

/**
 * encodeEntry's line as UTF-8 bytes, in pieces to write one after another, for `changes` (each
 * one change's checked JSON), made a slice at a time: a revision's commit is a 5 MB line, and
 * joining, encoding and checksumming it in one go (then encoding it again to write it) held the
 * main loop ~50 ms.
 */
export async function encodeEntryBytes(
  seq: number,
  at: string,
  changes: readonly string[],
  fingerprint = SCHEMA_FINGERPRINT,
): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  let crc = 0;
  const add = (text: string) => {
    const bytes = encodeUtf8(text);
    crc = crc32(bytes, crc);
    chunks.push(bytes);
  };
  let group: string[] = [
    `{"seq":${seq},"at":${JSON.stringify(at)},"fp":"${fingerprint}","changes":[`,
  ];
  let chars = group[0]!.length;
  for (let i = 0; i < changes.length; i++) {
    const change = (i === 0 ? '' : ',') + changes[i]!;
    group.push(change);
    chars += change.length;
    if (chars >= ENCODE_SLICE_CHARS) {
      add(group.join(''));
      group = [];
      chars = 0;
      if (due()) await nextTurn();
    }
  }
  group.push(']');
  add(group.join(''));
  chunks.push(Buffer.from(`,"crc":"${hex8(crc)}"}\n`, 'latin1'));
  // The pieces as they are, written one after another: joining a 5 MB line into one buffer held
  // the main loop up to 25 ms (a fresh 5 MB to fill).
  return chunks;
}

/** ok: the checksum matches; bad: it doesn't (or the line is cut); unchecked: a line from before checksums. */
export type LineCheck = 'ok' | 'bad' | 'unchecked';

export function checkLine(line: Buffer): LineCheck {
  if (line.length >= TAIL_LENGTH) {
    const tail = TAIL.exec(line.subarray(line.length - TAIL_LENGTH).toString('latin1'));
    if (tail) {
      const body = line.subarray(0, line.length - TAIL_LENGTH);
      return hex8(crc32(body)) === tail[1] ? 'ok' : 'bad';
    }
  }
  // Every line this version writes ends in a checksum, so one that names a time but has none was
  // cut or damaged; only lines without `at` can be from before checksums.
  return /^\{"seq":\d{1,15},"at":/.test(line.subarray(0, 40).toString('latin1'))
    ? 'bad'
    : 'unchecked';
}

/**
 * Whether a line ends in a well-formed checksum, i.e. was written to its end. A torn append
 * (cut short, or zeros after a power cut) leaves no such tail; a line that has one but fails it
 * was damaged after it was written.
 */
export function hasChecksumTail(line: Buffer): boolean {
  return (
    line.length >= TAIL_LENGTH &&
    TAIL.test(line.subarray(line.length - TAIL_LENGTH).toString('latin1'))
  );
}

export type ParsedLine =
  | { kind: 'entry'; entry: JournalEntry }
  | { kind: 'damaged' }
  /** Well formed, but with a value only a newer version of the app writes. */
  | { kind: 'newer' };

const FINGERPRINT_HEAD = /^\{"seq":\d{1,15},"at":"[^"]{0,40}","fp":"([0-9a-f]{8})",/;

/** Whether the line says this version's schema checked it (then its checksum is all it needs). */
export const writtenByUs = (line: Buffer): boolean =>
  FINGERPRINT_HEAD.exec(line.subarray(0, 100).toString('latin1'))?.[1] === SCHEMA_FINGERPRINT;

/**
 * `verified`: the line passed its checksum. Such a line this version wrote is taken as it is;
 * any other is checked by the schema, which needs loadValidators() to have resolved.
 */
export function parseLine(line: Buffer, verified = false): ParsedLine {
  if (verified && writtenByUs(line)) {
    const { seq, at, changes } = JSON.parse(line.toString('utf8')) as JournalEntry;
    return { kind: 'entry', entry: { seq, at, changes } };
  }
  const { journalEntrySchema, newerValuesOnly } = validators();
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8Strict(line));
  } catch {
    return { kind: 'damaged' };
  }
  const checked = journalEntrySchema.safeParse(json);
  if (checked.success) return { kind: 'entry', entry: checked.data };
  return newerValuesOnly(checked.error, json) ? { kind: 'newer' } : { kind: 'damaged' };
}

/** The seq a line starts with, read without parsing it (every line starts the same way). */
export function seqOf(line: Buffer): number | undefined {
  const match = /^\{"seq":(\d{1,15}),/.exec(line.subarray(0, 32).toString('latin1'));
  return match ? Number(match[1]) : undefined;
}

/** What a damaged line still shows of itself: its time and what it touched, as far as legible. */
export interface DamageTrace {
  at?: string;
  annotations: number;
  tags: number;
  /** Ids of articles it put, or whose annotations it touched. */
  articleIds: string[];
  /** Titles of articles it put (an import, say), in case the article is gone too. */
  titles: string[];
}

export function traceOf(line: Buffer): DamageTrace {
  // Decoded leniently: a damaged byte becomes U+FFFD, and everything around it stays legible.
  const text = line.toString('utf8');
  const all = (re: RegExp) => [...text.matchAll(re)].map((m) => m[1] ?? '');
  const at =
    /"at":"(\d{4}-\d\d-\d\dT[\d:.]+Z)"/.exec(text)?.[1] ??
    latest(all(/"updatedAt":"([^"]{10,40})"/g));
  const titles = all(
    /"collection":"articles","record":\{"id":"[^"]*","title":"((?:[^"\\]|\\.)*)"/g,
  );
  return {
    ...(at !== undefined && { at }),
    annotations: all(/"collection":"annotations"/g).length,
    tags: all(/"collection":"tags"/g).length,
    articleIds: [
      ...new Set([
        ...all(/"articleId":"([^"]{1,64})"/g),
        ...all(/"collection":"articles","record":\{"id":"([^"]{1,64})"/g),
      ]),
    ],
    titles: titles.map(unescapeJson),
  };
}

/** When an entry was saved: its own time, else the latest time a record in it carries. */
export function entryTime(entry: JournalEntry): string | undefined {
  if (entry.at !== undefined) return entry.at;
  const times: string[] = [];
  for (const change of entry.changes) {
    if (change.kind !== 'put') continue;
    const r = change.record;
    if ('updatedAt' in r && r.updatedAt !== undefined) times.push(r.updatedAt);
    else if ('revisions' in r) times.push(r.revisions.at(-1)?.createdAt ?? r.importedAt);
    else if ('deletedAt' in r) times.push(r.deletedAt);
    else if ('at' in r) times.push(r.at);
    else if ('metAt' in r) times.push(r.metAt);
    else times.push(r.createdAt);
  }
  return latest(times);
}

function latest(times: string[]): string | undefined {
  const valid = times.filter((t) => !Number.isNaN(Date.parse(t)));
  return valid.length ? valid.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)) : undefined;
}

function unescapeJson(s: string): string {
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    return s;
  }
}
