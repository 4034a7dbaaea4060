// Where the analyst's notebook lives: a command-line flag, then an environment variable, then
// where "Move the notebook to…" last put it (a pointer file in userData), then the platform's
// user-data folder. A folder the notebook was moved away from leads on to where it went, whichever
// way it was named: a flag naming the old folder must not start a new, empty notebook there.
import { isAbsolute, join, resolve } from 'node:path';

/** The pointer file in userData that remembers a moved notebook's folder. */
export const POINTER_FILE = 'notebook-folder.json';

export interface DataDirSources {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Electron's app.getPath('userData'). */
  userData: string;
  /** What the pointer file holds, if there is one. */
  pointer?: string;
}

/** One move of the notebook, as the pointer file keeps it. */
export interface NotebookMove {
  from: string;
  to: string;
  at: string;
}

/** What the pointer file says: where the notebook is now, and every move that led there. */
export interface Pointer {
  path: string;
  moves: NotebookMove[];
}

/** Where the notebook is to be opened, and why there. */
export interface DataDirChoice {
  dir: string;
  /** What named it first (before any move was followed). */
  via: 'flag' | 'env' | 'pointer' | 'default';
  /** The folder was reached through the pointer or a recorded move: the notebook must be there. */
  moved?: { from?: string };
}

/** A pointer file's content, or nothing usable (not JSON, no absolute path). */
export function readPointer(text: string | undefined): Pointer | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const path = (value as { path?: unknown } | null)?.path;
  if (typeof path !== 'string' || path === '' || !isAbsolute(path)) return undefined;
  const moves = (value as { moves?: unknown }).moves;
  return { path, moves: Array.isArray(moves) ? moves.filter(isMove) : [] };
}

const isMove = (value: unknown): value is NotebookMove => {
  const move = value as Partial<NotebookMove> | null;
  return (
    typeof move?.from === 'string' &&
    typeof move.to === 'string' &&
    typeof move.at === 'string' &&
    isAbsolute(move.from) &&
    isAbsolute(move.to)
  );
};

/** The folder a pointer file names: an absolute path, or nothing for anything else. */
export const pointerPath = (text: string | undefined) => readPointer(text)?.path;

/** The pointer after one more move (from the folder open now to `to`). */
export function pointerAfterMove(previous: string | undefined, move: NotebookMove): string {
  const moves = [...(readPointer(previous)?.moves ?? []), move];
  return pointerText(move.to, moves);
}

/** The pointer file's content for `folder`. */
export const pointerText = (folder: string, moves: readonly NotebookMove[] = []) =>
  `${JSON.stringify({ path: folder, moves }, null, 2)}\n`;

/** Enough moves to follow for any analyst; a loop in a damaged file stops there. */
const MAX_MOVES_FOLLOWED = 32;

/**
 * `--data-dir DIR` or `--data-dir=DIR` (the first one given), else NOTEBOOK_DATA_DIR, else the
 * pointer's folder, else <userData>/notebook; then, whatever named it, on along the moves the
 * notebook made from there. An empty value counts as not given, and so does a following flag, so
 * a missing value never turns into a folder named "--something".
 */
export function chooseDataDir({ argv, env, userData, pointer }: DataDirSources): DataDirChoice {
  const read = readPointer(pointer);
  const flag = flagValue(argv);
  const named: DataDirChoice = flag
    ? { dir: flag, via: 'flag' }
    : env.NOTEBOOK_DATA_DIR
      ? { dir: env.NOTEBOOK_DATA_DIR, via: 'env' }
      : read
        ? { dir: read.path, via: 'pointer', moved: {} }
        : { dir: join(userData, 'notebook'), via: 'default' };
  if (!read) return named;
  let dir = named.dir;
  let from: string | undefined;
  for (let hops = 0; hops < MAX_MOVES_FOLLOWED; hops++) {
    const move = read.moves.findLast((m) => resolve(m.from) === resolve(dir));
    if (!move || resolve(move.to) === resolve(dir)) break;
    from ??= dir;
    dir = move.to;
  }
  if (from === undefined) return named;
  return { dir, via: named.via, moved: { from } };
}

export const dataDirFrom = (sources: DataDirSources) => chooseDataDir(sources).dir;

function flagValue(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='));
  if (at === -1) return undefined;
  const arg = argv[at]!;
  const value = arg === '--data-dir' ? argv[at + 1] : arg.slice('--data-dir='.length);
  return value && !value.startsWith('--') ? value : undefined;
}
