// Arrow keys among a chart's marks: along a row, to the nearest mark in the next row up or down,
// and nowhere past the edges.
import { describe, expect, it } from 'vitest';
import { nextMark } from '../../../../renderer/src/lib/charts/roving';

// Row 0: x 0, 1, 2; row 1: nothing; row 2: x 1.8 and 5.
const marks = [
  { row: 0, x: 2 },
  { row: 0, x: 0 },
  { row: 0, x: 1 },
  { row: 2, x: 5 },
  { row: 2, x: 1.8 },
];

describe('nextMark', () => {
  it('moves along a row in x order, stopping at its ends', () => {
    expect(nextMark(marks, 1, 'ArrowRight')).toBe(2);
    expect(nextMark(marks, 2, 'ArrowRight')).toBe(0);
    expect(nextMark(marks, 0, 'ArrowRight')).toBeNull();
    expect(nextMark(marks, 1, 'ArrowLeft')).toBeNull();
    expect(nextMark(marks, 0, 'Home')).toBe(1);
    expect(nextMark(marks, 1, 'End')).toBe(0);
  });

  it('moves to the nearest mark of the next row that has any', () => {
    expect(nextMark(marks, 0, 'ArrowDown')).toBe(4);
    expect(nextMark(marks, 3, 'ArrowUp')).toBe(0);
    expect(nextMark(marks, 4, 'ArrowUp')).toBe(0);
    expect(nextMark(marks, 3, 'ArrowDown')).toBeNull();
  });

  it('ignores other keys, and starts at the first mark when none is current', () => {
    expect(nextMark(marks, 0, 'a')).toBeNull();
    expect(nextMark(marks, 99, 'ArrowDown')).toBe(0);
    expect(nextMark([], 0, 'ArrowDown')).toBeNull();
  });
});
