// Annotations from other tools through the core as the window calls it (the dispatcher on a real
// notebook folder, the files written to and read from a temp folder): Hypothesis' export, Excel's
// CSVs, Unicode on every side, quotes that are gone, bad files, and our own exports round trip.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SKIP } from '../../../../electron/core/service/annotation-import';
import { SKIP as W3C_SKIP } from '../../../../electron/core/import-annotations/w3c';
import type { Annotation, ArticleSummary } from '../../../../electron/shared/model';
import { dispatchedNotebook, type DispatchedNotebook } from '../../support/dispatched-notebook';
import { exportedText } from '../../support/exported-text';

/** Azerbaijani, emoji (astral: a code point is two UTF-16 units) and Arabic (RTL) text. */
const TITLE = 'Xəzər dəhlizi: İpək yolu 🚢';
const TEXT = [
  'Xəzər dənizi boyunca yeni logistika dəhlizi açıldı 🎉 və İstanbul ilə Bakı yaxınlaşdı.',
  'Şirkət rəhbəri dedi: “Bu, tarixi gündür” 🚢🚢 və yüklər iki dəfə artdı.',
  'ممر النقل الجديد يربط باكو بموانئ البحر الأسود.',
  'The corridor links Baku to the Black Sea ports.',
  'The corridor links Baku to Central Asia as well.',
].join('\n\n');

let files: string;
beforeAll(async () => {
  files = await mkdtemp(join(tmpdir(), 'annotation-files-'));
});
afterAll(() => rm(files, { recursive: true, force: true }));

let nb: DispatchedNotebook;
let article: ArticleSummary;
beforeEach(async () => {
  nb = await dispatchedNotebook('notebook-annotation-import-');
  article = await nb.call('importText', { text: TEXT, title: TITLE, source: 'field notes' });
});
afterEach(() => nb.close());

/** The file as a tool saved it, then as the window reads it: bytes from disk. */
async function saved(name: string, content: string | Uint8Array) {
  const path = join(files, name);
  await writeFile(path, content);
  return { fileName: name, bytes: new Uint8Array(await readFile(path)) };
}

async function annotationsOf(articleId = article.id): Promise<Annotation[]> {
  return nb.call('listAnnotations', { articleId });
}

async function tagPaths(a: Annotation) {
  const tags = await nb.call('listTags', {});
  const byId = new Map(tags.map((t) => [t.id, t]));
  const path = (id: string): string => {
    const tag = byId.get(id)!;
    return tag.parentId ? `${path(tag.parentId)}/${tag.name}` : tag.name;
  };
  return a.tagIds.map(path).sort();
}

/** What an analyst sees of an annotation: its passage in the current text, tags and comment. */
async function seen(a: Annotation) {
  const text = (await nb.call('getArticle', { id: a.articleId })).text;
  const [position, quote] = a.selectors;
  return {
    passage: a.anchor === 'anchored' ? text.slice(position.start, position.end) : quote.exact,
    anchor: a.anchor,
    tags: await tagPaths(a),
    comment: a.comment,
  };
}

function hypothesisAnnotation(exact: string, extra: Record<string, unknown>) {
  const at = TEXT.indexOf(exact);
  // Hypothesis counts positions in the web page's text, which is not the article's.
  const selector: unknown[] = [
    {
      type: 'RangeSelector',
      startContainer: '/main[1]/p[2]',
      startOffset: 4,
      endContainer: '/main[1]/p[2]',
      endOffset: 30,
    },
    { type: 'TextPositionSelector', start: at + 211, end: at + 211 + [...exact].length },
    {
      type: 'TextQuoteSelector',
      exact,
      prefix: at < 0 ? 'nothing like it ' : TEXT.slice(Math.max(0, at - 32), at),
      suffix: at < 0 ? ' in the text' : TEXT.slice(at + exact.length, at + exact.length + 32),
    },
  ];
  return {
    id: `h-${exact.length}`,
    created: '2026-10-05T08:15:30.123456+00:00',
    updated: '2026-10-06T08:15:30.123456+00:00',
    user: 'acct:leyla@hypothes.is',
    uri: 'https://example.az/xezer',
    tags: [],
    text: '',
    group: '__world__',
    target: [{ source: 'https://example.az/xezer', selector }],
    document: { title: [TITLE] },
    ...extra,
  };
}

