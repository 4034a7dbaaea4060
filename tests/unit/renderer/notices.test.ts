// The words for the core's notices: one readable sentence (or two) per code, times in local time,
// and every code has words (the switch is exhaustive, so a new code without them fails to build).
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../electron/shared/contract';
import { noticeText, when } from '../../../renderer/src/lib/notices';

const now = new Date(2024, 4, 1, 18, 0);
const at = (h: number, m: number) => new Date(2024, 4, 1, h, m).toISOString();

describe('when', () => {
  it('gives the time alone today, and the date too on another day', () => {
    expect(when(at(10, 42), now)).toBe('10:42');
    expect(when(new Date(2024, 3, 30, 9, 5).toISOString(), now)).toBe('2024-04-30 09:05');
  });
});

describe('noticeText', () => {
  const cases: [Notice, string][] = [
    [
      {
        code: 'notebook-restored',
        params: {
          problem: 'damaged',
          keptAs: 'notebook.corrupt-x.json',
          source: 'backup',
          savedAt: at(10, 20),
          replayed: 3,
          complete: true,
          alsoKept: [],
        },
      },
      'Your notebook file could not be read; it was set aside as notebook.corrupt-x.json and the backup from 10:20, with the 3 changes saved after it, was restored. Nothing you saved was lost.',
    ],
    [
      {
        code: 'notebook-restored',
        params: {
          problem: 'missing',
          source: 'backup',
          savedAt: at(10, 20),
          replayed: 0,
          complete: true,
          alsoKept: [],
        },
      },
      'Your notebook file was missing; the backup from 10:20 was restored. Nothing you saved was lost.',
    ],
    [
      {
        code: 'notebook-restored',
        params: {
          problem: 'older',
          keptAs: 'notebook.set-aside-x.json',
          source: 'restore-point',
          savedAt: at(9, 0),
          replayed: 1,
          complete: false,
          alsoKept: ['notebook.corrupt-x-backup.json'],
        },
      },
      'Your notebook file was an older copy than the changes saved beside it (a sync or backup tool may have put it back); it was set aside as notebook.set-aside-x.json and the restore point from 09:00, with the 1 change saved after it, was restored. Another copy that could not be used was kept too, as notebook.corrupt-x-backup.json.',
    ],
    [
      {
        code: 'notebook-rebuilt',
        params: {
          problem: 'damaged',
          keptAs: 'notebook.corrupt-x.json',
          alsoKept: [],
          replayed: 12,
          since: at(8, 30),
        },
      },
      'Your notebook file could not be read and there was no usable backup, so the notebook was rebuilt from the 12 changes saved since 08:30 in its journal. The damaged file was kept as notebook.corrupt-x.json.',
    ],
    [
      { code: 'notebook-rebuilt', params: { problem: 'damaged', alsoKept: [], replayed: 0 } },
      'Your notebook file could not be read and there was no usable backup, so an empty notebook was started.',
    ],
    [
      {
        code: 'changes-unreadable',
        params: {
          journal: 'journal-3.jsonl',
          keptAs: 'journal-3.corrupt-x.jsonl',
          changes: 1,
          lines: [7],
          at: at(10, 42),
          annotations: 2,
          tags: 0,
          articleTitles: ['Ports of the Caspian'],
        },
      },
      'One saved change from 10:42 could not be read back (line 7 of journal-3.jsonl is damaged). It held 2 annotations in “Ports of the Caspian”. Everything saved after it was recovered; a copy of the journal is kept as journal-3.corrupt-x.jsonl.',
    ],
    [
      {
        code: 'changes-unreadable',
        params: {
          journal: 'journal-3.jsonl',
          keptAs: 'k.jsonl',
          changes: 2,
          lines: [7, 8],
          after: at(10, 40),
          before: at(10, 45),
          annotations: 0,
          tags: 0,
          articleTitles: [],
        },
      },
      '2 saved changes made between 10:40 and 10:45 could not be read back (lines 7 and 8 of journal-3.jsonl are damaged). Everything saved after them was recovered; a copy of the journal is kept as k.jsonl.',
    ],
    [
      { code: 'changes-missing', params: { count: 20, before: at(11, 0) } },
      '20 saved changes made before 11:00 are missing from the journal (a journal file may have been removed or replaced) and could not be recovered.',
    ],
    [
      {
        code: 'annotations-recovered',
        params: { count: 26, articleId: 'recovered-x', title: 'Recovered annotations' },
      },
      '26 annotations were on articles that could not be recovered; they are gathered, with their tags and comments, in the article “Recovered annotations”.',
    ],
    [
      { code: 'annotations-unplaced', params: { count: 1, articleTitles: ['A'] } },
      '1 annotation on “A” was made on a revision that could not be recovered; it waits in the review list to be placed again.',
    ],
    [
      {
        code: 'texts-unreadable',
        params: {
          texts: [{ articleId: 'a', title: 'A', revision: 2, problem: 'missing' }],
        },
      },
      'The text of revision 2 of “A” is missing from the notebook folder. To repair it, import the original file again; every other article is unaffected.',
    ],
    [
      { code: 'recovery-not-saved', params: { problem: 'disk-full' } },
      'The notebook was recovered, but the recovery could not be saved: the disk is full. It is done again the next time the notebook opens; until the disk is fixed, changes may not save either.',
    ],
    [
      { code: 'notebook-upgraded', params: { fromFormat: 1, keptAs: 'notebook.format-1-x.json' } },
      'Your notebook was upgraded from an older format; a copy of it as it was is kept as notebook.format-1-x.json.',
    ],
    [
      { code: 'newer-version', params: { format: 3 } },
      'This notebook was saved by a newer version of Research Notebook (format 3); update the app to open it.',
    ],
    [
      { code: 'sample-not-added', params: { reason: 'The file is empty.' } },
      'The sample article could not be added: The file is empty.',
    ],
    [
      {
        code: 'conflicted-copy',
        params: {
          name: 'notebook (Ann’s conflicted copy).json',
          size: 2048,
          modified: at(9, 15),
          missing: { articles: 1, annotations: 3, tags: 0 },
        },
      },
      'A sync tool left a conflicted copy beside your notebook: “notebook (Ann’s conflicted copy).json” (2 KB, changed 09:15) holds 1 article and 3 annotations that this notebook lacks; you can bring them in.',
    ],
  ];

  it.each(cases)('words %j', (notice, text) => {
    expect(noticeText(notice, now)).toBe(text);
  });
});
