// Reports of the coded material: the model built from what the service gathered, then drawn as
// HTML or Word. Runs in a core worker (the docx library and the analysis stay off the main
// thread); a PDF is the HTML, printed by the host.
import type { ExportFile } from '../../shared/model';
import type { ReportFormat } from '../../shared/report';
import { unpackAnnotations } from '../export/packed-annotations';
import { exportFileName } from '../export/file-name';
import { renderReportDocx } from './docx';
import { buildReport } from './gather';
import { renderReportHtml } from './html';
import type { ReportInput, ReportRender } from './types';

export type { ReportArticle, ReportInput, ReportModel } from './types';
export { buildReport, reportTagIds } from './gather';
export { renderReportHtml } from './html';
export { renderReportDocx } from './docx';

export const REPORT_FILES: Record<ReportFormat, { ext: string; mimeType: string }> = {
  html: { ext: 'html', mimeType: 'text/html' },
  pdf: { ext: 'pdf', mimeType: 'application/pdf' },
  docx: {
    ext: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
};

/** `coded-passages-2026-12-02.pdf`: the title's slug and the day it was made. */
export const reportFileName = (title: string, generatedAt: Date, format: ReportFormat) =>
  exportFileName(title, 'report', generatedAt, REPORT_FILES[format].ext);

/** The report as a file: HTML (what a PDF prints) or Word. */
export async function renderReport(input: ReportInput): Promise<ExportFile> {
  const model = buildReport({
    ...input,
    // In any order: the model puts them in reading order.
    articles: input.articles.map(({ article, annotations }) => ({
      article,
      annotations: unpackAnnotations(annotations),
    })),
  });
  const format: ReportRender = input.render;
  const bytes =
    format === 'docx'
      ? await renderReportDocx(model)
      : new TextEncoder().encode(renderReportHtml(model));
  return {
    fileName: reportFileName(input.fileTitle, input.generatedAt, format),
    mimeType: REPORT_FILES[format].mimeType,
    bytes,
  };
}
