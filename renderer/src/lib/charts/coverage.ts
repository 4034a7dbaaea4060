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

type StripRow = ReturnType<typeof coverageLayout>['rows'][number];

/**
 * A row's runs as one SVG path (a rectangle each): past a few hundred runs, one element a row
 * draws in milliseconds where an element a run took a second.
 */
export function runsPath(row: StripRow, barHeight: number): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  let d = '';
  for (const run of row.runs) {
    const width = round(run.width);
    d += `M${round(run.x)} ${round(row.y)}h${width}v${barHeight}h${-width}z`;
  }
  return d;
}

/**
 * The run drawn under a point of the strip (in its own coordinates), or undefined: the row whose
 * bar holds y, then the last run of it that begins at or before x and still covers x. Runs are in
 * text order, so their x only grows; a run widened to be visible may cover the next one's start,
 * and then the later (drawn on top) wins.
 */
export function runAt(
  layout: ReturnType<typeof coverageLayout>,
  x: number,
  y: number,
): { row: StripRow; run: StripRun } | undefined {
  const row = layout.rows.find((r) => y >= r.y && y <= r.y + layout.barHeight);
  if (!row) return undefined;
  let low = 0;
  let high = row.runs.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (row.runs[mid]!.x <= x) {
      last = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  // Runs are at least 3 px wide, so only the few just before `last` can still reach x.
  for (let i = last; i >= 0 && i > last - 8; i--) {
    const run = row.runs[i]!;
    if (x <= run.x + run.width) return { row, run };
  }
  return undefined;
}
