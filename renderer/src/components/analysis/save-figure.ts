// Saving a chart: its SVG, a PNG painted from it, or its table as CSV, checked by the core and
// then saved where Electron's dialog says, or handed to the browser's downloads (browser host).
import type { FigureType } from '../../../../electron/shared/analysis';
import { call } from '../../lib/api';
import { tableCsv, type FigureTable } from '../../lib/charts/table';
import { figureFileName, pngBytes, sizeOf, svgMarkup } from '../../lib/charts/figure-file';
import { downloadFile } from '../../lib/files/pick-file';
import { toasts } from '../../lib/state/toasts.svelte';

export type FigureFormat = 'svg' | 'png' | 'csv';

const TYPES: Record<FigureFormat, FigureType> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  csv: 'text/csv',
};

export interface SaveRequest {
  format: FigureFormat;
  /** The chart's title: the file is named after it. */
  title: string;
  /** What the picture shows, in a sentence (the SVG's aria-label). */
  summary: string;
  svg: SVGSVGElement | undefined;
  table: FigureTable;
}

export async function saveFigure({ format, title, summary, svg, table }: SaveRequest) {
  try {
    const encoder = new TextEncoder();
    let bytes: Uint8Array;
    if (format === 'csv') bytes = encoder.encode(tableCsv(table));
    else {
      if (!svg) throw new Error('The chart is not drawn yet: show it, then save it.');
      const markup = svgMarkup(svg, summary);
      bytes = format === 'svg' ? encoder.encode(markup) : await pngBytes(markup, sizeOf(svg));
    }
    const fileName = figureFileName(title, format);
    const outcome = await call('saveFigure', { fileName, mimeType: TYPES[format], bytes });
    if (outcome.kind === 'download') {
      downloadFile(outcome.file);
      toasts.show(`Exported ${outcome.file.fileName} to your downloads.`);
    } else if (outcome.kind === 'saved') {
      toasts.show(`Exported to ${outcome.path}.`);
    }
  } catch (error) {
    toasts.error(error);
  }
}
