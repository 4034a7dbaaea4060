// One writer per notebook folder, whichever host opens it: notebook.lock names the process that
// holds the folder. Created atomically, taken over only when its holder is provably gone from this
// machine, released only by its holder (token check). See takeOverUnderGuard for racing starters.
import { createHash, randomUUID } from 'node:crypto';
import { link, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import path from 'node:path';
import { NotebookError } from '../errors';
import { isMissing, syncDirectory } from './durable-file';

export const LOCK_NAME = 'notebook.lock';

/** What notebook.lock holds: who has the folder, and since when. */
export interface LockHolder {
  /** The app holding it, e.g. "Research Notebook 0.1.0". */
  owner: string;
  pid: number;
  host: string;
  /** Random per opening: tells this opening's lock from any other, even in the same process. */
  token: string;
  /** ISO time the lock was taken. */
  since: string;
}

/**
 * The holder a lock file names, if it names one in full. By hand rather than with zod: every
 * start reads the lock, and start-up doesn't load zod (see store/schema-loader.ts).
 */
function asHolder(value: unknown): LockHolder | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<keyof LockHolder, unknown>;
  const text = (x: unknown, min: number): x is string => typeof x === 'string' && x.length >= min;
  if (!text(v.owner, 0) || !text(v.host, 1) || !text(v.token, 8) || !text(v.since, 0)) {
    return undefined;
  }
  // Never 0 or negative: process.kill(0, 0) would ask about our whole process group.
  if (typeof v.pid !== 'number' || !Number.isInteger(v.pid) || v.pid < 1) return undefined;
  return { owner: v.owner, pid: v.pid, host: v.host, token: v.token, since: v.since };
}

/** The folder is held by someone else. `sameHost`: by a live process on this machine. */
export class NotebookLockedError extends NotebookError {
  readonly reason = 'locked';
  constructor(
    readonly holder: LockHolder,
    readonly sameHost: boolean,
  ) {
    super(
      'conflict',
      sameHost
        ? `This notebook is already open in another window of Research Notebook (process ${holder.pid}).`
        : `This notebook is open on ${holder.host} since ${holder.since}; close it there, or wait for your sync tool.`,
    );
    this.name = 'NotebookLockedError';
  }
}

export interface LockOptions {
  /** Written into the lock for whoever is refused, e.g. "Research Notebook 0.1.0". */
  owner: string;
  /**
   * Take over the lock with exactly this token even though its holder may be alive (the analyst
   * chose "open here anyway" after seeing it). A lock that changed meanwhile is not taken.
   */
  takeOver?: string;
  now?: () => Date;
  /** Tests stand in for another machine or process with these. */
  host?: string;
  pid?: number;
  isAlive?: (pid: number) => boolean;
  /** When this machine last started (ms since the epoch). */
  bootTime?: () => number;
}

export interface NotebookLock {
  readonly holder: LockHolder;
  /**
   * Throws unless the lock file still names us. A missing lock (deleted by hand or by a sync tool)
   * is taken again; one naming someone else means they took the folder over.
   */
  confirm(): Promise<void>;
  /** Removes the lock if it is still ours; true if it was. Later calls do nothing. */
  release(): Promise<boolean>;
}

/** A file being written through the non-atomic fallback may be read empty for this long. */
const UNREADABLE_GRACE_MS = 2000;
/** A take-over guard older than this belongs to a starter that died in the middle of one. */
const GUARD_ABANDONED_MS = 10_000;
/** A lock taken this long before the machine last started can't be held by a live process. */
const BOOT_SLACK_MS = 60_000;
const ATTEMPTS = 200;

export async function acquireLock(dir: string, options: LockOptions): Promise<NotebookLock> {
  const file = path.join(dir, LOCK_NAME);
  const now = options.now ?? (() => new Date());
  const mine: LockHolder = {
    owner: options.owner,
    pid: options.pid ?? process.pid,
    host: options.host ?? hostname(),
    token: randomUUID(),
    since: now().toISOString(),
  };
  const json = `${JSON.stringify(mine)}\n`;
  const judge = judgeWith(mine, options);

  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (await createExclusive(file, json)) return heldLock(file, mine, json);
    const current = await readLock(file);
    if (current.kind === 'missing') continue; // released meanwhile: try again at once
    if (current.kind === 'held') {
      const takenOver = options.takeOver !== undefined && current.holder.token === options.takeOver;
      const verdict = judge(current.holder);
      if (verdict !== 'stale' && !takenOver) {
        throw new NotebookLockedError(current.holder, verdict === 'alive-here');
      }
    } else if (Math.abs(Date.now() - current.mtimeMs) < UNREADABLE_GRACE_MS) {
      await pause(50); // probably a starter between creating and filling it
      continue;
    }
    const outcome = await takeOverUnderGuard(file, current, json, mine.token);
    if (outcome === 'won') {
      await removeLeftovers(dir);
      return heldLock(file, mine, json);
    }
    // Another starter is replacing it, or it changed: look again.
    await pause(10 + Math.random() * 40);
  }
  throw new NotebookError('conflict', `The notebook's lock (${file}) kept changing; try again.`);
}

type Reading =
  | { kind: 'missing' }
  | { kind: 'unreadable'; mtimeMs: number; identity: string }
  | { kind: 'held'; holder: LockHolder };

async function readLock(file: string): Promise<Reading> {
  let bytes: Buffer;
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    [bytes, info] = await Promise.all([readFile(file), stat(file)]);
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    throw error;
  }
  try {
    const holder = asHolder(JSON.parse(bytes.toString('utf8')));
    if (holder) return { kind: 'held', holder };
  } catch {
    // not JSON: unreadable, below
  }
  const identity = `${info.ino}:${info.size}:${info.mtimeMs}:${sha256(bytes)}`;
  return { kind: 'unreadable', mtimeMs: info.mtimeMs, identity };
}

