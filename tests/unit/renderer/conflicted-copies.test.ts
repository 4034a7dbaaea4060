// The words for a conflicted copy: what it holds, and what bringing it in did.
import { describe, expect, it } from 'vitest';
import {
  broughtInText,
  copyOrigin,
  holdsText,
  recordCounts,
} from '../../../renderer/src/lib/conflicted-copies';

describe('recordCounts', () => {
  it('names the kinds there are, in one list', () => {
    expect(recordCounts({ articles: 2, annotations: 1, tags: 3 })).toBe(
      '2 articles, 1 annotation and 3 tags',
    );
    expect(recordCounts({ articles: 0, annotations: 12, tags: 1 })).toBe(
      '12 annotations and 1 tag',
    );
    expect(recordCounts({ articles: 1 })).toBe('1 article');
    expect(recordCounts({ articles: 0, annotations: 0, tags: 0 })).toBe('');
  });
});

describe('holdsText and copyOrigin', () => {
  it('says what bringing in adds, or that it adds nothing', () => {
    expect(holdsText({ missing: { articles: 1, annotations: 2, tags: 0 } })).toBe(
      'It holds 1 article and 2 annotations that this notebook lacks. Bringing it in adds only those; nothing already in the notebook is changed.',
    );
    expect(holdsText({ missing: { articles: 0, annotations: 0, tags: 0 } })).toMatch(
      /^It holds nothing that this notebook lacks\. Bringing it in adds nothing/,
    );
  });

  it('names the sync tool and what was copied', () => {
    expect(copyOrigin({ tool: 'syncthing', of: 'journal' })).toBe(
      'Syncthing left this copy of a journal of saved changes when two computers changed it at once.',
    );
  });
});

describe('broughtInText', () => {
  const renamedTo = 'notebook 2.json.merged-2026-01-02T10-00-00-000Z';

  it('reports what was added, what was left out with the reasons, and the new name', () => {
    const reasons = [
      '“Port diary” was left out: its text (bodies/ab.json) is not in this folder.',
      '2 annotations were left out because their articles are not in this notebook.',
    ];
    expect(
      broughtInText({
        added: { articles: 1, annotations: 4, tags: 1 },
        skipped: { articles: 1, annotations: 2, reasons },
        renamedTo,
      }),
    ).toEqual({
      added: 'Brought in 1 article, 4 annotations and 1 tag.',
      skipped: '1 article and 2 annotations were left out:',
      reasons,
      renamed: `The copy is kept, renamed “${renamedTo}”, so it is not offered again.`,
    });
  });

  it('says when nothing was added, and agrees with one record left out', () => {
    const text = broughtInText({
      added: { articles: 0, annotations: 0, tags: 0 },
      skipped: { articles: 0, annotations: 1, reasons: ['Why.'] },
      renamedTo,
    });
    expect(text.added).toBe('Nothing was brought in: the notebook had it all.');
    expect(text.skipped).toBe('1 annotation was left out:');
    expect(
      broughtInText({
        added: { articles: 1, annotations: 0, tags: 0 },
        skipped: { articles: 0, annotations: 0, reasons: [] },
        renamedTo,
      }).skipped,
    ).toBeNull();
  });
});
