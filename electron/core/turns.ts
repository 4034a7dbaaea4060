// Long work on the main thread runs in slices, and every slice in the process shares one budget
// per turn of the event loop. Each long loop used to keep its own clock and yield with its own
// setImmediate: two or three of them at once (a revision's commit, its body read back, a search
// index catching up) then each ran its 4 ms in the same turn, one after another, and the loop
// was held 15-30 ms. Here a loop that yields waits in one queue, and each turn lets exactly one
// waiter go (first come, first served), so the turn's slice is that waiter's alone.

/** How long sliced work may hold the event loop in one turn. */
export const SLICE_MS = 4;

const waiting: Array<() => void> = [];
let turnStartedAt = Number.NEGATIVE_INFINITY;
let scheduled = false;

function letNextGo() {
  scheduled = false;
  const next = waiting.shift();
  if (!next) return;
  turnStartedAt = performance.now();
  next();
  if (waiting.length > 0) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  // setImmediate runs after the turn's I/O callbacks: a save or an incoming call gets through
  // between two slices.
  setImmediate(letNextGo);
}

/**
 * Whether the slice now running has had its time. Work that has not yielded yet can't know how
 * long the turn it started in has run, so it counts as due: it yields once, then gets a slice.
 */
export const due = (): boolean => performance.now() - turnStartedAt >= SLICE_MS;

/** Waits for a turn of the event loop of this work's own, after other work waiting before it. */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}

/** The same, for loops that hold it as an object: `if (slicer.due()) await slicer.pause()`. */
export function timeSlicer() {
  return { due, pause: nextTurn };
}
