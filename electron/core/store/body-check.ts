// Bodies against the records that need them: at start every revision's body file is checked
// against its hash (a missing or damaged one is named, never silently skipped), from its bytes
// alone: the bytes are exactly what was written, and what they say is checked when the body is
// read (bodies.ts get: a body only a newer app writes refuses that article with "update the app").
// At compaction, bodies and originals nothing on disk refers to any more are removed.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import type { UnreadableText } from '../../shared/notices';
import { BODY_FILE_NAME, type BodyCheck, type BodyStore } from './bodies';
import { isMissing } from './durable-file';
import type { NotebookState } from './notebook-data';

/**
 * The checker's thread, as CommonJS source for an eval'd worker: a bundled module's imports would
 * not resolve there, and a file of its own would be one more entry in every build. It lists the
 * body files, reads and hashes each, and answers with one check per file it could read; anything
 * else (a file it could not read) is left out for the main thread to check and report.
 */
const CHECKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readdirSync, readFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const path = require('node:path');
const checks = {};
let names = [];
try {
  const bodyFile = new RegExp(workerData.bodyFileName);
  names = readdirSync(workerData.dir).filter((name) => bodyFile.test(name));
} catch {}
for (const name of names) {
  const hash = name.slice(0, 64);
  try {
    const bytes = readFileSync(path.join(workerData.dir, name));
    checks[hash] = createHash('sha256').update(bytes).digest('hex') === hash ? 'ok' : 'damaged';
  } catch (error) {
    if (error.code === 'ENOENT') checks[hash] = 'missing';
  }
}
parentPort.postMessage(checks);
`;

/**
 * Checks every body file in the folder on a thread of its own, started before notebook.json is
 * read: the reading and hashing then happen while the main thread parses the notebook. On the main
 * thread they could only follow the parse (each read's next step waits for the event loop, which
 * a 20 ms JSON.parse holds), and they were 10-20 ms of a ~90 ms start-up. A file nothing needs
 * is checked for nothing; the collector removes those at compaction, so there are few. Never
 * rejects: with no thread (or one that fails), the answer is empty and findUnreadableTexts checks
 * each body itself, as it does any body this leaves out.
 */
export function checkBodiesOnDisk(bodies: BodyStore): Promise<ReadonlyMap<string, BodyCheck>> {
  return new Promise((resolve) => {
    const none = () => resolve(new Map());
    let thread: Worker;
    try {
      thread = new Worker(CHECKER_SOURCE, {
        eval: true,
        workerData: { dir: bodies.dir, bodyFileName: BODY_FILE_NAME.source },
      });
    } catch {
      none();
      return;
    }
    // Never what keeps a process alive: an opening that failed doesn't wait for it.
    thread.unref();
    thread.once('message', (checks: Record<string, BodyCheck>) => {
      resolve(new Map(Object.entries(checks)));
      void thread.terminate();
    });
    thread.once('error', none);
    thread.once('exit', none);
  });
}

/**
 * Every revision whose body is missing or damaged, from `checked` (checkBodiesOnDisk) where it
 * has the body; any other is checked here (a missing file is found so).
 */
export async function findUnreadableTexts(
  state: NotebookState,
  bodies: BodyStore,
  skip: ReadonlySet<string> = new Set(),
  checked: ReadonlyMap<string, BodyCheck> = new Map(),
): Promise<UnreadableText[]> {
  const wanted = new Map<string, { articleId: string; title: string; revision: number }[]>();
  for (const article of state.articles.values()) {
    for (const r of article.revisions) {
      if (skip.has(r.bodyHash)) continue;
      const users = wanted.get(r.bodyHash) ?? [];
      users.push({ articleId: article.id, title: article.title, revision: r.number });
      wanted.set(r.bodyHash, users);
    }
  }
  const unreadable: UnreadableText[] = [];
  for (const [hash, users] of wanted) {
    const result = checked.get(hash) ?? (await bodies.verify(hash));
    if (result !== 'ok') unreadable.push(...users.map((user) => ({ ...user, problem: result })));
  }
  return unreadable;
}

export const bodyHashesOf = (state: NotebookState): Set<string> =>
  new Set([...state.articles.values()].flatMap((a) => a.revisions.map((r) => r.bodyHash)));

/** The originals the revisions keep (the files they were imported from). */
export const originalHashesOf = (state: NotebookState): Set<string> =>
  new Set(
    [...state.articles.values()].flatMap((a) => a.revisions.flatMap((r) => r.original?.hash ?? [])),
  );

/** Content-addressed files a collector may remove: bodies, originals. */
export interface CollectedFiles {
  list(): Promise<string[]>;
  remove(hash: string): Promise<void>;
  /** Put in this run: a commit may be about to refer to one, so none is collected. */
  readonly putThisRun: ReadonlySet<string>;
}

/** One kind of content-addressed file: where it is kept, and how a record on disk names one. */
export interface CollectedKind {
  files: CollectedFiles;
  /**
   * Matches a reference in a notebook file or journal, the hash as group 1 (flag g); never longer
   * than REFERENCE_MAX_CHARS, as files are read a slice at a time.
   */
  reference: RegExp;
}

export const BODY_REFERENCE = /"bodyHash":"([0-9a-f]{64})"/g;
export const ORIGINAL_REFERENCE = /"original":\s{0,16}\{\s{0,16}"hash":\s{0,16}"([0-9a-f]{64})"/g;

/** The longest reference either pattern matches, with room to spare. */
const REFERENCE_MAX_CHARS = 256;
/** Bytes scanned between two turns of the event loop (a 10 MB snapshot at once held it ~35 ms). */
const SCAN_SLICE_BYTES = 256 * 1024;

/**
 * Removes bodies and originals that no revision needs any more. "Needs" is read widely: the
 * current state, every file beside the notebook (snapshot, backup, restore points, journals, and
 * whatever was set aside, which the analyst may still want to restore) and anything put in this
 * run. Run after the snapshot that stopped referring to them is durable. Each file beside the
 * notebook is read once for every kind (and not again while it is unchanged).
 */
export class ContentCollector {
  /** Hashes each file refers to, by kind, kept while the file is unchanged. */
  readonly #scanned = new Map<string, { size: number; mtimeMs: number; hashes: Set<string>[] }>();

  constructor(
    readonly dir: string,
    readonly kinds: readonly CollectedKind[],
  ) {}

  /** `inUse[i]`: what the current state of the notebook needs of kind i. Returns what went. */
  async collect(inUse: readonly Set<string>[]): Promise<string[]> {
    const candidates = await Promise.all(
      this.kinds.map(async ({ files }, i) =>
        (await files.list()).filter((h) => !inUse[i]?.has(h) && !files.putThisRun.has(h)),
      ),
    );
    if (candidates.every((c) => c.length === 0)) return [];
    const referenced = await this.#referencedOnDisk();
    const removed: string[] = [];
    for (const [i, { files }] of this.kinds.entries()) {
      for (const hash of candidates[i]!) {
        if (referenced[i]!.has(hash)) continue;
        await files.remove(hash);
        removed.push(hash);
      }
    }
    return removed;
  }

  async #referencedOnDisk(): Promise<Set<string>[]> {
    const referenced = this.kinds.map(() => new Set<string>());
    for (const entry of await readdir(this.dir, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const byKind = await this.#referencedBy(path.join(this.dir, entry.name));
      byKind.forEach((hashes, i) => hashes.forEach((hash) => referenced[i]!.add(hash)));
    }
    return referenced;
  }

  async #referencedBy(file: string): Promise<Set<string>[]> {
    try {
      const info = await stat(file);
      const known = this.#scanned.get(file);
      if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known.hashes;
      const hashes = await this.#scan(file);
      this.#scanned.set(file, { size: info.size, mtimeMs: info.mtimeMs, hashes });
      return hashes;
    } catch (error) {
      if (isMissing(error)) return this.kinds.map(() => new Set()); // removed meanwhile
      throw error;
    }
  }

  /**
   * The hashes `file` refers to, by kind, read a slice at a time: each slice is searched with the
   * end of the one before it in front, so a reference cut in two by a slice boundary is whole in
   * the next search (a reference found twice is one entry in a set).
   */
  async #scan(file: string): Promise<Set<string>[]> {
    const hashes = this.kinds.map(() => new Set<string>());
    let carried = '';
    // latin1: the hashes are ASCII, and no byte can fail to decode.
    const stream = createReadStream(file, { encoding: 'latin1', highWaterMark: SCAN_SLICE_BYTES });
    for await (const slice of stream as AsyncIterable<string>) {
      const text = carried + slice;
      this.kinds.forEach(({ reference }, i) => {
        for (const match of text.matchAll(reference)) hashes[i]!.add(match[1] ?? '');
      });
      carried = text.slice(-REFERENCE_MAX_CHARS);
    }
    return hashes;
  }
}
