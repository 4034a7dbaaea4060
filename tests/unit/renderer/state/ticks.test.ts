// Ticks, the rows an analyst picks by hand to change together: a click ticks or unticks one,
// Shift+click ticks a run in the list's order, "tick all" ticks what is shown, and rows that stop
// being shown lose their tick, so no hidden row is ever changed.
import { describe, expect, it } from 'vitest';
import { Ticks } from '../../../../renderer/src/lib/state/ticks.svelte';

// Ids as the notebook makes them, and ones with characters a careless split would break on.
const ROWS = ['a1', 'b/2', 'c 3', 'ə-4', 'e,5', '🙂6', 'g]7'];

const ticked = (ticks: Ticks) => ticks.among(ROWS);

describe('Ticks', () => {
  it('starts empty', () => {
    const ticks = new Ticks();
    expect(ticks.size).toBe(0);
    expect([...ticks.ids]).toEqual([]);
    expect(ticks.has('a1')).toBe(false);
    expect(ticks.anchor).toBeNull();
  });

  it('toggles one row on and off, saying which it is now', () => {
    const ticks = new Ticks();
    expect(ticks.toggle('c 3')).toBe(true);
    expect(ticks.toggle('a1')).toBe(true);
    expect(ticks.has('c 3')).toBe(true);
    expect(ticks.size).toBe(2);
    expect(ticks.toggle('c 3')).toBe(false);
    expect(ticks.has('c 3')).toBe(false);
    expect(ticked(ticks)).toEqual(['a1']);
  });

  it('gives the ticked rows in the list’s order, whatever order they were ticked in', () => {
    const ticks = new Ticks();
    for (const id of ['🙂6', 'a1', 'ə-4']) ticks.toggle(id);
    expect(ticked(ticks)).toEqual(['a1', 'ə-4', '🙂6']);
    // Ids the list doesn't hold are not made up.
    expect(ticks.among(['ə-4', 'x'])).toEqual(['ə-4']);
  });

  it('Shift+click ticks every row from the last ticked one to this one, down or up', () => {
    const ticks = new Ticks();
    ticks.toggle('b/2');
    ticks.range(ticks.anchor, 'e,5', ROWS);
    expect(ticked(ticks)).toEqual(['b/2', 'c 3', 'ə-4', 'e,5']);

    const up = new Ticks();
    up.toggle('🙂6');
    up.range(up.anchor, 'c 3', ROWS);
    expect(ticked(up)).toEqual(['c 3', 'ə-4', 'e,5', '🙂6']);
  });

  it('a range adds to the ticks and unticks nothing', () => {
    const ticks = new Ticks();
    ticks.toggle('a1');
    ticks.toggle('g]7');
    ticks.toggle('c 3');
    ticks.toggle('ə-4'); // the anchor now
    ticks.range(ticks.anchor, 'b/2', ROWS);
    expect(ticked(ticks)).toEqual(['a1', 'b/2', 'c 3', 'ə-4', 'g]7']);
  });

  it('the anchor moves to the end of each range, so ranges chain', () => {
    const ticks = new Ticks();
    ticks.toggle('a1');
    ticks.range(ticks.anchor, 'b/2', ROWS);
    expect(ticks.anchor).toBe('b/2');
    ticks.toggle('b/2'); // unticking the anchor leaves no anchor
    expect(ticks.anchor).toBeNull();
    ticks.range(ticks.anchor, 'ə-4', ROWS);
    expect(ticked(ticks)).toEqual(['a1', 'ə-4']);
  });

  it('with no anchor, or one the list no longer holds, a range ticks only its end', () => {
    const ticks = new Ticks();
    ticks.range(null, 'c 3', ROWS);
    expect(ticked(ticks)).toEqual(['c 3']);
    ticks.range('gone', 'e,5', ROWS);
    expect(ticked(ticks)).toEqual(['c 3', 'e,5']);
  });

  it('a range ending on a row the list doesn’t hold changes nothing', () => {
    const ticks = new Ticks();
    ticks.toggle('a1');
    const before = ticks.ids;
    ticks.range('a1', 'gone', ROWS);
    expect(ticks.ids).toBe(before);
    expect(ticks.anchor).toBe('a1');
  });

  it('setAll ticks exactly the rows given, and clear unticks every row', () => {
    const ticks = new Ticks();
    ticks.toggle('g]7');
    ticks.setAll(ROWS.slice(0, 3));
    expect(ticked(ticks)).toEqual(['a1', 'b/2', 'c 3']);
    expect(ticks.anchor).toBeNull();
    ticks.clear();
    expect(ticks.size).toBe(0);
    expect(ticks.has('a1')).toBe(false);
  });

  it('prune drops the ticks of rows no longer shown, and the anchor with them', () => {
    const ticks = new Ticks();
    ticks.setAll(['a1', 'c 3', 'e,5']);
    ticks.toggle('🙂6');
    ticks.prune(['c 3', 'ə-4', 'e,5']);
    expect([...ticks.ids].sort()).toEqual(['c 3', 'e,5']);
    expect(ticks.anchor).toBeNull();
    // Shown again, a row stays unticked: its tick is gone, not hidden.
    ticks.prune(ROWS);
    expect(ticked(ticks)).toEqual(['c 3', 'e,5']);
    ticks.prune([]);
    expect(ticks.size).toBe(0);
  });

  it('hands out a new set on every change and keeps it when nothing changed', () => {
    // $state.raw re-renders on a new value only: a change must replace the set, and a prune or
    // clear that changes nothing must not, or an effect calling it would run again and again.
    const ticks = new Ticks();
    const seen = [ticks.ids];
    ticks.toggle('a1');
    seen.push(ticks.ids);
    ticks.range('a1', 'c 3', ROWS);
    seen.push(ticks.ids);
    ticks.setAll(['b/2']);
    seen.push(ticks.ids);
    expect(new Set(seen).size).toBe(seen.length);
    ticks.prune(ROWS);
    expect(ticks.ids).toBe(seen.at(-1));
    ticks.clear();
    const cleared = ticks.ids;
    ticks.clear();
    expect(ticks.ids).toBe(cleared);
    ticks.prune([]);
    expect(ticks.ids).toBe(cleared);
  });
});