describe('Hypothesis’ JSON export onto the chosen article', () => {
  it('places each quote by its words and context, sends the one that is gone to review, as one undo step', async () => {
    const before = await nb.call('getHistory', {});
    const file = await saved(
      'hypothesis-export.json',
      JSON.stringify(
        {
          export_date: '2026-11-30T10:00:00.000Z',
          export_userid: 'acct:leyla@hypothes.is',
          client_version: '1.1630.0',
          annotations: [
            hypothesisAnnotation('“Bu, tarixi gündür” 🚢🚢', {
              text: 'Sitat: **tarixi** gün',
              tags: ['Nəqliyyat', 'Economy/Trade'],
            }),
            hypothesisAnnotation('ممر النقل الجديد', { tags: ['Bölgə/Qafqaz'] }),
            hypothesisAnnotation('The corridor links Baku to', { text: 'the second one' }),
            hypothesisAnnotation('a sentence the new edition dropped', {
              text: 'gone',
              tags: ['Nəqliyyat'],
            }),
            {
              id: 'reply',
              text: 'Razıyam',
              tags: [],
              references: ['h-1'],
              target: [{ source: 'x' }],
            },
            {
              id: 'note',
              text: 'Page note',
              tags: [],
              target: [{ source: 'https://example.az/xezer' }],
            },
          ],
        },
        null,
        2,
      ),
    );
    const report = await nb.call('importAnnotations', { ...file, articleId: article.id });
    expect(report).toEqual({
      format: 'w3c',
      placed: 3,
      toReview: 1,
      tagsCreated: 5, // Nəqliyyat, Economy, Trade, Bölgə, Qafqaz
      articles: [{ id: article.id, title: TITLE, count: 4 }],
      skipped: [
        { reason: W3C_SKIP.reply, count: 1 },
        { reason: W3C_SKIP.noQuote, count: 1 },
      ],
    });
    const made = await annotationsOf();
    expect(await Promise.all(made.map(seen))).toEqual([
      {
        passage: '“Bu, tarixi gündür” 🚢🚢',
        anchor: 'anchored',
        tags: ['Economy/Trade', 'Nəqliyyat'],
        comment: 'Sitat: **tarixi** gün',
      },
      { passage: 'ممر النقل الجديد', anchor: 'anchored', tags: ['Bölgə/Qafqaz'], comment: '' },
      {
        passage: 'The corridor links Baku to',
        anchor: 'anchored',
        tags: [],
        comment: 'the second one',
      },
      {
        passage: 'a sentence the new edition dropped',
        anchor: 'orphaned',
        tags: ['Nəqliyyat'],
        comment: 'gone',
      },
    ]);
    // The context chose the first of the two "The corridor links Baku to".
    expect(made[2]!.selectors[0].start).toBe(TEXT.indexOf('The corridor links Baku to'));
    expect(made[0]).toMatchObject({
      createdAt: '2026-10-05T08:15:30.123Z',
      updatedAt: '2026-10-06T08:15:30.123Z',
    });
    const summary = (await nb.call('listArticles', {})).find((a) => a.id === article.id)!;
    expect(summary).toMatchObject({ annotationCount: 4, needsReview: 1 });

    expect(await nb.call('getHistory', {})).toEqual({ undo: 'Import annotations' });
    await nb.call('undo', {});
    expect(await annotationsOf()).toEqual([]);
    expect((await nb.call('listTags', {})).map((t) => t.name)).toEqual([]);
    expect(await nb.call('getHistory', {})).toEqual({ ...before, redo: 'Import annotations' });
  });

  it('uses existing tags by name and path, whatever their case', async () => {
    await nb.call('createTag', { name: 'Nəqliyyat' });
    await nb.call('createAnnotation', {
      articleId: article.id,
      start: 0,
      end: 5,
      tagNames: ['Economy/Trade'],
      comment: '',
    });
    const file = await saved(
      'tags.json',
      JSON.stringify([
        hypothesisAnnotation('logistika dəhlizi', {
          tags: ['nəqliyyat ', 'ECONOMY/trade', 'Trade'],
        }),
      ]),
    );
    const report = await nb.call('importAnnotations', { ...file, articleId: article.id });
    expect(report.tagsCreated).toBe(0);
    const imported = (await annotationsOf()).find(
      (a) => a.selectors[1].exact === 'logistika dəhlizi',
    )!;
    expect(await tagPaths(imported)).toEqual(['Economy/Trade', 'Nəqliyyat']);
  });
});

