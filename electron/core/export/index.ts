// Exporters: the chosen articles and annotations as Markdown, CSV (Excel, or long for R and pandas),
// W3C JSON-LD, or a REFI-QDA project or codebook (electron/core/interchange). Pure (no I/O, no
// clock): the service gathers, the host decides where files go.
import type { ExportFile, ExportFormat } from '../../shared/model';
import { renderCsv } from './csv';
import { renderLongCsv } from './csv-long';
import { exportFileName } from './file-name';
import { renderMarkdown } from './markdown';
import type { ExportRequest } from './types';
import { renderW3c } from './w3c';
import { renderCslJson } from './csl-json';
import { renderBibtex } from './bibtex';
import { renderCodebookCsv, renderCodebookMarkdown } from './codebook';
import { renderQdc, renderQdpx } from '../interchange';

export type { ExportArticle, ExportedArticle, ExportRequest } from './types';
export { slugify } from './file-name';

interface Format {
  ext: string;
  /** Added to the file name when another format shares the extension. */
  variant?: string;
  mimeType: string;
  /** Text (the worker encodes it as UTF-8), or bytes already (a zip). */
  render: (request: ExportRequest) => string | Uint8Array;
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
  // No registered MIME types exist for REFI-QDA files; these name them for the save dialog.
  'refi-qdpx': { ext: 'qdpx', mimeType: 'application/x-qdpx', render: renderQdpx },
  'refi-qdc': { ext: 'qdc', variant: 'codebook', mimeType: 'application/x-qdc', render: renderQdc },
};

/** An export as text: what the text exporters make, before a core worker encodes it. */
export interface RenderedExport {
  fileName: string;
  mimeType: string;
  content: string;
}

const leftOutLine = (titles: string[]) =>
  `\n> Left out of this export, because their text could not be read: ${titles.map((t) => `“${t}”`).join(', ')}. Importing an article's original file again repairs it.\n`;

function render(request: ExportRequest) {
  const format = FORMATS[request.format];
  const article = request.articles[0]?.article;
  const title = request.scope === 'article' && article ? article.title : 'notebook';
  const leftOut = request.format === 'markdown' && request.leftOut?.length ? request.leftOut : [];
  const content = format.render(request);
  return {
    fileName: exportFileName(title, request.scope, request.exportedAt, format.ext, format.variant),
    mimeType: format.mimeType,
    content:
      typeof content === 'string' && leftOut.length ? content + leftOutLine(leftOut) : content,
  };
}

/** A text format's export (every format but the REFI-QDA project, which is a zip). */
export function renderExport(request: ExportRequest): RenderedExport {
  const { content, ...file } = render(request);
  if (typeof content !== 'string') {
    throw new Error(`A ${request.format} export is bytes, not text: see renderExportFile.`);
  }
  return { ...file, content };
}

/** Any format's export as the file a host saves: text encoded as UTF-8, a zip as it is. */
export function renderExportFile(request: ExportRequest): ExportFile {
  const { content, ...file } = render(request);
  return {
    ...file,
    bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
  };
}
