// In Electron an original opens in the system's own viewer (a PDF reader, Word): the core hands
// over the bytes, and they are written to a private temporary folder under the file's own name.
import { app, shell } from 'electron';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../shared/contract';
import { NotebookError } from '../core/errors';

/** A name safe on every system: no folders, no reserved characters, never empty. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 200);
  return cleaned || 'original';
}

export function withSystemViewer(openOriginal: Handlers['openOriginal']): Handlers['openOriginal'] {
  return async (input) => {
    const outcome = await openOriginal(input);
    if (outcome.kind !== 'download') return outcome;
    // One folder per article: two originals with the same name never overwrite each other.
    const dir = path.join(app.getPath('temp'), 'research-notebook-originals', input.id);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, safeFileName(outcome.fileName));
    await writeFile(file, outcome.bytes);
    const failure = await shell.openPath(file);
    if (failure) {
      throw new NotebookError(
        'not-found',
        `No application here opens “${outcome.fileName}”: ${failure}`,
      );
    }
    return { kind: 'opened' };
  };
}
