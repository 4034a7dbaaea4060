// Files the operating system asked the app to open (dropped on the Dock icon, chosen with "Open
// with", passed on the command line, handed to a second instance): the main process reads them
// and sends them to the window on this channel, which imports them as it imports dropped files.
// Like every file the window sends to the core, they travel as bare names and bytes, never paths.
import type { PickedFile } from './contract';

export const OPEN_FILES_CHANNEL = 'notebook-open-files';

/** A file that could not be sent, and why, in words. */
export interface RefusedFile {
  fileName: string;
  reason: string;
}

export interface OpenedFiles {
  files: PickedFile[];
  refused: RefusedFile[];
}

const isNamed = (value: unknown): value is Record<string, unknown> & { fileName: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { fileName?: unknown }).fileName === 'string';

/** Only well-formed messages reach the page, whatever arrives on the channel. */
export function isOpenedFiles(value: unknown): value is OpenedFiles {
  if (typeof value !== 'object' || value === null) return false;
  const { files, refused } = value as Record<string, unknown>;
  return (
    Array.isArray(files) &&
    files.every((f) => isNamed(f) && f.bytes instanceof Uint8Array) &&
    Array.isArray(refused) &&
    refused.every((r) => isNamed(r) && typeof r.reason === 'string')
  );
}

/**
 * The preload sends on this channel the path of a file the window imported (it alone can look
 * the path up; the page never holds it), for the OS's recent documents.
 */
export const RECENT_CHANNEL = 'notebook-recent-document';
