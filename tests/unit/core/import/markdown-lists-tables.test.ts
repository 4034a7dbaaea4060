// Markdown ordered lists keep their numbers (outside the text) and GFM tables keep rows and cells.
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/core/import/index';
import { blockTexts, expectValidDocument, marked } from './expect-valid-document';

const md = async (source: string) => {
  const { doc } = await importFile('note.md', new TextEncoder().encode(source));
  expectValidDocument(doc);
  return doc;
};

describe('markdown ordered lists', () => {
  it('numbers from the first marker and counts on, whatever the later markers say', async () => {
    const doc = await md('3. third\n1. fourth\n9) not this list\n');
    expect(blockTexts(doc)).toEqual([
      { type: 'list-item', level: 1, number: 3, text: 'third' },
      { type: 'list-item', level: 1, number: 4, text: 'fourth' },
      // A different delimiter starts a new list, numbered from its own marker.
      { type: 'list-item', level: 1, number: 9, text: 'not this list' },
    ]);
    // The numbers are not in the text.
    expect(doc.text).toBe('third\n\nfourth\n\nnot this list');
  });

  it('starts at 0, nests, and leaves bullets unnumbered', async () => {
    const doc = await md('0. zero\n   - bullet\n     1. inner one\n     2. inner two\n1. one\n');
    expect(blockTexts(doc)).toEqual([
      { type: 'list-item', level: 1, number: 0, text: 'zero' },
      { type: 'list-item', level: 2, text: 'bullet' },
      { type: 'list-item', level: 3, number: 1, text: 'inner one' },
      { type: 'list-item', level: 3, number: 2, text: 'inner two' },
      { type: 'list-item', level: 1, number: 1, text: 'one' },
    ]);
  });

  it('numbers an item whose first block is raw HTML', async () => {
    const doc = await md('5. <div>html item</div>\n6. plain\n');
    expect(blockTexts(doc)).toEqual([
      { type: 'list-item', level: 1, number: 5, text: 'html item' },
      { type: 'list-item', level: 1, number: 6, text: 'plain' },
    ]);
  });
});

describe('markdown tables', () => {
  const table = [
    'Freight by route:',
    '',
    '| Route | 2022 | 2023 |',
    '|:------|-----:|:----:|',
    '| Baku–Aktau | *1.2* Mt | 1.9 Mt |',
    '| Alat \\| Kuryk | | **0.4** Mt |',
    '| | total | |',
  ].join('\n');

  it('makes each row a block with its cells joined by tabs, the first row a header', async () => {
    const doc = await md(table);
    expect(blockTexts(doc)).toEqual([
      { type: 'paragraph', text: 'Freight by route:' },
      { type: 'table-row', header: true, text: 'Route\t2022\t2023' },
      { type: 'table-row', text: 'Baku–Aktau\t1.2 Mt\t1.9 Mt' },
      { type: 'table-row', text: 'Alat | Kuryk\t\t0.4 Mt' },
      // Empty first and last cells keep their tabs, so "total" stays in the 2022 column.
      { type: 'table-row', text: '\ttotal\t' },
    ]);
    expect(marked(doc, 'em')).toEqual(['1.2']);
    expect(marked(doc, 'strong')).toEqual(['0.4']);
  });

  it('a passage across cells is the cells’ text with the tab between', async () => {
    const doc = await md(table);
    const start = doc.text.indexOf('Aktau');
    expect(doc.text.slice(start, doc.text.indexOf(' Mt', start))).toBe('Aktau\t1.2');
  });

  it('pads short rows as markdown-it does, so columns line up', async () => {
    const doc = await md('| a | b | c |\n|---|---|---|\n| only one |\n');
    expect(blockTexts(doc)[1]).toEqual({ type: 'table-row', text: 'only one\t\t' });
  });
});
