import { describe, expect, it } from 'vitest';
import { codePointOffsets } from '../../../../electron/core/export/code-points';

describe('codePointOffsets', () => {
  it('maps UTF-16 offsets to code points across astral characters', () => {
    const text = 'a😀b🤝🏽c';
    const offsets = [0, 1, 2, 3, 4, 5, 7, 8, 9];
    const toCodePoints = codePointOffsets(text);
    expect(offsets.map(toCodePoints)).toEqual([0, 1, 2, 2, 3, 4, 5, 5, 6]);
    for (const offset of offsets) {
      expect(toCodePoints(offset)).toBe(Array.from(text.slice(0, offset)).length);
    }
  });

  it('is the identity for text without astral characters', () => {
    expect(codePointOffsets('Şuşa, ağ şəhər')(5)).toBe(5);
  });
});
