// Replaying the journal at start-up over what notebook.json holds: every commit after the file's
// journalSeq, in order. A torn last line was never acknowledged and is skipped; damage anywhere
// else stops the replay and the journal is set aside for the analyst, never deleted.
import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setAside } from './durable-file';
import type { ClosedJournal } from './journal';
import { applyChange, journalNumber, type JournalEntry, type NotebookState } from './notebook-data';
import { journalEntrySchema } from './schema';
import { decodeUtf8Strict } from './utf8';

export interface Replayed {
  /** Live journal files left in place, for the next compactions to remove. */
  files: ClosedJournal[];
  /** The last commit now in memory (the file's journalSeq if nothing was replayed). */
  lastSeq: number;
  /** Entries applied on top of notebook.json. */
  applied: number;
  /** The number for this run's journal: above every file that exists, so none is appended to. */
  nextNumber: number;
  notices: string[];
  /** Something was set aside, so what memory holds must be written to notebook.json now. */
  dirty: boolean;
}

export async function replayJournals(
  dir: string,
  state: NotebookState,
  journalSeq: number,
  stamp: string,
): Promise<Replayed> {
  const journals = (await readdir(dir))
    .map((name) => ({ name, number: journalNumber(name) }))
    .filter((j): j is { name: string; number: number } => j.number !== undefined)
    .sort((a, b) => a.number - b.number);
  const result: Replayed = {
    files: [],
    lastSeq: journalSeq,
    applied: 0,
    nextNumber: (journals.at(-1)?.number ?? 0) + 1,
    notices: [],
    dirty: false,
  };
  let seenSeq = 0;
  for (const [index, journal] of journals.entries()) {
    const file = path.join(dir, journal.name);
    const lines = splitLines(await readFile(file));
    let fileLastSeq = 0;
    let bad = -1;
    let goodBytes = 0;
    for (const [i, line] of lines.complete.entries()) {
      // Lines notebook.json already has (the journal kept for the backup's sake) aren't parsed.
      const covered = seqOf(line.bytes);
      if (covered !== undefined && covered <= journalSeq && covered > seenSeq) {
        [seenSeq, fileLastSeq, goodBytes] = [covered, covered, line.next];
        continue;
      }
      const entry = parseEntry(line.bytes);
      if (!entry || entry.seq <= seenSeq) {
        // Damage followed by entries notebook.json already has is damage to nothing we need.
        if (nextSeq(lines.complete, i) <= journalSeq) continue;
        bad = i;
        break;
      }
      [seenSeq, fileLastSeq, goodBytes] = [entry.seq, entry.seq, line.next];
      if (entry.seq <= journalSeq) continue;
      for (const change of entry.changes) applyChange(state, change);
      result.lastSeq = entry.seq;
      result.applied += 1;
    }
    const isLast = index === journals.length - 1;
    // A crash mid-append can leave the last line cut short, or (after a power cut) filled with
    // junk up to its newline; either way that commit had not returned yet.
    const tornLastLine = isLast && bad === lines.complete.length - 1 && !lines.partial;
    if (bad === -1 || tornLastLine) {
      // Cut the torn line off now: once a later journal exists it would look like damage.
      if (isLast && goodBytes < lines.size) await truncateDurably(file, goodBytes);
      result.files.push({ file, lastSeq: fileLastSeq });
      continue;
    }
    await setDamagedAside(dir, journals.slice(index), bad, stamp, result);
    break;
  }
  return result;
}

/** Sets aside the damaged journal and every later one: replaying those over a gap would mix states. */
async function setDamagedAside(
  dir: string,
  journals: { name: string; number: number }[],
  badLine: number,
  stamp: string,
  result: Replayed,
): Promise<void> {
  const [damaged, ...later] = journals;
  if (!damaged) return;
  const kept = await setAside(
    path.join(dir, damaged.name),
    `journal-${damaged.number}.corrupt-${stamp}.jsonl`,
  );
  const keptLater: string[] = [];
  for (const j of later) {
    const name = `journal-${j.number}.unreplayed-${stamp}.jsonl`;
    keptLater.push(path.basename(await setAside(path.join(dir, j.name), name)));
  }
  const alsoLater = keptLater.length
    ? ` Later changes that could not be applied after it were kept in ${keptLater.join(', ')}.`
    : '';
  result.notices.push(
    `Part of your recent changes could not be read back (line ${badLine + 1} of ${damaged.name} is damaged); the notebook was opened as it was just before that change, and the file was kept as ${path.basename(kept)}.${alsoLater}`,
  );
  result.dirty = true;
}

/**
 * Lines that end in a newline (with the offset after each), and whether bytes follow the last
 * newline. Split on bytes, not text: a torn multi-byte character must only spoil its own line.
 * (0x0a never occurs inside a UTF-8 sequence.)
 */
function splitLines(bytes: Buffer): {
  complete: { bytes: Buffer; next: number }[];
  partial: boolean;
  size: number;
} {
  const complete: { bytes: Buffer; next: number }[] = [];
  let start = 0;
  for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
    complete.push({ bytes: bytes.subarray(start, end), next: end + 1 });
    start = end + 1;
  }
  return { complete, partial: start < bytes.length, size: bytes.length };
}

async function truncateDurably(file: string, size: number): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.truncate(size);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** The seq a line starts with, read without parsing the line (every line starts the same way). */
function seqOf(line: Buffer): number | undefined {
  const match = /^\{"seq":(\d{1,15}),/.exec(line.subarray(0, 32).toString('latin1'));
  return match ? Number(match[1]) : undefined;
}

/** The seq of the first readable line after line `i`, or Infinity if there is none. */
function nextSeq(lines: { bytes: Buffer }[], i: number): number {
  for (const line of lines.slice(i + 1)) {
    const seq = seqOf(line.bytes);
    if (seq !== undefined) return seq;
  }
  return Infinity;
}

function parseEntry(line: Buffer): JournalEntry | undefined {
  try {
    const checked = journalEntrySchema.safeParse(JSON.parse(decodeUtf8Strict(line)));
    return checked.success ? checked.data : undefined;
  } catch {
    return undefined;
  }
}
