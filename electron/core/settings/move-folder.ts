// Copying a notebook folder to a new place, safely: the target is checked first (empty, not
// inside the folder, room for it), every file is copied, synced and read back against the
// original's size and sha-256, and a copy that fails half-way is taken out of the target again.
// The original folder is never changed here.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, realpath, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import { NotebookError, errorCode, storageProblem } from '../errors';
import { isMissing, syncDirectory } from '../store/durable-file';
import { LOCK_NAME } from '../store/lock';

export interface CopyHooks {
  /** Free bytes on the drive holding `dir` (tests stand in for a small drive). */
  freeBytes?: (dir: string) => Promise<number>;
  /** Runs before each file is written (tests make the disk fill up here). */
  beforeWrite?: (file: string) => void | Promise<void>;
}

/** A file of the folder: where it is inside it, and how big. */
interface Entry {
  relative: string;
  size: number;
}

/** Room kept free beyond the notebook's own size: the new folder's journal and snapshot grow. */
const SPARE_BYTES = 8 * 1024 * 1024;

const refuse = (message: string) => new NotebookError('conflict', message);

/**
 * Throws, in words, unless `target` is a folder the notebook at `source` may move to: an empty
 * (or not yet existing) folder outside it, on a drive with room for it. Returns its files.
 */
export async function checkTarget(
  source: string,
  target: string,
  hooks: CopyHooks = {},
): Promise<Entry[]> {
  if (!path.isAbsolute(target)) throw refuse('The new place must be a full folder path.');
  const from = await realpath(source);
  const existing = await nearestExisting(target);
  const to = path.join(await realpath(existing.dir), ...existing.rest);
  if (isInside(to, from)) {
    throw refuse('Choose a folder outside the notebook’s own folder: it can’t move into itself.');
  }
  if (existing.rest.length === 0) {
    const info = await stat(to);
    if (!info.isDirectory()) throw refuse(`${target} is a file, not a folder. Choose a folder.`);
    const names = (await readdir(to)).filter((name) => !IGNORABLE.has(name));
    if (names.length > 0) {
      throw refuse(
        `Choose an empty folder: ${target} already holds ${names.length === 1 ? 'a file' : `${names.length} files`}, and the notebook never mixes with other files.`,
      );
    }
  }
  const entries = await filesOf(from);
  const needed = entries.reduce((sum, e) => sum + e.size, 0) + SPARE_BYTES;
  const free = await (hooks.freeBytes ?? freeBytesOf)(existing.dir);
  if (free < needed) {
    throw new NotebookError(
      'storage',
      `There is not enough room on that drive: the notebook needs ${megabytes(needed)}, and ${megabytes(free)} is free. Nothing was moved.`,
    );
  }
  return entries;
}

/** Files a folder picks up from the system just by being looked at: they don't make it full. */
const IGNORABLE = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

const isInside = (child: string, parent: string) => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/** The deepest part of `target` that exists, and the names below it still to be made. */
async function nearestExisting(target: string): Promise<{ dir: string; rest: string[] }> {
  const rest: string[] = [];
  let dir = path.resolve(target);
  for (;;) {
    try {
      await stat(dir);
      return { dir, rest };
    } catch (error) {
      if (!isMissing(error)) throw error;
      const parent = path.dirname(dir);
      if (parent === dir) throw error;
      rest.unshift(path.basename(dir));
      dir = parent;
    }
  }
}

