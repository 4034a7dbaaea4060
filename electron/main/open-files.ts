// Files the OS hands the app: on macOS an 'open-file' event (a file dropped on the Dock icon,
// "Open with", a recent document), on Windows and Linux the command line, of the first launch or
// of a second instance (which passes its command line on and quits). They are read here and sent
// to the window, which imports them as it imports files dropped on it (a REFI-QDA project
// through the project import). Until the window has loaded they wait.
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS } from '../shared/model';
import type { OpenedFiles } from '../shared/open-files';

/** Our own flags that take the next argument as their value. */
const VALUE_FLAGS = new Set(['--data-dir']);

export interface ArgvContext {
  /**
   * Run as `electron [flags] <app>` (process.defaultApp, in development and tests): the first
   * argument that is no flag is the app's folder or script, not a file to open.
   */
  defaultApp: boolean;
  /** Where relative paths start from (a second instance's working directory). */
  cwd: string;
}

/**
 * The files named on a command line, as absolute paths. Flags (`--x`, `--x=y`, macOS's `-psn_…`)
 * and their values are not files; a `file:` URL (Linux desktop entries pass %U) is its path;
 * any other URL is left out.
 */
export function pathsFromArgv(argv: readonly string[], context: ArgvContext): string[] {
  const paths: string[] = [];
  // The executable first, always.
  let appPathToSkip = context.defaultApp;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '') continue;
    if (arg.startsWith('-')) {
      if (VALUE_FLAGS.has(arg)) i++;
      continue;
    }
    if (appPathToSkip) {
      appPathToSkip = false;
      continue;
    }
    if (/^file:/i.test(arg)) {
      try {
        paths.push(fileURLToPath(arg));
      } catch {
        // A file: URL naming another host is no file here.
      }
      continue;
    }
    // A scheme of two letters or more: a URL. (One letter is a Windows drive, "C:\…".)
    if (/^[a-z][a-z0-9+.-]+:/i.test(arg)) continue;
    paths.push(isAbsolute(arg) ? resolve(arg) : resolve(context.cwd, arg));
  }
  return [...new Set(paths)];
}

/** What was read: the message for the window, and the paths that were read (for recent documents). */
export interface ReadFiles {
  opened: OpenedFiles;
  read: string[];
}

/**
 * Reads each file for the window. A folder, a missing file and one over the import limit are
 * refused in words (the window says so) rather than read.
 */
export async function readOpenedFiles(
  paths: readonly string[],
  limit: number = LIMITS.importBytes,
): Promise<ReadFiles> {
  const opened: OpenedFiles = { files: [], refused: [] };
  const read: string[] = [];
  for (const path of paths) {
    const fileName = basename(path) || path;
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        opened.refused.push({
          fileName,
          reason: `“${fileName}” is a folder: use File › Import folder… to import the articles in it.`,
        });
      } else if (info.size > limit) {
        opened.refused.push({
          fileName,
          reason: `The file “${fileName}” is larger than ${Math.round(limit / 1024 / 1024)} MB and can't be imported.`,
        });
      } else {
        opened.files.push({ fileName, bytes: new Uint8Array(await readFile(path)) });
        read.push(path);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      opened.refused.push({
        fileName,
        reason:
          code === 'ENOENT'
            ? `The file “${fileName}” was not found (${path}).`
            : `The file “${fileName}” could not be read: ${(error as Error).message}`,
      });
    }
  }
  return { opened, read };
}

/**
 * Holds paths until the window can take them, then hands every batch over in order. `deliver`
 * runs one batch at a time, so two launches in quick succession arrive as two imports, in order.
 */
export function openFilesRelay(deliver: (paths: string[]) => Promise<void>) {
  const waiting: string[][] = [];
  let ready = false;
  let running: Promise<void> | null = null;
  const drain = () => {
    if (!ready || running || waiting.length === 0) return;
    const batch = waiting.shift()!;
    running = deliver(batch)
      .catch(() => undefined)
      .finally(() => {
        running = null;
        drain();
      });
  };
  return {
    open(paths: readonly string[]) {
      if (paths.length === 0) return;
      waiting.push([...paths]);
      drain();
    },
    /** The window is there (it loaded): what waited goes now, and what comes later at once. */
    ready() {
      ready = true;
      drain();
    },
    /** The window went (or reloads): later files wait for it again. */
    notReady() {
      ready = false;
    },
    /** For tests: settles when nothing is being delivered. */
    idle: () => running ?? Promise.resolve(),
  };
}
