// Copies of notebook.json and of journals that a sync tool (Dropbox, OneDrive, Syncthing,
// Nextcloud, Google Drive, iCloud) leaves beside them when two machines changed the folder at
// once: found by name, read with the store's own reader, and compared with the notebook by id.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ConflictedCopy, RecordCounts } from '../../shared/contract';
import type { ArticleBody } from '../../shared/model';
import { pathKeyOf, TagTree } from '../../shared/tag-tree';
import { NotebookError } from '../errors';
import { applyChange, emptyNotebook, stateFromData, type NotebookState } from './notebook-data';
import { parseNotebook } from './notebook-file';
import { loadValidators, validators } from './schema-loader';
import { decodeUtf8Strict } from './utf8';

type Tool = ConflictedCopy['tool'];

const NOTEBOOK = { stem: 'notebook', ext: '.json' };
const JOURNAL = { stem: 'journal-\\d+', ext: '\\.jsonl' };

/**
 * Each tool's naming of a conflicted `<stem><ext>`, most specific first (OneDrive's `-MACHINE`
 * suffix would match some of the others' names too).
 */
const NAMINGS: {
  tool: Tool | 'conflicted-copy';
  pattern: (stem: string, ext: string) => string;
}[] = [
  // Dropbox: "notebook (Ann's conflicted copy 2026-01-02).json", maybe with " (1)" inside;
  // Nextcloud and ownCloud: "notebook (conflicted copy 2026-01-02 101010).json".
  { tool: 'conflicted-copy', pattern: (s, e) => `${s} \\([^/]*conflicted copy[^/]*\\)${e}` },
  // Syncthing: "notebook.sync-conflict-20260102-101010-ABCDEFG.json".
  { tool: 'syncthing', pattern: (s, e) => `${s}\\.sync-conflict-\\d{8}-\\d{6}-[A-Z0-9]+${e}` },
  // ownCloud before 10: "notebook_conflict-20260102-101010.json".
  { tool: 'nextcloud', pattern: (s, e) => `${s}_conflict-\\d{8}-\\d{6}${e}` },
  // Google Drive: "notebook(1).json", "notebook (1).json".
  { tool: 'google-drive', pattern: (s, e) => `${s} ?\\(\\d+\\)${e}` },
  // iCloud Drive: "notebook 2.json".
  { tool: 'icloud', pattern: (s, e) => `${s} \\d+${e}` },
  // OneDrive: "notebook-DESKTOP-1234.json", "notebook-MACHINE.json".
  { tool: 'onedrive', pattern: (s, e) => `${s}-[A-Za-z0-9][A-Za-z0-9_-]*${e}` },
];

const MATCHERS = NAMINGS.flatMap(({ tool, pattern }) =>
  (
    [
      ['notebook', NOTEBOOK],
      ['journal', JOURNAL],
    ] as const
  ).map(([of, { stem, ext }]) => ({
    tool,
    of,
    regex: new RegExp(`^${pattern(stem, ext.replace(/^\./, '\\.'))}$`, 'u'),
  })),
);

/** What a file name says it is: a conflicted copy of notebook.json or a journal, or nothing. */
export function conflictedCopyOf(name: string): Pick<ConflictedCopy, 'of' | 'tool'> | undefined {
  for (const { tool, of, regex } of MATCHERS) {
    if (!regex.test(name)) continue;
    if (tool !== 'conflicted-copy') return { of, tool };
    return { of, tool: /['’]s conflicted copy/u.test(name) ? 'dropbox' : 'nextcloud' };
  }
  return undefined;
}

/** A copy read into records, or why it couldn't be. */
export type CopyReading =
  | {
      kind: 'ok';
      state: NotebookState;
      /** Bodies an upgrade of an old-format copy took out of it (not yet in bodies/). */
      bodies: ReadonlyMap<string, ArticleBody>;
    }
  | { kind: 'unreadable'; problem: string };

/** Reads a copy with the store's own checks: a notebook.json copy whole, a journal line by line. */
export async function readCopy(file: string, of: ConflictedCopy['of']): Promise<CopyReading> {
  const bytes = await readFile(file);
  // A copy is someone else's file until proven otherwise: every record of it is checked.
  await loadValidators();
  if (of === 'notebook') {
    let reading: ReturnType<typeof parseNotebook>;
    try {
      reading = parseNotebook(bytes);
    } catch (error) {
      // A newer app's file: readable there, not here.
      if (error instanceof NotebookError) return { kind: 'unreadable', problem: error.message };
      throw error;
    }
    if (reading.kind !== 'ok') {
      return { kind: 'unreadable', problem: `It is not a readable notebook (${reading.reason}).` };
    }
    return { kind: 'ok', state: stateFromData(reading.data), bodies: reading.bodies ?? new Map() };
  }
  // A journal holds changes, not records: replayed over nothing, what it leaves is what it holds.
  const state = stateFromData(emptyNotebook());
  let good = 0;
  let bad = 0;
  for (const line of splitLines(bytes)) {
    const entry = parseLine(line);
    if (!entry) {
      bad += 1;
      continue;
    }
    good += 1;
    for (const change of entry.changes) applyChange(state, change);
  }
  if (good === 0 && bad > 0) {
    return { kind: 'unreadable', problem: 'None of its lines could be read.' };
  }
  return { kind: 'ok', state, bodies: new Map() };
}

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, end));
    start = end + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines.filter((line) => line.length > 0);
}

