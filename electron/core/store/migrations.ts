// Upgrades notebook data saved in an older format: one pure step per format, run in order at open.
// Steps are registered by the format they upgrade from; a test can pass its own registry.
import { NotebookError } from '../errors';
import { NOTEBOOK_VERSION } from './notebook-data';

/** Saved data of some format, before we know which fields that format has. */
export interface VersionedData {
  version: number;
  [field: string]: unknown;
}

/** Turns data of format `n` into format `n + 1`. Must not mutate its input. */
export type Migration = (old: Readonly<VersionedData>) => VersionedData;

/** Key: the format a step upgrades from. */
export type MigrationRegistry = Readonly<Partial<Record<number, Migration>>>;

/** Format 1 is the first, so nothing upgrades yet. When format 2 exists, add `1: (v1) => v2`. */
export const MIGRATIONS: MigrationRegistry = {};

/** The data names a format no step leads from: it was never written by this app, so it is damage. */
export class UnknownFormatError extends Error {
  constructor(readonly version: unknown) {
    super(`no migration from notebook format ${String(version)}`);
    this.name = 'UnknownFormatError';
  }
}

export const newerFormat = (version: number) =>
  new NotebookError(
    'conflict',
    `This notebook was saved by a newer version of Research Notebook (format ${version}); update the app to open it.`,
  );

export const isVersioned = (value: unknown): value is VersionedData =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { version?: unknown }).version === 'number';

/**
 * Brings `data` up to format `target`. Throws the analyst-facing conflict error for a newer format
 * (the caller must then leave the file alone), and UnknownFormatError when no path exists.
 */
export function migrate(
  data: VersionedData,
  migrations: MigrationRegistry = MIGRATIONS,
  target: number = NOTEBOOK_VERSION,
): VersionedData {
  if (!Number.isInteger(data.version)) throw new UnknownFormatError(data.version);
  if (data.version > target) throw newerFormat(data.version);
  let current = data;
  while (current.version < target) {
    const from = current.version;
    const step = Object.hasOwn(migrations, from) ? migrations[from] : undefined;
    if (!step) throw new UnknownFormatError(from);
    current = step(current);
    // A step that doesn't land on the next format is a bug; looping on would hide it or never end.
    if (current.version !== from + 1) {
      throw new Error(`migration from format ${from} produced format ${String(current.version)}`);
    }
  }
  return current;
}
