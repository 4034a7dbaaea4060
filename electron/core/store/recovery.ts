// Opening a notebook whatever state the disk is in: a damaged file is set aside (never deleted or
// overwritten) and the backup restored; anything the analyst should know becomes a notice.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BodyStore } from './bodies';
import { keepCopy, setAside } from './durable-file';
import { MIGRATIONS, type MigrationRegistry } from './migrations';
import { readNotebookFile, type FileReading } from './notebook-file';
import { emptyNotebook, type NotebookData, type NotebookPaths } from './notebook-data';

export interface LoadedNotebook {
  data: NotebookData;
  notices: string[];
  /** What is in `data` differs from the notebook file, so it must be written before use. */
  dirty: boolean;
}

export interface LoadOptions {
  now: () => Date;
  /** Where an upgrade puts the article bodies it takes out of the old file. */
  bodies: BodyStore;
  migrations?: MigrationRegistry;
}

/** Reads notebook.json, or what can stand in for it; the journal is replayed over it afterwards. */
export async function loadNotebook(
  paths: NotebookPaths,
  { now, bodies, migrations = MIGRATIONS }: LoadOptions,
): Promise<LoadedNotebook> {
  const main = await readNotebookFile(paths.file, migrations);
  if (main.kind === 'ok') return fromGoodFile(main, paths.file, [], { now, bodies });

  // Read the backup before moving anything: if it comes from a newer app, the read throws and
  // every file stays exactly where it was.
  const backup = await readNotebookFile(paths.backup, migrations);
  const stamp = fileStamp(now());
  const notices: string[] = [];

  if (main.kind === 'missing') {
    if (backup.kind === 'missing') return { data: emptyNotebook(), notices, dirty: false };
    if (backup.kind === 'ok') {
      notices.push(
        `Your notebook file was missing; the backup from ${await modifiedAt(paths.backup)} was restored.`,
      );
      return fromGoodFile(backup, paths.backup, notices, { now, bodies }, true);
    }
    const keptBackup = await setAside(paths.backup, `notebook.corrupt-${stamp}-backup.json`);
    notices.push(
      `Your notebook file was missing and its backup could not be read; the backup was set aside as ${keptBackup} and an empty notebook was started.`,
    );
    return { data: emptyNotebook(true), notices, dirty: true };
  }

  const kept = await setAside(paths.file, `notebook.corrupt-${stamp}.json`);
  if (backup.kind === 'ok') {
    notices.push(
      `Your notebook file could not be read; it was set aside as ${path.basename(kept)} and the backup from ${await modifiedAt(paths.backup)} was restored.`,
    );
    return fromGoodFile(backup, paths.backup, notices, { now, bodies }, true);
  }
  let alsoBackup = '';
  if (backup.kind === 'damaged') {
    const keptBackup = await setAside(paths.backup, `notebook.corrupt-${stamp}-backup.json`);
    alsoBackup = ` The backup could not be read either and was kept as ${keptBackup}.`;
  }
  notices.push(
    `Your notebook file could not be read and there was no usable backup, so an empty notebook was started. The damaged file was kept as ${kept}.${alsoBackup}`,
  );
  return { data: emptyNotebook(true), notices, dirty: true };
}

/**
 * Finishes an opening from a good file. An upgraded file keeps a copy of its old format, and the
 * bodies it gave up are made durable now, before any data pointing at them is written.
 */
async function fromGoodFile(
  reading: Extract<FileReading, { kind: 'ok' }>,
  source: string,
  notices: string[],
  { now, bodies }: Pick<LoadOptions, 'now' | 'bodies'>,
  dirty = false,
): Promise<LoadedNotebook> {
  if (reading.migratedFrom === undefined) return { data: reading.data, notices, dirty };
  const pending = [...(reading.bodies?.values() ?? [])];
  // A few at a time: each is a durable write of its own, and there may be thousands.
  for (let i = 0; i < pending.length; i += 8) {
    await Promise.all(pending.slice(i, i + 8).map((body) => bodies.put(body)));
  }
  // The rolling backup will be replaced within a few saves; an upgrade is worth keeping longer.
  const copy = await keepCopy(
    source,
    `notebook.format-${reading.migratedFrom}-${fileStamp(now())}.json`,
  );
  notices.push(
    `Your notebook was upgraded from an older format; a copy of it as it was is kept as ${path.basename(copy)}.`,
  );
  return { data: reading.data, notices, dirty: true };
}

/** A timestamp that is safe in a file name on every platform (no colons). */
export const fileStamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

/** When the backup was last written, in the analyst's local time, to the minute. */
async function modifiedAt(file: string): Promise<string> {
  const d = (await stat(file)).mtime;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
