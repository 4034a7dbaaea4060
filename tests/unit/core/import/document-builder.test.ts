// The builder owns text and offsets for every importer, so its rules are pinned down here directly.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../electron/shared/model';
import {
  cleanTitle,
  DocumentBuilder,
  RunBuffer,
  type Run,
} from '../../../../electron/core/import/document-builder';
import { blockTexts, expectValidDocument, marked } from './expect-valid-document';

const plain = (text: string): Run => ({ text, marks: [] });
const em = (text: string): Run => ({ text, marks: [{ type: 'em' }] });
const br: Run = { lineBreak: true };

describe('DocumentBuilder', () => {
  it('joins blocks with a blank line and measures each block in the joined text', () => {
    const b = new DocumentBuilder('collapse');
    b.addBlock('heading', [plain('Title')], { level: 1 });
    b.addBlock('paragraph', [plain('Body text.')]);
    const doc = b.build('Title');
    expect(doc.text).toBe('Title\n\nBody text.');
    expect(doc.blocks).toEqual([
      { type: 'heading', level: 1, start: 0, end: 5 },
      { type: 'paragraph', start: 7, end: 17 },
    ]);
    expectValidDocument(doc);
  });

  it('collapses whitespace across runs and trims block edges, keeping marks on the words', () => {
    const b = new DocumentBuilder('collapse');
    b.addBlock('paragraph', [plain('  Hello \n\t'), em('  brave  new '), plain('\n world!  ')]);
    const doc = b.build('t');
    expect(doc.text).toBe('Hello brave new world!');
    expect(marked(doc, 'em')).toEqual(['brave new']);
    expectValidDocument(doc);
  });

  it('turns line breaks into one \\n without spaces around it', () => {
    const b = new DocumentBuilder('collapse');
    b.addBlock('paragraph', [plain('first line '), br, br, plain(' second'), br]);
    expect(b.build('t').text).toBe('first line\nsecond');
  });

  it('keeps line breaks and inner spacing in preserve mode but trims the block edges', () => {
    const b = new DocumentBuilder('preserve');
    b.addBlock('paragraph', [plain('\n  line one\r\nline  two\rline three  \n')]);
    expect(b.build('t').text).toBe('line one\nline  two\nline three');
  });

  it('keeps code indentation and inner blank lines, dropping only blank lines around it', () => {
    const b = new DocumentBuilder('collapse');
    b.addBlock('code', [plain('\n  \n    if x:\n\n        y()\n\n')]);
    const doc = b.build('t');
    expect(doc.text).toBe('    if x:\n\n        y()');
    expectValidDocument(doc);
  });

  it('drops empty blocks together with their marks', () => {
    const b = new DocumentBuilder('collapse');
    b.addBlock('paragraph', [em(' \n '), br]);
    b.addBlock('heading', [], { level: 2 });
    b.addBlock('paragraph', [plain('Kept')]);
    const doc = b.build('t');
    expect(blockTexts(doc)).toEqual([{ type: 'paragraph', text: 'Kept' }]);
    expect(doc.marks).toEqual([]);
  });

  it('merges identical marks that touch or overlap, but not different links', () => {
    const b = new DocumentBuilder('collapse');
    const link = (text: string, href: string): Run => ({ text, marks: [{ type: 'link', href }] });
    b.addBlock('paragraph', [
      em('one'),
      em('two'),
      plain(' '),
      { text: 'three', marks: [{ type: 'em' }, { type: 'strong' }] },
      link(' a', 'https://a.example/'),
      link('b ', 'https://a.example/'),
      link('c', 'https://c.example/'),
    ]);
    const doc = b.build('t');
    expect(doc.text).toBe('onetwo three ab c');
    expect(marked(doc, 'em')).toEqual(['onetwo', 'three']);
    expect(marked(doc, 'strong')).toEqual(['three']);
    expect(doc.marks.filter((m) => m.type === 'link').map((m) => m.href)).toEqual([
      'https://a.example/',
      'https://c.example/',
    ]);
    expect(marked(doc, 'link')).toEqual(['ab', 'c']);
    expectValidDocument(doc);
  });

  it('merges before trimming, so a mark split around a space stays one mark', () => {
    const b = new DocumentBuilder('collapse');
    b.addBlock('paragraph', [em('linked '), em('words'), plain(' '), em('apart')]);
    expect(marked(b.build('t'), 'em')).toEqual(['linked words', 'apart']);
  });

  it('normalises to NFC and counts offsets in UTF-16 code units (emoji count two)', () => {
    const b = new DocumentBuilder('collapse');
    b.addBlock('paragraph', [plain('s\u0327əhər 🚢 '), em('Bakı')]);
    const doc = b.build('t');
    expect(doc.text).toBe('şəhər 🚢 Bakı');
    expect(doc.marks).toEqual([{ type: 'em', start: 9, end: 13 }]);
    expectValidDocument(doc);
  });

  it('gives a mark the whole character when its combining mark composes with the previous run', () => {
    const b = new DocumentBuilder('collapse');
    b.addBlock('paragraph', [plain('cafe'), em('\u0301 au lait')]);
    const doc = b.build('t');
    expect(doc.text).toBe('café au lait');
    expect(doc.text.length).toBe(12);
    expect(marked(doc, 'em')).toEqual(['é au lait']);
    expectValidDocument(doc);
  });

  it('removes control characters other than tab and line ends', () => {
    const b = new DocumentBuilder('preserve');
    b.addBlock('paragraph', [plain('a\u0000b\u0007c\td')]);
    expect(b.build('t').text).toBe('abc\td');
  });
});

