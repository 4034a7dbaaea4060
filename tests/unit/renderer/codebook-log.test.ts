// The codebook's change log in words: one sentence per operation, from the paths as they were,
// with who did it ("—" when the log does not say) and when, newest first.
import { describe, expect, it } from 'vitest';
import type { CodebookEvent } from '../../../electron/shared/model';
import {
  codebookEventAuthor,
  codebookEventText,
  codebookLogLine,
  newestFirst,
} from '../../../renderer/src/lib/codebook-log';

const now = new Date(2024, 4, 1, 18, 0);
const at = (h: number, m: number) => new Date(2024, 4, 1, h, m).toISOString();

const event = (details: Partial<CodebookEvent> & Pick<CodebookEvent, 'operation'>) =>
  ({ id: 'e1', at: at(10, 42), tagId: 't1', path: 'Trade', ...details }) as CodebookEvent;

describe('codebookEventText', () => {
  // The words are the shared module's (the exports use them too); these are the tab's cases.
  const cases: [Partial<CodebookEvent> & Pick<CodebookEvent, 'operation'>, string][] = [
    [{ operation: 'create', path: 'Economy/Trade' }, 'Created “Economy/Trade”.'],
    [{ operation: 'rename', to: 'Commerce' }, 'Renamed “Trade” to “Commerce”.'],
    [{ operation: 'move', path: 'Commerce', to: 'Economy' }, 'Moved “Commerce” under “Economy”.'],
    [
      { operation: 'move', path: 'Economy/Commerce', to: '' },
      'Moved “Economy/Commerce” to the top.',
    ],
    [
      {
        operation: 'merge',
        other: { tagId: 't2', path: 'Economy' },
        annotations: 12,
        children: 1,
      },
      'Merged “Trade” into “Economy” (12 annotations, 1 child tag).',
    ],
    [
      { operation: 'delete', path: 'X', annotations: 3, deletedAnnotations: 1, children: 2 },
      'Deleted “X” (3 annotations kept without it; 1 annotation deleted; 2 child tags moved up).',
    ],
    [
      { operation: 'delete', path: 'X', annotations: 0, deletedAnnotations: 0, children: 0 },
      'Deleted “X”.',
    ],
    [
      { operation: 'describe', path: 'Əmək/“Quoted” 🌍' },
      'Changed the guidance of “Əmək/“Quoted” 🌍”.',
    ],
  ];
  it.each(cases)('%o reads as %s', (details, text) => {
    expect(codebookEventText(event(details))).toBe(text);
  });

  it('has words for an operation a newer version logged', () => {
    expect(codebookEventText(event({ operation: 'archive' as CodebookEvent['operation'] }))).toBe(
      'Changed “Trade”.',
    );
  });
});

describe('codebookLogLine', () => {
  const names = new Map([['a1', 'Leyla Əliyeva']]);

  it('says when, who and what', () => {
    expect(codebookLogLine(event({ operation: 'create', by: 'a1' }), names, now)).toBe(
      '10:42 · Leyla Əliyeva · Created “Trade”.',
    );
  });

  it('gives a dash for an unknown or absent analyst', () => {
    expect(codebookEventAuthor(event({ operation: 'create' }), names)).toBe('—');
    expect(codebookEventAuthor(event({ operation: 'create', by: 'gone' }), names)).toBe('—');
  });
});

describe('newestFirst', () => {
  it('puts the latest first, and events of one moment in reverse order', () => {
    const log = [
      event({ id: 'a', operation: 'create', at: at(9, 0) }),
      event({ id: 'b', operation: 'create', at: at(10, 0) }),
      event({ id: 'c', operation: 'create', at: at(10, 0) }),
      event({ id: 'd', operation: 'rename', at: at(11, 0) }),
    ];
    expect(newestFirst(log).map((e) => e.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(log.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
