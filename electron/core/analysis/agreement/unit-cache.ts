// Sentence and paragraph grids kept between calls: a body never changes (its name is its hash),
// so neither do its units, and segmenting a long article's sentences costs far more than
// comparing its coding. The least used grids are let go past a bound on the units held. With
// them and the lengths, a comparison reads no text at all: the store keeps only a few bodies, and
// reading a 3 MB one again (its hash checked, parsed) holds the main thread for ~100 ms.
import type { UnitGrid } from './units';

/** About 16 MB of grids (two 32-bit offsets a unit). */
const HELD_UNITS = 2_000_000;

export class UnitCache {
  readonly #grids = new Map<string, UnitGrid>();
  #held = 0;
  /** Each body's text length (a number a body: never let go). */
  readonly lengths = new Map<string, number>();

  constructor(readonly limit = HELD_UNITS) {}

  get(key: string): UnitGrid | undefined {
    const grid = this.#grids.get(key);
    if (grid) {
      this.#grids.delete(key);
      this.#grids.set(key, grid);
    }
    return grid;
  }

  set(key: string, grid: UnitGrid): void {
    const old = this.#grids.get(key);
    if (old) this.#held -= old.count;
    this.#grids.delete(key);
    this.#grids.set(key, grid);
    this.#held += grid.count;
    for (const [oldest, held] of this.#grids) {
      if (this.#held <= this.limit || oldest === key) break;
      this.#grids.delete(oldest);
      this.#held -= held.count;
    }
  }
}
