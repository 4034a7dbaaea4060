// A journal line made a slice at a time is byte for byte the line made in one go, and checks out.
import { describe, expect, it } from 'vitest';
import {
  checkLine,
  encodeEntry,
  encodeEntryBytes,
} from '../../../../electron/core/store/journal-line';

const AT = '2026-12-01T10:00:00.000Z';
const change = (i: number) =>
  JSON.stringify({
    kind: 'put',
    collection: 'annotations',
    record: { id: `a${i}`, comment: `Ə ${i} «ş» 🤝🏽 / \\ "q"` },
  });

describe('encodeEntryBytes', () => {
  it.each([
    ['no change', 0],
    ['one change', 1],
    // Some 8 MB of JSON: many slices, a slice boundary inside the run of changes.
    ['a revision’s worth of changes', 60_000],
  ])('matches encodeEntry for %s', async (_name, count) => {
    const changes = Array.from({ length: count }, (_, i) => change(i));
    const bytes = Buffer.concat(await encodeEntryBytes(7, AT, changes));
    const expected = Buffer.from(encodeEntry(7, AT, `[${changes.join(',')}]`), 'utf8');
    expect(bytes.equals(expected)).toBe(true);
    // The line without its newline is what the reader checks.
    expect(checkLine(bytes.subarray(0, bytes.length - 1))).toBe('ok');
  });
});
