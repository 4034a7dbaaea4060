// Plain-text files and pasted text: paragraphs, headline detection, line ends and real samples.
import { describe, expect, it } from 'vitest';
import { NotebookError } from '../../../../electron/core/errors';
import { importFile, importPastedText } from '../../../../electron/core/import/index';
import { LIMITS } from '../../../../electron/shared/model';
import {
  blockTexts,
  expectValidDocument,
  fixture,
  occurrences,
  resource,
} from './expect-valid-document';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('plain-text import', () => {
  it('imports the real AZPROMO sample with its headline once, as the title and first heading', async () => {
    const headline =
      'Rufat Mammadov: we increase ties between business circles of Russia and Azerbaijan';
    const bytes = resource('azpromo-russia-azerbaijan.txt');
    // The sample really does repeat its headline: the test would be hollow otherwise.
    expect(occurrences(new TextDecoder().decode(bytes), headline)).toBe(2);

    const imported = await importFile('azpromo-russia-azerbaijan.txt', bytes);
    const { doc } = imported;
    expectValidDocument(doc);
    expect(imported).toMatchObject({ format: 'text', source: 'azpromo-russia-azerbaijan.txt' });
    expect(doc.title).toBe(headline);
    expect(occurrences(doc.text, headline)).toBe(1);
    const blocks = blockTexts(doc);
    expect(blocks[0]).toEqual({ type: 'heading', level: 1, text: headline });
    expect(blocks[1]?.text).toMatch(/^The Azerbaijani authorities have applied serious efforts/);
    expect(blocks.slice(1).every((b) => b.type === 'paragraph')).toBe(true);
    expect(
      doc.text.endsWith(
        'we already have very good experience in this direction," Mamedov concluded.',
      ),
    ).toBe(true);
    expect(doc.marks).toEqual([]);
  });

  it('turns CRLF and bare CR into \\n, keeping single line breaks inside a paragraph', async () => {
    const bytes = fixture('crlf.txt');
    // Guard against the fixture losing its CRs on the way through git.
    expect(new TextDecoder().decode(bytes)).toContain('\r\n');
    const { doc } = await importFile('crlf.txt', bytes);
    expectValidDocument(doc);
    expect(blockTexts(doc)).toEqual([
      { type: 'heading', level: 1, text: 'Quarterly port report' },
      { type: 'paragraph', text: 'First paragraph, line one.\nLine two of the first paragraph.' },
      { type: 'paragraph', text: 'Second paragraph.\nStill the second paragraph after a bare CR.' },
    ]);
  });

  it('keeps Azerbaijani letters and emoji, in NFC, with UTF-16 offsets', async () => {
    const bytes = fixture('azerbaijani.txt');
    // The fixture spells one ş as s + combining cedilla, so normalisation has work to do.
    expect(new TextDecoder().decode(bytes)).toContain('s\u0327əhərin');
    const { doc } = await importFile('azerbaijani.txt', bytes);
    expectValidDocument(doc);
    expect(doc.title).toBe('Bakı limanında yeni mövsüm');
    expect(doc.text).not.toContain('\u0327');
    expect(doc.text).toContain('şəhərin qonaqları');
    expect(doc.text).toContain('Ağdam, Gəncə, Şəki');
    const second = doc.blocks[1];
    expect(second && doc.text.slice(second.start, second.end)).toBe(
      'Xəzər dənizində bərə xətti yenidən işləyir. Gəmi Qazaxıstana üzür 🚢🇦🇿.',
    );
    // 🚢 is one character but two UTF-16 units; the flag is two regional indicators, four units.
    expect(second && second.end - second.start).toBe(
      [...'Xəzər dənizində bərə xətti yenidən işləyir. Gəmi Qazaxıstana üzür '].length + 1 + 6,
    );
  });

  it('makes the first paragraph a heading only when it is one short line', async () => {
    // Titles were the whole first line before the headline rule; now the file name is.
    const long = `${'word '.repeat(50)}end`;
    const longDoc = (await importFile('long.txt', utf8(`${long}\n\nBody.`))).doc;
    expect(blockTexts(longDoc)[0]?.type).toBe('paragraph');
    expect(longDoc.title).toBe('long');

    const twoLines = (await importFile('two.txt', utf8('Dear editor,\nthank you.\n\nBody.'))).doc;
    expect(blockTexts(twoLines)[0]).toEqual({
      type: 'paragraph',
      text: 'Dear editor,\nthank you.',
    });
    expect(twoLines.title).toBe('two');
  });

  it('drops a repeated headline only when it is the same text, ignoring spacing', async () => {
    const repeated = (await importFile('r.txt', utf8('  Big  news \n\n\tBig news\n\nBody.'))).doc;
    expect(blockTexts(repeated).map((b) => b.text)).toEqual(['Big  news', 'Body.']);

    const different = (await importFile('d.txt', utf8('Big news\n\nBig news, again\n\nBig news')))
      .doc;
    expect(blockTexts(different).map((b) => b.text)).toEqual([
      'Big news',
      'Big news, again',
      'Big news',
    ]);
  });

  it('treats lines of spaces as blank and ignores trailing spaces', async () => {
    const { doc } = await importFile(
      's.txt',
      utf8('Title   \n   \n  Indented start   \nnext line  \n \t \nLast'),
    );
    expectValidDocument(doc);
    expect(blockTexts(doc).map((b) => b.text)).toEqual([
      'Title',
      'Indented start\nnext line',
      'Last',
    ]);
  });

  it('keeps a very long single line as text, titled by the file name', async () => {
    const line = 'ə'.repeat(LIMITS.title * 2);
    const { doc } = await importFile('one-line.txt', utf8(line));
    expectValidDocument(doc);
    expect(doc.title).toBe('one-line');
    expect(doc.text).toBe(line);
    expect(doc.blocks).toEqual([{ type: 'paragraph', start: 0, end: line.length }]);
  });
});

describe('importPastedText', () => {
  it('imports pasted text like a file, with the title the analyst typed', () => {
    const doc = importPastedText(
      'Headline\r\n\r\nHeadline\r\n\r\nFirst line\r\nsecond line',
      '  My  note ',
    );
    expectValidDocument(doc);
    expect(doc.title).toBe('My note');
    expect(blockTexts(doc)).toEqual([
      { type: 'heading', level: 1, text: 'Headline' },
      { type: 'paragraph', text: 'First line\nsecond line' },
    ]);
  });

  it('takes a headline as title when none is given, else "Pasted text"', () => {
    expect(importPastedText('\n\n  Şuşa gündəliyi 🌄 \n\nmore').title).toBe('Şuşa gündəliyi 🌄');
    // A two-line first paragraph, or a line with nothing after it, is text (the first line was
    // the title before the headline rule).
    expect(importPastedText('\n\n  Şuşa gündəliyi 🌄 \nmore').title).toBe('Pasted text');
    expect(importPastedText('Untitled?', '   ').title).toBe('Pasted text');
  });

  it('caps a very long typed title', () => {
    const doc = importPastedText('Body.', 'ə'.repeat(LIMITS.title * 2));
    expect(doc.title.length).toBe(LIMITS.title);
    expect(doc.title.endsWith('…')).toBe(true);
  });

  it.each(['', '   \n\t ', '\u0000\u0007'])('refuses empty pasted text %j', (text) => {
    expect(() => importPastedText(text)).toThrow(NotebookError);
    expect(() => importPastedText(text)).toThrow('The pasted text is empty.');
  });
});
