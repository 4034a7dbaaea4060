// Where the analyst's notebook lives: a command-line flag, then an environment variable, then
// the platform's user-data folder.
import { join } from 'node:path';

export interface DataDirSources {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Electron's app.getPath('userData'). */
  userData: string;
}

/**
 * `--data-dir DIR` or `--data-dir=DIR` (the first one given), else NOTEBOOK_DATA_DIR, else
 * <userData>/notebook. An empty value counts as not given, and so does a following flag, so a
 * missing value never turns into a folder named "--something".
 */
export function dataDirFrom({ argv, env, userData }: DataDirSources): string {
  const at = argv.findIndex((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='));
  if (at !== -1) {
    const arg = argv[at]!;
    const value = arg === '--data-dir' ? argv[at + 1] : arg.slice('--data-dir='.length);
    if (value && !value.startsWith('--')) return value;
  }
  return env.NOTEBOOK_DATA_DIR || join(userData, 'notebook');
}
