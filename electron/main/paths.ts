// Where the app finds its own files and the analyst's data, in development and when packaged.
import { app } from 'electron';
import { join } from 'node:path';

/** `--data-dir DIR` or NOTEBOOK_DATA_DIR overrides the user-data folder (tests, portable use). */
export function resolveDataDir(argv: string[] = process.argv): string {
  const flag = argv.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='));
  if (flag !== -1) {
    const arg = argv[flag]!;
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[flag + 1];
    if (value) return value;
  }
  return process.env.NOTEBOOK_DATA_DIR || join(app.getPath('userData'), 'notebook');
}

export const resourcesDir = () =>
  app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');

export const rendererDir = () => join(app.getAppPath(), 'out', 'renderer');

export const preloadPath = () => join(app.getAppPath(), 'out', 'preload', 'index.cjs');