describe('CSVs as spreadsheets save them', () => {
  it('Excel’s “CSV UTF-8” with semicolons: titles in any case, codes and memos, unknown articles counted', async () => {
    const other = await nb.call('importText', {
      text: 'Başqa mətn: Şuşa və Gəncə.',
      title: 'Başqa',
    });
    const csv =
      '\uFEFFDocument;Excerpt;CODES;Note\r\n' +
      `${TITLE.toLocaleUpperCase('az')};yüklər iki dəfə artdı;"Economy/Trade\nNəqliyyat";"Birinci sətir\r\nikinci ""sətir"""\r\n` +
      ';ممر النقل الجديد;Bölgə;\r\n' +
      'başqa;Şuşa və Gəncə;Şəhər, Tarix;\r\n' +
      'No such article;whatever;x;\r\n' +
      `${TITLE};a line nobody wrote;Nəqliyyat;lost\r\n`;
    const report = await nb.call('importAnnotations', {
      ...(await saved('kodlar.csv', csv)),
      articleId: article.id,
    });
    expect(report).toMatchObject({
      format: 'csv',
      placed: 3,
      toReview: 1,
      skipped: [{ reason: SKIP.unknownArticle, count: 1 }],
    });
    expect(report.articles).toEqual([
      { id: article.id, title: TITLE, count: 3 },
      { id: other.id, title: 'Başqa', count: 1 },
    ]);
    expect(await Promise.all((await annotationsOf()).map(seen))).toEqual([
      {
        passage: 'yüklər iki dəfə artdı',
        anchor: 'anchored',
        tags: ['Economy/Trade', 'Nəqliyyat'],
        comment: 'Birinci sətir\nikinci "sətir"',
      },
      { passage: 'ممر النقل الجديد', anchor: 'anchored', tags: ['Bölgə'], comment: '' },
      { passage: 'a line nobody wrote', anchor: 'orphaned', tags: ['Nəqliyyat'], comment: 'lost' },
    ]);
    expect(await Promise.all((await annotationsOf(other.id)).map(seen))).toEqual([
      { passage: 'Şuşa və Gəncə', anchor: 'anchored', tags: ['Tarix', 'Şəhər'], comment: '' },
    ]);
  });

  it('a quote that occurs twice with nothing to tell them apart goes to review, not onto either', async () => {
    const report = await nb.call('importAnnotations', {
      ...(await saved('twice.csv', 'quote,tags\nThe corridor links Baku to,Route\n')),
      articleId: article.id,
    });
    expect(report).toMatchObject({ placed: 0, toReview: 1 });
    expect((await annotationsOf())[0]!.anchor).toBe('orphaned');
  });

  it('Excel’s “Unicode Text” (UTF-16, tabs) and a row naming no article with none chosen', async () => {
    const text =
      'Title\tQuote\tTags\r\n' + `${TITLE}\tİstanbul ilə Bakı\tŞəhər\r\n` + '\tBakı\tŞəhər\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const report = await nb.call('importAnnotations', await saved('unicode.txt', bytes));
    expect(report).toMatchObject({ placed: 1, skipped: [{ reason: SKIP.noArticle, count: 1 }] });
    expect((await Promise.all((await annotationsOf()).map(seen)))[0]).toMatchObject({
      passage: 'İstanbul ilə Bakı',
      tags: ['Şəhər'],
    });
  });
});

describe('bad files change nothing', () => {
  it('refuses broken JSON, JSON of something else, a CSV with no quote column and a PDF, in words', async () => {
    await nb.call('createAnnotation', {
      articleId: article.id,
      start: 0,
      end: 5,
      tagNames: ['Kept'],
      comment: '',
    });
    const notes = await annotationsOf();
    const tags = await nb.call('listTags', {});
    const history = await nb.call('getHistory', {});
    const cases: Array<[string, string | Uint8Array, RegExp]> = [
      ['broken.json', '[{"type": "Annotation", "target": ', /“broken\.json” is not valid JSON/],
      ['package.json', '{"name": "x", "version": "1.0.0"}', /holds no Web Annotations/],
      ['cells.csv', 'name;value\r\nə;1\r\n', /no column of quoted passages.*“name”, “value”/],
      ['paper.pdf', new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')), /PDF/],
    ];
    for (const [name, content, message] of cases) {
      const answer = await nb.dispatch('importAnnotations', {
        ...(await saved(name, content)),
        articleId: article.id,
      });
      expect(answer.ok, name).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('bad-file');
        expect(answer.error.message).toMatch(message);
      }
    }
    expect(
      await nb.refusal('importAnnotations', {
        ...(await saved('ok.csv', 'quote\nBakı\n')),
        articleId: 'gone',
      }),
    ).toMatch(/no longer exists/);
    expect(await annotationsOf()).toEqual(notes);
    expect(await nb.call('listTags', {})).toEqual(tags);
    expect(await nb.call('getHistory', {})).toEqual(history);
  });
});

