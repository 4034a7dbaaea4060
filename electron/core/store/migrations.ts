// Upgrades notebook data saved in an older format: one pure step per format, run in order at open.
// Steps are registered by the format they upgrade from; a test can pass its own registry.
import type { ArticleBody } from '../../shared/model';
import { newerVersion } from '../errors';
import { validators } from './schema-loader';
import { NOTEBOOK_VERSION } from './notebook-data';

/** Saved data of some format, before we know which fields that format has. */
export interface VersionedData {
  version: number;
  [field: string]: unknown;
}

/** What a step produces: the data, and any article bodies that must be written beside it. */
export interface Migrated {
  data: VersionedData;
  /** By content hash. Written durably before the upgraded data is. */
  bodies?: ReadonlyMap<string, ArticleBody>;
}

/** Turns data of format `n` into format `n + 1`. Must not mutate its input. */
export type Migration = (old: Readonly<VersionedData>) => Migrated;

/** Key: the format a step upgrades from. */
export type MigrationRegistry = Readonly<Partial<Record<number, Migration>>>;

export const MIGRATIONS: MigrationRegistry = {
  1: (old) => {
    // A step can only be pure over data it understands, so it checks its own input format.
    const { notebookV1Schema, upgradeFromV1 } = validators();
    const checked = notebookV1Schema.safeParse(old);
    if (!checked.success) throw new MalformedDataError(1, checked.error.message);
    const { data, bodies } = upgradeFromV1(checked.data);
    return { data: { ...data }, bodies };
  },
};

/** The data names a format no step leads from: it was never written by this app, so it is damage. */
export class UnknownFormatError extends Error {
  constructor(readonly version: unknown) {
    super(`no migration from notebook format ${String(version)}`);
    this.name = 'UnknownFormatError';
  }
}

/** The data says it is format `version` but doesn't have that format's shape: damage too. */
export class MalformedDataError extends Error {
  constructor(
    readonly version: number,
    reason: string,
  ) {
    super(`not a valid notebook of format ${version}: ${reason}`);
    this.name = 'MalformedDataError';
  }
}

export const newerFormat = (version: number) => newerVersion(version);

export const isVersioned = (value: unknown): value is VersionedData =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { version?: unknown }).version === 'number';

/**
 * Brings `data` up to format `target`, gathering the bodies the steps took out of it. Throws the
 * analyst-facing conflict error for a newer format (the caller must then leave the file alone),
 * UnknownFormatError when no path exists and MalformedDataError when a step refuses its input.
 */
export function migrate(
  data: VersionedData,
  migrations: MigrationRegistry = MIGRATIONS,
  target: number = NOTEBOOK_VERSION,
): { data: VersionedData; bodies: Map<string, ArticleBody> } {
  if (!Number.isInteger(data.version)) throw new UnknownFormatError(data.version);
  if (data.version > target) throw newerFormat(data.version);
  let current = data;
  const bodies = new Map<string, ArticleBody>();
  while (current.version < target) {
    const from = current.version;
    const step = Object.hasOwn(migrations, from) ? migrations[from] : undefined;
    if (!step) throw new UnknownFormatError(from);
    const migrated = step(current);
    current = migrated.data;
    for (const [hash, body] of migrated.bodies ?? []) bodies.set(hash, body);
    // A step that doesn't land on the next format is a bug; looping on would hide it or never end.
    if (current.version !== from + 1) {
      throw new Error(`migration from format ${from} produced format ${String(current.version)}`);
    }
  }
  return { data: current, bodies };
}
