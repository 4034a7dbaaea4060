// DOCX import on documents written by the docx library: structure, emphasis, links, tables,
// footnotes and endnotes as a Notes section numbered as they are called, core properties.
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocx } from '../../../../../electron/core/import/docx';
import type { ImportedFile } from '../../../../../electron/core/import/metadata-fields';
import {
  blockTexts,
  expectValidDocument,
  links,
  marked,
  occurrences,
} from '../expect-valid-document';
import { DOCX_FACTS, makeDocx, makeEpub } from './make-files';

const docxOf = async (children: Paragraph[], title?: string) =>
  new Uint8Array(
    await Packer.toBuffer(
      new Document({ ...(title !== undefined && { title }), sections: [{ children }] }),
    ),
  );

describe('a Word document with every structure', () => {
  let imported: ImportedFile;
  beforeAll(async () => {
    imported = await importDocx(await makeDocx(), 'ferries.docx');
  });

  it('is a valid document titled by its core properties', () => {
    expectValidDocument(imported.doc);
    expect(imported.doc.title).toBe(DOCX_FACTS.title);
    expect(imported.doc.places).toBeUndefined();
  });

  it('keeps the title, headings, lists with numbers and levels, and the table', () => {
    const body = blockTexts(imported.doc).slice(0, 13);
    expect(body).toEqual([
      { type: 'heading', level: 1, text: DOCX_FACTS.title },
      { type: 'heading', level: 1, text: 'Introduction' },
      {
        type: 'paragraph',
        text: 'Plain and bold and italic words.[1] Tariffs rose[2] in spring.[3]',
      },
      { type: 'paragraph', text: 'See the ferry timetable for sailings.' },
      { type: 'heading', level: 2, text: 'Method' },
      { type: 'list-item', level: 1, number: 1, text: 'Count the ships' },
      { type: 'list-item', level: 2, number: 1, text: 'By port' },
      { type: 'list-item', level: 1, number: 2, text: 'Weigh the cargo' },
      { type: 'list-item', level: 1, text: 'Baku' },
      { type: 'list-item', level: 2, text: 'Old port' },
      { type: 'table-row', header: true, text: 'Port\tShips' },
      { type: 'table-row', text: 'Baku\t12' },
      { type: 'table-row', text: 'Aktau\t7' },
    ]);
  });

  it('keeps bold, italic and the hyperlink', () => {
    expect(marked(imported.doc, 'strong')).toEqual(['bold']);
    expect(marked(imported.doc, 'em')).toEqual(['italic', 'port']);
    expect(links(imported.doc)).toEqual([{ text: 'the ferry timetable', href: DOCX_FACTS.link }]);
  });

  it('ends with the notes, each opening with the number that calls it', () => {
    expect(blockTexts(imported.doc).slice(13)).toEqual([
      { type: 'heading', level: 1, text: 'Notes' },
      { type: 'paragraph', text: '[1] Counted at the quay.' },
      { type: 'paragraph', text: '[2] Per the port.' },
      { type: 'paragraph', text: '[3] An endnote on sources.' },
    ]);
    for (const call of ['[1]', '[2]', '[3]']) expect(occurrences(imported.doc.text, call)).toBe(2);
    // The back-links mammoth adds are navigation, not text.
    expect(imported.doc.text).not.toContain('↑');
  });

  it('reads the core properties: authors split, not the last editor, the DOI in the subject', () => {
    expect(imported.metadata).toEqual({
      title: DOCX_FACTS.title,
      authors: [...DOCX_FACTS.authors],
      published: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      doi: DOCX_FACTS.doi,
    });
  });
});

describe('docx titles and refusals', () => {
  it('takes the first heading as title when the properties have none, else the file name', async () => {
    const headed = await docxOf([
      new Paragraph({ text: 'Port report', heading: HeadingLevel.HEADING_1 }),
      new Paragraph('Text.'),
    ]);
    expect((await importDocx(headed, 'x.docx')).doc.title).toBe('Port report');
    const plain = await importDocx(await docxOf([new Paragraph('Only text.')]), 'dir/notes.docx');
    expect(plain.doc.title).toBe('notes');
    expect(plain.metadata.title).toBeUndefined();
    expectValidDocument(plain.doc);
  });

  it('refuses a damaged file, a zip that is no Word document and an empty one', async () => {
    const whole = await makeDocx();
    await expect(importDocx(whole.subarray(0, whole.length / 2), 'cut.docx')).rejects.toThrow(
      'The file “cut.docx” is damaged or is not a Word document',
    );
    await expect(importDocx(new TextEncoder().encode('just text'), 'a.docx')).rejects.toThrow(
      'is damaged or is not a Word document',
    );
    await expect(importDocx(makeEpub(), 'book.docx')).rejects.toThrow(
      'The file “book.docx” is a ZIP archive, not a Word document',
    );
    await expect(importDocx(await docxOf([]), 'empty.docx')).rejects.toThrow(
      'has no readable text',
    );
  });

  it('reads a 30-page document whole, with every footnote in its place', async () => {
    const { doc } = await importDocx(await makeDocx({ pages: 30 }), 'long.docx');
    expectValidDocument(doc);
    const notes = doc.blocks.findIndex((b) => doc.text.slice(b.start, b.end) === 'Notes');
    expect(doc.blocks.length - notes - 1).toBe(33);
    expect(occurrences(doc.text, '[33]')).toBe(2);
    expect(doc.blocks.filter((b) => b.type === 'heading' && b.level === 2)).toHaveLength(31);
  });
});
