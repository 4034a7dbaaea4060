// The frequencies chart's numbers and layout: one bar per tag in the codebook's order, the
// measure and roll-up chosen, bars as long as their counts, labels indented and shortened.
import { describe, expect, it } from 'vitest';
import {
  BAR_GEOMETRY,
  barLayout,
  frequencyBars,
  frequencyTable,
} from '../../../../renderer/src/lib/charts/frequencies';
import { TAGS } from './fixtures';

describe('frequencyBars', () => {
  it('takes the measure and roll-up asked for, every tag in order', () => {
    const own = frequencyBars(TAGS, 'passages', 'own');
    expect(own.map((b) => [b.path, b.value, b.unplaced])).toEqual([
      ['Economy', 1, 0],
      ['Economy/Energy ə ş', 2, 1],
      ['Tourism 🌍', 4, 0],
      ['Unused', 0, 0],
    ]);
    expect(frequencyBars(TAGS, 'codedChars', 'total').map((b) => b.value)).toEqual([40, 35, 90, 0]);
  });

  it('makes the table the chart is drawn from', () => {
    const bars = frequencyBars(TAGS, 'codedChars', 'total');
    const table = frequencyTable(bars, 'codedChars', 'total');
    expect(table.header).toEqual([
      'Tag',
      'Characters coded (with subtags)',
      'Passages without a place',
    ]);
    expect(table.rows[0]).toEqual({ key: 't-eco', head: 'Economy', cells: [40, 1] });
  });
});

describe('barLayout', () => {
  it('draws bars in proportion, on an axis past the largest count', () => {
    const layout = barLayout(frequencyBars(TAGS, 'passages', 'own'));
    const [eco, energy, tour, unused] = layout.rows;
    expect(energy!.barWidth).toBeCloseTo(eco!.barWidth * 2);
    expect(tour!.barWidth).toBeCloseTo(eco!.barWidth * 4);
    expect(unused!.barWidth).toBe(0);
    expect(tour!.barWidth).toBeLessThanOrEqual(layout.plotWidth);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4]);
    expect(layout.ticks[0]!.x).toBe(layout.plotX);
    // One row each, top to bottom, the svg tall enough for them all.
    expect(layout.rows.map((r) => r.y)).toEqual(
      [...layout.rows.map((r) => r.y)].sort((a, b) => a - b),
    );
    expect(layout.height).toBeGreaterThan(unused!.y + BAR_GEOMETRY.barHeight);
  });

  it('indents by depth and shortens a long path from its start', () => {
    const long = { ...TAGS[1]!, path: `${'Very long parent name/'.repeat(4)}Leaf`, depth: 3 };
    const layout = barLayout(frequencyBars([TAGS[0]!, long], 'passages', 'own'));
    const [top, deep] = layout.rows;
    expect(deep!.labelX - top!.labelX).toBe(3 * BAR_GEOMETRY.indent);
    expect(deep!.truncated).toBe(true);
    expect(deep!.label.startsWith('…')).toBe(true);
    expect(deep!.label.endsWith('/Leaf')).toBe(true);
    expect(top!.truncated).toBe(false);
  });

  it('gives a bar of one passage among thousands a visible width', () => {
    const many = { ...TAGS[2]!, own: { passages: 5000, codedChars: 0, unplaced: 0 } };
    const layout = barLayout(frequencyBars([TAGS[0]!, many], 'passages', 'own'));
    expect(layout.rows[0]!.barWidth).toBeGreaterThanOrEqual(1);
  });
});
