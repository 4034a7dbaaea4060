// Where the app finds its own files and the analyst's data, in development and when packaged.
import { app } from 'electron';
import { join } from 'node:path';
import { dataDirFrom } from './data-dir';

/** `--data-dir DIR` or NOTEBOOK_DATA_DIR overrides the user-data folder (tests, portable use). */
export function resolveDataDir(argv: string[] = process.argv): string {
  return dataDirFrom({ argv, env: process.env, userData: app.getPath('userData') });
}

export const resourcesDir = () =>
  app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');

export const rendererDir = () => join(app.getAppPath(), 'out', 'renderer');

export const preloadPath = () => join(app.getAppPath(), 'out', 'preload', 'index.cjs');