function parseLine(line: Buffer) {
  try {
    const { journalEntrySchema } = validators();
    const checked = journalEntrySchema.safeParse(JSON.parse(decodeUtf8Strict(line)));
    return checked.success ? checked.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records of `copy` the notebook lacks, by id. A tag at a path the notebook already has (two
 * machines each made "economy") is the same tag, not a missing one.
 */
export function missingFrom(copy: NotebookState, notebook: NotebookState): RecordCounts {
  const notebookTree = new TagTree(notebook.tags.values());
  const paths = new Set([...notebook.tags.keys()].map((id) => pathKeyOf(notebookTree, id)));
  const copyTree = new TagTree(copy.tags.values());
  let tags = 0;
  for (const tag of copy.tags.values()) {
    const key = pathKeyOf(copyTree, tag.id);
    if (notebook.tags.has(tag.id) || paths.has(key)) continue;
    paths.add(key);
    tags += 1;
  }
  return {
    articles: countAbsent(copy.articles, notebook.articles),
    annotations: countAbsent(copy.annotations, notebook.annotations),
    tags,
  };
}

const countAbsent = (from: Map<string, unknown>, into: Map<string, unknown>) =>
  [...from.keys()].filter((id) => !into.has(id)).length;

/** Every conflicted copy in `dir`, oldest first, each compared with `notebook`. */
export async function listConflictedCopies(
  dir: string,
  notebook: NotebookState,
): Promise<ConflictedCopy[]> {
  const found: ConflictedCopy[] = [];
  for (const name of await readdir(dir)) {
    const copy = conflictedCopyOf(name);
    if (!copy) continue;
    const file = path.join(dir, name);
    const info = await stat(file);
    if (!info.isFile()) continue;
    const reading = await readCopy(file, copy.of);
    const base = { name, ...copy, size: info.size, modified: info.mtime.toISOString() };
    found.push(
      reading.kind === 'ok'
        ? { ...base, missing: missingFrom(reading.state, notebook) }
        : { ...base, missing: { articles: 0, annotations: 0, tags: 0 }, problem: reading.problem },
    );
  }
  return found.sort((a, b) => a.modified.localeCompare(b.modified) || a.name.localeCompare(b.name));
}

/** A start-up notice for one copy: where it is, how big, from when, and what it would bring. */
export function describeCopy(copy: ConflictedCopy): string {
  const what = `A sync tool left a conflicted copy beside your notebook: “${copy.name}” (${size(copy.size)}, changed ${localTime(new Date(copy.modified))})`;
  if (copy.problem) return `${what}. It can’t be brought in: ${copy.problem}`;
  const counts = describeCounts(copy.missing);
  return counts
    ? `${what} holds ${counts} that this notebook lacks; you can bring them in.`
    : `${what} holds nothing that this notebook lacks.`;
}

/** "3 articles, 1 annotation and 2 tags", leaving out kinds with none; '' when all are 0. */
export function describeCounts(counts: RecordCounts): string {
  const parts = (
    [
      [counts.articles, 'article'],
      [counts.annotations, 'annotation'],
      [counts.tags, 'tag'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}${n === 1 ? '' : 's'}`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The analyst's local time, to the minute (as recovery's notices give it). */
function localTime(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
