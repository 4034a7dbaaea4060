// Writes that survive a crash or power loss at any moment: the file on disk is always either the
// old version or the new one, never a mix, and the old one is kept as a rolling backup.
import { createHash, type Hash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, lstat, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from '../errors';

export const isMissing = (error: unknown) => errorCode(error) === 'ENOENT';

/** The temp file a write goes through; fixed, so a leftover from a crash is reused, not piled up. */
export const tempPathFor = (target: string) => `${target}.tmp`;

/** Bytes from any realm (a Buffer, or a Uint8Array made where `instanceof` can't see it). */
const isBytes = (content: unknown): content is Uint8Array => ArrayBuffer.isView(content);

/**
 * Replaces `target` with `content` durably. When `backupPath` is given, the file being replaced
 * becomes the backup first (nothing to back up the first time). `content` may come in chunks, so a
 * big file can be produced a slice at a time without holding up the event loop.
 */
export async function writeFileDurably(
  target: string,
  content: string | AsyncIterable<string> | Uint8Array,
  options: {
    backupPath?: string;
    /** Read the written file back and compare it before it replaces anything. */
    verify?: boolean;
    /** Runs once the new content is durable (and verified), just before the backup is replaced. */
    beforeBackup?: () => Promise<void>;
  } = {},
): Promise<void> {
  // Bytes are written as they are, unhashed (an imported original can be 50 MB: its hash was
  // made in a worker), so they can't be verified here.
  if (options.verify && isBytes(content)) {
    throw new Error('Bytes are written unverified.');
  }
  const temp = tempPathFor(target);
  try {
    const written = await writeAndSync(temp, content, options.verify === true);
    if (options.verify) await verifyFile(temp, written);
    if (options.backupPath) {
      await options.beforeBackup?.();
      await replaceBackup(target, options.backupPath);
    }
    await rename(temp, target);
  } catch (error) {
    // Only a file is removed: if something else sits at the temp path it isn't ours.
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(path.dirname(target));
}

interface Written {
  size: number;
  /** Made only for a write that is read back (verify): hashing megabytes costs the main loop. */
  sha256?: string;
}

/** Writes and syncs `file`; returns the size (and when `hashed`, the sha-256) of the bytes written. */
async function writeAndSync(
  file: string,
  content: string | AsyncIterable<string> | Uint8Array,
  hashed: boolean,
): Promise<Written> {
  const handle = await open(file, 'w');
  const hash = hashed ? createHash('sha256') : undefined;
  let size: number;
  try {
    if (isBytes(content) || typeof content === 'string') {
      size = await writeBytes(handle, content, hash);
    } else {
      size = await writeChunks(handle, content, hash);
    }
    // Without this a rename can reach the disk before the bytes do, leaving an empty file.
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { size, ...(hash && { sha256: hash.digest('hex') }) };
}

/**
 * Reads `file` back and checks it holds exactly what was written. (After a sync the read may come
 * from the page cache rather than the platters; it still catches a write the file system cut
 * short or another program changed.)
 */
async function verifyFile(file: string, written: Written): Promise<void> {
  const hash = createHash('sha256');
  let size = 0;
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, size);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
  } finally {
    await handle.close();
  }
  if (size !== written.size || hash.digest('hex') !== written.sha256) {
    throw new Error(`${file} did not read back as written (${size} of ${written.size} bytes)`);
  }
}

/** Flush a big file as it is written, about this often (bytes). */
const SYNC_EVERY = 1024 * 1024;

/**
 * Writes `content` at the handle's position and adds it to `hash`; returns its size in bytes. A
 * string is encoded once, here, rather than once each by the write, the hash and the count.
 */
async function writeBytes(
  handle: FileHandle,
  content: string | Uint8Array,
  hash: Hash | undefined,
): Promise<number> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  // On a handle, writeFile continues from the current position (and retries short writes).
  await handle.writeFile(bytes);
  hash?.update(bytes);
  return bytes.byteLength;
}

async function writeChunks(
  handle: FileHandle,
  chunks: AsyncIterable<string>,
  hash: Hash | undefined,
): Promise<number> {
  let unsynced = 0;
  let size = 0;
  for await (const chunk of chunks) {
    const bytes = await writeBytes(handle, chunk, hash);
    unsynced += bytes;
    size += bytes;
    // One flush of many megabytes at the end would hold up every journal fdatasync meanwhile (the
    // file system orders them), so commits made during a compaction would wait for all of it.
    if (unsynced >= SYNC_EVERY) {
      await handle.datasync();
      unsynced = 0;
    }
  }
  return size;
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

/**
 * Copies `source` to a new name in its folder, like setAside but leaving the source in place. The
 * copy is durable: it may be all that is left of something once the source is gone.
 */
export async function keepCopy(source: string, name: string): Promise<string> {
  for (const candidate of freeNames(source, name)) {
    try {
      await copyFile(source, candidate, constants.COPYFILE_EXCL);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      continue;
    }
    const handle = await open(candidate, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncDirectory(path.dirname(source));
    return candidate;
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
