// The OS's recent documents (the Dock's and File › Open Recent on macOS, the Jump List on Windows;
// Electron offers none on Linux) list the files articles were imported from: files
// the OS opened with the app, and files picked or dropped in the window (their path is looked up
// by the preload, which alone sees it, and sent to the main process on RECENT_CHANNEL; the page
// never holds it). Choosing one opens it with the app again, where the import finds the article
// already there and offers to open it. native.ts hands the paths to app.addRecentDocument.
import { isAbsolute } from 'node:path';
import { hasImportExtension } from '../shared/import-formats';

/** REFI-QDA projects and codebooks, imported through the project import. */
const PROJECT_EXTENSIONS = ['.qdpx', '.qdc'];

/**
 * The path to list, or undefined: an absolute path without control characters whose name says
 * it is an article file or a project (content decides how a file imports, but a recent list of
 * everything ever dropped would list stray files too).
 */
export function recentDocumentPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 4096) return undefined;
  if (!isAbsolute(value) || /[\u0000-\u001f]/.test(value)) return undefined;
  const lower = value.toLowerCase();
  if (PROJECT_EXTENSIONS.some((ext) => lower.endsWith(ext))) return value;
  return hasImportExtension(value) ? value : undefined;
}

/** Where Electron keeps recent documents: app.addRecentDocument is macOS and Windows only. */
export const hasRecentDocuments = (platform: NodeJS.Platform) =>
  platform === 'darwin' || platform === 'win32';
