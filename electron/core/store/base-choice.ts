// Choosing what a notebook opens from: notebook.json, else its backup, else a restore point, else
// nothing, each judged against the journal beside it rather than trusted. The journal's entries
// are absolute puts and deletes, so the chosen copy plus every entry after it is the notebook.
// Reads only: the caller sets aside what was refused, once nothing can refuse the whole opening.
import { isDeepStrictEqual } from 'node:util';
import type { NotebookProblem } from '../../shared/notices';
import type { JournalScan } from './journal-scan';
import type { MigrationRegistry } from './migrations';
import {
  applyChange,
  emptyNotebook,
  stateFromData,
  type Change,
  type NotebookData,
  type NotebookPaths,
  type NotebookState,
} from './notebook-data';
import { readNotebookFile, type FileReading } from './notebook-file';
import type { KeptCopy } from './restore-points';

export type Role = 'main' | 'backup' | 'restore-point';

/** One copy that was read: how it read and, if it is a notebook, what the journal says of it. */
export interface Judged {
  role: Role;
  file: string;
  reading: FileReading;
  /** For a readable copy: ok, or why it can't be the base as it stands. */
  verdict?: 'ok' | Exclude<NotebookProblem, 'missing' | 'damaged'>;
}

export interface Choice {
  /** What to start from, and the journal entries after `from` go on top. */
  data: NotebookData;
  /** `data` as records by id, when judging it already built that: the caller may take it over. */
  state?: NotebookState;
  from: number;
  /** The copy used, or undefined when no copy could be (an empty notebook plus the journal). */
  base: Judged | undefined;
  /** Copies read and not used, in the order they were tried. */
  refused: Judged[];
}

/** How far back a snapshot is checked against the journal entries it says it contains. */
const CHECK_ENTRIES = 32;
const CHECK_RECORDS = 64;

export async function chooseBase(
  paths: NotebookPaths,
  scan: JournalScan,
  restorePoints: KeptCopy[],
  migrations?: MigrationRegistry,
): Promise<Choice> {
  const order: { role: Role; file: string }[] = [
    { role: 'main', file: paths.file },
    { role: 'backup', file: paths.backup },
    ...restorePoints.map((p) => ({ role: 'restore-point' as const, file: p.file })),
  ];
  // Each file is read once, and only when needed; a file from a newer app throws from here.
  const readings = new Map<string, Promise<FileReading>>();
  const read = (file: string) => {
    let reading = readings.get(file);
    if (!reading) readings.set(file, (reading = readNotebookFile(file, migrations)));
    return reading;
  };
  const others = async function* (except: string) {
    for (const { file } of order) {
      if (file === except) continue;
      const reading = await read(file);
      if (reading.kind === 'ok') yield reading.data;
    }
  };

  const tried: Judged[] = [];
  for (const { role, file } of order) {
    const reading = await read(file);
    const judged: Judged = { role, file, reading };
    let state: NotebookState | undefined;
    const stateOf = (data: NotebookData) => (state ??= stateFromData(data));
    if (reading.kind === 'ok') {
      judged.verdict = await judge(reading.data, scan, others(file), stateOf);
    }
    if (judged.verdict === 'ok' && reading.kind === 'ok') {
      const from = reading.data.journalSeq;
      return { data: reading.data, ...(state && { state }), from, base: judged, refused: tried };
    }
    tried.push(judged);
  }
  return fallback(tried, scan);
}

/**
 * No copy agrees with the journal. The best of them is the one reaching furthest: a copy that
 * claims more than it holds is taken as holding what precedes the journal (entries are absolute,
 * so replaying ones it already has changes nothing); an empty one that others contradict is not
 * used at all. With none, the notebook is whatever the journal alone rebuilds.
 */
