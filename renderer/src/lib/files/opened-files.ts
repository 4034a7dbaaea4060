// Files the OS opened with the app arrive as names and bytes (electron/shared/open-files.ts);
// made into File objects here, they go the way files dropped on the window go.
import type { OpenedFiles } from '../../../../electron/shared/contract';
import type { Dropped } from './dropped-files';

/** The files as a drop of them (never a folder: the main process refuses folders). */
export function droppedFromOpened(opened: OpenedFiles): Dropped {
  // The bytes are copied into a buffer of this realm: a view onto another realm's buffer is
  // not a BlobPart everywhere.
  const files = opened.files.map((f) => new File([new Uint8Array(f.bytes)], f.fileName));
  return { files, hadFolder: false };
}
