// The coverage strip: one row per tag used in an article, each run of coded text drawn where it
// falls along the article's length.
import type { AnalysisTag, Coverage } from '../../../../electron/shared/analysis';
import { charsIn, truncateStart } from './labels';
import type { FigureTable } from './table';

export const STRIP_GEOMETRY = {
  width: 760,
  labelWidth: 220,
  rowHeight: 26,
  barHeight: 16,
  top: 26,
};

export interface StripRun {
  start: number;
  end: number;
  x: number;
  width: number;
}

export function coverageLayout(
  coverage: Coverage,
  tagsById: ReadonlyMap<string, AnalysisTag>,
  geometry = STRIP_GEOMETRY,
) {
  const { width, labelWidth, rowHeight, barHeight, top } = geometry;
  const plot = width - labelWidth - 16;
  const length = Math.max(1, coverage.length);
  const at = (offset: number) => labelWidth + (Math.min(offset, length) / length) * plot;
  const rows = coverage.tags.map((entry, i) => {
    const tag = tagsById.get(entry.tagId);
    const path = tag?.path ?? 'A deleted tag';
    const label = truncateStart(path, charsIn(labelWidth - 16));
    return {
      tagId: entry.tagId,
      path,
      label,
      truncated: label !== path,
      color: tag?.color ?? '#9a968c',
      codedChars: entry.codedChars,
      share: entry.codedChars / length,
      y: top + i * rowHeight + (rowHeight - barHeight) / 2,
      // A run of one character is still drawn wide enough to see and to click.
      runs: entry.runs.map((run): StripRun => ({
        ...run,
        x: at(run.start),
        width: Math.max(3, at(run.end) - at(run.start)),
      })),
    };
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => ({ share: t, x: labelWidth + t * plot }));
  return {
    width,
    height: top + rows.length * rowHeight + 12,
    plotX: labelWidth,
    plotWidth: plot,
    barHeight,
    rows,
    ticks,
  };
}

export function coverageTable(layout: ReturnType<typeof coverageLayout>, title: string) {
  return {
    caption: `Where each tag falls in “${title}”`,
    header: ['Tag', 'Runs', 'Characters coded', 'Share of the text (%)'],
    rows: layout.rows.map((row) => ({
      key: row.tagId,
      head: row.path,
      cells: [row.runs.length, row.codedChars, Math.round(row.share * 1000) / 10],
    })),
  } satisfies FigureTable;
}
