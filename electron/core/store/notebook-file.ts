// Reading one notebook file into checked, current-format data, and the lowdb adapter over it.
// Reads never return null: lowdb would take that as "empty" and later write an empty notebook.
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { NotebookError } from '../errors';
import { isMissing, writeFileDurably } from './durable-file';
import { isVersioned, migrate, MIGRATIONS, UnknownFormatError } from './migrations';
import type { MigrationRegistry } from './migrations';
import type { NotebookData } from './notebook-data';
import { notebookSchema } from './schema';

export type FileReading =
  | { kind: 'missing' }
  /** The bytes were read but are not a notebook; `reason` is for tests and logs, not the analyst. */
  | { kind: 'damaged'; reason: string }
  /** `migratedFrom` is set when the file was in an older format. */
  | { kind: 'ok'; data: NotebookData; migratedFrom?: number };

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
  return parseNotebook(bytes, migrations);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseNotebook(
  bytes: Uint8Array,
  migrations: MigrationRegistry = MIGRATIONS,
): Exclude<FileReading, { kind: 'missing' }> {
  if (bytes.length === 0) return { kind: 'damaged', reason: 'the file is empty' };
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch (error) {
    return { kind: 'damaged', reason: `not JSON: ${String(error)}` };
  }
  if (!isVersioned(json)) return { kind: 'damaged', reason: 'no format version' };
  let current: unknown;
  try {
    current = migrate(json, migrations);
  } catch (error) {
    if (error instanceof UnknownFormatError) return { kind: 'damaged', reason: error.message };
    throw error;
  }
  const checked = notebookSchema.safeParse(current);
  if (!checked.success) return { kind: 'damaged', reason: checked.error.message };
  return json.version === checked.data.version
    ? { kind: 'ok', data: checked.data }
    : { kind: 'ok', data: checked.data, migratedFrom: json.version };
}

export const serializeNotebook = (data: NotebookData) => `${JSON.stringify(data, null, 2)}\n`;

/** lowdb's storage: durable writes with a rolling backup, and reads that refuse anything unchecked. */
export class NotebookFileAdapter implements Adapter<NotebookData> {
  constructor(
    readonly file: string,
    readonly backup: string,
  ) {}

  /** Only used to reload after a failed write, so anything but a good file is an error. */
  async read(): Promise<NotebookData> {
    const reading = await readNotebookFile(this.file);
    if (reading.kind === 'ok') return reading.data;
    throw new NotebookError('bad-file', `The notebook file ${this.file} could not be read back.`);
  }

  async write(data: NotebookData): Promise<void> {
    await writeFileDurably(this.file, serializeNotebook(data), { backupPath: this.backup });
  }
}
