// The PDF layout on pages made up item by item, for what Chromium can't easily print: notes at
// the foot of one column, headers that alternate between odd and even pages, the file's own
// page labels, and the hyphenation rule case by case.
import { describe, expect, it } from 'vitest';
import { keepsHyphen } from '../../../../../electron/core/import/pdf/hyphenation';
import { layOut, type LaidOutBlock } from '../../../../../electron/core/import/pdf/layout';
import type { PdfPage, PdfTextItem } from '../../../../../electron/core/import/pdf/pdf-page';

/** An item whose width is what a 10 pt serif face would roughly give. */
function item(text: string, x: number, y: number, size = 10, style: Partial<PdfTextItem> = {}) {
  return {
    text,
    x,
    y,
    width: text.length * size * 0.48,
    size,
    bold: false,
    italic: false,
    rtl: false,
    ...style,
  };
}

/** Lines of a column, one item each, 12 pt apart from `top`. */
function column(lines: readonly string[], x: number, top: number): PdfTextItem[] {
  return lines.map((text, i) => ({ ...item(text, x, top + i * 12), width: 220 }));
}

const page = (items: PdfTextItem[], label = '1'): PdfPage => ({
  label,
  width: 600,
  height: 800,
  items,
});

/** Each block as text, places shown as ⟨label⟩ where they fall. */
function texts(blocks: readonly LaidOutBlock[]): string[] {
  return blocks.map((block) =>
    block.runs
      .map((run) => ('text' in run ? run.text : 'place' in run ? `⟨${run.place.label}⟩` : ''))
      .join('')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

const words = (n: number, word: string) =>
  Array.from({ length: n }, (_, i) => `${word} ${i + 1} runs on across the column`);

describe('two columns with a note at the foot of the left one', () => {
  const left = words(12, 'Left');
  const right = words(16, 'Right');
  const items = [
    ...column(left, 50, 100),
    // The note sits under the left column while the right column's text goes on below it.
    item('1', 50, 260, 6),
    item(' A note about the left column.', 54, 262, 8),
    ...column(right, 330, 100),
  ];
  const blocks = layOut([page(items)]);

  it('reads the left column, then the right, as one paragraph, and the note apart', () => {
    expect(texts(blocks)).toEqual([
      `⟨1⟩${[...left, ...right].join(' ')}`,
      'Notes',
      '⟨1⟩[1] A note about the left column.',
    ]);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph']);
  });
});

describe('a note that runs on to the next page', () => {
  it('carries on in the same note, with the page marked where it resumes', () => {
    const body = (n: number) => column(words(20, `Page ${n} line`), 50, 100);
    const pages = [
      page([...body(1), item('1 A note that begins at the foot of page one and', 50, 700, 8)]),
      page(
        [
          ...body(2),
          item('runs on to the foot of page two.', 50, 700, 8),
          item('2 A second note, short.', 50, 712, 8),
        ],
        '2',
      ),
    ];
    const blocks = texts(layOut(pages));
    expect(blocks.slice(-3)).toEqual([
      'Notes',
      '⟨1⟩[1] A note that begins at the foot of page one and ⟨2⟩runs on to the foot of page two.',
      '[2] A second note, short.',
    ]);
  });
});

describe('three columns', () => {
  it('are read one after the other, left to right', () => {
    const narrow = (lines: string[], x: number) =>
      lines.map((text, i) => ({ ...item(text, x, 100 + i * 12), width: 150 }));
    const [a, b, c] = ['First', 'Second', 'Third'].map((name) => words(10, `${name} column`));
    const blocks = layOut([page([...narrow(a!, 40), ...narrow(b!, 220), ...narrow(c!, 400)])]);
    expect(texts(blocks)).toEqual([`⟨1⟩${[...a!, ...b!, ...c!].join(' ')}`]);
  });
});

describe('running headers and page labels', () => {
  const body = (n: number) => column(words(20, `Page ${n} line`), 50, 120);
  const pages = [1, 2, 3, 4].map((n) =>
    page(
      [
        // Odd pages carry the article's short title, even pages the journal's name.
        item(n % 2 ? 'A Short Title' : 'Journal of Layout Studies', 200, 40, 8),
        item(String(n + 100), 290, 770, 8),
        ...(n === 1 ? [item('Received 3 May 2024', 50, 60, 8)] : []),
        ...body(n),
      ],
      ['xi', 'xii', 'xiii', 'xiv'][n - 1],
    ),
  );
  const text = texts(layOut(pages)).join('\n');

  it('leaves out headers that repeat on odd or even pages and the page numbers', () => {
    expect(text).not.toContain('A Short Title');
    expect(text).not.toContain('Journal of Layout Studies');
    expect(text).not.toMatch(/\b10[1-4]\b/);
    // A line only the first page has is the article's, not the page's.
    expect(text).toContain('Received 3 May 2024');
  });

  it('labels each page as the file does', () => {
    expect(text.match(/⟨[^⟩]+⟩/g)).toEqual(['⟨xi⟩', '⟨xii⟩', '⟨xiii⟩', '⟨xiv⟩']);
  });
});

describe('a hyphen at the end of a line', () => {
  const vocabulary = new Set(['data-driven', 'information']);

  it('goes when the typesetter put it there', () => {
    expect(keepsHyphen('infor-', 'mation', vocabulary)).toBe(false);
    expect(keepsHyphen('pa\u2010', 'tient', vocabulary)).toBe(false);
    expect(keepsHyphen('com\u00AD', 'Putation', vocabulary)).toBe(false);
  });

  it('stays in compounds', () => {
    expect(keepsHyphen('Anglo-', 'Saxon', vocabulary)).toBe(true);
    expect(keepsHyphen('COVID-', '19', vocabulary)).toBe(true);
    expect(keepsHyphen('state-of-the-', 'art', vocabulary)).toBe(true);
    expect(keepsHyphen('data-', 'driven', vocabulary)).toBe(true);
    expect(keepsHyphen('self-', 'evident', vocabulary)).toBe(true);
  });

  it('goes when the document writes the word joined elsewhere', () => {
    expect(keepsHyphen('well-', 'being', new Set(['wellbeing']))).toBe(false);
  });
});
