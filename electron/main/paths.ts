// Where the app finds its own files and the analyst's data, in development and when packaged.
import { app } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirFrom, POINTER_FILE } from './data-dir';

/**
 * `--data-dir DIR` or NOTEBOOK_DATA_DIR overrides the user-data folder (tests, portable use);
 * a notebook moved in Settings is found through the pointer file.
 */
export function resolveDataDir(argv: string[] = process.argv): string {
  const userData = app.getPath('userData');
  let pointer: string | undefined;
  try {
    pointer = readFileSync(join(userData, POINTER_FILE), 'utf8');
  } catch {
    // Never moved: no pointer.
  }
  return dataDirFrom({
    argv,
    env: process.env,
    userData,
    ...(pointer !== undefined && { pointer }),
  });
}

/** The app's settings file, beside the user's profile (not in the notebook: it moves). */
export const settingsFile = () => join(app.getPath('userData'), 'settings.json');

export const resourcesDir = () =>
  app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');

export const rendererDir = () => join(app.getAppPath(), 'out', 'renderer');

export const preloadPath = () => join(app.getAppPath(), 'out', 'preload', 'index.cjs');
