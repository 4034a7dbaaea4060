// HTML structure beyond paragraphs: numbered lists, data tables with captions, figure captions
// and MathML, through Readability on a saved page and through the walk on small snippets.
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/core/import/index';
import type { CanonicalDocument } from '../../../../electron/shared/model';
import { blockTexts, expectValidDocument, fixture, marked } from './expect-valid-document';

const html = async (body: string) => {
  const { doc } = await importFile('p.html', new TextEncoder().encode(`<body>${body}</body>`));
  expectValidDocument(doc);
  return doc;
};

describe('a saved page with a figure, a table, formulas and a numbered list', () => {
  let doc: CanonicalDocument;
  let blocks: ReturnType<typeof blockTexts>;
  beforeAll(async () => {
    doc = (await importFile('port-statistics.html', fixture('port-statistics.html'))).doc;
    blocks = blockTexts(doc);
  });

  it('is a valid document with the page chrome left out', () => {
    expectValidDocument(doc);
    expect(doc.title).toBe('Caspian ports handled record freight in 2023');
    expect(doc.text).not.toContain('SENTINEL');
  });

  it('keeps the figure caption, but not the image or its alt text', () => {
    expect(blocks[2]).toEqual({
      type: 'caption',
      text: 'Freight handled by port, 2022 and 2023 (million tonnes). Source: ministries.',
    });
    expect(doc.text).not.toContain('Bar chart');
  });

  it('keeps the table as its caption and one block per row, cells in their columns', () => {
    const start = blocks.findIndex((b) => b.text === 'Freight by port (million tonnes)');
    expect(blocks.slice(start, start + 6)).toEqual([
      { type: 'caption', text: 'Freight by port (million tonnes)' },
      { type: 'table-row', header: true, text: 'Port\t2022\t2023' },
      { type: 'table-row', text: 'Alat (Baku)\t5.1\t6.3' },
      // colspan=2: the cell, then an empty column.
      { type: 'table-row', text: 'Aktau\tno comparable figures\t' },
      { type: 'table-row', text: 'Kuryk\t1.2\t1.9' },
      // rowspan=2 above: this row's first column is empty.
      { type: 'table-row', text: '\t0.4\t0.6' },
    ]);
    expect(marked(doc, 'strong')).toEqual(['6.3']);
  });

  it('keeps formulas: inline by their alttext, display as a block by their TeX', () => {
    expect(doc.text).toContain("a port's utilisation as u = \\frac{V}{C}, where V is the volume");
    expect(blocks).toContainEqual({ type: 'paragraph', text: 'V_{2024} = 1.15\\,V_{2023}' });
  });

  it('numbers the list from its start, renumbering at a value', () => {
    expect(blocks.filter((b) => b.type === 'list-item')).toEqual([
      { type: 'list-item', level: 1, number: 3, text: 'Dredging the approach channel at Alat' },
      { type: 'list-item', level: 1, number: 7, text: 'A second ferry berth at Kuryk' },
      { type: 'list-item', level: 1, number: 8, text: 'New container cranes at Aktau' },
    ]);
  });
});

describe('html ordered lists', () => {
  it('counts from 1, from start, down when reversed; bullets and nested lists their own way', async () => {
    const doc = await html(`
      <ol><li>one</li><li>two<ul><li>bullet</li></ul></li></ol>
      <ol reversed><li>three</li><li>two</li><li>one</li></ol>
      <ol start="-1" reversed><li>minus one</li><li>minus two</li></ol>
      <ol start="x"><li><p>first paragraph</p><p>second paragraph</p></li></ol>`);
    expect(blockTexts(doc)).toEqual([
      { type: 'list-item', level: 1, number: 1, text: 'one' },
      { type: 'list-item', level: 1, number: 2, text: 'two' },
      { type: 'list-item', level: 2, text: 'bullet' },
      { type: 'list-item', level: 1, number: 3, text: 'three' },
      { type: 'list-item', level: 1, number: 2, text: 'two' },
      { type: 'list-item', level: 1, number: 1, text: 'one' },
      { type: 'list-item', level: 1, number: -1, text: 'minus one' },
      { type: 'list-item', level: 1, number: -2, text: 'minus two' },
      // An invalid start counts from 1; the item's second paragraph has no number of its own.
      { type: 'list-item', level: 1, number: 1, text: 'first paragraph' },
      { type: 'list-item', level: 1, text: 'second paragraph' },
    ]);
  });

  it('keeps the numbers out of the text', async () => {
    const doc = await html('<ol start="4"><li>four</li><li>five</li></ol>');
    expect(doc.text).toBe('four\n\nfive');
  });
});

