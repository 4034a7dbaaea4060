// Where the analyst's notebook lives: a command-line flag, then an environment variable, then
// where "Move the notebook to…" last put it (a pointer file in userData), then the platform's
// user-data folder.
import { isAbsolute, join } from 'node:path';

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

/** The folder a pointer file names: an absolute path, or nothing for anything else. */
export function pointerPath(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    const path = (value as { path?: unknown } | null)?.path;
    return typeof path === 'string' && path !== '' && isAbsolute(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The pointer file's content for `folder`. */
export const pointerText = (folder: string) => `${JSON.stringify({ path: folder }, null, 2)}\n`;

/**
 * `--data-dir DIR` or `--data-dir=DIR` (the first one given), else NOTEBOOK_DATA_DIR, else the
 * pointer's folder, else <userData>/notebook. An empty value counts as not given, and so does a following flag, so a
 * missing value never turns into a folder named "--something".
 */
export function dataDirFrom({ argv, env, userData, pointer }: DataDirSources): string {
  const at = argv.findIndex((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='));
  if (at !== -1) {
    const arg = argv[at]!;
    const value = arg === '--data-dir' ? argv[at + 1] : arg.slice('--data-dir='.length);
    if (value && !value.startsWith('--')) return value;
  }
  return env.NOTEBOOK_DATA_DIR || pointerPath(pointer) || join(userData, 'notebook');
}
