// Article bodies, content-addressed beside the notebook as bodies/<sha-256>.json: immutable, written
// durably once, so saving an annotation never rewrites an article's text.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleBody, Block, Mark, Place } from '../../shared/model';
import { asStorageError, newerVersion, UnreadableTextError } from '../errors';
import { parseCanonicalBody, sha256InSlices } from './body-read';
import { ContentFolder, isContentHash } from './content-folder';
import { isMissing, writeFileDurably } from './durable-file';
import { loadValidators, validators } from './schema-loader';
import { encodeUtf8 } from './utf8';

/**
 * The body with every key in one fixed order (text, blocks, marks, places; inside each the
 * model's order), its JSON, and the sha-256 of that JSON. The JSON is also the file's exact
 * content, so a read can be checked against its name. Fixing the inner key order too means the same
 * content gets the same hash whichever code built the objects.
 */
export function canonicalBody(input: ArticleBody): CanonicalBody & { json: string } {
  const body = canonicalShape(input);
  const json = JSON.stringify(body);
  return { hash: sha256(json), json, body };
}

/** canonicalBody with its JSON as UTF-8 bytes, encoded once: what a worker hands over (BodyFile). */
export function canonicalBodyBytes(input: ArticleBody): CanonicalBody {
  const body = canonicalShape(input);
  const json = encodeUtf8(JSON.stringify(body));
  return { hash: sha256(json), json, body };
}

function canonicalShape(input: ArticleBody): ArticleBody {
  return {
    text: input.text,
    // Optional keys only when set: a body without them (every body written before numbers and
    // header rows existed) keeps exactly its old JSON, and so its old address.
    blocks: input.blocks.map(canonicalBlock),
    marks: input.marks.map(({ type, start, end, href }): Mark => {
      return href === undefined ? { type, start, end } : { type, start, end, href };
    }),
    // Pages and chapters came later still: a body without them keeps its address the same way.
    ...(input.places !== undefined &&
      input.places.length > 0 && {
        places: input.places.map(({ kind, label, start }): Place => ({ kind, label, start })),
      }),
  };
}

/** A block with its keys in the model's order, the optional ones only when set. */
export function canonicalBlock({ type, level, number, header, start, end }: Block): Block {
  // Most blocks have none of the optional keys: spreading them in anyway (`...(x && {x})`) costs a
  // runtime copy each, 20 ms for the 30,000 blocks of a long article.
  if (level === undefined && number === undefined && header === undefined) {
    return { type, start, end };
  }
  return {
    type,
    ...(level !== undefined && { level }),
    ...(number !== undefined && { number }),
    ...(header !== undefined && { header }),
    start,
    end,
  };
}

/**
 * A body file ready to write: its canonical JSON and that JSON's sha-256. What a core worker hands
 * over for a new import: bytes (or a flat string) cost the main thread nothing to receive or keep, where
 * the body's object tree (every block and mark an object) would be cloned, promoted and collected
 * on the main thread, file after file of a batch.
 */
export interface BodyFile {
  hash: string;
  /**
   * The JSON, or its UTF-8 bytes when a worker made it (canonicalBodyBytes): the main thread then
   * writes them as they are, where encoding a 3 MB text held its event loop for 10-40 ms, and
   * they cross from the worker without a copy.
   */
  json: string | Uint8Array;
}

/** A body file with the body itself, in its canonical shape (what canonicalBody makes). */
export interface CanonicalBody extends BodyFile {
  body: ArticleBody;
}

const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/** Bodies are shared by every reader of the cache, so none of them may change one. */
function freeze(body: ArticleBody): ArticleBody {
  body.blocks.forEach((b) => Object.freeze(b));
  body.marks.forEach((m) => Object.freeze(m));
  body.places?.forEach((p) => Object.freeze(p));
  Object.freeze(body.blocks);
  Object.freeze(body.marks);
  if (body.places) Object.freeze(body.places);
  return Object.freeze(body);
}

