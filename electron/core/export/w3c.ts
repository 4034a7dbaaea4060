// W3C Web Annotation Data Model export: one AnnotationCollection (JSON-LD) whose items target the
// articles with a quote selector and, where the position is trusted, a code-point position.
import { articleUrl, NOTEBOOK_TITLE, passagesOf, tagIndex, type ExportPassage } from './passages';
import { QUOTE_CONTEXT } from '../anchoring/selectors';
import { pageSpan } from '../../shared/places';
import { codePointOffsets } from './code-points';
import { oneLinePath, perTag } from './csv-cells';
import type { ExportedArticle, ExportRequest } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Not a W3C term: an absolute IRI as key keeps it valid JSON-LD, so the anchor state survives. */
export const ANCHOR_PROPERTY = 'urn:notebook:anchor';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Body =
  | { type: 'TextualBody'; purpose: 'tagging'; value: string }
  | { type: 'TextualBody'; purpose: 'commenting'; value: string; format: 'text/markdown' };

/**
 * Hypothesis's PageSelector (its PDF annotations carry it, and its client reads it): the
 * zero-based index of the page a passage begins on and the page's own label. Not a W3C term; the
 * model allows other selector types, and tools that don't know it skip it.
 */
export const PAGE_SELECTOR = 'PageSelector';
/** Every page a passage runs over ("4–5"), beside the PageSelector that names only the first. */
export const PAGES_PROPERTY = 'urn:notebook:pages';

type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'TextPositionSelector'; start: number; end: number }
  | { type: typeof PAGE_SELECTOR; index: number; label: string };

interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  body?: Body[];
  target: { source: string; selector: Selector[] };
  [ANCHOR_PROPERTY]: string;
  [PAGES_PROPERTY]?: string;
}

export function renderW3c(request: ExportRequest): string {
  const tags = tagIndex(request.tags);
  // Paths (`Economy/Trade`), as the CSVs write them: a bare name would lose the tree.
  const pathOf = perTag(oneLinePath(tags));
  const items: W3cAnnotation[] = [];
  for (const item of request.articles) {
    const passages = passagesOf(item, tags);
    const toCodePoints = codePointOffsets(item.article.text);
    const source = articleUrl(item.article) ?? `urn:notebook:article:${item.article.id}`;
    for (const p of passages) items.push(annotation(item.article, source, p, toCodePoints, pathOf));
  }

  const first = request.articles[0];
  const single = request.scope === 'article' && first !== undefined;
  const filter = request.tagFilter?.length
    ? ` (tags: ${request.tagFilter.map((t) => t.name).join(', ')})`
    : '';
  // The model asks collections and pages for an IRI; an export has no server, so a URN in the
  // same namespace as article sources names this export.
  const subject = single ? `article:${first.article.id}` : 'notebook';
  const id = `urn:notebook:export:${subject}:${request.exportedAt.toISOString()}`;
  const collection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: (single ? first.article.title : NOTEBOOK_TITLE) + filter,
    total: items.length,
    first: { id: `${id}:page:0`, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
  };
  // Compact JSON: it is for machines, and at 10k annotations indenting (or one stringify per
  // item, to put each on its own line) costs more than the whole 150 ms budget allows.
  return JSON.stringify(collection) + '\n';
}

function annotation(
  article: ExportedArticle,
  source: string,
  p: ExportPassage,
  toCodePoints: (offset: number) => number,
  pathOf: (tag: ExportPassage['tags'][number]) => string,
): W3cAnnotation {
  const a = p.annotation;
  const body: Body[] = p.tags.map((tag) => ({
    type: 'TextualBody',
    purpose: 'tagging',
    value: pathOf(tag),
  }));
  if (a.comment.trim()) {
    body.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: a.comment,
      format: 'text/markdown',
    });
  }
  const quote = a.selectors[1];
  // Where an orphan stands is unknown: only the quote as it was made is honest.
  const selector: Selector[] = p.orphaned
    ? [
        {
          type: 'TextQuoteSelector',
          exact: quote.exact,
          prefix: wholeStart(quote.prefix),
          suffix: wholeEnd(quote.suffix),
        },
      ]
    : [
        {
          type: 'TextQuoteSelector',
          exact: p.passage,
          // From the current text, so the quote agrees with the position beside it.
          prefix: wholeStart(article.text.slice(Math.max(0, p.start - QUOTE_CONTEXT), p.start)),
          suffix: wholeEnd(article.text.slice(p.end, p.end + QUOTE_CONTEXT)),
        },
        { type: 'TextPositionSelector', start: toCodePoints(p.start), end: toCodePoints(p.end) },
        ...(p.pages && p.pageIndex !== undefined
          ? [{ type: PAGE_SELECTOR, index: p.pageIndex, label: p.pages.first } as const]
          : []),
      ];
  return {
    // Our ids are UUIDs in the app; anything else (older data, tests) still gets a valid URN.
    id: UUID.test(a.id) ? `urn:uuid:${a.id.toLowerCase()}` : `urn:notebook:annotation:${a.id}`,
    type: 'Annotation',
    created: a.createdAt,
    modified: a.updatedAt,
    ...(body.length ? { body } : {}),
    target: { source, selector },
    [ANCHOR_PROPERTY]: a.anchor,
    ...(p.pages && { [PAGES_PROPERTY]: pageSpan(p.pages) }),
  };
}

/** A cut context may start with half of a surrogate pair; JSON would carry it as a lone escape. */
function wholeStart(text: string): string {
  return /^[\uDC00-\uDFFF]/.test(text) ? text.slice(1) : text;
}

function wholeEnd(text: string): string {
  return /[\uD800-\uDBFF]$/.test(text) ? text.slice(0, -1) : text;
}