describe('our own exports come back onto the same articles, exactly', () => {
  const PASSAGES: Array<[string, string[], string]> = [
    ['Xəzər', ['Region/Caspian', 'Ad, soyad; və s.'], ''],
    ['açıldı 🎉 və İstanbul', ['Nəqliyyat'], 'Emoji **before** and after: 🚢'],
    ['“Bu, tarixi gündür” 🚢🚢', ['Sitat'], '=SUM(A1) is not a formula\nline "two"'],
    ['ممر النقل', ['Bölgə/Qafqaz', 'Nəqliyyat'], 'نص عربي'],
    ['The corridor links Baku to', [], 'the second of two'],
    ['well.', ['Region/Caspian'], '-5% at the very end'],
  ];

  async function annotateAll() {
    let from = 0;
    for (const [phrase, tagNames, comment] of PASSAGES) {
      // The second "The corridor links Baku to": the round trip must not move it to the first.
      const start = phrase.startsWith('The corridor')
        ? TEXT.lastIndexOf(phrase)
        : TEXT.indexOf(phrase, from);
      from = start;
      await nb.call('createAnnotation', {
        articleId: article.id,
        start,
        end: start + phrase.length,
        tagNames,
        comment,
      });
    }
  }

  async function exported(format: 'w3c' | 'csv' | 'csv-long', articleId?: string) {
    const outcome = await nb.call('exportNotes', { format, ...(articleId && { articleId }) });
    if (outcome.kind !== 'download') throw new Error('expected a download');
    return saved(outcome.file.fileName, exportedText(outcome.file));
  }

  for (const format of ['w3c', 'csv', 'csv-long'] as const) {
    it(`${format}: export, then import into a fresh notebook holding the same article`, async () => {
      await annotateAll();
      // An orphan too: the export keeps its quote, the import sends it to review again.
      await nb.call('editArticle', {
        id: article.id,
        text: TEXT.replace('well.', 'well, they say.'),
      });
      const original = await Promise.all((await annotationsOf()).map(seen));
      const positions = (await annotationsOf()).map((a) =>
        a.anchor === 'anchored' ? a.selectors[0] : null,
      );
      expect(original.filter((a) => a.anchor !== 'anchored')).toHaveLength(1);
      const file = await exported(format, format === 'w3c' ? article.id : undefined);

      const first = nb;
      nb = await dispatchedNotebook('notebook-annotation-import-2-');
      try {
        article = await nb.call('importText', {
          text: TEXT.replace('well.', 'well, they say.'),
          title: TITLE,
        });
        const report = await nb.call('importAnnotations', { ...file, articleId: article.id });
        expect(report).toMatchObject({ placed: PASSAGES.length - 1, toReview: 1, skipped: [] });
        expect(await Promise.all((await annotationsOf()).map(seen))).toEqual(original);
        expect(
          (await annotationsOf()).map((a) => (a.anchor === 'anchored' ? a.selectors[0] : null)),
        ).toEqual(positions);
        // The same file again adds nothing: every passage is there already.
        const again = await nb.call('importAnnotations', { ...file, articleId: article.id });
        expect(again).toMatchObject({
          placed: 0,
          toReview: 0,
          skipped: [{ reason: SKIP.duplicate, count: PASSAGES.length }],
        });
      } finally {
        await nb.close();
        nb = first;
      }
    });
  }

  it('a notebook-wide W3C export goes back onto each article its items name, with no article chosen', async () => {
    await annotateAll();
    const other = await nb.call('importText', {
      text: 'Başqa mətn: Şuşa və Gəncə.',
      title: 'Başqa',
    });
    await nb.call('createAnnotation', {
      articleId: other.id,
      start: 12,
      end: 16,
      tagNames: ['Şəhər'],
      comment: '',
    });
    const file = await exported('w3c');
    const before = await Promise.all(
      [article.id, other.id].map(async (id) => Promise.all((await annotationsOf(id)).map(seen))),
    );
    await nb.call('deleteAnnotations', {
      ids: [...(await annotationsOf()), ...(await annotationsOf(other.id))].map((a) => a.id),
    });
    const report = await nb.call('importAnnotations', file);
    expect(report).toMatchObject({ placed: PASSAGES.length + 1, toReview: 0, skipped: [] });
    const after = await Promise.all(
      [article.id, other.id].map(async (id) => Promise.all((await annotationsOf(id)).map(seen))),
    );
    expect(after).toEqual(before);
  });
});
