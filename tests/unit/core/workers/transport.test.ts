// Cutting values into pieces for the trip between threads: everything comes back equal, no piece
// is big, and a view on a bigger buffer sends only its own bytes.
import { describe, expect, it } from 'vitest';
import {
  join,
  PIECE_BYTES,
  PIECE_CHARS,
  PIECE_ITEMS,
  PIECE_NODES,
  split,
} from '../../../../electron/core/workers/transport';

const trip = (value: unknown) => {
  const { skeleton, pieces } = split(value);
  // What structured clone does on the way, so nothing relies on shared objects.
  return join(structuredClone(skeleton), structuredClone(pieces));
};

describe('split and join', () => {
  it('gives back small values as they were, with no pieces', () => {
    const value = { a: 1, b: 'two', c: [3, { d: null }], e: new Date(0), f: undefined };
    expect(split(value).pieces).toEqual([]);
    expect(trip(value)).toEqual(value);
  });

  it('cuts long arrays and strings into pieces and puts them back in order', () => {
    const list = Array.from({ length: PIECE_ITEMS * 3 + 7 }, (_, i) => ({ i, s: `ə${i}🤝🏽` }));
    const text = 'Мир ə 🤝🏽 '.repeat(Math.ceil((PIECE_CHARS * 2.5) / 9));
    const value = { nested: { list, text }, short: [text.slice(0, 10)] };
    const { pieces } = split(value);
    expect(pieces.length).toBe(4 + Math.ceil(text.length / PIECE_CHARS));
    for (const piece of pieces) {
      if (typeof piece === 'string') expect(piece.length).toBeLessThanOrEqual(PIECE_CHARS);
      else expect((piece as unknown[]).length).toBeLessThanOrEqual(PIECE_ITEMS);
    }
    expect(trip(value)).toEqual(value);
  });

  it('puts back an array of more pieces than one concat takes, arrays inside it as elements', () => {
    // Packed tuples and flat runs of numbers, as placements and annotations travel.
    const numbers = Array.from({ length: PIECE_ITEMS * 1200 + 3 }, (_, i) => i % 9973);
    const tuples = Array.from({ length: PIECE_ITEMS * 2 + 1 }, (_, i) => [i, [i + 1], 'ə']);
    const back = trip({ numbers, tuples }) as { numbers: number[]; tuples: unknown[] };
    expect(back.numbers.length).toBe(numbers.length);
    expect(back.numbers.every((n, i) => n === numbers[i])).toBe(true);
    expect(back.tuples).toEqual(tuples);
  });

  it('keeps a surrogate pair cut between two pieces whole once joined', () => {
    const text = `${'a'.repeat(PIECE_CHARS - 1)}🤝${'b'.repeat(10)}`;
    expect(trip({ text })).toEqual({ text });
  });

  it('sends a byte view as its own bytes only, long ones in pieces', () => {
    const big = new Uint8Array(PIECE_BYTES * 4).map((_, i) => i % 251);
    const view = big.subarray(10, 20);
    const { skeleton } = split({ view });
    const sent = (skeleton.value as { view: Uint8Array }).view;
    expect(sent.buffer.byteLength).toBe(10);
    expect([...sent]).toEqual([...view]);

    const long = Buffer.from(big.buffer, 5, PIECE_BYTES * 2 + 3);
    const { pieces } = split({ long });
    expect(pieces).toHaveLength(3);
    const back = trip({ long }) as { long: Uint8Array };
    expect(back.long.byteLength).toBe(long.byteLength);
    expect(Buffer.from(back.long).equals(long)).toBe(true);
  });

  it('says where each cut is, so the receiver visits only those', () => {
    const list = Array.from({ length: PIECE_ITEMS + 1 }, (_, i) => i);
    const value = { a: { b: [{ c: list }, 'short'] }, d: list };
    const { skeleton } = split(value);
    expect(skeleton.cuts).toEqual([['a', 'b', 0, 'c'], ['d']]);
    // A long value alone is cut at the root.
    expect(split(list).skeleton.cuts).toEqual([[]]);
    expect(trip(list)).toEqual(list);
    expect(trip(value)).toEqual(value);
    // Nothing outside the cuts is looked at: a getter there would throw if it were.
    const received = structuredClone(skeleton) as { value: { a: object } };
    Object.defineProperty(received.value.a, 'untouched', {
      enumerable: true,
      get() {
        throw new Error('walked');
      },
    });
    expect(() => join(received, structuredClone(split(value).pieces))).not.toThrow();
  });

  it('never changes the value it cuts', () => {
    const list = Array.from({ length: PIECE_ITEMS + 1 }, (_, i) => i);
    const value = { list };
    split(value);
    expect(value.list).toBe(list);
    expect(list).toHaveLength(PIECE_ITEMS + 1);
  });

  it('cuts a short array that holds many objects, and the long values inside its items', () => {
    // A REFI-QDA project as it comes back: 50 sources, each with its text and 100 selections.
    const text = 'Bakı limanı 🚢 '.repeat(Math.ceil((PIECE_CHARS * 1.5) / 14));
    const sources = Array.from({ length: 50 }, (_, s) => ({
      guid: `source-${s}`,
      text: s % 10 === 0 ? text : `short ${s}`,
      selections: Array.from({ length: 100 }, (_, i) => ({
        guid: `sel-${s}-${i}`,
        codes: [`code-${i % 7}`],
        selectors: [
          { start: i, end: i + 5 },
          { exact: 'ə🤝🏽', prefix: '', suffix: '' },
        ],
      })),
    }));
    const value = { kind: 'project', sources };
    const { skeleton, pieces } = split(value);
    // What the skeleton itself holds, counted as split() counts: objects and items.
    const weigh = (v: unknown): number =>
      1 +
      (Array.isArray(v)
        ? v.reduce((n: number, item) => n + weigh(item), 0)
        : typeof v === 'object' && v !== null && !(v instanceof Uint8Array)
          ? Object.values(v).reduce((n: number, item) => n + weigh(item), 0)
          : 0);
    expect(weigh(skeleton.value)).toBeLessThan(100);
    for (const piece of pieces) {
      if (Array.isArray(piece)) expect(weigh(piece)).toBeLessThanOrEqual(PIECE_NODES * 1.1);
      else if (typeof piece === 'string') expect(piece.length).toBeLessThanOrEqual(PIECE_CHARS);
    }
    // The sources' cut comes before the cuts of the texts inside them.
    expect(skeleton.cuts[0]).toEqual(['sources']);
    expect(skeleton.cuts.slice(1)).toEqual([0, 10, 20, 30, 40].map((s) => ['sources', s, 'text']));
    expect(trip(value)).toEqual(value);
    // Nested the same way inside a cut item, and at the root.
    expect(trip([value, value])).toEqual([value, value]);
    expect(trip(sources)).toEqual(sources);
  });
});
