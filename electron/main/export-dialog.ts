// In Electron an export goes where the native save dialog says; the core only renders it.
import { dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { Handlers } from '../shared/contract';

const FILTERS: Record<string, Electron.FileFilter> = {
  'text/markdown': { name: 'Markdown', extensions: ['md'] },
  'text/csv': { name: 'CSV', extensions: ['csv'] },
  'application/ld+json': { name: 'W3C Web Annotation JSON', extensions: ['jsonld', 'json'] },
  'application/vnd.citationstyles.csl+json': { name: 'CSL-JSON references', extensions: ['json'] },
  'application/x-bibtex': { name: 'BibTeX references', extensions: ['bib'] },
};

export function withSaveDialog(
  exportNotes: Handlers['exportNotes'],
  getWindow: () => BrowserWindow | undefined,
): Handlers['exportNotes'] {
  return async (input) => {
    const outcome = await exportNotes(input);
    if (outcome.kind !== 'download') return outcome;
    const { file } = outcome;
    const window = getWindow();
    const options: Electron.SaveDialogOptions = {
      title: 'Export notes',
      defaultPath: file.fileName,
      filters: [FILTERS[file.mimeType] ?? { name: 'All files', extensions: ['*'] }],
    };
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
    await writeFile(choice.filePath, file.bytes);
    return {
      kind: 'saved',
      path: choice.filePath,
      ...(outcome.leftOut && { leftOut: outcome.leftOut }),
    };
  };
}
