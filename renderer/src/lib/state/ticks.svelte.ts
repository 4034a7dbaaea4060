// Which rows of a list the analyst has ticked to act on together (the annotations panel's bulk
// changes; any other list of records by id). The list owns its rows and their order; this only
// remembers which ids are ticked, so ticks outlive a windowed list's rows scrolling out of view.

/**
 * A set never changed after it is made: every change makes a new one, so `ids` can be handed out
 * as it is (no caller can change the ticks behind the class's back) and a no-op keeps the old one.
 */
const setOf = (ids: Iterable<string>): ReadonlySet<string> => new Set(ids);

/**
 * The ticks of one list. Every change reads the ticks as it makes them: call them from event
 * handlers, or inside `untrack` in an effect (else the effect re-runs on each tick it makes).
 */
export class Ticks {
  /** Replaced on every change, never changed in place: whatever reads it re-renders. */
  #ticked = $state.raw(setOf([]));
  /** Where a Shift+click range starts: the row last ticked by hand (not state: nothing shows it). */
  #anchor: string | null = null;

  /** The ticked ids, in no particular order (see `among` for the list's order). */
  get ids(): ReadonlySet<string> {
    return this.#ticked;
  }

  get size(): number {
    return this.#ticked.size;
  }

  /** The row a range would start from, if any. */
  get anchor(): string | null {
    return this.#anchor;
  }

  has(id: string): boolean {
    return this.#ticked.has(id);
  }

  /** The ticked ones of `orderedIds`, in that order: what an action on the ticked rows gets. */
  among(orderedIds: readonly string[]): string[] {
    return orderedIds.filter((id) => this.#ticked.has(id));
  }

  /** Ticks an unticked row or unticks a ticked one; says whether it is ticked now. */
  toggle(id: string): boolean {
    const ticked = !this.#ticked.has(id);
    this.#ticked = setOf(
      ticked ? [...this.#ticked, id] : [...this.#ticked].filter((other) => other !== id),
    );
    if (ticked) this.#anchor = id;
    else if (this.#anchor === id) this.#anchor = null;
    return ticked;
  }

  /**
   * Shift+click: ticks every row from `fromId` to `toId`, both included, in the list's order
   * (either may come first). Rows already ticked stay ticked; none is unticked. With no `fromId`,
   * or one the list no longer holds, only `toId` is ticked.
   */
  range(fromId: string | null, toId: string, orderedIds: readonly string[]) {
    const to = orderedIds.indexOf(toId);
    if (to === -1) return;
    const from = fromId === null ? -1 : orderedIds.indexOf(fromId);
    const [start, end] = from === -1 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
    this.#ticked = setOf([...this.#ticked, ...orderedIds.slice(start, end + 1)]);
    this.#anchor = toId;
  }

  /** Ticks exactly these rows (a "tick all" box ticks every row shown). */
  setAll(ids: Iterable<string>) {
    this.#ticked = setOf(ids);
    this.#anchor = null;
  }

  clear() {
    if (this.#ticked.size > 0) this.#ticked = setOf([]);
    this.#anchor = null;
  }

  /**
   * Drops the ticks of rows no longer shown (another filter, another article, a deleted record),
   * so an action on the ticked rows never reaches one the analyst can't see. Changes nothing
   * when every ticked row is still shown, so an effect may call it on each change of the list.
   */
  prune(visibleIds: Iterable<string>) {
    // Nothing ticked, nothing to drop: no set of the 10k ids an article's opening passes here.
    if (this.#ticked.size === 0 && this.#anchor === null) return;
    const visible = setOf(visibleIds);
    const kept = [...this.#ticked].filter((id) => visible.has(id));
    if (kept.length < this.#ticked.size) this.#ticked = setOf(kept);
    if (this.#anchor !== null && !visible.has(this.#anchor)) this.#anchor = null;
  }
}
