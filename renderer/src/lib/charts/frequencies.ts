// The frequencies chart: one bar per tag of the codebook (in the tree's order, indented by depth),
// by passages or by characters coded, each tag's own or its subtree's. Layout in pixels here,
// drawing in FrequencyChart.svelte.
import type { AnalysisTag } from '../../../../electron/shared/analysis';
import { charsIn, truncateStart } from './labels';
import { countAxis } from './scales';
import type { FigureTable } from './table';

export type Measure = 'passages' | 'codedChars';
export type Rollup = 'own' | 'total';

export const MEASURE_LABELS: Record<Measure, string> = {
  passages: 'Passages',
  codedChars: 'Characters coded',
};
export const ROLLUP_LABELS: Record<Rollup, string> = {
  own: 'Own',
  total: 'With subtags',
};

export interface Bar {
  tagId: string;
  path: string;
  depth: number;
  color: string;
  value: number;
  /** Passages of the tag that lost their place: counted apart, never in `value`'s characters. */
  unplaced: number;
}

export function frequencyBars(tags: readonly AnalysisTag[], measure: Measure, rollup: Rollup) {
  return tags.map((tag): Bar => ({
    tagId: tag.id,
    path: tag.path,
    depth: tag.depth,
    color: tag.color,
    value: tag[rollup][measure],
    unplaced: tag[rollup].unplaced,
  }));
}

export function frequencyTable(bars: readonly Bar[], measure: Measure, rollup: Rollup) {
  const what = `${MEASURE_LABELS[measure]} (${ROLLUP_LABELS[rollup].toLowerCase()})`;
  return {
    caption: `Tag frequencies: ${what.toLowerCase()} per tag`,
    header: ['Tag', what, 'Passages without a place'],
    rows: bars.map((bar) => ({ key: bar.tagId, head: bar.path, cells: [bar.value, bar.unplaced] })),
  } satisfies FigureTable;
}

export const BAR_GEOMETRY = {
  width: 760,
  labelWidth: 260,
  /** Room right of the longest bar for its number. */
  valueWidth: 70,
  rowHeight: 24,
  barHeight: 16,
  indent: 14,
  top: 28,
  bottom: 12,
};

export interface BarRow {
  bar: Bar;
  y: number;
  labelX: number;
  /** The label as drawn; `bar.path` in full goes in its <title>. */
  label: string;
  truncated: boolean;
  barWidth: number;
}

export function barLayout(bars: readonly Bar[], geometry = BAR_GEOMETRY) {
  const { width, labelWidth, valueWidth, rowHeight, barHeight, indent, top, bottom } = geometry;
  const plot = width - labelWidth - valueWidth;
  const axis = countAxis(Math.max(0, ...bars.map((b) => b.value)), plot);
  const rows = bars.map((bar, i): BarRow => {
    const labelX = 8 + bar.depth * indent;
    const label = truncateStart(bar.path, charsIn(labelWidth - labelX - 10));
    return {
      bar,
      y: top + i * rowHeight + (rowHeight - barHeight) / 2,
      labelX,
      label,
      truncated: label !== bar.path,
      barWidth: bar.value > 0 ? Math.max(1, axis.scale(bar.value)) : 0,
    };
  });
  return {
    width,
    height: top + bars.length * rowHeight + bottom,
    top,
    plotX: labelWidth,
    plotWidth: plot,
    barHeight,
    ticks: axis.ticks.map((value) => ({ value, x: labelWidth + axis.scale(value) })),
    rows,
  };
}
