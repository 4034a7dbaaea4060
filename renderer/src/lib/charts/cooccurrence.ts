// The co-occurrence map: the tags used (in the tree's order) by themselves, each pair's count
// off the diagonal (with the passages behind it), each tag's own count on it.
import type { Analysis } from '../../../../electron/shared/analysis';
import type { HeatCell, HeatGrid } from './heat-grid';

export const UNIT_LABELS = {
  overlap: 'Overlapping passages',
  paragraph: 'Same paragraph',
} as const;

export function cooccurrenceGrid(analysis: Analysis): HeatGrid {
  const diagonal = new Map(analysis.cooccurrence.diagonal.map((d) => [d.tagId, d.count]));
  const tags = analysis.tags.filter((t) => (diagonal.get(t.id) ?? 0) > 0);
  const lines = tags.map((t) => ({ key: t.id, label: t.path, color: t.color }));
  const pairs = new Map(analysis.cooccurrence.pairs.map((p) => [`${p.tags[0]} ${p.tags[1]}`, p]));
  const cells: HeatCell[] = [];
  tags.forEach((rowTag, row) => {
    tags.forEach((colTag, col) => {
      if (row === col) {
        cells.push({ row, col, value: diagonal.get(rowTag.id) ?? 0, diagonal: true });
        return;
      }
      const [a, b] = rowTag.id < colTag.id ? [rowTag.id, colTag.id] : [colTag.id, rowTag.id];
      const pair = pairs.get(`${a} ${b}`);
      cells.push(
        pair
          ? { row, col, value: pair.count, annotationIds: pair.annotationIds }
          : { row, col, value: 0 },
      );
    });
  });
  return { rows: lines, columns: lines, columnsAreTags: true, cells };
}