describe('RunBuffer', () => {
  it('keeps the text of a refused link but gives it no mark, and closes the right mark', () => {
    const buffer = new RunBuffer();
    buffer.open('strong');
    buffer.open('link', undefined);
    buffer.text('map');
    buffer.close('link');
    buffer.text(' after');
    buffer.close('strong');
    buffer.text(' plain');
    expect(buffer.take()).toEqual([
      { text: 'map', marks: [{ type: 'strong' }] },
      { text: ' after', marks: [{ type: 'strong' }] },
      { text: ' plain', marks: [] },
    ]);
    expect(buffer.take()).toEqual([]);
  });
});

describe('DocumentBuilder table rows and block attributes', () => {
  const cell: Run = { cellBreak: true };

  it('joins cells with tabs, trimming each cell and keeping empty edge cells', () => {
    const b = new DocumentBuilder('collapse');
    b.addBlock('table-row', [cell, plain(' 2019 '), cell, plain('2020\n'), cell], { header: true });
    b.addBlock('table-row', [plain('Revenue '), br, cell, em(' 5 '), cell, plain(' 6')]);
    b.addBlock('table-row', [cell, plain('  '), cell]);
    const doc = b.build('Table');
    expectValidDocument(doc);
    expect(blockTexts(doc)).toEqual([
      { type: 'table-row', header: true, text: '\t2019\t2020\t' },
      { type: 'table-row', text: 'Revenue\t5\t6' },
    ]);
    expect(marked(doc, 'em')).toEqual(['5']);
  });

  it('keeps a cell’s own line breaks, but not at its edges', () => {
    const b = new DocumentBuilder('collapse');
    b.addBlock('table-row', [plain('a'), br, plain('b'), br, cell, br, plain('c')]);
    expect(b.build('t').text).toBe('a\nb\tc');
  });

  it('sets number and header only when given', () => {
    const b = new DocumentBuilder('collapse');
    b.addBlock('list-item', [plain('zero')], { level: 1, number: 0 });
    b.addBlock('list-item', [plain('plain')], { level: 2 });
    b.addBlock('caption', [plain('Table 1')], {});
    expect(b.build('t').blocks).toEqual([
      { type: 'list-item', level: 1, number: 0, start: 0, end: 4 },
      { type: 'list-item', level: 2, start: 6, end: 11 },
      { type: 'caption', start: 13, end: 20 },
    ]);
  });
});

describe('cleanTitle', () => {
  it('makes one NFC line', () => {
    expect(cleanTitle('  Ag\u0306dam\n\tnews  ')).toBe('Ağdam news');
  });

  it('caps the length without splitting a surrogate pair', () => {
    const title = cleanTitle(`${'a'.repeat(LIMITS.title - 3)}🚢🚢🚢`);
    expect(title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(title.endsWith('…')).toBe(true);
    expect(title).toBe(title.normalize('NFC'));
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(title)).toBe(false);
  });
});

describe('DocumentBuilder places', () => {
  const page = (label: string): Run => ({ place: { kind: 'page', label } });

  it('puts a page that begins inside a paragraph at its first word, taking no room', () => {
    const builder = new DocumentBuilder('collapse');
    builder.placeNext('page', '1');
    builder.addBlock('paragraph', [plain('Carried over the '), page('2'), plain(' break.')]);
    const doc = builder.build('t');
    expect(doc.text).toBe('Carried over the break.');
    expect(doc.places).toEqual([
      { kind: 'page', label: '1', start: 0 },
      { kind: 'page', label: '2', start: doc.text.indexOf('break') },
    ]);
  });

  it('moves a place announced in an empty block to the next block with text, and drops one after the end', () => {
    const builder = new DocumentBuilder('collapse');
    builder.addBlock('paragraph', [plain('First.')]);
    builder.addBlock('paragraph', [page('2'), plain('   ')]);
    builder.placeNext('chapter', 'Two');
    builder.addBlock('heading', [plain('Two')], { level: 1 });
    builder.placeNext('page', '3');
    const doc = builder.build('t');
    const two = doc.text.indexOf('Two');
    expect(doc.places).toEqual([
      { kind: 'page', label: '2', start: two },
      { kind: 'chapter', label: 'Two', start: two },
    ]);
    expectValidDocument(doc);
  });

  it('leaves places out of a document that has none, so its body is what it was', () => {
    const builder = new DocumentBuilder('collapse');
    builder.addBlock('paragraph', [plain('Plain.')]);
    expect(builder.build('t')).not.toHaveProperty('places');
  });
});
