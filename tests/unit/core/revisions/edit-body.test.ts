import { describe, expect, it } from 'vitest';
import { editBody, normaliseEditedText } from '../../../../electron/core/revisions/edit-body';
import type { ArticleBody } from '../../../../electron/shared/model';
import { Rng, mulberry32 } from '../anchoring/corpus';

const text = 'A headline\n\nFirst paragraph with a link here.\n\nA quoted line.\n\nLast one.';
const old: ArticleBody = {
  text,
  blocks: [
    { type: 'heading', level: 1, start: 0, end: 10 },
    { type: 'paragraph', start: 12, end: 45 },
    { type: 'quote', start: 47, end: 61 },
    { type: 'paragraph', start: 63, end: 72 },
  ],
  marks: [
    { type: 'link', start: 35, end: 39, href: 'https://example.org/' },
    { type: 'em', start: 49, end: 55 },
  ],
};

const blockTexts = (body: ArticleBody) =>
  body.blocks.map((b) => [b.type, body.text.slice(b.start, b.end)]);
const markTexts = (body: ArticleBody) =>
  body.marks.map((m) => [m.type, body.text.slice(m.start, m.end)]);

describe('editBody', () => {
  it('keeps types and marks of unchanged and edited-in-place paragraphs', () => {
    expect(markTexts(old)).toEqual([
      ['link', 'link'],
      ['em', 'quoted'],
    ]);
    const edited = text
      .replace('A headline', 'A better headline')
      .replace('quoted line', 'quoted sentence');
    const body = editBody(old, edited);
    expect(blockTexts(body)).toEqual([
      ['heading', 'A better headline'],
      ['paragraph', 'First paragraph with a link here.'],
      ['quote', 'A quoted sentence.'],
      ['paragraph', 'Last one.'],
    ]);
    expect(markTexts(body)).toEqual([
      ['link', 'link'],
      ['em', 'quoted'],
    ]);
    expect(body.blocks[0]!.level).toBe(1);
  });

  it('treats an inserted paragraph as a paragraph and keeps the rest aligned', () => {
    const edited = text.replace('\n\nA quoted line.', '\n\nA new paragraph.\n\nA quoted line.');
    const body = editBody(old, edited);
    expect(blockTexts(body).map(([type]) => type)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'quote',
      'paragraph',
    ]);
    expect(markTexts(body)).toEqual([
      ['link', 'link'],
      ['em', 'quoted'],
    ]);
    expect(blockTexts(body)[3]).toEqual(['quote', 'A quoted line.']);
  });

  it('drops a mark whose words are gone', () => {
    const body = editBody(old, text.replace('a link here', 'no anchor here'));
    expect(markTexts(body)).toEqual([['em', 'quoted']]);
  });

  it('normalises line ends, blank-line runs, trailing spaces and composition', () => {
    expect(normaliseEditedText('  Se\u0301n  \r\n\r\n\r\n\r\nnext \n')).toBe('Sén\n\nnext');
    // Tabs stay, even at a line's end: there they are a table row's empty last cell.
    expect(normaliseEditedText('a\tb\t \n\t\t\n\n\tc\t')).toBe('a\tb\t\n\n\tc\t');
  });

  it('gives what the plain chain of regular expressions gives, for any mix of white space', () => {
    // The rules as regular expressions: the normaliser walks lines instead (a 3 MB text), and
    // must agree with them on every text, line separators and odd spaces included.
    const byRegex = (t: string) =>
      t
        .normalize('NFC')
        .replace(/\r\n?/g, '\n')
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
        .replace(/[^\S\n\t]+$/gm, '')
        .replace(/^[ \t]+$/gm, '')
        .replace(/\n{3,}/g, '\n\n')
        .replace(/^[^\S\t]+|[^\S\t]+$/g, '');
    const pieces = [
      'a',
      'Wort',
      'e\u0301',
      ' ',
      '  ',
      '\t',
      '\n',
      '\n\n',
      '\r',
      '\r\n',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u000b',
      '\u000c',
      '\u0001',
      '\u2028',
      '\u2029',
      '\u0085',
    ];
    const rng = new Rng(mulberry32(7));
    for (let n = 0; n < 3000; n++) {
      let t = '';
      const length = rng.int(14);
      for (let i = 0; i < length; i++) t += rng.pick(pieces);
      expect(normaliseEditedText(t), JSON.stringify(t)).toBe(byRegex(t));
    }
  });
});

describe('editBody with table rows, captions and numbered items', () => {
  const rows = ['\t2022\t2023', 'Alat\t5.1\t6.3', 'Aktau\tn/a\t'];
  const parts = ['Freight by port', ...rows, 'Priorities', 'Dredging', 'A new berth'];
  const text = parts.join('\n\n');
  const spans = parts.map((part, i) => {
    const start = parts.slice(0, i).reduce((n, p) => n + p.length + 2, 0);
    return { start, end: start + part.length };
  });
  const old: ArticleBody = {
    text,
    blocks: [
      { type: 'caption', ...spans[0]! },
      { type: 'table-row', header: true, ...spans[1]! },
      { type: 'table-row', ...spans[2]! },
      { type: 'table-row', ...spans[3]! },
      { type: 'paragraph', ...spans[4]! },
      { type: 'list-item', level: 1, number: 3, ...spans[5]! },
      { type: 'list-item', level: 1, number: 7, ...spans[6]! },
    ],
    marks: [{ type: 'strong', start: text.indexOf('6.3'), end: text.indexOf('6.3') + 3 }],
  };

  it('gives back every block as itself when the text is unchanged', () => {
    expect(editBody(old, text)).toEqual(old);
  });

  it('keeps a row edited in place a row, its edge tabs, and a number on an edited item', () => {
    const edited = text.replace('5.1', '5.2').replace('n/a\t', 'none\t').replace('berth', 'pier');
    const body = editBody(old, edited);
    expect(body.text).toBe(edited);
    expect(blockTexts(body)).toEqual([
      ['caption', 'Freight by port'],
      ['table-row', '\t2022\t2023'],
      ['table-row', 'Alat\t5.2\t6.3'],
      ['table-row', 'Aktau\tnone\t'],
      ['paragraph', 'Priorities'],
      ['list-item', 'Dredging'],
      ['list-item', 'A new pier'],
    ]);
    expect(body.blocks[1]).toMatchObject({ header: true });
    expect(body.blocks.slice(5).map((b) => b.number)).toEqual([3, 7]);
    expect(markTexts(body)).toEqual([['strong', '6.3']]);
  });

  it('trims edge tabs off anything that is not a table row', () => {
    const body = editBody(old, `${text}\n\n\tIndented new paragraph\t`);
    const last = body.blocks.at(-1)!;
    expect(last.type).toBe('paragraph');
    expect(body.text.slice(last.start, last.end)).toBe('Indented new paragraph');
  });
});
