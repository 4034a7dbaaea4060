// Importing files, from the click to the open article. One file: ask the core how it would read,
// and when the text encoding is a guess show the analyst what it gives (and let them pick
// another) before anything is saved; the same path re-imports a newer version of an article.
// Many files (picked together, a folder, dropped on the window): one after another in a batch
// with its progress, a Cancel, and a result for every file.
import type { RevisionOutcome } from '../../../../electron/shared/contract';
import {
  IMPORT_ACCEPT,
  IMPORT_PICKER_ACCEPT,
  hasImportExtension,
  type ImportPreview,
  type TextEncodingName,
} from '../../../../electron/shared/import-formats';
import { LIMITS, type ArticleSummary } from '../../../../electron/shared/model';
import { addRecentFile, ApiError, call, messageOf } from '../api';
import type { Dropped } from '../files/dropped-files';
import { pickFile, pickFiles, pickFolder } from '../files/pick-file';
import { isProjectFile, projectImport } from './project-import.svelte';
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

/** What became of one file of a batch. */
export interface BatchResult {
  name: string;
  status: 'imported' | 'refused' | 'duplicate' | 'skipped';
  /** The article's title when imported; why not, otherwise. */
  message: string;
  /** The article it became, or (a duplicate) the one it already is. */
  articleId?: string;
  /** Kept for a duplicate, so "Import anyway" needs no second pick. */
  file?: File;
}

export interface Batch {
  total: number;
  /** Files finished (imported, refused or skipped). */
  done: number;
  /** The file being read now. */
  current: string | null;
  results: BatchResult[];
  running: boolean;
  cancelled: boolean;
}

class Imports {
  /** A file waiting for the analyst to confirm its encoding. */
  pending = $state.raw<PendingImport | null>(null);
  /** The batch under way or last finished (its results stay until closed). */
  batch = $state<Batch | null>(null);

  /**
   * File › Import: pick one or more files. One is imported through the preview when its
   * encoding is a guess; several go as a batch.
   */
  async pickAndImport() {
    const files = await pickFiles(IMPORT_PICKER_ACCEPT);
    if (files.length === 1) await this.start(files[0]!);
    else if (files.length > 1) await this.importBatch(files);
  }

  /** File › Import folder: every article file in it and its subfolders, as a batch. */
  async pickFolderAndImport() {
    const files = await pickFolder();
    if (files.length > 0) await this.importBatch(files, { onlyArticles: true });
  }

  /** Files dropped on the window; a dropped folder is walked like a picked one. */
  async importDropped({ files, hadFolder }: Dropped) {
    if (hadFolder) await this.importBatch(files, { onlyArticles: true });
    else if (files.length === 1) await this.start(files[0]!);
    else if (files.length > 1) await this.importBatch(files);
  }

  /**
   * Imports files one after another (the window stays free: each is read in a core worker),
   * until done or cancelled. Encodings are decided from the files; a guess is named in the
   * result. With `onlyArticles` (a folder), files of no article format are skipped, not tried.
   */
  async importBatch(files: File[], options: { onlyArticles?: boolean } = {}) {
    if (this.batch?.running) {
      toasts.show('An import is already under way; wait for it or cancel it first.');
      return;
    }
    this.batch = { ...finishedBatch([]), total: files.length, done: 0, running: true };
    // The state's own proxy, so each change below reaches the panel as it happens.
    const live = this.batch;
    let firstImported: ArticleSummary | undefined;
    // A REFI-QDA project is no article: it gets its own dialog (previewed, with its choices)
    // after the batch, one project at a time.
    let firstProject: File | undefined;
    for (const file of files) {
      if (isProjectFile(file.name)) {
        live.results.push({
          name: file.name,
          status: 'skipped',
          message: firstProject
            ? 'A REFI-QDA project: one project at a time, so import this one on its own (File › Import REFI-QDA project…).'
            : 'A REFI-QDA project: it opens in its own dialog after this batch.',
        });
        firstProject ??= file;
      } else if (live.cancelled) {
        live.results.push({
          name: file.name,
          status: 'skipped',
          message: 'Not imported: the import was cancelled.',
        });
      } else if (options.onlyArticles && !hasImportExtension(file.name)) {
        live.results.push({
          name: file.name,
          status: 'skipped',
          message: 'Not an article format, left alone.',
        });
      } else {
        live.current = file.name;
        const result = await importOne(file);
        live.results.push(result.result);
        firstImported ??= result.summary;
      }
      live.done++;
    }
    live.current = null;
    live.running = false;
    await library.refresh();
    if (firstImported) await library.show(firstImported);
    if (firstProject && !live.cancelled) await projectImport.begin(firstProject);
  }

  cancelBatch() {
    if (this.batch?.running) this.batch.cancelled = true;
  }

  closeBatch() {
    if (!this.batch?.running) this.batch = null;
  }

  /** A duplicate the analyst wants anyway: imported as a second article. */
  async importAnyway(result: BatchResult) {
    if (!result.file || !this.batch) return;
    const again = await importOne(result.file, true);
    const at = this.batch.results.indexOf(result);
    if (at !== -1) this.batch.results[at] = again.result;
    if (again.summary) await library.show(again.summary);
  }

  /** Re-import a newer version of the open article. */
  async pickAndReimport() {
    const articleId = openArticle.article?.id;
    if (!articleId) return;
    const file = await pickFile(IMPORT_ACCEPT);
    if (file) await this.start(file, articleId);
  }

  async start(file: File, articleId?: string) {
    // A REFI-QDA project or codebook is no article: its own dialog previews it.
    if (!articleId && isProjectFile(file.name)) return projectImport.begin(file);
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
      // Already in the notebook: the batch panel says where, and offers to import it anyway.
      if (error instanceof ApiError && error.duplicateOf) {
        this.batch = finishedBatch([duplicateResult(file, error)]);
        return;
      }
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
    addRecentFile(file);
    await library.show(summary);
    toasts.show(`Imported “${summary.title}”.`);
  }
}

/** One file of a batch through the core, with what became of it in words. */
async function importOne(
  file: File,
  allowDuplicate = false,
): Promise<{ result: BatchResult; summary?: ArticleSummary }> {
  try {
    const bytes = await readPicked(file);
    const summary = await call('importFile', {
      fileName: file.name,
      bytes,
      ...(allowDuplicate && { allowDuplicate }),
    });
    addRecentFile(file);
    return {
      summary,
      result: {
        name: file.name,
        status: 'imported',
        message: summary.title,
        articleId: summary.id,
      },
    };
  } catch (error) {
    if (error instanceof ApiError && error.duplicateOf)
      return { result: duplicateResult(file, error) };
    return { result: { name: file.name, status: 'refused', message: messageOf(error) } };
  }
}

/** A batch with nothing left to do: these results to show. */
const finishedBatch = (results: BatchResult[]): Batch => ({
  total: results.length,
  done: results.length,
  current: null,
  results,
  running: false,
  cancelled: false,
});

function duplicateResult(file: File, error: ApiError): BatchResult {
  return {
    name: file.name,
    status: 'duplicate',
    message: `Already in the notebook, as “${error.duplicateOf!.title}”.`,
    articleId: error.duplicateOf!.id,
    file,
  };
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
