import { describe, expect, it } from 'vitest';
import { editBody, normaliseEditedText } from '../../../../electron/core/revisions/edit-body';
import type { ArticleBody } from '../../../../electron/shared/model';

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
    expect(normaliseEditedText('  Se\u0301n  \r\n\r\n\r\n\r\nnext\t\n')).toBe('Sén\n\nnext');
  });
});
