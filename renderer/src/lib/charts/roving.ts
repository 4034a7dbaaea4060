// Moving the keyboard among a chart's clickable marks (heat-map cells, coverage runs) with the
// arrow keys, so the chart is one tab stop however many marks it has (WAI-ARIA's roving tabindex).

export interface Mark {
  /** The mark's row (a tag). */
  row: number;
  /** Its place along the row: a column, or an x position. */
  x: number;
}

/** The mark the key moves to from `current` (an index into `marks`), or null to do nothing. */
export function nextMark(marks: readonly Mark[], current: number, key: string): number | null {
  const here = marks[current];
  if (!here) return marks.length ? 0 : null;
  const indexed = marks.map((mark, index) => ({ ...mark, index }));
  const sameRow = indexed.filter((m) => m.row === here.row).sort((a, b) => a.x - b.x);
  const at = sameRow.findIndex((m) => m.index === current);
  switch (key) {
    case 'ArrowRight':
      return sameRow[at + 1]?.index ?? null;
    case 'ArrowLeft':
      return at > 0 ? sameRow[at - 1]!.index : null;
    case 'Home':
      return sameRow[0]!.index;
    case 'End':
      return sameRow.at(-1)!.index;
    case 'ArrowDown':
    case 'ArrowUp': {
      const down = key === 'ArrowDown';
      const rows = indexed.filter((m) => (down ? m.row > here.row : m.row < here.row));
      if (!rows.length) return null;
      const row = down ? Math.min(...rows.map((m) => m.row)) : Math.max(...rows.map((m) => m.row));
      const candidates = rows.filter((m) => m.row === row);
      // The nearest along the row; of two as near, the earlier.
      candidates.sort((a, b) => Math.abs(a.x - here.x) - Math.abs(b.x - here.x) || a.x - b.x);
      return candidates[0]!.index;
    }
    default:
      return null;
  }
}
