// Articles: import (file, pasted text, the bundled sample), list, read, memo, delete. Bodies are
// stored content-addressed beside the notebook; the record keeps every revision's address. The
// importers run in a core worker: this side only stores what they made.
import {
  CITATION_FIELDS,
  sortInReadingOrder,
  type Article,
  type ArticleAttributes,
  type ArticleFormat,
  type ArticleRecord,
  type ArticleSummary,
  type CanonicalDocument,
  type OriginalFile,
  type Revision,
} from '../../shared/model';
import type { ArticleView, Handlers } from '../../shared/contract';
import { QUOTE_CONTEXT } from '../anchoring/selectors';
import { importMimeType, type TextEncodingName } from '../../shared/import-formats';
import { badFile, NotebookError, notFound } from '../errors';
import { baseName } from '../import/names';
import type { Change, NotebookState } from '../store';
import { WorkerStoppedError } from '../workers';
import type { BodyFile } from '../store/bodies';
import type { FileInput, ImportedArticle } from '../workers/tasks';
import { packAnnotations, packedBody } from './article-view';
import { isoNow, workersOf, type ServiceContext } from './context';
import { currentAnalystId, updatedNow } from './analysts';
import { blindFilter, visibleIn, type Visible } from './visibility';

export function findArticle(state: NotebookState, id: string): ArticleRecord {
  const article = state.articles.get(id);
  if (!article) throw notFound('That article');
  return article;
}

export const currentRevision = (record: ArticleRecord): Revision => record.revisions.at(-1)!;

/** The record with its current revision's text, blocks and marks. */
export async function loadArticle(ctx: ServiceContext, record: ArticleRecord): Promise<Article> {
  const revision = currentRevision(record);
  const body = await ctx.store.getBody(revision.bodyHash);
  return {
    ...record,
    ...body,
    revision: revision.number,
  };
}

export async function loadArticleById(ctx: ServiceContext, id: string): Promise<Article> {
  return loadArticle(ctx, findArticle(ctx.store.state, id));
}

/** One article's annotation counts (of those the window may see, with `visible`). */
export function countsOf(state: NotebookState, articleId: string, visible: Visible | null = null) {
  const counts = { annotations: 0, review: 0 };
  for (const a of visibleIn(state, visible)) {
    if (a.articleId !== articleId) continue;
    counts.annotations++;
    if (a.anchor !== 'anchored') counts.review++;
  }
  return counts;
}

export function summarise(
  record: ArticleRecord,
  counts: { annotations: number; review: number },
): ArticleSummary {
  const { id, title, authors, published, source, publication, url, doi, format, importedAt } =
    record;
  // A copy: the summary crosses to the window, and the record must stay as committed.
  const attributes = { ...record.attributes };
  return {
    id,
    title,
    authors,
    published,
    source,
    publication,
    url,
    doi,
    format,
    importedAt,
    annotationCount: counts.annotations,
    needsReview: counts.review,
    revision: currentRevision(record).number,
    attributes,
  };
}

/** The same names with the same values, in whatever order. */
function sameAttributes(a: ArticleAttributes, b: ArticleAttributes): boolean {
  const names = Object.keys(a);
  return (
    names.length === Object.keys(b).length &&
    names.every((n) => Object.hasOwn(b, n) && b[n] === a[n])
  );
}

/** A new article's document: its body whole, or its body file made already (in a core worker). */
type NewDocument =
  | CanonicalDocument
  | { doc: Omit<CanonicalDocument, 'text' | 'blocks' | 'marks' | 'places'>; body: BodyFile };

async function addArticle(
  ctx: ServiceContext,
  made: NewDocument,
  format: ArticleFormat,
  source: string,
  extra: Change[] = [],
  encoding?: TextEncodingName,
  original?: OriginalFile,
): Promise<ArticleSummary> {
  const doc = 'body' in made ? made.doc : made;
  const bodyHash = await ctx.store.putBody(
    'body' in made
      ? made.body
      : { text: made.text, blocks: made.blocks, marks: made.marks, places: made.places },
  );
  // The original of an article whose text was lost, imported again: that repairs the article
  // (store/index.ts, repairedBy) rather than adding a copy. Put again as it is, so views refresh.
  const repaired = ctx.store.repairedBy(bodyHash);
  if (repaired) {
    await ctx.store.commit([{ kind: 'put', collection: 'articles', record: repaired }, ...extra]);
    return summarise(repaired, countsOf(ctx.store.state, repaired.id, await blindFilter(ctx)));
  }
  const stamp = isoNow(ctx);
  const record: ArticleRecord = {
    id: ctx.newId(),
    title: doc.title,
    authors: doc.details?.authors ?? [],
    published: doc.details?.published ?? '',
    source: doc.details?.source || source,
    publication: doc.details?.publication ?? '',
    url: doc.details?.url ?? '',
    doi: doc.details?.doi ?? '',
    format,
    ...(encoding && { encoding }),
    importedAt: stamp,
    memo: '',
    attributes: {},
    revisions: [
      { number: 1, createdAt: stamp, reason: 'import', bodyHash, ...(original && { original }) },
    ],
  };
  await ctx.store.commit([{ kind: 'put', collection: 'articles', record }, ...extra]);
  return summarise(record, { annotations: 0, review: 0 });
}

