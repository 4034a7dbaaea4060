import { describe, expect, it } from 'vitest';
import { blockquote, inlineText } from '../../../../electron/core/export/markdown-escape';
import { quotesOf, READERS } from './markdown-reader';

/** Every ASCII punctuation character, one per string and all together. */
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

const NASTY = [
  ...PUNCTUATION,
  PUNCTUATION,
  '   three leading spaces',
  '    four: would be code',
  '\ttab first',
  'tab\tinside\tand last\t',
  'two trailing spaces  \nnext line',
  'one trailing space \nnext',
  '  \n \n\t',
  '1. not a list',
  '1) nor this',
  '- not a list',
  '+ nor this',
  '* nor this',
  '> not a quote',
  '# not a heading',
  '###### nor this',
  '#hashtag #Əlaqələr not tags, C# stays',
  '<b>x</b> <div>block</div>',
  '<!-- a comment --> and <?php ?>',
  '<http://x.example> and <a@b.example>',
  '&amp; &#32; &#x20; &copy; AT&T',
  '[see](http://x) ![img](y.png) [ref]: /url',
  '[[wikilink]] and [[page|alias]]',
  '*rose* **bold** ***both***',
  '_a_ __b__ snake_case_name _leading and trailing_',
  '`code` ``two``',
  '~~s~~ ~one~',
  '==h== and a == b',
  '$x$ $$y$$ costs $5',
  '%% hidden %% and 50%',
  'a block id ^abc123',
  'footnote[^1] and ^[inline]',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  'Title\n===',
  'Title\n---',
  'text\n=',
  '---',
  '***',
  '___',
  '- - -',
  '```js\ncode\n```',
  '~~~\nfence\n~~~',
  '$$\nmath\n$$',
  '[!note] a callout',
  'ends with a backslash\\\nnext',
  'ə ş ğ ü ö ç ı İ Ə',
  '🤝🏽 emoji 👩‍👩‍👧 and 🇦🇿',
  'עברית ومرحبا بالعالم RTL',
  '\u00a0no-break space edges\u00a0',
  'ideographic\u3000space\u3000',
  'one\n\ntwo',
  'one\n\n\ntwo',
  '\nleading newline',
  'trailing newline\n',
  '\n\n\n',
  '',
  ' ',
  'carriage\rreturn',
  '2026. il',
  'x\n\n\n\n',
];

/** A seeded generator, so a failing case can be found again. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  ...PUNCTUATION,
  ...'abcXYZ019',
  ...'əşğ',
  '🤝',
  'ש',
  ' ',
  ' ',
  '\t',
  '\n',
  '\u00a0',
];

function randomPassages(count: number, seed: number): string[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const length = Math.floor(random() * 24);
    let text = '';
    for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
    return text;
  });
}

describe.each(Object.entries(READERS))('blockquote, read by %s', (_name, reader) => {
  function expectQuoted(passage: string) {
    const quotes = quotesOf(blockquote(passage), reader);
    expect(quotes, JSON.stringify(passage)).toHaveLength(1);
    expect(quotes[0]?.other, JSON.stringify(passage)).toEqual([]);
    expect(quotes[0]?.text, JSON.stringify(passage)).toBe(passage);
  }

  it.each(NASTY.map((passage) => [JSON.stringify(passage), passage]))(
    'reads %s back exactly as plain text',
    (_label, passage) => expectQuoted(passage),
  );

  it('reads back random strings of punctuation, letters, spaces and newlines', () => {
    for (const passage of randomPassages(3000, 20261129)) expectQuoted(passage);
  });

  it('stays one quote when written among other quotes', () => {
    const note = NASTY.map(blockquote).join('\n\nbetween\n\n');
    expect(quotesOf(note, reader).map((q) => q.text)).toEqual(NASTY);
  });
});

/**
 * Obsidian's own syntax, which markdown-it doesn't know: once every backslash escape is set aside,
 * none of it may be left in a quote.
 */
const OBSIDIAN = [
  ['highlight', /==/],
  ['comment', /%%/],
  ['math', /\$/],
  ['block id or footnote', /\^/],
  ['wikilink', /\[\[/],
  ['strikethrough', /~~/],
  ['tag', /(?:^|[\s>])#[\p{L}\p{N}_/-]/mu],
] as const;

describe('blockquote, in Obsidian', () => {
  it.each(OBSIDIAN)('leaves no %s syntax', (_name, syntax) => {
    for (const passage of [...NASTY, ...randomPassages(1000, 7)]) {
      const unescaped = blockquote(passage).replace(/\\[!-/:-@[-`{-~]/g, '\u0000');
      expect(unescaped, JSON.stringify(passage)).not.toMatch(syntax);
    }
  });
});

describe('blockquote, readable', () => {
  it('leaves ordinary prose alone', () => {
    const prose =
      'Bakı, 28 noyabr: "quoted", (aside) 5% - C# & AT&T; a = b, x < y > z. snake_case!';
    expect(blockquote(prose)).toBe(`> ${prose}`);
  });

  it('escapes with a backslash, or a character reference only for whitespace and breaks', () => {
    expect(blockquote('*rose* [see](http://x)')).toBe('> \\*rose\\* \\[see\\](http://x)');
    expect(blockquote('<b>x</b> &amp;')).toBe('> \\<b>x\\</b> \\&amp;');
    expect(blockquote('- 5 is negative')).toBe('> \\- 5 is negative');
    expect(blockquote('-5 degrees, 3.5 times')).toBe('> -5 degrees, 3.5 times');
    expect(blockquote('2026. il')).toBe('> 2026\\. il');
    expect(blockquote('  indented  ')).toBe('> &#32; indented &#32;');
    expect(blockquote('one\n\ntwo\n\n\nthree')).toBe('> one\n>\n> two\n>\n> &#10;three');
  });
});

describe('inlineText', () => {
  it('is one line with every # and inline syntax escaped', () => {
    expect(inlineText('Field notes,\n "draft" #2 ')).toBe('Field notes, "draft" \\#2');
    expect(inlineText('C# *and* F#')).toBe('C\\# \\*and\\* F\\#');
    expect(quotesOf(`> ${inlineText('a $b$ ==c== <i>d</i>')}`)[0]?.text).toBe(
      'a $b$ ==c== <i>d</i>',
    );
  });
});
