// Importing a file, from the click to the open article: pick it, ask the core how it would read,
// and when the text encoding is a guess show the analyst what it gives (and let them pick
// another) before anything is saved. The same path re-imports a newer version of an article.
import type { RevisionOutcome } from '../../../../electron/shared/contract';
import {
  IMPORT_ACCEPT,
  type ImportPreview,
  type TextEncodingName,
} from '../../../../electron/shared/import-formats';
import { LIMITS, type ArticleSummary } from '../../../../electron/shared/model';
import { ApiError, call } from '../api';
import { pickFile } from '../files/pick-file';
import { openArticle } from '../state/article.svelte';
import { library } from '../state/library.svelte';
import { toasts } from '../state/toasts.svelte';
import { ui } from '../state/ui.svelte';
import { count } from '../words';

/** How the encoding was decided, in words for the preview. */
export const ENCODING_SOURCE_TEXT: Record<ImportPreview['encodingSource'], string> = {
  bom: 'marked in the file',
  declared: 'declared by the page',
  'utf-8': 'the file is valid UTF-8',
  detected: 'a guess from the file’s bytes',
  chosen: 'your choice',
};

interface PendingImport {
  file: File;
  bytes: Uint8Array;
  preview: ImportPreview;
  /** Set when re-importing over an article. */
  articleId?: string;
}

class Imports {
  /** A file waiting for the analyst to confirm its encoding. */
  pending = $state.raw<PendingImport | null>(null);

  /** File › Import: pick a file, then import it (through the preview when the encoding is a guess). */
  async pickAndImport() {
    const file = await pickFile(IMPORT_ACCEPT);
    if (file) await this.start(file);
  }

  /** Re-import a newer version of the open article. */
  async pickAndReimport() {
    const articleId = openArticle.article?.id;
    if (!articleId) return;
    const file = await pickFile(IMPORT_ACCEPT);
    if (file) await this.start(file, articleId);
  }

  async start(file: File, articleId?: string) {
    try {
      const bytes = await readPicked(file);
      const preview = await call('previewImport', { fileName: file.name, bytes });
      if (isGuess(preview)) {
        this.pending = { file, bytes, preview, ...(articleId && { articleId }) };
        ui.open('import-preview');
        return;
      }
      await this.#finish({ file, bytes, preview, ...(articleId && { articleId }) });
    } catch (error) {
      toasts.error(error);
    }
  }

  /** The analyst picked another encoding in the preview: show what that gives. */
  async choose(encoding: TextEncodingName) {
    const pending = this.pending;
    if (!pending) return;
    const preview = await call('previewImport', {
      fileName: pending.file.name,
      bytes: pending.bytes,
      encoding,
    });
    if (this.pending === pending) this.pending = { ...pending, preview };
  }

  async confirm() {
    const pending = this.pending;
    if (!pending) return;
    await this.#finish(pending);
    this.cancel();
  }

  cancel() {
    this.pending = null;
    ui.close('import-preview');
  }

  async #finish({ file, bytes, preview, articleId }: PendingImport) {
    const input = { fileName: file.name, bytes, encoding: preview.encoding };
    if (articleId) {
      const outcome = await call('reimportArticle', { id: articleId, ...input });
      announceRevision(outcome);
      return;
    }
    const summary: ArticleSummary = await call('importFile', input);
    await library.show(summary);
    toasts.show(`Imported “${summary.title}”.`);
  }
}

/**
 * Whether the encoding is a guess worth showing: the detector's, or a page's own declaration of
 * a legacy code page (old pages often declare the wrong one). A page declaring UTF-8 whose bytes
 * are valid UTF-8 is certain.
 */
const isGuess = (preview: ImportPreview) =>
  preview.encodingSource === 'detected' ||
  (preview.encodingSource === 'declared' && preview.encoding !== 'utf-8');

/** The bytes of a picked file; the main process gets those and its bare name, never a path. */
async function readPicked(file: File): Promise<Uint8Array> {
  if (file.size > LIMITS.importBytes) {
    throw new ApiError(
      'bad-file',
      `The file “${file.name}” is larger than 50 MB and can't be imported.`,
    );
  }
  return new Uint8Array(await file.arrayBuffer());
}

/** Says what a new revision did to the annotations, and opens the review when some need it. */
export function announceRevision(outcome: RevisionOutcome) {
  const review = outcome.moved + outcome.fuzzy + outcome.orphaned;
  toasts.show(
    `Revision ${outcome.article.revision} saved: ${count(outcome.anchored, 'annotation')} in place` +
      (review ? `, ${review} ${review === 1 ? 'needs' : 'need'} review.` : '.'),
  );
  if (review) ui.tab = 'review';
}

export const imports = new Imports();
