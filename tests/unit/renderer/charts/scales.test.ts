// The shared colours and axes: counts shade darker as they grow, ink stays readable on every
// shade, and axes end on round numbers.
import { describe, expect, it } from 'vitest';
import { truncateEnd, truncateStart, charsIn } from '../../../../renderer/src/lib/charts/labels';
import {
  countAxis,
  EMPTY_CELL,
  heatFill,
  heatLegend,
  inkOn,
  INK,
} from '../../../../renderer/src/lib/charts/scales';

const lightness = (fill: string) => {
  const [r, g, b] = /\d+/g[Symbol.match](fill)!.map(Number) as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b;
};

describe('heatFill', () => {
  it('sets zero apart and shades larger counts darker', () => {
    const fill = heatFill(10);
    expect(fill(0)).toBe(EMPTY_CELL);
    const shades = [1, 3, 6, 10].map((v) => lightness(fill(v)));
    expect(shades).toEqual([...shades].sort((a, b) => b - a));
    expect(new Set(shades).size).toBe(4);
    // Beyond the domain it stays at the darkest shade.
    expect(fill(20)).toBe(fill(10));
  });

  it('draws a single count of one at the darkest shade', () => {
    expect(heatFill(1)(1)).toBe(heatFill(10)(10));
  });

  it('has a legend of up to five distinct steps from 1 to max', () => {
    expect(heatLegend(0)).toEqual([]);
    expect(heatLegend(1).map((s) => s.value)).toEqual([1]);
    expect(heatLegend(2).map((s) => s.value)).toEqual([1, 2]);
    expect(heatLegend(100).map((s) => s.value)).toEqual([1, 25, 50, 75, 100]);
  });
});

describe('inkOn', () => {
  it('writes dark on light fills and white on dark ones', () => {
    const fill = heatFill(10);
    expect(inkOn(fill(1))).toBe(INK);
    expect(inkOn(fill(10))).toBe('#ffffff');
    expect(inkOn('#ffffff')).toBe(INK);
    expect(inkOn('#000000')).toBe('#ffffff');
    expect(inkOn('not a colour')).toBe(INK);
  });
});

describe('countAxis', () => {
  it('reaches past the maximum on round whole ticks', () => {
    const { scale, ticks } = countAxis(37, 400);
    expect(ticks).toEqual([0, 10, 20, 30, 40]);
    expect(scale(40)).toBe(400);
    expect(scale(37)).toBeLessThan(400);
    // Counts are whole: no tick at 0.5 when the largest count is 1.
    expect(countAxis(1, 100).ticks).toEqual([0, 1]);
    expect(countAxis(0, 100).ticks).toEqual([0, 1]);
  });
});

describe('labels', () => {
  it('shortens a path from its start and a title from its end, never splitting an emoji', () => {
    expect(truncateStart('Economy/Energy/Renewables', 12)).toBe('…/Renewables');
    expect(truncateStart('short', 12)).toBe('short');
    expect(truncateEnd('A long article title', 8)).toBe('A long …');
    expect(truncateStart('🌍🌍🌍🌍🌍', 3)).toBe('…🌍🌍');
    expect([...truncateEnd('ə🌍ş🌍ı', 3)]).toHaveLength(3);
    expect(charsIn(120)).toBeGreaterThan(10);
  });
});
