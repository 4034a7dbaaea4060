// Another notebook folder, read for a merge without taking its lock and without writing there:
// its notebook.json (or the backup or a restore point the journal agrees with) with its journals
// replayed in memory, through the same readers the store opens a folder with; its bodies and
// originals read on demand. Another app may have it open meanwhile: the fingerprint tells a later
// look whether it changed.
import { createHash } from 'node:crypto';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleBody } from '../../shared/model';
import { badFile, conflict, NotebookError } from '../errors';
import { chooseBase } from '../store/base-choice';
import { BodyStore } from '../store/bodies';
import { isMissing } from '../store/durable-file';
import { JournalScan } from '../store/journal-scan';
import { applyChange, journalNumber, notebookPaths, stateFromData } from '../store/notebook-data';
import type { NotebookState } from '../store/notebook-data';
import { OriginalStore } from '../store/originals';
import { readKeptCopies } from '../store/restore-points';

export interface OtherNotebook {
  /** The folder as the file system names it (links resolved). */
  folder: string;
  /** Its name, to show. */
  name: string;
  state: NotebookState;
  /** Its id: its meta notebookId, or one made from its folder when it has none yet. */
  peerId: string;
  /** The id it would have been known by before it had a notebookId. */
  folderKey: string;
  /** A body of theirs; NotebookError when it is missing or damaged. */
  body(hash: string): Promise<ArticleBody>;
  /** An original of theirs, or undefined when they don't have it (pasted, or lost). */
  original(hash: string): Promise<Uint8Array | undefined>;
  fingerprint: string;
}

/** What the folder's notebook files are now (names, sizes, times): any save changes it. */
export async function folderFingerprint(folder: string): Promise<string> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (isMissing(error)) return 'gone';
    throw error;
  }
  const watched = names
    .filter(
      (n) => n === 'notebook.json' || n === 'notebook.json.bak' || journalNumber(n) !== undefined,
    )
    .sort();
  const parts = await Promise.all(
    watched.map(async (name) => {
      try {
        const info = await stat(path.join(folder, name));
        return `${name}:${info.size}:${info.mtimeMs}`;
      } catch (error) {
        if (isMissing(error)) return `${name}:gone`;
        throw error;
      }
    }),
  );
  return parts.join('|');
}

/** The id a notebook without a notebookId is known by: its folder, as this machine names it. */
export const folderKeyOf = (folder: string) =>
  `folder-${createHash('sha256').update(folder).digest('hex').slice(0, 32)}`;

/**
 * Reads the notebook in `folder`. Refuses (bad-file) a folder that holds no notebook or only a
 * damaged one, and (conflict) the notebook `ownFolder` itself or one from a newer app.
 */
export async function readOtherNotebook(folder: string, ownFolder: string): Promise<OtherNotebook> {
  let real: string;
  try {
    real = await realpath(folder);
    if (!(await stat(real)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw badFile(`“${path.basename(folder)}” is not a folder that can be read.`);
  }
  const own = await realpath(ownFolder).catch(() => path.resolve(ownFolder));
  if (real === own) {
    throw conflict(
      'That folder is this notebook itself: choose another analyst’s notebook folder.',
    );
  }
  const name = path.basename(real);
  const fingerprint = await folderFingerprint(real);
  const paths = notebookPaths(real);
  let state: NotebookState;
  let upgraded: ReadonlyMap<string, ArticleBody> = new Map();
  try {
    const scan = await JournalScan.read(real);
    const kept = await readKeptCopies(paths);
    const choice = await chooseBase(paths, scan, kept.restorePoints);
    if (!choice.base && scan.seqs.length === 0) {
      const damaged = choice.refused.some((j) => j.reading.kind === 'damaged');
      throw badFile(
        damaged
          ? `The notebook in “${name}” is damaged: open it in Research Notebook first, which repairs what it can, then merge.`
          : `“${name}” is not a notebook folder: it has no notebook.json.`,
      );
    }
    state = choice.state ?? stateFromData(choice.data);
    for (const seq of scan.seqs) {
      if (seq <= choice.from) continue;
      const entry = scan.entry(seq);
      if (entry) for (const change of entry.changes) applyChange(state, change);
    }
    const reading = choice.base?.reading;
    if (reading?.kind === 'ok' && reading.bodies) upgraded = reading.bodies;
  } catch (error) {
    if (error instanceof NotebookError) throw error;
    throw badFile(`The notebook in “${name}” could not be read (${(error as Error).message}).`);
  }
  // Never written to: their stores are used for reading only.
  const bodies = new BodyStore(paths.bodies, paths.dir);
  const originals = new OriginalStore(paths.originals, paths.dir);
  const folderKey = folderKeyOf(real);
  return {
    folder: real,
    name,
    state,
    peerId: state.meta.notebookId ?? folderKey,
    folderKey,
    // A notebook of an older format keeps its texts inside notebook.json until it is opened.
    body: async (hash) => upgraded.get(hash) ?? bodies.get(hash),
    original: (hash) => originals.get(hash).catch(() => undefined),
    fingerprint,
  };
}
