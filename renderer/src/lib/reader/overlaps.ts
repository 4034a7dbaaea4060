// Where annotations overlap: drawn as their own highlight so nested passages stay visible.

/** Stretches of text covered by two or more annotations, so nested passages stay visible. */
export function overlapRanges(spans: Array<[number, number]>): Array<[number, number]> {
  const events = spans.flatMap(([s, e]) => [
    [s, 1],
    [e, -1],
  ]) as Array<[number, number]>;
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const result: Array<[number, number]> = [];
  let depth = 0;
  let from = 0;
  for (const [at, delta] of events) {
    if (depth < 2 && depth + delta >= 2) from = at;
    if (depth >= 2 && depth + delta < 2 && at > from) result.push([from, at]);
    depth += delta;
  }
  return result;
}
