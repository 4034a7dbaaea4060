// Exporters: the chosen articles and annotations as Markdown, CSV (Excel, or long for R and pandas)
// or W3C JSON-LD. Pure (no I/O, no clock): the service gathers, the host decides where files go.
import type { ExportFormat } from '../../shared/model';
import { renderCsv } from './csv';
import { renderLongCsv } from './csv-long';
import { exportFileName } from './file-name';
import { renderMarkdown } from './markdown';
import type { ExportRequest } from './types';
import { renderW3c } from './w3c';
import { renderCslJson } from './csl-json';
import { renderBibtex } from './bibtex';
import { renderCodebookCsv, renderCodebookMarkdown } from './codebook';

export type { ExportArticle, ExportedArticle, ExportRequest } from './types';
export { slugify } from './file-name';

interface Format {
  ext: string;
  /** Added to the file name when another format shares the extension. */
  variant?: string;
  mimeType: string;
  render: (request: ExportRequest) => string;
}

const FORMATS: Record<ExportFormat, Format> = {
  markdown: { ext: 'md', mimeType: 'text/markdown', render: renderMarkdown },
  csv: { ext: 'csv', mimeType: 'text/csv', render: renderCsv },
  'csv-long': { ext: 'csv', variant: 'long', mimeType: 'text/csv', render: renderLongCsv },
  w3c: { ext: 'jsonld', mimeType: 'application/ld+json', render: renderW3c },
  'csl-json': {
    ext: 'json',
    variant: 'references',
    mimeType: 'application/vnd.citationstyles.csl+json',
    render: renderCslJson,
  },
  bibtex: { ext: 'bib', mimeType: 'application/x-bibtex', render: renderBibtex },
  'codebook-markdown': {
    ext: 'md',
    variant: 'codebook',
    mimeType: 'text/markdown',
    render: renderCodebookMarkdown,
  },
  'codebook-csv': {
    ext: 'csv',
    variant: 'codebook',
    mimeType: 'text/csv',
    render: renderCodebookCsv,
  },
};

/** An export as text: what the exporters make, before a core worker encodes it (ExportFile). */
export interface RenderedExport {
  fileName: string;
  mimeType: string;
  content: string;
}

const leftOutLine = (titles: string[]) =>
  `\n> Left out of this export, because their text could not be read: ${titles.map((t) => `“${t}”`).join(', ')}. Importing an article's original file again repairs it.\n`;

export function renderExport(request: ExportRequest): RenderedExport {
  const format = FORMATS[request.format];
  const article = request.articles[0]?.article;
  const title = request.scope === 'article' && article ? article.title : 'notebook';
  const leftOut = request.format === 'markdown' && request.leftOut?.length ? request.leftOut : [];
  return {
    fileName: exportFileName(title, request.scope, request.exportedAt, format.ext, format.variant),
    mimeType: format.mimeType,
    content: format.render(request) + (leftOut.length ? leftOutLine(leftOut) : ''),
  };
}
