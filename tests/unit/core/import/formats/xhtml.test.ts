// XHTML import: an .xhtml page read as XML before the web page importer sees it, so what XML
// means (self-closed tags, CDATA, an XML declaration's encoding) survives; and a page that is
// not well-formed still reads, as HTML.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../../../electron/core/import/decode';
import { importXhtml } from '../../../../../electron/core/import/xhtml';
import { expectValidDocument, links, marked } from '../expect-valid-document';
import { makeXhtml, prose } from './make-files';

describe('xhtml import', () => {
  it('reads the page whole: a self-closed script, anchor and div swallow nothing', async () => {
    const { doc, url } = await importXhtml(makeXhtml(), 'ganja.xhtml', 'ganja');
    expectValidDocument(doc);
    expect(doc.title).toBe('Gəncə station timetable');
    expect(url).toBe('https://rail.example.az/ganja');
    // &nbsp; and &mdash; are HTML's entities, unknown to XML without the DTD.
    expect(doc.text).toContain('Trains leave Gəncə at dawn — every weekday.');
    expect(doc.text).toContain('Fares & times are <approximate>.');
    expect(doc.text).toContain(prose(3));
    expect(marked(doc, 'em')).toEqual(['weekday']);
    expect(links(doc)).toEqual([{ text: 'fare table', href: 'https://rail.example.az/fares' }]);
  });

  it('reads a page that is not well-formed as HTML, self-closed tags closed', async () => {
    const broken = makeXhtml().replace('<p>See the', '<p>Unclosed <b>bold<p>See the');
    const { doc } = await importXhtml(broken, 'broken.xhtml', 'broken');
    expectValidDocument(doc);
    expect(doc.text).toContain('Trains leave Gəncə at dawn — every weekday.');
    expect(doc.text).toContain(prose(3));
    expect(links(doc)).toEqual([{ text: 'fare table', href: 'https://rail.example.az/fares' }]);
  });

  it('takes the bytes’ encoding from the XML declaration', async () => {
    const source = makeXhtml()
      .replace('encoding="UTF-8"', 'encoding="windows-1252"')
      .replace(/Gəncə/g, 'Café “Gare”');
    const decoded = decodeFile('gare.xhtml', iconv.encode(source, 'windows-1252'));
    expect(decoded).toMatchObject({ encoding: 'windows-1252', source: 'declared' });
    const { doc } = await importXhtml(decoded.text, 'gare.xhtml', 'gare');
    expect(doc.title).toBe('Café “Gare” station timetable');
  });
});