const sameReading = (a: Reading, b: Reading) =>
  (a.kind === 'held' && b.kind === 'held' && a.holder.token === b.holder.token) ||
  (a.kind === 'unreadable' && b.kind === 'unreadable' && a.identity === b.identity);

type Verdict = 'alive-here' | 'other-host' | 'stale';

function judgeWith(mine: LockHolder, options: LockOptions): (holder: LockHolder) => Verdict {
  const isAlive = options.isAlive ?? processIsAlive;
  const bootTime = options.bootTime ?? (() => Date.now() - uptime() * 1000);
  return (holder) => {
    // Another machine's processes can't be asked; only its own app (or the analyst) may free it.
    if (holder.host !== mine.host) return 'other-host';
    // Another opening in this very process (its token differs from ours): alive by definition.
    if (holder.pid === mine.pid) return 'alive-here';
    // Taken before the last restart: whatever process has that number now is not its holder.
    const since = Date.parse(holder.since);
    if (Number.isFinite(since) && since < bootTime() - BOOT_SLACK_MS) return 'stale';
    return isAlive(holder.pid) ? 'alive-here' : 'stale';
  };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else. Only "no such process" means gone.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Creates `file` holding `json` only if no file is there. Through a hard link from a complete,
 * synced temp file, so nobody ever reads a half-written lock; where the file system has no hard
 * links, an exclusive create (readers then allow UNREADABLE_GRACE_MS for the write).
 */
async function createExclusive(file: string, json: string): Promise<boolean> {
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    await writeWhole(temp, json, 'wx');
    try {
      await link(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? '')) {
        throw error;
      }
      try {
        await writeWhole(file, json, 'wx');
      } catch (fallbackError) {
        if ((fallbackError as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw fallbackError;
      }
    }
    return true;
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/**
 * Written whole before it is linked or renamed into place, but not synced: a lock excludes live
 * processes, which see the link at once (as does a sync tool), and no lock outlives a power cut
 * (its process is gone; after a reboot even one written whole is stale, judgeWith). Syncing it
 * and its folder cost every start-up two flushes, 2-6 ms.
 */
async function writeWhole(file: string, content: string, flags: 'wx' | 'w'): Promise<void> {
  const handle = await open(file, flags);
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Replaces a stale lock with ours. Two starters may both find the same stale lock, and a plain
 * "rename, then re-read" lets both believe they won (A renames and confirms, then B renames over
 * it). So the replacing is done under a guard file named after the stale lock, created
 * exclusively: one starter at a time re-checks, under the guard, that the lock is still the one
 * judged stale, replaces it (temp file, rename) and confirms our token is there. A guard left by a
 * starter that died is never deleted by another (that would let two in); it ages out, and the next
 * number is used.
 */
async function takeOverUnderGuard(
  file: string,
  judged: Exclude<Reading, { kind: 'missing' }>,
  json: string,
  token: string,
): Promise<'won' | 'busy' | 'changed'> {
  const key = sha256(judged.kind === 'held' ? judged.holder.token : judged.identity).slice(0, 16);
  for (let n = 1; n < 100; n++) {
    const guard = `${file}.takeover-${key}-${n}`;
    if (!(await createExclusive(guard, json))) {
      const age = await ageOf(guard);
      if (age === undefined) return 'busy'; // just removed: look at the lock again
      if (age < GUARD_ABANDONED_MS) return 'busy';
      continue;
    }
    try {
      if (!sameReading(await readLock(file), judged)) return 'changed';
      const temp = `${file}.${token}.tmp`;
      await writeWhole(temp, json, 'w');
      await rename(temp, file);
      const confirmed = await readLock(file);
      return confirmed.kind === 'held' && confirmed.holder.token === token ? 'won' : 'changed';
    } finally {
      await rm(guard, { force: true }).catch(() => undefined);
    }
  }
  return 'busy';
}

async function ageOf(file: string): Promise<number | undefined> {
  try {
    return Date.now() - (await stat(file)).mtimeMs;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Temp files and guards that starters which died left behind (never one still in use). */
async function removeLeftovers(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(`${LOCK_NAME}.`)) continue;
    const file = path.join(dir, name);
    const age = await ageOf(file).catch(() => undefined);
    if (age !== undefined && age > 6 * GUARD_ABANDONED_MS) {
      await rm(file, { force: true }).catch(() => undefined);
    }
  }
}

function heldLock(file: string, mine: LockHolder, json: string): NotebookLock {
  let released = false;
  return {
    holder: mine,
    async confirm() {
      if (released) throw new NotebookError('conflict', 'The notebook is closed.');
      const current = await readLock(file);
      if (current.kind === 'held' && current.holder.token === mine.token) return;
      if (current.kind === 'missing' && (await createExclusive(file, json))) return;
      const now = await readLock(file);
      if (now.kind === 'held' && now.holder.token === mine.token) return;
      throw lostLock(now);
    },
    async release() {
      if (released) return false;
      released = true;
      // Never another's: a lock replaced since (an explicit take-over) stays where it is.
      const current = await readLock(file);
      if (current.kind !== 'held' || current.holder.token !== mine.token) return false;
      await rm(file, { force: true });
      await syncDirectory(path.dirname(file));
      return true;
    },
  };
}

function lostLock(reading: Reading): NotebookError {
  const who =
    reading.kind === 'held'
      ? ` by ${reading.holder.owner} on ${reading.holder.host} (process ${reading.holder.pid})`
      : '';
  return new NotebookError(
    'conflict',
    `This notebook has been opened elsewhere${who}, so this window no longer saves; nothing was changed. Close this window.`,
  );
}

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
