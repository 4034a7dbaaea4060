// Reading notebook.json into checked, current-format data, writing it a slice at a time, and the
// lowdb adapter over both. Reads never return null: lowdb would take that as "empty".
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Adapter } from 'lowdb';
import type { ArticleBody } from '../../shared/model';
import { NotebookError, newerVersion } from '../errors';
import { isMissing, writeFileDurably } from './durable-file';
import {
  isVersioned,
  MalformedDataError,
  migrate,
  MIGRATIONS,
  UnknownFormatError,
  type MigrationRegistry,
} from './migrations';
import { COLLECTIONS, NOTEBOOK_VERSION, type NotebookData } from './notebook-data';
import { crcOf, isSealedByUs, sealTail } from './format-seal';
import { loadValidators, validators } from './schema-loader';
import { asciiJson, decodeUtf8, decodeUtf8Strict } from './utf8';
import { nextTurn } from '../turns';

export type FileReading =
  | { kind: 'missing' }
  /** The bytes were read but are not a notebook; `reason` is for tests and logs, not the analyst. */
  | { kind: 'damaged'; reason: string }
  /** `migratedFrom` is set when the file was in an older format, `bodies` when that moved text out. */
  | {
      kind: 'ok';
      data: NotebookData;
      migratedFrom?: number;
      bodies?: ReadonlyMap<string, ArticleBody>;
    };

/**
 * Reads and checks `file`. Throws the conflict error for a file from a newer app, and I/O errors
 * other than a missing file: a file we couldn't read may be perfectly fine, so it isn't "damaged".
 */
export async function readNotebookFile(
  file: string,
  migrations: MigrationRegistry = MIGRATIONS,
): Promise<FileReading> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    throw error;
  }
  // Checked once here: the CRC runs over every byte of a many-megabyte file.
  const sealed = isSealedByUs(bytes);
  if (!sealed) await loadValidators();
  return parseNotebook(bytes, migrations, sealed);
}

/**
 * Reads notebook data from `bytes`. A file this version sealed is taken as it is (its checksum
 * says every byte is as written, and it was checked before it was written); any other file is
 * checked record by record, which needs loadValidators() to have resolved.
 */
export function parseNotebook(
  bytes: Uint8Array,
  migrations: MigrationRegistry = MIGRATIONS,
  /** Whether isSealedByUs(bytes), when the caller already knows. */
  sealed = isSealedByUs(bytes),
): Exclude<FileReading, { kind: 'missing' }> {
  if (bytes.length === 0) return { kind: 'damaged', reason: 'the file is empty' };
  if (sealed) {
    const data = JSON.parse(decodeUtf8(bytes)) as NotebookData & { seal?: string };
    delete data.seal;
    if (data.version === NOTEBOOK_VERSION) return { kind: 'ok', data };
  }
  const { checkNotebook, newerValuesOnly } = validators();
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8Strict(bytes));
  } catch (error) {
    return { kind: 'damaged', reason: `not JSON: ${String(error)}` };
  }
  if (!isVersioned(json)) return { kind: 'damaged', reason: 'no format version' };
  let current: ReturnType<typeof migrate>;
  try {
    current = migrate(json, migrations);
  } catch (error) {
    if (error instanceof UnknownFormatError || error instanceof MalformedDataError) {
      return { kind: 'damaged', reason: error.message };
    }
    throw error;
  }
  const checked = checkNotebook(current.data);
  if (!checked.success) {
    // A value only a newer app writes (a new article format, say) is not damage: nothing may be
    // set aside or restored over it.
    if (newerValuesOnly(checked.error, current.data)) throw newerVersion();
    return { kind: 'damaged', reason: checked.reason };
  }
  if (json.version === checked.data.version) return { kind: 'ok', data: checked.data };
  return { kind: 'ok', data: checked.data, migratedFrom: json.version, bodies: current.bodies };
}

/** Longest stretch of serialising between two chances for the event loop to run something else. */
const SLICE_MS = 2;
/** Small enough that encoding, hashing and sealing a chunk after it is made stays near 1 ms too. */
const CHUNK_CHARS = 64 * 1024;

/**
 * notebook.json's text, one record per line, in chunks of at most ~4 ms of work: each chunk is
 * written (asynchronously) before the next is made, so the event loop runs between chunks even
 * when the notebook is many megabytes. It ends in this version's seal (format-seal.ts).
 */
export async function* serializeNotebook(data: NotebookData): AsyncGenerator<string> {
  let parts: string[] = [`{"version":${data.version},"journalSeq":${data.journalSeq},`];
  let chars = 0;
  let crc = 0;
  let sliceStart = performance.now();
  for (const key of COLLECTIONS) {
    parts.push(`\n"${key}":[`);
    const records: readonly unknown[] = data[key];
    for (let i = 0; i < records.length; i++) {
      const line = `${i === 0 ? '\n' : ',\n'}${asciiJson(records[i])}`;
      parts.push(line);
      chars += line.length;
      if (chars >= CHUNK_CHARS || performance.now() - sliceStart >= SLICE_MS) {
        const chunk = parts.join('');
        crc = crcOf(chunk, crc);
        yield chunk;
        parts = [];
        chars = 0;
        // A turn of the event loop between chunks, so even a write that finished at once leaves
        // room for IPC and timers (and for other sliced work: turns.ts).
        await nextTurn();
        sliceStart = performance.now();
      }
    }
    parts.push('],');
  }
  parts.push(`\n"sampleSeeded":${data.sampleSeeded}`);
  if (data.analystId !== undefined) parts.push(`,\n"analystId":${asciiJson(data.analystId)}`);
  if (data.notebookId !== undefined) {
    parts.push(`,\n"notebookId":${asciiJson(data.notebookId)}`);
  }
  const last = parts.join('');
  yield last + sealTail(crcOf(last, crc));
}

/**
 * lowdb's storage: durable writes, read back before they replace anything, with a rolling backup;
 * and reads that refuse anything unchecked. `beforeBackup` runs once the new file is verified,
 * just before the current file becomes the backup (the compactor keeps the old backup then).
 */
export class NotebookFileAdapter implements Adapter<NotebookData> {
  constructor(
    readonly file: string,
    readonly backup: string,
    readonly hooks: { beforeBackup?: () => Promise<void> } = {},
  ) {}

  /** Opening goes through recovery instead; this is for lowdb's read(), where only a good file will do. */
  async read(): Promise<NotebookData> {
    const reading = await readNotebookFile(this.file);
    if (reading.kind === 'ok') return reading.data;
    throw new NotebookError('bad-file', `The notebook file ${this.file} could not be read back.`);
  }

  async write(data: NotebookData): Promise<void> {
    await writeFileDurably(this.file, serializeNotebook(data), {
      backupPath: this.backup,
      verify: true,
      ...(this.hooks.beforeBackup && { beforeBackup: this.hooks.beforeBackup }),
    });
  }
}
