// Two small disciplines for state that loads from the core: only the latest request may land,
// and a refresh asked for while one runs is run once more after it, not many times.

/**
 * Hands out tickets; only the newest ticket is current. Opening article A and then B quickly:
 * A's answer may arrive last, and must not replace B.
 */
export class LatestRequest {
  #ticket = 0;

  /** Starts a request: the checker says whether it is still the newest. */
  next(): () => boolean {
    ++this.#ticket;
    return this.unchanged();
  }

  /** Whether no request has started since this call (for work that must yield to one). */
  unchanged(): () => boolean {
    const ticket = this.#ticket;
    return () => ticket === this.#ticket;
  }
}

/** Wraps a refresh so overlapping calls coalesce: at most one runs, and one more after it. */
export function coalesced(refresh: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await refresh();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  return run;
}
