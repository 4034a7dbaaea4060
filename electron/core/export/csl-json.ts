// CSL-JSON: each article's reference as Zotero, Mendeley, Pandoc and citeproc read it (the
// Citation Style Language's data schema, csl-data.json): one array of items, one per article.
import { articleUrl } from './passages';
import { accessedParts, dateParts, nameParts, workKind, type WorkKind } from './reference-fields';
import type { ExportedArticle, ExportRequest } from './types';

const CSL_TYPES: Record<WorkKind, string> = {
  'journal-article': 'article-journal',
  'web-page': 'webpage',
  document: 'document',
};

type CslDate = { 'date-parts': number[][] } | { raw: string };

export function renderCslJson(request: ExportRequest): string {
  const items = request.articles.map(({ article }) => cslItem(article));
  return JSON.stringify(items, null, 2) + '\n';
}

export function cslItem(article: ExportedArticle): Record<string, unknown> {
  const issued = cslDate(article.published);
  const accessed = accessedParts(article.importedAt);
  const url = articleUrl(article);
  return {
    // Stable and unique within the notebook: the article's own id.
    id: article.id,
    type: CSL_TYPES[workKind(article)],
    title: article.title,
    ...(article.authors.length > 0 && { author: article.authors.map(nameParts) }),
    ...(issued && { issued }),
    ...(article.publication && { 'container-title': article.publication }),
    ...(url && { URL: url }),
    ...(article.doi && { DOI: article.doi }),
    ...(accessed && { accessed: { 'date-parts': [accessed] } }),
  };
}

/** Numbers when the date is ISO-like; otherwise as written, which citeproc parses itself. */
function cslDate(published: string): CslDate | undefined {
  if (published.trim() === '') return undefined;
  const parts = dateParts(published);
  return parts ? { 'date-parts': [parts.filter((p) => p !== undefined)] } : { raw: published };
}
