// The CPU-heavy pure work the core hands to its workers: importing (decoding, jsdom, Readability,
// markdown-it), making a revision's body and re-anchoring every annotation onto it, and rendering
// exports. Plain data in, plain data out; no store, no clock, no disk.
import { createHash } from 'node:crypto';
import type { ArticleFormat, ImportPreview, TextEncodingName } from '../../shared/import-formats';
import {
  compareReadingOrder,
  type ArticleBody,
  type CanonicalDocument,
  type ExportFile,
} from '../../shared/model';
import { reanchor, type AnchorInput } from '../anchoring';
import { conflict } from '../errors';
import type { ExportedArticle, ExportRequest } from '../export';
import type { ReportInput } from '../report/types';
import { unpackAnnotations, type PackedAnnotations } from '../export/packed-annotations';
import { importFile, importPastedText, legacy, previewImport } from '../import';
import { cleanTitle } from '../import/document-builder';
import { editBody, normaliseEditedText } from '../revisions/edit-body';
import { canonicalBodyBytes, type BodyFile } from '../store/bodies';
import { packPlacements, type PackedPlacements } from './placements';

export interface FileInput {
  fileName: string;
  bytes: Uint8Array;
  encoding?: TextEncodingName;
}

export interface ImportedFile {
  doc: CanonicalDocument;
  format: Exclude<ArticleFormat, 'pasted'>;
  source: string;
  /** The encoding worth recording on the article: a legacy one only. */
  legacyEncoding?: TextEncodingName;
}

async function importTask(input: FileInput): Promise<ImportedFile> {
  // The alternatives are for the import dialog's preview: importing doesn't show them.
  const imported = await importFile(input.fileName, input.bytes, input.encoding, {
    alternatives: false,
  });
  const used = legacy(imported);
  return {
    doc: imported.doc,
    format: imported.format,
    source: imported.source,
    ...(used && { legacyEncoding: used }),
  };
}

/**
 * A file imported as a new article: its body canonical already and its bytes' sha-256 (the name
 * its original is kept under), so the main thread only writes them.
 */
