// In Electron an export (or a saved figure) goes where the native save dialog says; the core only
// renders (or checks) it.
import { dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { ExportOutcome } from '../shared/contract';

const FILTERS: Record<string, Electron.FileFilter> = {
  'text/markdown': { name: 'Markdown', extensions: ['md'] },
  'text/csv': { name: 'CSV', extensions: ['csv'] },
  'application/ld+json': { name: 'W3C Web Annotation JSON', extensions: ['jsonld', 'json'] },
  'application/vnd.citationstyles.csl+json': { name: 'CSL-JSON references', extensions: ['json'] },
  'application/x-bibtex': { name: 'BibTeX references', extensions: ['bib'] },
  'application/x-qdpx': { name: 'REFI-QDA project', extensions: ['qdpx'] },
  'application/x-qdc': { name: 'REFI-QDA codebook', extensions: ['qdc'] },
  'image/svg+xml': { name: 'SVG image', extensions: ['svg'] },
  'image/png': { name: 'PNG image', extensions: ['png'] },
  'text/html': { name: 'Web page (HTML)', extensions: ['html'] },
  'application/pdf': { name: 'PDF', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    name: 'Word document',
    extensions: ['docx'],
  },
};

export function withSaveDialog<Input>(
  render: (input: Input) => Promise<ExportOutcome>,
  getWindow: () => BrowserWindow | undefined,
  title = 'Export notes',
): (input: Input) => Promise<ExportOutcome> {
  return async (input) => {
    const outcome = await render(input);
    if (outcome.kind !== 'download') return outcome;
    const { file } = outcome;
    const window = getWindow();
    const options: Electron.SaveDialogOptions = {
      title,
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
      ...(outcome.leftOutForReview && { leftOutForReview: outcome.leftOutForReview }),
    };
  };
}
