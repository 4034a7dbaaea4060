// ODT import on a document zipped from the XML LibreOffice writes: styles give the marks and
// the list numbers, tables become rows, notes a Notes section; what is no text stays out.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportedFile } from '../../../../../electron/core/import/metadata-fields';
import { importOdt } from '../../../../../electron/core/import/odt';
import {
  blockTexts,
  expectValidDocument,
  links,
  marked,
  occurrences,
} from '../expect-valid-document';
import { makeEpub, makeOdt, ODT_FACTS, zipPackage } from './make-files';

describe('an OpenDocument text as LibreOffice writes it', () => {
  let imported: ImportedFile;
  beforeAll(async () => {
    imported = await importOdt(makeOdt(), 'harbour.odt');
  });

  it('is a valid document titled by meta.xml', () => {
    expectValidDocument(imported.doc);
    expect(imported.doc.title).toBe(ODT_FACTS.title);
  });

  it('keeps headings by outline level, the Title style, lists with their numbers, tables, code', () => {
    expect(blockTexts(imported.doc)).toEqual([
      { type: 'heading', level: 1, text: ODT_FACTS.title },
      { type: 'heading', level: 1, text: 'Arrivals' },
      {
        type: 'paragraph',
        text: 'Ships from Aktau and Turkmenbashi dock here, daily.[1] See the harbour site and the log.',
      },
      { type: 'paragraph', text: 'A bold paragraph.' },
      { type: 'paragraph', text: 'First line\nsecond line' },
      { type: 'heading', level: 2, text: 'Departures' },
      { type: 'list-item', level: 1, number: 1, text: 'Check tickets' },
      { type: 'list-item', level: 2, number: 1, text: 'At the gate' },
      { type: 'list-item', level: 2, number: 2, text: 'On board' },
      { type: 'list-item', level: 1, number: 2, text: 'Cast off' },
      { type: 'paragraph', text: 'Between the lists.' },
      // The list after the paragraph continues the numbering, as LibreOffice shows it.
      { type: 'list-item', level: 1, number: 3, text: 'Sail east' },
      { type: 'list-item', level: 1, text: 'Cargo' },
      { type: 'list-item', level: 1, text: 'Mail' },
      { type: 'table-row', header: true, text: 'Port\tShips' },
      { type: 'table-row', text: 'Baku\t12' },
      { type: 'table-row', text: 'Both ports\t' },
      { type: 'quote', text: 'The sea was calm.' },
      // Consecutive code paragraphs are one block, their spaces kept.
      { type: 'code', text: 'ferry --sail  east\n  --port Baku' },
      // A text box inside a paragraph is read after it.
      { type: 'paragraph', text: 'Before the frame after it.' },
      { type: 'caption', text: 'Figure 1: The quay' },
      { type: 'heading', level: 1, text: 'Notes' },
      { type: 'paragraph', text: '[1] Counted by the harbour master.' },
    ]);
    expect(occurrences(imported.doc.text, '[1]')).toBe(2);
  });

  it('reads bold and italic from automatic styles and named ones, and links', () => {
    expect(marked(imported.doc, 'strong')).toEqual(['Aktau', 'A bold paragraph.']);
    expect(marked(imported.doc, 'em')).toEqual(['Turkmenbashi', 'the log']);
    expect(links(imported.doc)).toEqual([{ text: 'the harbour site', href: ODT_FACTS.link }]);
  });

  it('leaves out tracked deletions, comments and the generated table of contents', () => {
    expect(imported.doc.text).not.toContain('Deleted words');
    expect(imported.doc.text).not.toContain('A comment');
    expect(imported.doc.text).not.toContain('Contents');
    expect(imported.doc.text).not.toContain('Arrivals 1');
  });

  it('reads meta.xml: the initial creator is the author, not the last editor', () => {
    expect(imported.metadata).toEqual({
      title: ODT_FACTS.title,
      authors: [ODT_FACTS.author],
      published: ODT_FACTS.created,
      language: 'en-GB',
    });
  });
});

describe('odt refusals', () => {
  const content = (body: string) =>
    `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>${body}</office:body></office:document-content>`;

  it('names a spreadsheet, a password and a zip that is no ODT', async () => {
    const sheet = zipPackage('application/vnd.oasis.opendocument.spreadsheet', {
      'content.xml': content('<office:spreadsheet/>'),
    });
    await expect(importOdt(sheet, 'sums.odt')).rejects.toThrow(
      'The file “sums.odt” is an OpenDocument spreadsheet, not a text document',
    );
    const locked = zipPackage('application/vnd.oasis.opendocument.text', {
      'content.xml': 'encrypted bytes',
      'META-INF/manifest.xml':
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>',
    });
    await expect(importOdt(locked, 'locked.odt')).rejects.toThrow('is protected by a password');
    await expect(importOdt(makeEpub(), 'book.odt')).rejects.toThrow('not an OpenDocument text');
  });

  it('takes the first heading, else the file name, as title; refuses a text with none', async () => {
    const headed = zipPackage('application/vnd.oasis.opendocument.text', {
      'content.xml': content(
        '<office:text><text:h text:outline-level="2">Port log</text:h><text:p>Calm.</text:p></office:text>',
      ),
    });
    const { doc } = await importOdt(headed, 'log.odt');
    expectValidDocument(doc);
    expect(doc.title).toBe('Port log');
    const empty = zipPackage('application/vnd.oasis.opendocument.text', {
      'content.xml': content('<office:text><text:p/></office:text>'),
    });
    await expect(importOdt(empty, 'empty.odt')).rejects.toThrow('has no readable text');
  });
});
