// The two readers on files as other tools write them: W3C JSON in each shape the model allows and
// Hypothesis' own, and CSVs as spreadsheets save them (separators, BOMs, quoted newlines, CRLF).
import { describe, expect, it } from 'vitest';
import { readAnnotationFile } from '../../../../electron/core/import-annotations';
import { SKIP as CSV_SKIP } from '../../../../electron/core/import-annotations/csv';
import { SKIP as W3C_SKIP } from '../../../../electron/core/import-annotations/w3c';

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (fileName: string, text: string) =>
  readAnnotationFile({ fileName, bytes: utf8(text) });

const annotation = (exact: string, extra: Record<string, unknown> = {}) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  target: {
    source: 'https://example.org/a',
    selector: [
      { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start: 7, end: 7 + [...exact].length },
    ],
  },
  ...extra,
});

describe('W3C Web Annotation JSON', () => {
  it('reads one annotation, its tags from tagging bodies and its comment from the others', () => {
    const file = read(
      'one.jsonld',
      JSON.stringify(
        annotation('Xəzər 🚢 dənizi', {
          body: [
            { type: 'TextualBody', purpose: 'tagging', value: 'Nəqliyyat' },
            { type: 'TextualBody', purpose: ['classifying'], value: 'Region/Caspian' },
            { type: 'TextualBody', purpose: 'commenting', value: 'Şərh **bold**' },
            'https://example.org/linked-body',
          ],
          created: '2024-05-01T10:00:00.123456+00:00',
        }),
      ),
    );
    expect(file.format).toBe('w3c');
    expect(file.items).toEqual([
      expect.objectContaining({
        exact: 'Xəzər 🚢 dənizi',
        prefix: 'before ',
        suffix: ' after',
        position: { start: 7, end: 21 },
        tagNames: ['Nəqliyyat', 'Region/Caspian'],
        comment: 'Şərh **bold**',
        created: '2024-05-01T10:00:00.123Z',
        source: 'https://example.org/a',
      }),
    ]);
  });

  it('reads an array, a collection with its first page, and an AnnotationPage', () => {
    const array = read('a.json', JSON.stringify([annotation('one'), annotation('two')]));
    expect(array.items.map((i) => i.exact)).toEqual(['one', 'two']);

    const collection = read(
      'c.jsonld',
      JSON.stringify({
        type: 'AnnotationCollection',
        total: 5,
        first: { type: 'AnnotationPage', items: [annotation('three')], next: 'https://x/page2' },
      }),
    );
    expect(collection.items.map((i) => i.exact)).toEqual(['three']);
    expect(collection.skips.list()).toEqual([{ reason: W3C_SKIP.notInFile, count: 4 }]);

    const page = read(
      'p.json',
      JSON.stringify({ type: 'AnnotationPage', items: [annotation('four')] }),
    );
    expect(page.items.map((i) => i.exact)).toEqual(['four']);
  });

  it('reads Hypothesis’ export: target list, text as the comment, tags, replies and page notes left out', () => {
    const file = read(
      'hypothesis.json',
      JSON.stringify({
        export_date: '2026-11-30T12:00:00.000Z',
        export_userid: 'acct:leyla@hypothes.is',
        client_version: '1.1630.0',
        annotations: [
          {
            id: 'AbC123',
            created: '2026-11-01T09:30:12.345678+00:00',
            updated: '2026-11-02T09:30:12.345678+00:00',
            user: 'acct:leyla@hypothes.is',
            uri: 'https://example.org/a',
            text: 'Note with <b>markup</b> kept as text',
            tags: ['trade', 'Bakı'],
            target: [
              {
                source: 'https://example.org/a',
                selector: [
                  {
                    type: 'RangeSelector',
                    startContainer: '/div[1]/p[2]',
                    startOffset: 0,
                    endContainer: '/div[1]/p[2]',
                    endOffset: 20,
                  },
                  { type: 'TextPositionSelector', start: 120, end: 140 },
                  {
                    type: 'TextQuoteSelector',
                    exact: 'a quoted passage',
                    prefix: 'x ',
                    suffix: ' y',
                  },
                ],
              },
            ],
            document: { title: ['A page'] },
          },
          {
            id: 'Reply1',
            text: 'I agree',
            tags: [],
            references: ['AbC123'],
            target: [{ source: 'https://example.org/a' }],
          },
          {
            id: 'Note1',
            text: 'A page note',
            tags: [],
            target: [{ source: 'https://example.org/a' }],
          },
        ],
      }),
    );
    expect(file.items).toHaveLength(1);
    expect(file.items[0]).toMatchObject({
      exact: 'a quoted passage',
      position: { start: 120, end: 140 },
      tagNames: ['trade', 'Bakı'],
      comment: 'Note with <b>markup</b> kept as text',
      created: '2026-11-01T09:30:12.345Z',
      modified: '2026-11-02T09:30:12.345Z',
    });
    expect(file.skips.list()).toEqual([
      { reason: W3C_SKIP.reply, count: 1 },
      { reason: W3C_SKIP.noQuote, count: 1 },
    ]);
  });

  it('refuses what is not JSON of annotations, saying so', () => {
    expect(() => read('broken.json', '{"type": "Annotation", ')).toThrow(
      /“broken\.json” is not valid JSON/,
    );
    expect(() => read('other.json', '{"name": "package"}')).toThrow(/holds no Web Annotations/);
    expect(() => readAnnotationFile({ fileName: 'x.json', bytes: new Uint8Array() })).toThrow(
      /empty/,
    );
    expect(() =>
      readAnnotationFile({ fileName: 'x.json', bytes: utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj') }),
    ).toThrow(/PDF/);
  });
});

describe('CSV of passages', () => {
  it('reads Excel’s “CSV UTF-8” with semicolons: BOM, CRLF, a quoted cell holding newlines and quotes', () => {
    const text =
      '\uFEFFArticle;QUOTE;Codes;Memo\r\n' +
      'Xəzər yolları;"İki dəfə; artdı";"Trade, energy";"Line one\r\nline ""two"""\r\n' +
      ';ممر النقل;Region;\r\n';
    const file = read('excel.csv', text);
    expect(file.format).toBe('csv');
    expect(file.items).toEqual([
      expect.objectContaining({
        articleNames: ['Xəzər yolları'],
        exact: 'İki dəfə; artdı',
        tagNames: ['Trade', 'energy'],
        comment: 'Line one\nline "two"',
      }),
      expect.objectContaining({
        articleNames: [],
        exact: 'ممر النقل',
        tagNames: ['Region'],
        comment: '',
      }),
    ]);
  });

  it('reads tabs, Excel’s sep= line, commas, and tags one per line or split by ; or ,', () => {
    const tabs = read('t.tsv', 'title\tpassage\ttags\tnote\nA\tone two\ta; b\t\n');
    expect(tabs.items[0]).toMatchObject({
      articleNames: ['A'],
      exact: 'one two',
      tagNames: ['a', 'b'],
    });
    const sep = read('s.csv', 'sep=,\r\ndocument,excerpt,tag,comments\r\nB,"x, y","p\nq/r",c\r\n');
    expect(sep.items[0]).toMatchObject({
      articleNames: ['B'],
      exact: 'x, y',
      tagNames: ['p', 'q/r'],
      comment: 'c',
    });
    const commas = read(
      'h.csv',
      'Creation Date,URL,Group,Annotation/Reply Type,Quote,User,Body,Tags,Page\n' +
        '"Nov 1, 2026",https://e.org,G,Annotation,quoted,leyla,my note,"a,b",\n' +
        '"Nov 1, 2026",https://e.org,G,Reply,,leyla,agreed,,\n',
    );
    expect(commas.items).toEqual([
      expect.objectContaining({
        articleNames: [],
        exact: 'quoted',
        comment: 'my note',
        tagNames: ['a', 'b'],
      }),
    ]);
    expect(commas.skips.list()).toEqual([{ reason: CSV_SKIP.reply, count: 1 }]);
  });

  it('reads our own exports back: guarded cells, positions, and the long CSV’s rows per tag as one', () => {
    const excel = read(
      'ours.csv',
      '\uFEFFarticle,source,annotation_id,start_codepoint,end_codepoint,passage,tags,comment,created_at,updated_at,anchor,page\r\n' +
        `T,src,a1,3,9,'=SUM(1),"Trade, energy\nPeople/Leaders",'-5% drop,2026-12-01T09:00:00.000Z,2026-12-01T09:00:05.000Z,anchored,\r\n`,
    );
    expect(excel.items[0]).toMatchObject({
      exact: '=SUM(1)',
      exactAsWritten: "'=SUM(1)",
      position: { start: 3, end: 9 },
      tagNames: ['Trade, energy', 'People/Leaders'],
      comment: '-5% drop',
      created: '2026-12-01T09:00:00.000Z',
      modified: '2026-12-01T09:00:05.000Z',
    });
    const long = read(
      'long.csv',
      'article_id,article,source,annotation_id,start_codepoint,end_codepoint,passage,tag,tag_id,comment,created_at,updated_at,anchor,page\r\n' +
        'id-1,T,s,a1,0,4,word,One,t1,c,,,anchored,\r\n' +
        'id-1,T,s,a1,0,4,word,Two,t2,c,,,anchored,\r\n' +
        'id-1,T,s,a2,5,9,more,,,,,,anchored,\r\n',
    );
    expect(long.items.map((i) => [i.articleNames, i.exact, i.tagNames])).toEqual([
      [['id-1', 'T'], 'word', ['One', 'Two']],
      [['id-1', 'T'], 'more', []],
    ]);
  });

  it('counts rows without a quote, and refuses a CSV with no quote column or a broken quote', () => {
    const file = read('gaps.csv', 'quote,tags\n,a\n  ,b\nkept,c\n,\n');
    expect(file.items.map((i) => i.exact)).toEqual(['kept']);
    expect(file.skips.list()).toEqual([{ reason: CSV_SKIP.noQuote, count: 2 }]);
    expect(() => read('cols.csv', 'name;value\nx;1\n')).toThrow(
      /no column of quoted passages.*“name”, “value”/,
    );
    expect(() => read('bad.csv', 'quote,tags\n"never closed,a\n')).toThrow(
      /not a CSV that can be read/,
    );
  });

  it('reads a UTF-16 file with tabs (Excel’s “Unicode Text”) by its content', () => {
    const text = '\uFEFFArticle\tQuote\tTags\r\nŞəki\tİpək yolu 🐫\tTarix\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const file = readAnnotationFile({ fileName: 'unicode.txt', bytes });
    expect(file.items[0]).toMatchObject({
      articleNames: ['Şəki'],
      exact: 'İpək yolu 🐫',
      tagNames: ['Tarix'],
    });
  });
});
