// Where the app finds its own files and the analyst's data, in development and when packaged.
import { app } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseDataDir, POINTER_FILE, type DataDirChoice } from './data-dir';

/**
 * `--data-dir DIR` or NOTEBOOK_DATA_DIR overrides the user-data folder (tests, portable use);
 * a notebook moved in Settings is found through the pointer file, whichever named its old place.
 */
export function resolveDataDirChoice(argv: string[] = process.argv): DataDirChoice {
  const userData = app.getPath('userData');
  let pointer: string | undefined;
  try {
    pointer = readFileSync(join(userData, POINTER_FILE), 'utf8');
  } catch {
    // Never moved: no pointer.
  }
  return chooseDataDir({
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
