// The matrices: tags (those used) by articles, and tags by one attribute's values, in passages or
// characters coded (each tag's own).
import type { Analysis, MatrixCell } from '../../../../electron/shared/analysis';
import type { Measure } from './frequencies';
import type { HeatCell, HeatGrid, HeatLine } from './heat-grid';

/** What an article without the attribute is listed under. */
export const NO_VALUE = '(none)';

function grid(
  analysis: Analysis,
  columns: HeatLine[],
  cells: readonly MatrixCell[],
  measure: Measure,
): HeatGrid {
  // A cell holds at least one passage (placed or not): its tag has a row, whatever the measure.
  const used = new Set(cells.map((c) => c.tagId));
  const rows = analysis.tags
    .filter((t) => used.has(t.id))
    .map((t) => ({ key: t.id, label: t.path, color: t.color }));
  const values = new Map(cells.map((c) => [`${c.tagId} ${c.column}`, c[measure]]));
  const out: HeatCell[] = [];
  rows.forEach((row, r) =>
    columns.forEach((column, c) =>
      out.push({ row: r, col: c, value: values.get(`${row.key} ${column.key}`) ?? 0 }),
    ),
  );
  return { rows, columns, columnsAreTags: false, cells: out };
}

export function articleGrid(analysis: Analysis, measure: Measure): HeatGrid {
  const columns = analysis.articles.map((a) => ({ key: a.id, label: a.title }));
  return grid(analysis, columns, analysis.byArticle, measure);
}

/** Null when the analysis was not asked for an attribute (or the answer is for another key). */
export function attributeGrid(analysis: Analysis, key: string, measure: Measure): HeatGrid | null {
  const by = analysis.byAttribute;
  if (!by || by.key !== key) return null;
  const columns = by.values.map((v) => ({ key: v, label: v === '' ? NO_VALUE : v }));
  return grid(analysis, columns, by.cells, measure);
}
