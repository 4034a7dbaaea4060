// The older snapshots kept beside notebook.json: notebook.json.bak (the one before it) and a few
// restore points before that (notebook.restore-<time>.json). Recovery can start from any of them
// and replay the journal on top, so journals are kept until the oldest of them contains them.
import { open, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { isMissing, setAside } from './durable-file';
import type { NotebookPaths } from './notebook-data';

/** How many restore points to keep, besides notebook.json and its .bak. */
export const RESTORE_POINTS_KEPT = 3;

const RESTORE_POINT = /^notebook\.restore-[0-9TZ-]+\.json$/;

/** A kept snapshot and the journal position it contains (undefined: its start can't be read). */
export interface KeptCopy {
  file: string;
  seq: number | undefined;
}

/** The journalSeq a notebook file says it contains, read from its first bytes alone. */
export async function headerSeq(file: string): Promise<number | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    const head = buffer.subarray(0, bytesRead).toString('latin1');
    const match = /^\{"version":\d{1,6},"journalSeq":(\d{1,15}),/.exec(head);
    return match ? Number(match[1]) : undefined;
  } finally {
    await handle.close();
  }
}

/** The .bak (if any) and the restore points, newest first. */
export async function readKeptCopies(
  paths: NotebookPaths,
): Promise<{ backup: KeptCopy | undefined; restorePoints: KeptCopy[] }> {
  const names = (await readdir(paths.dir)).filter((name) => RESTORE_POINT.test(name));
  const restorePoints = await Promise.all(
    names.map(async (name) => {
      const file = path.join(paths.dir, name);
      return { file, seq: await headerSeq(file) };
    }),
  );
  const seq = await headerSeq(paths.backup);
  const backup =
    seq === undefined && !(await exists(paths.backup)) ? undefined : { file: paths.backup, seq };
  return { backup, restorePoints: newestFirst(restorePoints) };
}

/** Newest first: by the position they contain, then by name (which carries the time). */
export function newestFirst(copies: KeptCopy[]): KeptCopy[] {
  return [...copies].sort(
    (a, b) => (b.seq ?? -1) - (a.seq ?? -1) || b.file.localeCompare(a.file, 'en'),
  );
}

/** Turns the current .bak into a restore point, under a name no other file has. */
export async function retireBackup(backup: string, stamp: string): Promise<string | undefined> {
  try {
    return await setAside(backup, `notebook.restore-${stamp}.json`);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/**
 * Removes the oldest restore points beyond RESTORE_POINTS_KEPT. Called only once a newer snapshot
 * (which contains everything they do) is durable and read back. Returns the ones kept.
 */
export async function pruneRestorePoints(points: KeptCopy[]): Promise<KeptCopy[]> {
  const ordered = newestFirst(points);
  const kept = ordered.slice(0, RESTORE_POINTS_KEPT);
  for (const old of ordered.slice(RESTORE_POINTS_KEPT)) {
    // One that can't be removed now is removed by a later compaction.
    await rm(old.file, { force: true }).catch(() => kept.push(old));
  }
  return kept;
}

async function exists(file: string): Promise<boolean> {
  try {
    await (await open(file, 'r')).close();
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}