function fallback(tried: Judged[], scan: JournalScan): Choice {
  const first = scan.seqs[0];
  let best: { judged: Judged; data: NotebookData; from: number } | undefined;
  for (const judged of tried) {
    if (judged.reading.kind !== 'ok' || judged.verdict === 'empty') continue;
    const claimed = judged.reading.data.journalSeq;
    const from =
      judged.verdict === 'ahead' && first !== undefined ? Math.min(claimed, first - 1) : claimed;
    if (!best || from > best.from) best = { judged, data: judged.reading.data, from };
  }
  const refused = tried.filter((j) => j !== best?.judged);
  if (best) return { data: best.data, from: best.from, base: best.judged, refused };
  // Not a first run: the sample must not come back into a notebook the analyst had.
  const hadOne = tried.some((j) => j.reading.kind !== 'missing');
  return { data: emptyNotebook(hadOne), from: 0, base: undefined, refused };
}

/** What the journal says of a snapshot that reads well. */
async function judge(
  data: NotebookData,
  scan: JournalScan,
  others: AsyncIterable<NotebookData>,
  stateOf: (data: NotebookData) => NotebookState,
): Promise<NonNullable<Judged['verdict']>> {
  const seqs = scan.seqs;
  const claimed = data.journalSeq;
  // The journal goes on after a point the snapshot hasn't reached: it is an older copy (or the
  // journal between them is lost, which the copies before it may still make up for).
  const next = seqs.find((s) => s > claimed);
  if (next !== undefined && next > claimed + 1 && !lostToDamage(scan, claimed, next)) {
    return 'older';
  }
  const last = seqs.at(-1);
  if (last !== undefined && contradicts(stateOf(data), scan, Math.min(claimed, last))) {
    return 'ahead';
  }
  if (isEmpty(data) && (await othersHaveMore(claimed, scan, others))) return 'empty';
  return 'ok';
}

/** A damaged run of lines sits right where the missing seqs would be. */
function lostToDamage(scan: JournalScan, claimed: number, next: number): boolean {
  return scan.damagedRuns().some((r) => (r.after ?? 0) <= claimed && r.before === next);
}

/**
 * Whether `state` disagrees with the journal entries it claims to contain, checked from `top`
 * down: each record an entry touched, unless a later entry up to `top` touched it again, must be
 * exactly as that entry left it. Stops at a gap or a damaged line, past which it can't tell.
 */
function contradicts(state: NotebookState, scan: JournalScan, top: number): boolean {
  const seen = new Set<string>();
  let records = 0;
  for (let seq = top, entries = 0; entries < CHECK_ENTRIES && records < CHECK_RECORDS; seq--) {
    const entry = scan.entry(seq);
    if (!entry) break;
    entries++;
    for (const change of [...entry.changes].reverse()) {
      const key = keyOf(change);
      if (seen.has(key)) continue;
      seen.add(key);
      records++;
      if (!holds(state, change)) return true;
    }
  }
  return false;
}

const keyOf = (change: Change) =>
  change.kind === 'meta'
    ? `meta:${change.key}`
    : `${change.collection}:${change.kind === 'put' ? change.record.id : change.id}`;

function holds(state: NotebookState, change: Change): boolean {
  if (change.kind === 'meta') return state.meta[change.key] === change.value;
  if (change.kind === 'delete') return !state[change.collection].has(change.id);
  const current = state[change.collection].get(change.record.id);
  return isDeepStrictEqual(current, change.record);
}

const isEmpty = (data: NotebookData) =>
  data.articles.length === 0 && data.annotations.length === 0 && data.tags.length === 0;

/**
 * An empty snapshot is believed only if every other copy, brought up to its position by the
 * journal, is empty too (the analyst really deleted everything: the journal holds the deletes).
 */
async function othersHaveMore(
  claimed: number,
  scan: JournalScan,
  others: AsyncIterable<NotebookData>,
): Promise<boolean> {
  for await (const other of others) {
    if (isEmpty(other)) continue;
    if (other.journalSeq > claimed) return true;
    const state = stateFromData(other);
    for (let seq = other.journalSeq + 1; seq <= claimed; seq++) {
      const entry = scan.entry(seq);
      if (!entry) return true;
      for (const change of entry.changes) applyChange(state, change);
    }
    if (state.articles.size + state.annotations.size + state.tags.size > 0) return true;
  }
  return false;
}
