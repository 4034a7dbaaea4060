// Reading every live journal at start-up, without changing anything: each line checked against
// its checksum, entries found by seq (parsed only when needed), damaged lines kept with what they
// still show of themselves. A torn last line (a save that never returned) is not damage.
import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { newerVersion } from '../errors';
import type { ClosedJournal } from './journal';
import {
  checkLine,
  entryTime,
  hasChecksumTail,
  parseLine,
  seqOf,
  writtenByUs,
  traceOf,
  type DamageTrace,
  type LineCheck,
} from './journal-line';
import { journalNumber, type JournalEntry } from './notebook-data';
import { loadValidators } from './schema-loader';

export interface ScannedLine {
  /** The journal's file name, e.g. journal-3.jsonl. */
  journal: string;
  /** 1-based, as an editor shows it. */
  lineNumber: number;
  /** Where it starts in its file. */
  offset: number;
  bytes: Buffer;
  check: LineCheck;
  /** The seq the line says it has (trustworthy only for intact lines). */
  seq: number | undefined;
  /** Lines from before checksums are parsed at once, as parsing is the only check they have. */
  parsed?: JournalEntry | 'damaged';
}

export interface DamagedRun {
  journal: string;
  lines: ScannedLine[];
  /** Seqs of the intact lines just before and after it, if any. */
  after?: number;
  before?: number;
  traces: DamageTrace[];
}

interface ScannedFile {
  name: string;
  path: string;
  number: number;
  lines: ScannedLine[];
  /** Where a torn tail starts (a cut-off or unreadable last line), if there is one. */
  tornFrom?: number;
  size: number;
}

export class JournalScan {
  /** Intact lines by seq (the first, when a line was duplicated). */
  readonly #bySeq = new Map<number, ScannedLine>();
  readonly #parsed = new Map<number, JournalEntry | 'damaged'>();
  /** Lines that failed their checksum or their parse, in file order. */
  readonly #damaged = new Set<ScannedLine>();
  readonly #order: ScannedLine[] = [];

  private constructor(
    readonly dir: string,
    private readonly files: ScannedFile[],
  ) {
    for (const file of files) {
      for (const line of file.lines) {
        this.#order.push(line);
        if (line.check === 'bad' || line.seq === undefined || line.parsed === 'damaged') {
          this.#damaged.add(line);
          continue;
        }
        const first = this.#bySeq.get(line.seq);
        // An exact copy of a line is harmless (entries are absolute); a different line with the
        // same seq can't both be right, and the first one written wins.
        if (first && !first.bytes.equals(line.bytes)) this.#damaged.add(line);
        else if (!first) {
          this.#bySeq.set(line.seq, line);
          if (line.parsed) this.#parsed.set(line.seq, line.parsed);
        }
      }
    }
  }

  static async read(dir: string): Promise<JournalScan> {
    const names = (await readdir(dir))
      .map((name) => ({ name, number: journalNumber(name) }))
      .filter((j): j is { name: string; number: number } => j.number !== undefined)
      .sort((a, b) => a.number - b.number);
    const read = await Promise.all(names.map(({ name }) => readFile(path.join(dir, name))));
    // Lines this version wrote need only their checksums; any other needs the schema.
    if (read.some((bytes) => !everyLineWrittenByUs(bytes))) await loadValidators();
    const files: ScannedFile[] = names.map(({ name, number }, i) => ({
      name,
      path: path.join(dir, name),
      number,
      ...splitLines(name, read[i]!),
    }));
    // Only the newest journal with anything in it can end in a save that never returned.
    const last = files.findLast((f) => f.size > 0);
    if (last) markTornTail(last);
    return new JournalScan(dir, files);
  }

  /** The number for this run's journal: above every file that exists, so none is appended to. */
  get nextNumber(): number {
    return (this.files.at(-1)?.number ?? 0) + 1;
  }