describe('html tables', () => {
  it('joins a cell’s paragraphs and breaks with line breaks, inside the row', async () => {
    const doc = await html(`<table>
      <tr><th>Name</th><th>Notes</th></tr>
      <tr><td> Leyla </td><td><p>First line</p><p>Second <em>line</em></p></td></tr>
      <tr><td>Ramil</td><td>One<br>Two</td></tr>
    </table>`);
    expect(blockTexts(doc)).toEqual([
      { type: 'table-row', header: true, text: 'Name\tNotes' },
      { type: 'table-row', text: 'Leyla\tFirst line\nSecond line' },
      { type: 'table-row', text: 'Ramil\tOne\nTwo' },
    ]);
    expect(marked(doc, 'em')).toEqual(['line']);
  });

  it('leaves out hidden cells’ text and drops rows with no text', async () => {
    // (Readability removes hidden cells outright, so their column goes with them.)
    const doc = await html(`<table><thead><tr><td>A</td><td>B</td></tr></thead>
      <tr><td>1</td><td hidden>secret</td><td>3</td></tr><tr><td> </td><td></td></tr></table>`);
    expect(blockTexts(doc)).toEqual([
      { type: 'table-row', header: true, text: 'A\tB' },
      { type: 'table-row', text: '1\t3' },
    ]);
  });

  it('keeps a hidden cell’s column where no Readability runs (raw HTML in Markdown)', async () => {
    const source =
      '<table><tr><th>A</th><th>B</th><th>C</th></tr>\n<tr><td>1</td><td hidden>secret</td><td>3</td></tr></table>';
    const { doc } = await importFile('t.md', new TextEncoder().encode(source));
    expectValidDocument(doc);
    expect(blockTexts(doc)).toEqual([
      { type: 'table-row', header: true, text: 'A\tB\tC' },
      { type: 'table-row', text: '1\t\t3' },
    ]);
  });

  it('walks layout tables as ordinary blocks: nested, presentational, single-column', async () => {
    const doc = await html(`
      <table><tr><td><table><tr><th>Inner</th><td>data</td></tr></table></td>
        <td><p>Side column text.</p></td></tr></table>
      <table role="presentation"><tr><td>Left</td><td>Right</td></tr><tr><td>a</td><td>b</td></tr></table>
      <table><tr><td>Only</td></tr><tr><td>column</td></tr></table>`);
    expect(blockTexts(doc)).toEqual([
      // The inner table holds data, the outer one only lays it out.
      { type: 'table-row', text: 'Inner\tdata' },
      { type: 'paragraph', text: 'Side column text.' },
      { type: 'paragraph', text: 'Left' },
      { type: 'paragraph', text: 'Right' },
      { type: 'paragraph', text: 'a' },
      { type: 'paragraph', text: 'b' },
      { type: 'paragraph', text: 'Only' },
      { type: 'paragraph', text: 'column' },
    ]);
  });

  it('reads a plain grid of cells as data, and a caption of a layout table as a caption', async () => {
    const doc = await html(`
      <table><tr><td>Baku</td><td>2.3m</td></tr><tr><td>Gəncə</td><td>0.3m</td></tr></table>
      <table role="none"><caption>Layout caption</caption><tr><td>x</td></tr></table>`);
    expect(blockTexts(doc)).toEqual([
      { type: 'table-row', text: 'Baku\t2.3m' },
      { type: 'table-row', text: 'Gəncə\t0.3m' },
      { type: 'caption', text: 'Layout caption' },
      { type: 'paragraph', text: 'x' },
    ]);
  });
});

describe('html math', () => {
  it('takes alttext, else the TeX annotation, else the presentation text', async () => {
    const doc = await html(`<p>
      A <math alttext="x^2"><msup><mi>x</mi><mn>2</mn></msup></math>,
      B <math><semantics><mi>y</mi><annotation encoding="application/x-tex">\\sqrt{y}</annotation></semantics></math>,
      C <math><mi>a</mi><mo>+</mo><mi>b</mi><annotation-xml encoding="MathML-Content"><ci>hidden</ci></annotation-xml></math>.
      </p>`);
    expect(doc.text).toBe('A x^2, B \\sqrt{y}, C a+b.');
  });

  it('sets a display formula apart as its own block, in its context', async () => {
    const doc =
      await html(`<p>Before <math display="block"><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math>
      after.</p><blockquote><math display="block" alttext="a=b"></math></blockquote>`);
    expect(blockTexts(doc)).toEqual([
      { type: 'paragraph', text: 'Before' },
      { type: 'paragraph', text: 'E=mc2' },
      { type: 'paragraph', text: 'after.' },
      { type: 'quote', text: 'a=b' },
    ]);
  });

  it('drops an empty formula', async () => {
    const doc = await html('<p>Empty <math></math>here.</p>');
    expect(doc.text).toBe('Empty here.');
  });
});
