// Sliced work shares one budget per turn of the event loop (electron/core/turns.ts): several long
// loops running at once never hold one turn for longer than one slice between them, and each
// gets its turns in order.
import { describe, expect, it } from 'vitest';
import { due, nextTurn, SLICE_MS } from '../../../electron/core/turns';

const STEP_MS = 0.5;

function busy(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* the CPU-heavy step a loop does between two looks at the clock */
  }
}

/** A long loop as the core writes them: a step, then a yield whenever the slice is due. */
async function slicedLoop(
  name: string,
  steps: number,
  log: Array<{ name: string; tick: number }>,
  tick: () => number,
) {
  // Started as work is, from a callback in some turn: its first step waits for a turn of its own
  // (the three start in the same turn, which would otherwise hold each one's first step).
  await nextTurn();
  for (let i = 0; i < steps; i++) {
    busy(STEP_MS);
    log.push({ name, tick: tick() });
    if (due()) await nextTurn();
  }
}

describe('turns', () => {
  it('lets three loops at once hold a turn for one slice between them, each in its turn', async () => {
    // A timer ticks once per turn of the loop that it gets to run in: steps under one tick value
    // ran in the same turn.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    // The first tick, so the loop's clock is fresh when the loops begin.
    while (ticks === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const log: Array<{ name: string; tick: number }> = [];
    try {
      await Promise.all(['a', 'b', 'c'].map((name) => slicedLoop(name, 60, log, () => ticks)));
    } finally {
      clearInterval(ticker);
    }
    const perTurn = new Map<number, number>();
    for (const { tick } of log) perTurn.set(tick, (perTurn.get(tick) ?? 0) + 1);
    // One slice, and the step that found it due: with three loops each taking its own slice in
    // one turn (as each used to), a turn would hold three times that.
    const mostSteps = Math.max(...perTurn.values());
    expect(mostSteps * STEP_MS).toBeLessThanOrEqual(SLICE_MS + 2 * STEP_MS);
    // Taken in turns: each loop's steps are spread over the whole run, none waits for the others
    // to finish first.
    const last = (name: string) => log.findLastIndex((entry) => entry.name === name);
    const first = (name: string) => log.findIndex((entry) => entry.name === name);
    for (const name of ['a', 'b', 'c']) {
      expect(first(name)).toBeLessThan(log.length / 3);
      expect(last(name)).toBeGreaterThan((2 * log.length) / 3);
    }
  });

  it('counts work that has not yielded yet as due, and a fresh turn as not', async () => {
    busy(SLICE_MS + 1);
    expect(due()).toBe(true);
    await nextTurn();
    expect(due()).toBe(false);
    busy(SLICE_MS + 1);
    expect(due()).toBe(true);
  });
});
