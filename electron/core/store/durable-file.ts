// Writes that survive a crash or power loss at any moment: the file on disk is always either the
// old version or the new one, never a mix, and the old one is kept as a rolling backup.
import { constants } from 'node:fs';
import { copyFile, link, lstat, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;

export const isMissing = (error: unknown) => errorCode(error) === 'ENOENT';

/** The temp file a write goes through; fixed, so a leftover from a crash is reused, not piled up. */
export const tempPathFor = (target: string) => `${target}.tmp`;

/**
 * Replaces `target` with `content` durably. When `backupPath` is given, the file being replaced
 * becomes the backup first (nothing to back up the first time). `content` may come in chunks, so a
 * big file can be produced a slice at a time without holding up the event loop.
 */
export async function writeFileDurably(
  target: string,
  content: string | AsyncIterable<string>,
  options: { backupPath?: string } = {},
): Promise<void> {
  const temp = tempPathFor(target);
  try {
    await writeAndSync(temp, content);
    if (options.backupPath) await replaceBackup(target, options.backupPath);
    await rename(temp, target);
  } catch (error) {
    // Only a file is removed: if something else sits at the temp path it isn't ours.
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(path.dirname(target));
}

async function writeAndSync(file: string, content: string | AsyncIterable<string>): Promise<void> {
  const handle = await open(file, 'w');
  try {
    if (typeof content === 'string') await handle.writeFile(content, 'utf8');
    else await writeChunks(handle, content);
    // Without this a rename can reach the disk before the bytes do, leaving an empty file.
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flush a big file as it is written, about this often (bytes). */
const SYNC_EVERY = 1024 * 1024;

async function writeChunks(handle: FileHandle, chunks: AsyncIterable<string>): Promise<void> {
  let unsynced = 0;
  for await (const chunk of chunks) {
    // On a handle, writeFile continues from the current position (and retries short writes).
    await handle.writeFile(chunk, 'utf8');
    unsynced += Buffer.byteLength(chunk, 'utf8');
    // One flush of many megabytes at the end would hold up every journal fdatasync meanwhile (the
    // file system orders them), so commits made during a compaction would wait for all of it.
    if (unsynced >= SYNC_EVERY) {
      await handle.datasync();
      unsynced = 0;
    }
  }
}

async function replaceBackup(current: string, backup: string): Promise<void> {
  const staging = `${backup}.tmp`;
  await rm(staging, { force: true });
  try {
    // A hard link costs nothing and shares bytes that were already synced when written.
    await link(current, staging);
  } catch (error) {
    if (isMissing(error)) return;
    // File systems without hard links (some network and FAT drives): copy, then sync the copy.
    try {
      await copyFile(current, staging);
    } catch (copyError) {
      if (isMissing(copyError)) return;
      throw copyError;
    }
    const handle = await open(staging, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  await rename(staging, backup);
}

/** Makes renames in `dir` durable. Some platforms (Windows) can't open or sync a directory. */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL'].includes(errorCode(error) ?? '')) throw error;
  }
}

/** Moves `source` to a new name in its folder: a file set aside must never replace another. */
export async function setAside(source: string, name: string): Promise<string> {
  for (const candidate of freeNames(source, name)) {
    if (await exists(candidate)) continue;
    await rename(source, candidate);
    await syncDirectory(path.dirname(source));
    return candidate;
  }
  throw new Error('unreachable');
}

/** Copies `source` to a new name in its folder, like setAside but leaving the source in place. */
export async function keepCopy(source: string, name: string): Promise<string> {
  for (const candidate of freeNames(source, name)) {
    try {
      await copyFile(source, candidate, constants.COPYFILE_EXCL);
      return candidate;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
  throw new Error('unreachable');
}

/** `name` beside `source`, then the same with -2, -3... before the extension. */
function* freeNames(source: string, name: string): Generator<string> {
  const dir = path.dirname(source);
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  yield path.join(dir, name);
  for (let n = 2; ; n++) yield path.join(dir, `${stem}-${n}${ext}`);
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}