export interface ImportedArticle extends Omit<ImportedFile, 'doc'> {
  doc: Omit<CanonicalDocument, 'text' | 'blocks' | 'marks' | 'places'>;
  body: BodyFile;
  originalHash: string;
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function importArticleTask(input: FileInput): Promise<ImportedArticle> {
  const { doc, ...imported } = await importTask(input);
  const { text, blocks, marks, places, ...rest } = doc;
  const { hash, json } = canonicalBodyBytes({ text, blocks, marks, places });
  return {
    ...imported,
    doc: rest,
    body: { hash, json },
    originalHash: sha256Of(input.bytes),
  };
}

export interface ReviseInput {
  /**
   * The current revision's body file, its bytes checked against its hash already: bytes cross as
   * one copy, where the body's 30,000 block objects held the main thread 10-40 ms to cut up and
   * send (and its receiving side as long again for the new body coming back).
   */
  current: Uint8Array;
  /** The article's title now: one that was the old headline follows the new headline. */
  title: string;
  change: { kind: 'edit'; text: string } | ({ kind: 'reimport' } & FileInput);
  /**
   * The article's annotations, grouped by the revision their selectors describe, with that
   * revision's text (absent: the current revision's). Packed: ten thousand object graphs would
   * cost the main thread ~100 ms to clone.
   */
  sources: Array<{ text?: string; annotations: PackedAnnotations }>;
}

/** Handed over as soon as it is made, so the body can be stored while re-anchoring runs. */
export interface RevisedBody {
  /**
   * The new body's file, canonical already: the main thread only writes it, and parses it from
   * these bytes in slices as it does (BodyStore.put: the text it describes each annotation's new
   * place in, and the window's next look). Its text apart would be a 3 MB string to join at once.
   */
  body: BodyFile;
  title: string;
  /** Set by a re-import: the file's format and (when legacy) its encoding. */
  format?: Exclude<ArticleFormat, 'pasted'>;
  legacyEncoding?: TextEncodingName;
  /** Set by a re-import: the sha-256 of the file's bytes, the name its original is kept under. */
  originalHash?: string;
}

async function reviseTask(
  input: ReviseInput,
  emit: (revised: RevisedBody) => void,
): Promise<{ placements: PackedPlacements }> {
  const { change } = input;
  // Checked by the main thread (its hash, and its shape when first read): parsed as it is.
  const current = JSON.parse(new TextDecoder().decode(input.current)) as ArticleBody;
  let revised: RevisedBody;
  let newText: string;
  if (change.kind === 'edit') {
    const body = editBody(current, change.text);
    if (body.text === '') throw conflict('An article cannot be empty; delete it instead.');
    if (body.text === current.text) throw conflict('Nothing changed: the text is the same as now.');
    revised = {
      ...bodyFileOf(body),
      title: followHeadline(input.title, current, body) ?? input.title,
    };
    newText = body.text;
  } else {
    const imported = await importTask(change);
    const { doc } = imported;
    if (doc.text === current.text) {
      throw conflict(
        `“${change.fileName}” has the same text as the current revision; nothing changed.`,
      );
    }
    const body = { text: doc.text, blocks: doc.blocks, marks: doc.marks, places: doc.places };
    revised = {
      ...bodyFileOf(body),
      title: followHeadline(input.title, current, body) ?? input.title,
      format: imported.format,
      ...(imported.legacyEncoding && { legacyEncoding: imported.legacyEncoding }),
      originalHash: sha256Of(change.bytes),
    };
    newText = body.text;
  }
  emit(revised);
  return { placements: placementsOf(input.sources, current.text, newText) };
}

/** Each source's annotations re-anchored onto `newText`, from their text or the current one. */
function placementsOf(
  sources: ReviseInput['sources'],
  currentText: string,
  newText: string,
): PackedPlacements {
  return sources.map(({ text, annotations }) => {
    const anchors = unpackAnnotations(annotations).map(({ id, selectors }): AnchorInput => ({
      id,
      selectors,
    }));
    return packPlacements(reanchor(text ?? currentText, newText, anchors));
  });
}

/**
 * An edit's re-anchoring, apart from its body: the new text is the edited text normalised, as
 * editBody makes it, so this runs in a second worker while the first makes the body (its blocks,
 * marks, file and hash: ~125 ms for the bench's article, which re-anchoring used to follow).
 */
export interface ReanchorEditInput {
  /** The current revision's text (what the anchored annotations' selectors describe). */
  currentText: string;
  /** The text as the analyst saved it, before normaliseEditedText. */
  editedText: string;
  sources: ReviseInput['sources'];
}

function reanchorEditTask(input: ReanchorEditInput): { placements: PackedPlacements } {
  const newText = normaliseEditedText(input.editedText);
  return { placements: placementsOf(input.sources, input.currentText, newText) };
}

/** A new body as a revision hands it over: its file alone. */
function bodyFileOf(body: ArticleBody): Pick<RevisedBody, 'body'> {
  const { hash, json } = canonicalBodyBytes(body);
  return { body: { hash, json } };
}

/** The text of the first heading, if the body starts with one. */
function headlineOf(body: ArticleBody): string | undefined {
  const first = body.blocks[0];
  return first?.type === 'heading' ? body.text.slice(first.start, first.end) : undefined;
}

/**
 * A title that was the article's headline follows an edited headline (so the library shows what
 * the article now says); a title the analyst chose stays. Undefined: keep the title.
 */
function followHeadline(title: string, before: ArticleBody, after: ArticleBody) {
  const was = headlineOf(before);
  const now = headlineOf(after);
  if (was === undefined || now === undefined || was === now) return undefined;
  return title === cleanTitle(was) ? cleanTitle(now) : undefined;
}

/** An export request as it crosses to the worker (see ExportRequest). */
export interface ExportInput extends Omit<ExportRequest, 'articles'> {
  /**
   * Annotations in any order, packed (a cheap clone): they are unpacked and put in reading order
   * here, off the main thread.
   */
  articles: Array<{ article: ExportedArticle; annotations: PackedAnnotations }>;
}

async function exportTask(input: ExportInput): Promise<ExportFile> {
  // The exporters bring markdown-it along: loaded on the first export.
  const { renderExportFile } = await import('../export');
  const articles = input.articles.map(({ article, annotations }) => ({
    article,
    annotations: unpackAnnotations(annotations).sort(compareReadingOrder),
  }));
  // Encoded here, off the main thread, which then only passes the bytes on.
  return renderExportFile({ ...input, articles });
}

export const CORE_TASKS = {
  importFile: importArticleTask,
  previewImport: (input: FileInput): Promise<ImportPreview> =>
    previewImport(input.fileName, input.bytes, input.encoding),
  importText: (input: { text: string; title?: string }): CanonicalDocument =>
    importPastedText(input.text, input.title),
  revise: reviseTask,
  reanchorEdit: reanchorEditTask,
  renderExport: exportTask,
  // REFI-QDA in: the project read, its texts made canonical and its selections mapped.
  readProject: async (input: FileInput) =>
    (await import('../interchange/read-project')).readProjectFile(input.fileName, input.bytes),
  // The docx library and the analysis load with the first report.
  renderReport: async (input: ReportInput): Promise<ExportFile> =>
    (await import('../report')).renderReport(input),
};

export type CoreTasks = typeof CORE_TASKS;
export type CoreTaskName = keyof CoreTasks;

/** What a task's `emit` hands over, for the tasks that hand something over. */
export interface CoreTaskEvents {
  revise: RevisedBody;
}
