// A PDF's citation fields from what pdf.js hands over: the XMP packet as its parser leaves it
// (lower-case names, dc:creator as a list) and the information dictionary. Chromium writes no
// XMP, so the packet is given here in that shape.
import { describe, expect, it } from 'vitest';
import {
  isMeaningfulTitle,
  pdfDate,
  pdfMetadata,
  splitAuthors,
} from '../../../../../electron/core/import/pdf/pdf-metadata';

const xmp = (fields: Record<string, string | string[]>) => new Map(Object.entries(fields));

describe('pdfMetadata', () => {
  it('prefers the XMP packet: title, creators, date, journal, DOI, language', () => {
    const metadata = pdfMetadata(
      { Title: 'Microsoft Word - final2.docx', Author: 'Someone Else' },
      xmp({
        'dc:title': 'Reading Order in Practice',
        'dc:creator': ['Leyla Aliyeva', 'Smith, J.'],
        'dc:date': '2019-05-04T10:00:00Z',
        'prism:publicationname': 'Journal of Document Engineering',
        'prism:doi': '10.1000/XYZ123',
        'dc:language': 'az-Latn',
      }),
      'A DOI in the text, 10.9999/other, comes last.',
    );
    expect(metadata).toEqual({
      title: 'Reading Order in Practice',
      authors: ['Leyla Aliyeva', 'Smith, J.'],
      published: '2019-05-04',
      publication: 'Journal of Document Engineering',
      doi: '10.1000/xyz123',
      language: 'az-Latn',
    });
  });

  it('falls back to the information dictionary and to a DOI printed on the first page', () => {
    const metadata = pdfMetadata(
      {
        Title: '  The Second Look ',
        Author: 'Ada Byron and Grace Hopper',
        CreationDate: "D:20210314093000+01'00'",
      },
      xmp({ 'dc:identifier': 'urn:isbn:9780000000000' }),
      'Received 2020.\nhttps://doi.org/10.5555/ABC.2021.7.',
    );
    expect(metadata).toEqual({
      title: 'The Second Look',
      authors: ['Ada Byron', 'Grace Hopper'],
      published: '2021-03-14',
      doi: '10.5555/abc.2021.7',
    });
  });

  it('takes a DOI from dc:identifier, and the first of several titles in an rdf:Alt', () => {
    const metadata = pdfMetadata(
      {},
      xmp({ 'dc:identifier': 'doi:10.1234/j.x.2020', 'dc:title': 'English Title\n  Başlıq' }),
      '',
    );
    expect(metadata).toMatchObject({ doi: '10.1234/j.x.2020', title: 'English Title' });
  });

  it('reads dates as every format does: a placeholder year is no date, the next field is', () => {
    // Office exports write year 1 (or Windows' 1601) for a date never set.
    const metadata = pdfMetadata(
      { CreationDate: 'D:20180102000000Z' },
      xmp({ 'prism:publicationdate': '0001-01-01T00:00:00', 'dc:date': ' 2017-11 ' }),
      '',
    );
    expect(metadata.published).toBe('2017-11');
  });

  it('says nothing it was not told', () => {
    expect(pdfMetadata({ Title: 'untitled', Author: '  ' }, new Map(), '')).toEqual({});
  });
});

describe('the fields one by one', () => {
  it('titles that are a tool or a file name are not titles', () => {
    for (const title of [
      'Microsoft Word - draft.docx',
      'report.pdf',
      'about:blank',
      'Untitled',
      '123',
      'C:\\papers\\x',
      'PowerPoint Presentation',
      'Slide 1',
      'Document1',
    ]) {
      expect(isMeaningfulTitle(title), title).toBe(false);
    }
    expect(isMeaningfulTitle('Reading Order in Two-Column Layouts')).toBe(true);
  });

  it('splits authors on semicolons, "and", or commas between full names only', () => {
    expect(splitAuthors('Aliyeva, L.; Smith, J.')).toEqual(['Aliyeva, L.', 'Smith, J.']);
    expect(splitAuthors('Jane Roe, John Doe, Ann Lee')).toEqual([
      'Jane Roe',
      'John Doe',
      'Ann Lee',
    ]);
    expect(splitAuthors('Roe, Jane')).toEqual(['Roe, Jane']);
    expect(splitAuthors('Jane Roe & John Doe')).toEqual(['Jane Roe', 'John Doe']);
  });

  it('reads PDF dates as ISO, to the precision given', () => {
    expect(pdfDate("D:20190504133000+02'00'")).toBe('2019-05-04');
    expect(pdfDate('D:2019')).toBe('2019');
    expect(pdfDate('yesterday')).toBeUndefined();
  });
});
