// The files articles were imported from, kept byte for byte beside the bodies as
// originals/<sha-256>: "Open original" shows the file itself, and a better importer later can read
// it again without the analyst finding it. Content-addressed and written once, like bodies.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { asStorageError, notFound } from '../errors';
import { ContentFolder, HASH_SLICE_BYTES, isContentHash } from './content-folder';
import { isMissing, writeFileDurably } from './durable-file';

export class OriginalStore extends ContentFolder {
  /**
   * Stores `bytes` under `hash` (the sha-256 a core worker computed: hashing 50 MB here would
   * hold the event loop) unless a copy of that size is already there.
   */
  async put(hash: string, bytes: Uint8Array): Promise<void> {
    if (!isContentHash(hash)) throw new Error('An original is stored under its sha-256.');
    await this.putOnce(hash, () => this.#ensureStored(hash, bytes));
  }

  /** The original's bytes, read once and checked against their hash a slice at a time. */
  async get(hash: string): Promise<Uint8Array> {
    const gone = () => notFound('The original file of this article');
    if (!isContentHash(hash)) throw gone();
    const digest = createHash('sha256');
    const slices: Buffer[] = [];
    try {
      for await (const chunk of createReadStream(this.#file(hash), {
        highWaterMark: HASH_SLICE_BYTES,
      })) {
        digest.update(chunk as Buffer);
        slices.push(chunk as Buffer);
      }
    } catch (error) {
      if (isMissing(error)) throw gone();
      throw asStorageError(error, true);
    }
    if (digest.digest('hex') !== hash) throw gone();
    const bytes = Buffer.concat(slices);
    // A plain Uint8Array over the same memory: a Buffer would turn into {type, data} in JSON.
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The hashes of every original in the folder. */
  async list(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter(isContentHash);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  /** Removes an original no revision anywhere needs any more (see body-check.ts). */
  async remove(hash: string): Promise<void> {
    if (this.putThisRun.has(hash) || !isContentHash(hash)) return;
    await rm(this.#file(hash), { force: true });
  }

  async #ensureStored(hash: string, bytes: Uint8Array): Promise<void> {
    const file = this.#file(hash);
    try {
      if ((await stat(file)).size === bytes.byteLength) return;
    } catch (error) {
      if (!isMissing(error)) throw asStorageError(error, true);
    }
    await this.ready();
    try {
      await writeFileDurably(file, bytes);
    } catch (error) {
      throw asStorageError(error);
    }
  }

  #file(hash: string): string {
    return path.join(this.dir, hash);
  }
}
