// Exporters: turn the chosen articles and annotations into a Markdown, CSV or W3C JSON-LD file.
// Pure functions (no I/O, no clock): the service gathers the data, the host decides where it goes.
import type { ExportFile, ExportFormat } from '../../shared/model';
import { renderCsv } from './csv';
import { exportFileName } from './file-name';
import { renderMarkdown } from './markdown';
import type { ExportRequest } from './types';
import { renderW3c } from './w3c';

export type { ExportArticle, ExportRequest } from './types';
export { slugify } from './file-name';

const FORMATS: Record<
  ExportFormat,
  { ext: string; mimeType: string; render: (request: ExportRequest) => string }
> = {
  markdown: { ext: 'md', mimeType: 'text/markdown', render: renderMarkdown },
  csv: { ext: 'csv', mimeType: 'text/csv', render: renderCsv },
  // Replaced by the long exporter in the exports work (one row per passage and tag).
  'csv-long': { ext: 'csv', mimeType: 'text/csv', render: renderCsv },
  w3c: { ext: 'jsonld', mimeType: 'application/ld+json', render: renderW3c },
};

export function renderExport(request: ExportRequest): ExportFile {
  const format = FORMATS[request.format];
  const article = request.articles[0]?.article;
  const title = request.scope === 'article' && article ? article.title : 'notebook';
  return {
    fileName: exportFileName(title, request.scope, request.exportedAt, format.ext),
    mimeType: format.mimeType,
    content: format.render(request),
  };
}