/**
 * A whole-notebook pass (the analysis, agreement, an export) reads every article in turn: with
 * room for only a few bodies, fifty small ones pushed a 3 MB one out, and every pass read it from
 * disk again (a parse that holds the event loop for a few hundred ms). Small bodies cost little to
 * keep; what bounds the cache is its characters.
 */
const CACHE_ENTRIES = 256;
/** Imports may be up to 50 MB, so a few big bodies must not pin hundreds of megabytes. */
const CACHE_CHARS = 32 * 1024 * 1024;

export interface PutBodyOptions {
  /** Parse a body file from its bytes as they are written, for a caller about to read it. */
  readAhead?: boolean;
}

/** A body file's name: its hash, then .json. */
export const BODY_FILE_NAME = /^[0-9a-f]{64}\.json$/;

/** What a body file holds: the body as written, nothing, or other bytes. */
export type BodyCheck = 'ok' | 'missing' | 'damaged';

export class BodyStore extends ContentFolder {
  /** Least recently used first (a Map keeps insertion order). */
  readonly #cache = new Map<string, ArticleBody>();
  readonly #reading = new Map<string, Promise<ArticleBody>>();

  /**
   * A body as it is, or already canonical (made by canonicalBody in a worker, so the main thread
   * neither serialises nor hashes megabytes). A body file without its body is not cached: it is
   * read back, checked and parsed when first asked for; unless `readAhead` (a revision's, whose
   * commit waits for its text), when it is parsed from its bytes while they are written, a slice
   * at a time, and cached once written. Reading it back from disk after the write, hashing and
   * parsing it again, was 25-45 ms after the worker was done. An import's is not: a batch of
   * two hundred would parse every one, for a window that opens one.
   */
  async put(
    input: ArticleBody | BodyFile | CanonicalBody,
    { readAhead = false }: PutBodyOptions = {},
  ): Promise<string> {
    const { hash, json, body } =
      'json' in input ? { body: undefined, ...input } : canonicalBody(input);
    const written = this.putOnce(hash, () => this.#ensureStored(hash, json));
    if (!body && readAhead) this.#parseWhileWritten(hash, json, written);
    await written;
    if (body) this.#remember(hash, freeze(body));
    return hash;
  }

  /** get() shares this parse (see #reading); a body that isn't written is never cached. */
  #parseWhileWritten(hash: string, json: string | Uint8Array, written: Promise<void>): void {
    if (this.#cache.has(hash)) return;
    const bytes =
      typeof json === 'string'
        ? encodeUtf8(json)
        : Buffer.from(json.buffer, json.byteOffset, json.byteLength);
    const parsing = (async () => {
      // The bytes are what is being written under this name: checked as a read from disk is.
      if ((await sha256InSlices(bytes)) !== hash) throw this.#damaged(hash);
      const body = await readBody(bytes);
      if (body === 'newer') throw newerVersion();
      if (!body) throw this.#damaged(hash);
      await written;
      this.#remember(hash, freeze(body));
      return body;
    })();
    this.#reading.set(hash, parsing);
    const done = () => {
      if (this.#reading.get(hash) === parsing) this.#reading.delete(hash);
    };
    parsing.then(done, done);
  }

  async get(hash: string): Promise<ArticleBody> {
    const cached = this.#cache.get(hash);
    if (cached) {
      this.#remember(hash, cached);
      return cached;
    }
    // Two readers of one body at once (a revision's body read ahead while the window asks for
    // it) share one read: a long text's parse is tens of milliseconds.
    const reading = this.#reading.get(hash) ?? this.#read(hash);
    this.#reading.set(hash, reading);
    try {
      return await reading;
    } finally {
      if (this.#reading.get(hash) === reading) this.#reading.delete(hash);
    }
  }

  /**
   * Body `hash`'s file as it is on disk, checked against its name: what a worker that needs the
   * whole body is handed (bytes cross as one copy; the body's objects, one clone each).
   */
  async getFile(hash: string): Promise<Buffer> {
    if (!isContentHash(hash)) throw missingBody();
    let bytes: Buffer;
    try {
      bytes = await readFile(this.#file(hash));
    } catch (error) {
      if (isMissing(error)) throw missingBody();
      throw asStorageError(error, true);
    }
    // In slices: hashing a long article's file in one go held the event loop for milliseconds.
    if ((await sha256InSlices(bytes)) !== hash) throw this.#damaged(hash);
    return bytes;
  }

  async #read(hash: string): Promise<ArticleBody> {
    const body = await readBody(await this.getFile(hash));
    if (body === 'newer') throw newerVersion();
    if (!body) throw this.#damaged(hash);
    this.#remember(hash, freeze(body));
    return body;
  }

  #damaged(hash: string) {
    return new UnreadableTextError('damaged', path.basename(this.#file(hash)));
  }

  /**
   * Whether body `hash` is on disk exactly as written, from its bytes' hash alone (never the
   * cache): hashed in slices, so checking a long text never holds the event loop for long. Read
   * in one call: a stream's per-file setup cost more than reading the small bodies themselves.
   * What the bytes say (a body only a newer app writes, say) is decided when the body is read.
   */
  async verify(hash: string): Promise<BodyCheck> {
    if (!isContentHash(hash)) return 'missing';
    let bytes: Buffer;
    try {
      bytes = await readFile(this.#file(hash));
    } catch (error) {
      if (isMissing(error)) return 'missing';
      throw asStorageError(error, true);
    }
    return (await sha256InSlices(bytes)) === hash ? 'ok' : 'damaged';
  }

  /** The hashes of every body file in the folder. */
  async list(): Promise<string[]> {
    try {
      return (await readdir(this.dir))
        .filter((name) => BODY_FILE_NAME.test(name))
        .map((name) => name.slice(0, 64));
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  /** Removes a body no revision anywhere needs any more (see body-check.ts). */
  async remove(hash: string): Promise<void> {
    if (this.putThisRun.has(hash) || !isContentHash(hash)) return;
    this.#cache.delete(hash);
    await rm(this.#file(hash), { force: true });
  }

  /** Writes `json` as body `hash` unless a good copy is already there. */
  async #ensureStored(hash: string, json: string | Uint8Array): Promise<void> {
    if (this.#cache.has(hash)) return;
    const file = this.#file(hash);
    try {
      // A file with other bytes is damage; the rename below replaces it with the right content.
      const there = await readFile(file);
      if (typeof json === 'string' ? there.toString('utf8') === json : there.equals(json)) return;
    } catch (error) {
      if (!isMissing(error)) throw asStorageError(error, true);
    }
    await this.ready();
    // Through a temp file: a body torn by a crash is never under its final name.
    try {
      await writeFileDurably(file, json);
    } catch (error) {
      throw asStorageError(error);
    }
  }

  #remember(hash: string, body: ArticleBody): void {
    this.#cache.delete(hash);
    this.#cache.set(hash, body);
    let chars = 0;
    for (const b of this.#cache.values()) chars += b.text.length;
    for (const [oldest, b] of this.#cache) {
      if (this.#cache.size <= 1 || (this.#cache.size <= CACHE_ENTRIES && chars <= CACHE_CHARS)) {
        break;
      }
      this.#cache.delete(oldest);
      chars -= b.text.length;
    }
  }

  #file(hash: string): string {
    return path.join(this.dir, `${hash}.json`);
  }
}

/** The body in `bytes`, 'newer' for one with values only a newer app writes, else undefined. */
async function readBody(bytes: Buffer): Promise<ArticleBody | 'newer' | undefined> {
  const canonical = await parseCanonicalBody(bytes);
  if (canonical) return canonical;
  // Any other shape is read whole, with the schema's rules and its verdict on newer values.
  await loadValidators();
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  const { bodySchema, newerValuesOnly } = validators();
  const checked = bodySchema.safeParse(json);
  if (checked.success) return checked.data;
  return newerValuesOnly(checked.error, json) ? 'newer' : undefined;
}

const missingBody = () => new UnreadableTextError('missing', '');