async function freeBytesOf(dir: string): Promise<number> {
  const info = await statfs(dir);
  return info.bavail * info.bsize;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Every file of the notebook folder, subfolders included, but its lock: the new folder takes a
 * lock of its own when it opens.
 */
async function filesOf(root: string): Promise<Entry[]> {
  const out: Entry[] = [];
  const walk = async (relative: string) => {
    for (const dirent of await readdir(path.join(root, relative), { withFileTypes: true })) {
      const name = path.join(relative, dirent.name);
      if (relative === '' && (dirent.name === LOCK_NAME || dirent.name.startsWith(`${LOCK_NAME}.`)))
        continue;
      const info = await stat(path.join(root, name));
      if (info.isDirectory()) await walk(name);
      else if (info.isFile()) out.push({ relative: name, size: info.size });
    }
  };
  await walk('');
  return out;
}

export interface Copied {
  files: number;
  bytes: number;
  /**
   * Bodies and originals whose bytes did not match their name already in the old folder: copied
   * as they are (the notebook says which articles they belong to when it opens), not refused, or
   * one damaged text would keep the whole notebook from ever moving.
   */
  damagedBefore: string[];
}

/** bodies/<sha-256>.json and originals/<sha-256>: files named by the hash of their bytes. */
function addressOf(relative: string): string | undefined {
  const [folder, name, ...deeper] = relative.split(path.sep);
  if (deeper.length > 0 || name === undefined) return undefined;
  const hash =
    folder === 'bodies' ? name.replace(/\.json$/, '') : folder === 'originals' ? name : '';
  return /^[0-9a-f]{64}$/.test(hash) ? hash : undefined;
}

/**
 * Copies `entries` (from checkTarget) from `source` into `target`, each synced and read back
 * against the original. On any failure what was made in `target` is removed again and the
 * failure is said in words (a full disk as such); `source` is only read.
 */
export async function copyVerified(
  source: string,
  target: string,
  entries: Entry[],
  hooks: CopyHooks = {},
): Promise<Copied> {
  const made = await makeFolder(target);
  let bytes = 0;
  const damagedBefore: string[] = [];
  try {
    const dirs = new Set<string>([target]);
    for (const entry of entries) {
      const to = path.join(target, entry.relative);
      const dir = path.dirname(to);
      if (!dirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        dirs.add(dir);
      }
      await hooks.beforeWrite?.(to);
      const written = await copyOne(path.join(source, entry.relative), to);
      const reread = await digestOf(to);
      if (reread.size !== written.size || reread.sha256 !== written.sha256) {
        throw new NotebookError(
          'storage',
          `The copy of ${entry.relative} did not read back as written: the new drive may be failing. Nothing was moved.`,
        );
      }
      const address = addressOf(entry.relative);
      if (address !== undefined && address !== written.sha256) damagedBefore.push(entry.relative);
      bytes += written.size;
    }
    // Deepest first, so each folder's entry in its parent is durable after its own contents.
    for (const dir of [...dirs].sort((a, b) => b.length - a.length)) await syncDirectory(dir);
    await syncDirectory(path.dirname(target));
  } catch (error) {
    await undoCopy(target, made);
    throw wordCopyFailure(error);
  }
  return { files: entries.length, bytes, damagedBefore };
}

/** Makes `target` if it isn't there; returns the topmost folder it made (to remove on failure). */
async function makeFolder(target: string): Promise<string | undefined> {
  const first = await mkdir(target, { recursive: true });
  return first ?? undefined;
}

/** Takes the half-made copy out of the target: only what this move put there. */
export async function undoCopy(target: string, made: string | undefined): Promise<void> {
  try {
    if (made !== undefined) {
      await rm(made, { recursive: true, force: true });
    } else {
      for (const name of await readdir(target)) {
        if (IGNORABLE.has(name)) continue;
        await rm(path.join(target, name), { recursive: true, force: true });
      }
    }
  } catch {
    // What is left is a copy only; the notebook itself is untouched either way.
  }
}

function wordCopyFailure(error: unknown): unknown {
  if (error instanceof NotebookError) return error;
  const problem = storageProblem(error);
  const words: Record<string, string> = {
    'disk-full':
      'The drive you chose filled up while the notebook was being copied. Nothing was moved: the notebook stays where it was, unchanged.',
    'read-only':
      'The folder you chose is on a drive that can only be read. Nothing was moved: the notebook stays where it was, unchanged.',
    permission:
      'Research Notebook is not allowed to write in the folder you chose. Nothing was moved: the notebook stays where it was, unchanged.',
    'disk-error':
      'A drive reported an error while the notebook was being copied. Nothing was moved: the notebook stays where it was, unchanged.',
  };
  if (problem) return new NotebookError('storage', words[problem]!, { cause: error });
  if (errorCode(error) === 'ENAMETOOLONG') {
    return new NotebookError(
      'storage',
      'The folder you chose is too deep for the notebook’s file names. Choose a shorter path; nothing was moved.',
      { cause: error },
    );
  }
  return error;
}

interface Digest {
  size: number;
  sha256: string;
}

/** Copies one file, hashing what it writes; synced before it counts. */
async function copyOne(from: string, to: string): Promise<Digest> {
  const hash = createHash('sha256');
  let size = 0;
  const handle = await open(to, 'wx');
  try {
    for await (const chunk of createReadStream(from, { highWaterMark: 1024 * 1024 })) {
      const bytes = chunk as Buffer;
      // writeFile on a handle goes on from its position and retries short writes.
      await handle.writeFile(bytes);
      hash.update(bytes);
      size += bytes.byteLength;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { size, sha256: hash.digest('hex') };
}

export async function digestOf(file: string): Promise<Digest> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).byteLength;
  }
  return { size, sha256: hash.digest('hex') };
}