/**
 * A file read by the importers in a core worker. A worker that stopped while reading it (out of
 * memory on a pathological file, a crash in a parser) is the file's to answer for, in words.
 */
export async function importInWorker(
  ctx: ServiceContext,
  file: FileInput,
): Promise<ImportedArticle> {
  try {
    return await workersOf(ctx).run('importFile', file);
  } catch (error) {
    throw asBadFile(error, file.fileName);
  }
}

export function asBadFile(error: unknown, fileName: string): unknown {
  if (!(error instanceof WorkerStoppedError)) return error;
  return badFile(
    `“${fileName}” could not be read: reading it stopped unexpectedly. Nothing was saved.`,
  );
}

/** Adds the bundled sample on the very first run only; deleting it later is the analyst's choice. */
export async function seedSample(
  ctx: ServiceContext,
  sample: { fileName: string; bytes: Uint8Array },
) {
  if (ctx.store.state.meta.sampleSeeded) return;
  const imported = await importInWorker(ctx, sample);
  const { doc, body, format, source } = imported;
  const original = await keepOriginal(ctx, sample, imported.originalHash);
  await addArticle(
    ctx,
    { doc, body },
    format,
    source,
    [{ kind: 'meta', key: 'sampleSeeded', value: true }],
    undefined,
    original,
  );
}

/** Keeps the file an import read, byte for byte, before any record points at it. */
export async function keepOriginal(
  ctx: ServiceContext,
  file: FileInput,
  hash: string,
): Promise<OriginalFile> {
  await ctx.store.putOriginal(hash, file.bytes);
  return { hash, name: baseName(file.fileName) };
}

/**
 * The article a file is already in: the same bytes imported before, or the same text (another
 * copy of the file, saved again). An article whose text is unreadable is not one: importing
 * its file again is how it is repaired.
 */
function articleHolding(
  ctx: ServiceContext,
  bodyHash: string,
  originalHash: string,
): ArticleRecord | undefined {
  if (ctx.store.isUnreadable(bodyHash)) return undefined;
  for (const article of ctx.store.state.articles.values()) {
    const same = article.revisions.some(
      (r) => r.bodyHash === bodyHash || r.original?.hash === originalHash,
    );
    if (same) return article;
  }
  return undefined;
}

/** The file the article's latest revision from a file was read from, if any. */
export const latestOriginal = (record: ArticleRecord): OriginalFile | undefined =>
  record.revisions.findLast((r) => r.original)?.original;

/** Refuses an article that has no original: it was pasted, or written in the app. */
export const noOriginal = () =>
  new NotebookError(
    'not-found',
    'This article was not imported from a file (it was pasted or written here), so there is no original file to open or read again.',
  );

export function articleHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  | 'listArticles'
  | 'getArticle'
  | 'getArticleRecord'
  | 'previewImport'
  | 'importFile'
  | 'openOriginal'
  | 'importText'
  | 'updateArticleDetails'
  | 'setArticleAttributes'
  | 'deleteArticle'
  | 'setMemo'
  | 'getArticleView'
