// Offsets in exports count Unicode code points, as the W3C TextPositionSelector and REFI-QDA do
// (and as Python's str indexes), while the model counts UTF-16 units (what the DOM counts).

/**
 * Every astral character (an emoji) before a passage shifts a UTF-16 offset by one against code
 * points. The text's surrogate pairs are found once (a native regex scan); each offset is then a
 * binary search: a code unit offset minus the second halves of pairs before it.
 */
export function codePointOffsets(text: string): (offset: number) => number {
  const lows: number[] = [];
  for (const match of text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) lows.push(match.index + 1);
  if (lows.length === 0) return (offset) => offset;
  return (offset) => {
    let lo = 0;
    let hi = lows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lows[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
}

/**
 * The other way (a REFI-QDA or W3C position read back): a code point offset into `text` as a
 * UTF-16 offset. Each astral character before it adds one unit.
 */
export function codeUnitOffsets(text: string): (offset: number) => number {
  const astral: number[] = [];
  let points = 0;
  for (const match of text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) {
    // The code point index of this pair: its unit index minus the pairs before it.
    astral.push(match.index - points);
    points++;
  }
  if (astral.length === 0) return (offset) => offset;
  return (offset) => {
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo;
  };
}
