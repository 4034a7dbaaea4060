// The headline rule for plain text: press texts that open with a long first paragraph are titled
// by their file name; a short first line that reads as a title is the headline.
import { describe, expect, it } from 'vitest';
import { importFile, importPastedText } from '../../../../electron/core/import/index';
import { isHeadline } from '../../../../electron/core/import/plain-text';
import { blockTexts, expectValidDocument, fixture } from './expect-valid-document';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('press texts in the Brown corpus style', () => {
  it.each([
    ['press-oneline.txt', 'press-oneline', /^The Harbour Commission of Port Elden voted/],
    ['press-wrapped.txt', 'press-wrapped', /^Members of the State Teachers Association/],
  ])('%s keeps its first paragraph as text and takes the file name', async (name, stem, start) => {
    const { doc } = await importFile(name, fixture(name));
    expectValidDocument(doc);
    const blocks = blockTexts(doc);
    // The fixture really opens with a long paragraph: the test would be hollow otherwise.
    expect(blocks[0]!.text.length).toBeGreaterThan(200);
    expect(doc.title).toBe(stem);
    expect(blocks[0]).toMatchObject({ type: 'paragraph', text: expect.stringMatching(start) });
    expect(blocks.every((b) => b.type === 'paragraph')).toBe(true);
  });

  it('a press text with a headline above it keeps the headline', async () => {
    const text = `Harbour sale postponed\n\n${new TextDecoder().decode(fixture('press-oneline.txt'))}`;
    const { doc } = await importFile('press.txt', utf8(text));
    expect(doc.title).toBe('Harbour sale postponed');
    expect(blockTexts(doc)[0]).toEqual({
      type: 'heading',
      level: 1,
      text: 'Harbour sale postponed',
    });
  });
});

describe('isHeadline', () => {
  it.each([
    'Rufat Mammadov: we increase ties between business circles of Russia and Azerbaijan',
    'Will the ferry run in winter?',
    'Ferry link reopens!',
    'Bakı limanında yeni mövsüm',
    '“No more delays”',
    'Harbour Commission Postpones Sale Of Terminal (Updated)',
  ])('takes %j as a headline', (line) => {
    expect(isHeadline(line, true)).toBe(true);
  });

  it.each([
    ['a sentence', 'The council met on Monday.'],
    ['a clause', 'Dear editor,'],
    ['an introduction', 'The ministry listed three reasons:'],
    ['a semicolon', 'It rained; the match went on;'],
    ['a dash', 'Then the lights went out —'],
    ['an ellipsis', 'And then…'],
    ['a quoted sentence', 'The mayor said: “We will not give up.”'],
    ['two lines', 'Dear editor\nthank you'],
    [
      'more than 20 words',
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone',
    ],
    ['more than 120 characters', `A ${'very '.repeat(24)}long line`],
  ])('does not take %s', (_, line) => {
    expect(isHeadline(line, true)).toBe(false);
  });

  it('needs more text after it', () => {
    expect(isHeadline('A title', false)).toBe(false);
  });

  it('allows exactly 120 characters and 20 words', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ');
    expect(isHeadline(twenty, true)).toBe(true);
    expect(isHeadline('x'.repeat(120), true)).toBe(true);
    expect(isHeadline('x'.repeat(121), true)).toBe(false);
  });
});

describe('the rule in files and pasted text', () => {
  it('a short sentence on its own first line is text, titled by the file name', async () => {
    const { doc } = await importFile(
      'minutes.txt',
      utf8('The council met on Monday.\n\nIt voted.'),
    );
    expect(doc.title).toBe('minutes');
    expect(blockTexts(doc).map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('removes a repeated headline once, and a repeat alone is not "more text"', async () => {
    const { doc } = await importFile('r.txt', utf8('Big news\n\nBig news\n\nBody.'));
    expect(blockTexts(doc).map((b) => b.text)).toEqual(['Big news', 'Body.']);
    const alone = (await importFile('alone.txt', utf8('Big news\n\nBig news'))).doc;
    expect(alone.title).toBe('alone');
    expect(blockTexts(alone).map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('pasted text follows the same rule', () => {
    const pasted = importPastedText(new TextDecoder().decode(fixture('press-wrapped.txt')));
    expect(pasted.title).toBe('Pasted text');
    expect(pasted.blocks[0]!.type).toBe('paragraph');
    const headed = importPastedText('Teachers ask for rural pay rise\n\nThe resolution passed.');
    expect(headed.title).toBe('Teachers ask for rural pay rise');
    expect(headed.blocks[0]).toMatchObject({ type: 'heading', level: 1 });
  });
});
