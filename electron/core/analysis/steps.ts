// Long pure computations written as generators that pause (yield) every so often, so the core can
// let other work run between slices (a save, the window's next call) while a 10,000-passage
// analysis runs on the main thread. Tests and small inputs run them straight through.

/** A computation that yields now and then and returns T. */
export type Steps<T> = Generator<void, T, void>;

/** How many items a loop handles between two pauses: small enough to stay well under 4 ms. */
export const STEP = 256;

/** Runs `steps` to the end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
