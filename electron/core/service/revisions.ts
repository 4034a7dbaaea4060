// New revisions of an article (an edit in the app, or a newer version imported over it): the old
// text is kept, and every annotation is re-anchored onto the new text or flagged for review.
import type { Annotation, ArticleBody, ArticleRecord } from '../../shared/model';
import type { Handlers, RevisionOutcome } from '../../shared/contract';
import { reanchor } from '../anchoring';
import { describePassage } from '../anchoring/selectors';
import { conflict } from '../errors';
import { importFile, legacy } from '../import';
import { cleanTitle } from '../import/document-builder';
import { editBody } from '../revisions/edit-body';
import type { Change } from '../store';
import { currentRevision, findArticle, loadArticle, summarise } from './articles';
import { isoNow, type ServiceContext } from './context';

async function addRevision(
  ctx: ServiceContext,
  record: ArticleRecord,
  body: ArticleBody,
  reason: 'edit' | 'reimport',
): Promise<RevisionOutcome> {
  const { store } = ctx;
  const bodyHash = await store.putBody(body);
  const stamp = isoNow(ctx);
  const number = currentRevision(record).number + 1;
  const revised: ArticleRecord = {
    ...record,
    revisions: [...record.revisions, { number, createdAt: stamp, reason, bodyHash }],
  };

  // Each annotation is re-anchored from the revision its selectors describe: anchored ones from
  // the previous revision, ones still awaiting review from wherever they were made.
  const byRevision = new Map<number, Annotation[]>();
  for (const a of store.state.annotations.values()) {
    if (a.articleId === record.id)
      byRevision.set(a.revision, [...(byRevision.get(a.revision) ?? []), a]);
  }
  const counts = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const changes: Change[] = [{ kind: 'put', collection: 'articles', record: revised }];
  for (const [revisionNumber, annotations] of byRevision) {
    const from = record.revisions.find((r) => r.number === revisionNumber);
    if (!from) continue;
    const old = await store.getBody(from.bodyHash);
    const results = reanchor(old.text, body.text, annotations);
    results.forEach((result, i) => {
      const annotation = annotations[i]!;
      counts[result.state]++;
      const { candidate: _old, ...rest } = annotation;
      let next: Annotation;
      if (result.state === 'anchored') {
        next = {
          ...rest,
          selectors: describePassage(body.text, result.start!, result.end!),
          revision: number,
          anchor: 'anchored',
        };
      } else if (result.state === 'orphaned') {
        next = { ...rest, anchor: 'orphaned' };
      } else {
        next = {
          ...rest,
          anchor: result.state,
          candidate: { start: result.start!, end: result.end! },
        };
      }
      changes.push({ kind: 'put', collection: 'annotations', record: next });
    });
  }
  await store.commit(changes);
  const review = counts.moved + counts.fuzzy + counts.orphaned;
  return {
    article: summarise(revised, { annotations: review + counts.anchored, review }),
    ...counts,
  };
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

export function revisionHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'editArticle' | 'reimportArticle'> {
  const { state } = ctx.store;
  return {
    async editArticle({ id, text }) {
      const record = findArticle(state, id);
      const article = await loadArticle(ctx, record);
      const body = editBody(article, text);
      if (body.text === '') throw conflict('An article cannot be empty; delete it instead.');
      if (body.text === article.text)
        throw conflict('Nothing changed: the text is the same as now.');
      const title = followHeadline(record.title, article, body) ?? record.title;
      return addRevision(ctx, { ...record, title }, body, 'edit');
    },

    async reimportArticle({ id, fileName, bytes, encoding }) {
      const record = findArticle(state, id);
      const imported = await importFile(fileName, bytes, encoding);
      const { doc, format } = imported;
      const article = await loadArticle(ctx, record);
      if (doc.text === article.text) {
        throw conflict(`“${fileName}” has the same text as the current revision; nothing changed.`);
      }
      const body = { text: doc.text, blocks: doc.blocks, marks: doc.marks };
      // The details are the analyst's (they may have corrected them); only a title that was the
      // old headline follows the new one.
      const { encoding: _previous, ...rest } = record;
      const used = legacy(imported);
      const title = followHeadline(record.title, article, body) ?? record.title;
      const revised = { ...rest, title, format, ...(used && { encoding: used }) };
      return addRevision(ctx, revised, body, 'reimport');
    },
  };
}