> {
  const { store } = ctx;
  const { state } = store;
  return {
    async listArticles() {
      const counts = new Map<string, { annotations: number; review: number }>();
      for (const a of visibleIn(state, await blindFilter(ctx))) {
        const c = counts.get(a.articleId) ?? { annotations: 0, review: 0 };
        c.annotations++;
        if (a.anchor !== 'anchored') c.review++;
        counts.set(a.articleId, c);
      }
      return [...state.articles.values()]
        .map((a) => summarise(a, counts.get(a.id) ?? { annotations: 0, review: 0 }))
        .sort((a, b) => b.importedAt.localeCompare(a.importedAt));
    },

    getArticle: ({ id }) => loadArticleById(ctx, id),

    getArticleRecord: async ({ id }) => findArticle(state, id),

    async getArticleView({ id, knownBodyHashes, annotations }) {
      const record = findArticle(state, id);
      const current = currentRevision(record);
      const view: ArticleView = { record, quoteContext: QUOTE_CONTEXT };
      const known = knownBodyHashes?.includes(current.bodyHash) ?? false;
      if (known && !annotations) return view;
      const body = await store.getBody(current.bodyHash);
      if (!known) view.body = packedBody(current.bodyHash, body);
      if (annotations) {
        const visible = await blindFilter(ctx);
        const list = sortInReadingOrder(
          [...state.annotations.values()].filter(
            (a) => a.articleId === id && (!visible || visible(a)),
          ),
        );
        const packed = packAnnotations(list, {
          hash: current.bodyHash,
          text: body.text,
          revision: current.number,
        });
        Object.assign(view, packed);
      }
      return view;
    },

    async previewImport(file) {
      try {
        return await workersOf(ctx).run('previewImport', file);
      } catch (error) {
        throw asBadFile(error, file.fileName);
      }
    },

    async importFile({ allowDuplicate, ...file }) {
      const imported = await importInWorker(ctx, file);
      const { doc, body, format, source, legacyEncoding, originalHash } = imported;
      const already = allowDuplicate ? undefined : articleHolding(ctx, body.hash, originalHash);
      if (already) {
        throw new NotebookError(
          'conflict',
          `“${baseName(file.fileName)}” is already in the notebook, as “${already.title}”.`,
          { duplicateOf: { id: already.id, title: already.title } },
        );
      }
      const original = await keepOriginal(ctx, file, originalHash);
      return addArticle(ctx, { doc, body }, format, source, [], legacyEncoding, original);
    },

    async openOriginal({ id }) {
      const record = findArticle(state, id);
      const original = latestOriginal(record);
      if (!original) throw noOriginal();
      const bytes = await store.getOriginal(original.hash);
      return {
        kind: 'download',
        fileName: original.name,
        mimeType: importMimeType(original.name),
        bytes,
      };
    },

    async importText({ text, title, source }) {
      const doc = await workersOf(ctx).run('importText', {
        text,
        ...(title?.trim() && { title: title.trim() }),
      });
      return addArticle(ctx, doc, 'pasted', source?.trim() || 'Pasted text');
    },

    async updateArticleDetails({ id, title, authors, published, source, ...citation }) {
      const record = findArticle(state, id);
      const updated: ArticleRecord = {
        ...record,
        title,
        authors,
        published,
        source,
        ...updatedNow(ctx),
      };
      // Citation fields not sent stay as they are (see CitationField).
      for (const field of CITATION_FIELDS) {
        const value = citation[field];
        if (value !== undefined) updated[field] = value;
      }
      await store.commit([{ kind: 'put', collection: 'articles', record: updated }]);
      return summarise(updated, countsOf(state, id, await blindFilter(ctx)));
    },

    async setArticleAttributes({ id, attributes }) {
      const record = findArticle(state, id);
      // The schema refused two names for one attribute; NFC here, as for tag names.
      const next: ArticleAttributes = {};
      for (const [name, value] of Object.entries(attributes)) {
        next[name.normalize('NFC')] = value.normalize('NFC');
      }
      const visible = await blindFilter(ctx);
      if (sameAttributes(record.attributes, next)) {
        return summarise(record, countsOf(state, id, visible));
      }
      const updated: ArticleRecord = { ...record, attributes: next, ...updatedNow(ctx) };
      await store.commit([{ kind: 'put', collection: 'articles', record: updated }]);
      return summarise(updated, countsOf(state, id, visible));
    },

    async deleteArticle({ id }) {
      findArticle(state, id);
      const changes: Change[] = [...state.annotations.values()]
        .filter((a) => a.articleId === id)
        .map((a) => ({ kind: 'delete', collection: 'annotations', id: a.id }));
      changes.push({ kind: 'delete', collection: 'articles', id });
      await store.commit(changes);
      return { deletedAnnotations: changes.length - 1 };
    },

    async setMemo({ articleId, memo }) {
      const record = findArticle(state, articleId);
      const by = currentAnalystId(ctx);
      const updated: ArticleRecord = {
        ...record,
        memo,
        memoUpdatedAt: isoNow(ctx),
        ...(by !== undefined && { memoUpdatedBy: by }),
        ...updatedNow(ctx),
      };
      await store.commit([{ kind: 'put', collection: 'articles', record: updated }]);
      return { memo };
    },
  };
}