  /** Seqs of the lines that read as intact so far, in order. */
  get seqs(): number[] {
    return [...this.#bySeq.keys()]
      .filter((s) => this.#parsed.get(s) !== 'damaged')
      .sort((a, b) => a - b);
  }

  /** The entry with this seq, parsed now if not yet; undefined if there is none or it is damaged. */
  entry(seq: number): JournalEntry | undefined {
    const line = this.#bySeq.get(seq);
    if (!line) return undefined;
    let parsed = this.#parsed.get(seq);
    if (parsed === undefined) {
      const result = parseLine(line.bytes, line.check === 'ok');
      // A line from a newer app: opening without it would lose it at the next save.
      if (result.kind === 'newer') throw newerVersion();
      parsed = result.kind === 'entry' && result.entry.seq === seq ? result.entry : 'damaged';
      if (parsed === 'damaged') this.#damaged.add(line);
      this.#parsed.set(seq, parsed);
    }
    return parsed === 'damaged' ? undefined : parsed;
  }

  /** When the entry with this seq was saved, if it is readable and says. */
  timeOf(seq: number | undefined): string | undefined {
    const entry = seq === undefined ? undefined : this.entry(seq);
    return entry ? entryTime(entry) : undefined;
  }

  /** Damaged lines grouped into runs between intact ones, in file order. */
  damagedRuns(): DamagedRun[] {
    const runs: DamagedRun[] = [];
    let current: DamagedRun | undefined;
    let previousSeq: number | undefined;
    for (const line of this.#order) {
      if (this.#damaged.has(line)) {
        if (!current || current.journal !== line.journal) {
          current = { journal: line.journal, lines: [], traces: [] };
          if (previousSeq !== undefined) current.after = previousSeq;
          runs.push(current);
        }
        current.lines.push(line);
        current.traces.push(traceOf(line.bytes));
      } else if (line.seq !== undefined) {
        if (current && current.before === undefined) current.before = line.seq;
        current = undefined;
        previousSeq = line.seq;
      }
    }
    return runs;
  }

  /**
   * Seqs damaged lines still claim, within reach of the intact ones (a damaged number can be
   * anything): new commits are numbered above them, so no seq is ever used twice.
   */
  claimedSeqs(): number[] {
    const reach = (this.seqs.at(-1) ?? 0) + this.#order.length;
    return [...this.#damaged].flatMap((l) =>
      l.seq !== undefined && l.seq <= reach ? [l.seq] : [],
    );
  }

  /** Live journals for the compactor, each with the highest seq any of its lines claims. */
  closedJournals(): ClosedJournal[] {
    return this.files.map((f) => ({
      file: f.path,
      lastSeq: Math.max(0, ...f.lines.map((l) => (this.#damaged.has(l) ? 0 : (l.seq ?? 0)))),
    }));
  }

  /** Journal files holding a damaged line, for keeping a copy of each. */
  damagedFiles(): string[] {
    const names = new Set([...this.#damaged].map((l) => l.journal));
    return this.files.filter((f) => names.has(f.name)).map((f) => f.path);
  }

  /** Cuts torn tails off, so that once a later journal exists they can't look like damage. */
  async cutTornTails(): Promise<void> {
    for (const file of this.files) {
      if (file.tornFrom === undefined) continue;
      const handle = await open(file.path, 'r+');
      try {
        await handle.truncate(file.tornFrom);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    }
  }
}

/**
 * Lines that end in a newline, and where a tail without one starts. Split on bytes, not text: a
 * torn multi-byte character must only spoil its own line (0x0a never occurs inside UTF-8).
 */
function splitLines(
  journal: string,
  bytes: Buffer,
): Pick<ScannedFile, 'lines' | 'tornFrom' | 'size'> {
  const lines: ScannedLine[] = [];
  let start = 0;
  for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
    const line = bytes.subarray(start, end);
    const check = checkLine(line);
    const scanned: ScannedLine = {
      journal,
      lineNumber: lines.length + 1,
      offset: start,
      bytes: line,
      check,
      seq: seqOf(line),
    };
    if (check === 'unchecked') {
      const result = parseLine(line);
      if (result.kind === 'newer') throw newerVersion();
      scanned.parsed =
        result.kind === 'entry' && result.entry.seq === scanned.seq ? result.entry : 'damaged';
    }
    lines.push(scanned);
    start = end + 1;
  }
  return { lines, size: bytes.length, ...(start < bytes.length && { tornFrom: start }) };
}

function everyLineWrittenByUs(bytes: Buffer): boolean {
  let start = 0;
  for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
    if (!writtenByUs(bytes.subarray(start, end))) return false;
    start = end + 1;
  }
  // A torn tail is cut off unparsed; anything else after the last newline is read as a line.
  return start >= bytes.length || writtenByUs(bytes.subarray(start));
}

/**
 * A crash mid-append can leave the last line cut short, or (after a power cut) filled with junk up
 * to its newline; either way that save had not returned, so it was never acknowledged. A last line
 * written to its checksum but failing it is not that: it was whole once (the save may well have
 * returned), so it counts as damage, is reported and kept, never silently cut off.
 */
function markTornTail(file: ScannedFile): void {
  if (file.tornFrom !== undefined) return;
  const last = file.lines.at(-1);
  if (!last || (last.check !== 'bad' && last.seq !== undefined && last.parsed !== 'damaged'))
    return;
  if (last.check === 'bad' && hasChecksumTail(last.bytes)) return;
  file.tornFrom = last.offset;
  file.lines.pop();
}
