// Timings of what the analyst waits for, as User Timing entries a benchmark (or DevTools) reads
// with performance.getEntriesByName(name, 'measure'). Cheap enough to stay in production: a mark
// to start, a measure to end, one rAF + one timeout for "painted".
//
//   nb:open        a new article arrives (in the reader, or when reading.open() begins if it calls
//                  markStart) -> its first chunks and their highlights are painted
//   nb:highlights  one full re-application of the highlights (annotations, tags, active
//                  annotation or rendered chunks changed) -> painted
//   nb:hit         a click in the reader -> the annotations under it (synchronous, no paint)
//   nb:scroll      a scroll request (panel, next/previous keys) -> the passage painted in place
//   nb:fetch       reading.open() asks the core for the article and its annotations -> both
//                  arrived (reported beside nb:open, which starts when the data is in hand)
//   nb:search      a keystroke in the search field -> its results painted
//   nb:analysis-<section>  (frequencies, cooccurrence, coverage, matrices) the Analysis view
//                  opening on the section, or the section chosen -> drawn with this opening's
//                  answer (the core's analysis; for coverage, the article's coverage too)
//   nb:undo        an undo or redo asked for (key, menu, a message's button) -> the open
//                  article's annotations read again after the core's change notice and painted
//                  (panel and highlights); an undo of nothing in the open article ends at its
//                  next such change, so read it only for undos of the open article's annotations
//   nb:codebook    the Codebook tab's panel created -> its whole tree drawn and painted
//
// Each measure spans from the last markStart(name) to the end; a start is used once.

const pending = new Map<string, number>();
const counts = new Map<string, number>();
/** Old measures of a name are dropped past this many, so a long session doesn't pile them up. */
const KEEP = 500;

export function markStart(name: string) {
  performance.clearMarks(`${name}:start`);
  pending.set(name, performance.mark(`${name}:start`).startTime);
}

/** Starts `name` unless a start is already waiting (e.g. one made earlier by the caller's caller). */
export function markStartIfIdle(name: string) {
  if (!pending.has(name)) markStart(name);
}

/** Ends `name` now (synchronous work); returns the duration, or null with no start waiting. */
export function markEnd(name: string): number | null {
  const start = pending.get(name);
  if (start === undefined) return null;
  pending.delete(name);
  return measure(name, start);
}

/**
 * Ends `name` once what was just drawn is on screen: after the next animation frame (the frame
 * that paints it) and a macrotask (which runs after that frame has been produced).
 */
export function markPainted(name: string) {
  const start = pending.get(name);
  if (start === undefined) return;
  pending.delete(name);
  requestAnimationFrame(() => setTimeout(() => measure(name, start)));
}

function measure(name: string, start: number): number {
  const count = (counts.get(name) ?? 0) + 1;
  if (count > KEEP) performance.clearMeasures(name);
  counts.set(name, count > KEEP ? 1 : count);
  return performance.measure(name, { start, end: performance.now() }).duration;
}
