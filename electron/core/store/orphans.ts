// After a recovery, no record may be invisible. An annotation whose article was lost moves to an
// article of its own, "Recovered annotations", whose text is each such annotation's quote: there
// it can be read, copied into another article and re-tagged, or deleted, and its tags count what
// is shown. An annotation whose article lost the revision it was made on is flagged orphaned on
// that article, so it waits in the review list to be re-attached.
import type { Annotation, ArticleBody, ArticleRecord, Block } from '../../shared/model';
import type { Notice } from '../../shared/notices';
import type { Change, NotebookState } from './notebook-data';

export const RECOVERED_TITLE = 'Recovered annotations';

/** The changes that make every annotation visible, the body they need, and what to tell. */
export interface Rehoming {
  changes: Change[];
  body: ArticleBody | undefined;
  notices: Notice[];
}

/**
 * `putBody` stores the recovered article's text and returns its hash; it is called before any
 * change refers to it. `at` is when the recovery runs.
 */
export async function rehomeAnnotations(
  state: NotebookState,
  at: Date,
  putBody: (body: ArticleBody) => Promise<string>,
): Promise<Rehoming> {
  const lost: Annotation[] = [];
  const unplaced: Annotation[] = [];
  for (const a of state.annotations.values()) {
    const article = state.articles.get(a.articleId);
    if (!article) lost.push(a);
    else if (!article.revisions.some((r) => r.number === a.revision)) unplaced.push(a);
  }
  const changes: Change[] = [];
  const notices: Notice[] = [];
  let body: ArticleBody | undefined;

  if (lost.length > 0) {
    const built = recoveredArticle(lost, at, (id) => state.articles.has(id));
    body = built.body;
    const text = body.text;
    const bodyHash = await putBody(body);
    const record: ArticleRecord = {
      ...built.record,
      revisions: [{ number: 1, createdAt: at.toISOString(), reason: 'import', bodyHash }],
    };
    changes.push({ kind: 'put', collection: 'articles', record });
    lost.forEach((a, i) => {
      const span = built.spans[i]!;
      const { candidate: _dropped, ...rest } = a;
      const moved: Annotation = {
        ...rest,
        articleId: record.id,
        revision: 1,
        selectors: [
          { type: 'TextPositionSelector', start: span.start, end: span.end },
          {
            type: 'TextQuoteSelector',
            exact: text.slice(span.start, span.end),
            prefix: text.slice(Math.max(0, span.start - 32), span.start),
            suffix: text.slice(span.end, span.end + 32),
          },
        ],
        anchor: 'anchored',
      };
      changes.push({ kind: 'put', collection: 'annotations', record: moved });
    });
    notices.push({
      code: 'annotations-recovered',
      params: { count: lost.length, articleId: record.id, title: record.title },
    });
  }

  if (unplaced.length > 0) {
    const titles = new Set<string>();
    for (const a of unplaced) {
      const article = state.articles.get(a.articleId)!;
      titles.add(article.title);
      const { candidate: _dropped, ...rest } = a;
      const current = article.revisions.at(-1)?.number ?? 1;
      changes.push({
        kind: 'put',
        collection: 'annotations',
        record: { ...rest, revision: current, anchor: 'orphaned' },
      });
    }
    notices.push({
      code: 'annotations-unplaced',
      params: { count: unplaced.length, articleTitles: [...titles] },
    });
  }
  return { changes, body, notices };
}

/** The article's record (without its revision yet), its text, and each annotation's place in it. */
function recoveredArticle(annotations: Annotation[], at: Date, taken: (id: string) => boolean) {
  const intro =
    'The articles these passages were annotated in could not be recovered. Each passage keeps its tags and comment: copy what you need into another article, or delete this one when you are done with it.';
  const parts = [RECOVERED_TITLE, intro];
  const blocks: Block[] = [];
  const spans: { start: number; end: number }[] = [];
  let offset = 0;
  const add = (text: string, type: Block['type']) => {
    blocks.push({
      type,
      ...(type === 'heading' && { level: 1 }),
      start: offset,
      end: offset + text.length,
    });
    const span = { start: offset, end: offset + text.length };
    offset += text.length + 2;
    return span;
  };
  add(RECOVERED_TITLE, 'heading');
  add(intro, 'paragraph');
  for (const a of annotations) {
    const quote = a.selectors[1].exact.trim() || '(an empty passage)';
    parts.push(quote);
    spans.push(add(quote, 'paragraph'));
  }
  const body: ArticleBody = { text: parts.join('\n\n'), blocks, marks: [] };
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let id = `recovered-${stamp}`;
  for (let n = 2; taken(id); n++) id = `recovered-${stamp}-${n}`;
  const record: Omit<ArticleRecord, 'revisions'> = {
    id,
    title: RECOVERED_TITLE,
    authors: [],
    published: '',
    source: 'Recovered by Research Notebook',
    publication: '',
    url: '',
    doi: '',
    format: 'pasted',
    importedAt: at.toISOString(),
    memo: '',
    attributes: {},
    recovered: true,
  };
  return { body, record, spans };
}
