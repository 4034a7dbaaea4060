// Exporting 10,000 annotations of one article to Markdown, CSV and W3C JSON with the real
// exporters; one figure per format, no naive baseline.
import { renderExport } from '../../../electron/core/export';
import type { ExportFormat } from '../../../electron/shared/model';
import { inReadingOrder, type BenchRecords } from '../records';
import { benchLine, median, timeRuns, type BenchLine } from '../stats';

const RUNS = 9;
const FORMATS: Array<[ExportFormat, string]> = [
  ['markdown', 'Markdown'],
  ['csv', 'CSV'],
  ['w3c', 'W3C JSON'],
];

export async function benchExport(records: BenchRecords): Promise<BenchLine[]> {
  const annotations = inReadingOrder(records.annotations);
  const lines: BenchLine[] = [];
  for (const [format, label] of FORMATS) {
    let bytes = 0;
    const times = await timeRuns(RUNS, () => {
      const file = renderExport({
        format,
        scope: 'article',
        articles: [{ article: records.article, annotations }],
        tags: records.tags,
        exportedAt: new Date(Date.UTC(2024, 5, 12)),
      });
      bytes = Buffer.byteLength(file.content);
    });
    lines.push(
      benchLine({
        name: `export 10k annotations to ${label}`,
        median: median(times),
        unit: 'ms',
        budget: 150,
        baseline: null,
        runs: RUNS,
        outputMB: Number((bytes / 1e6).toFixed(2)),
      }),
    );
  }
  return lines;
}
