// The REFI-QDA project export, from a real notebook folder through the dispatcher: the .qdpx is
// unzipped, its project.qde validated against REFI's own schema by libxml2 (xmllint-wasm), and
// read back as another tool would (fast-xml-parser), down to the passages cut by code points.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guids, GUID_PATTERN, parseCodeDescription } from '../../../../electron/core/interchange';
import { parseSourceDescription } from '../../../../electron/core/interchange/source-details';
import type { Annotation, Article, TagWithCount } from '../../../../electron/shared/model';
import { dispatchedNotebook, type DispatchedNotebook } from '../../support/dispatched-notebook';
import {
  fileOf,
  guidsIn,
  passageAt,
  readProject,
  type Node,
  type ReadProject,
} from './read-project';
import { validateAgainst } from './refi-schemas';

let nb: DispatchedNotebook;
beforeEach(async () => {
  nb = await dispatchedNotebook('notebook-refi-project-');
});
afterEach(() => nb.close());

/** An article with what code point counting gets wrong: astral emoji, a ZWJ sequence, a
 * combining mark with no precomposed form (NFC keeps it apart), Azerbaijani, Arabic (RTL). */
const UNICODE_TEXT = [
  'Bakı limanı və Şuşa',
  '',
  'Emoji first 👩🏽‍🔬🚢 then the coded words after them.',
  '',
  'A combining mark: ə̄ stays two code points, ş ı İ stay one.',
  '',
  'RTL: مرحبا بالعالم and back to Latin.',
].join('\n');

const COMMENT = 'Named <sectors> & "quoted", with a line\nbreak and 🤝🏽 = formula?';

async function annotate(article: Article, phrase: string, tagNames: string[], comment = '') {
  const start = article.text.indexOf(phrase);
  expect(start, `“${phrase}” in the article`).toBeGreaterThanOrEqual(0);
  return nb.call('createAnnotation', {
    articleId: article.id,
    start,
    end: start + phrase.length,
    tagNames,
    comment,
  });
}

interface Fixture {
  sample: Article;
  unicode: Article;
  annotations: Annotation[];
  tags: TagWithCount[];
}

async function fill(): Promise<Fixture> {
  await nb.call('setAnalyst', { name: 'Ləman Əliyeva', initials: 'LƏ' });
  const [first] = await nb.call('listArticles', {});
  const sample = await nb.call('getArticle', { id: first!.id });
  const imported = await nb.call('importText', { text: UNICODE_TEXT, source: 'typed/by hand?' });
  const unicode = await nb.call('getArticle', { id: imported.id });
  const annotations = [
    await annotate(sample, 'business circles', ['Economy/Trade'], COMMENT),
    await annotate(sample, 'joint tourist routes', ['Tourism', 'Economy']),
    await annotate(unicode, 'the coded words', ['Economy/Trade/Exports']),
    // Overlaps the one before: REFI selections may overlap, each keeps its own span.
    await annotate(unicode, 'then the coded', ['Tourism']),
    await annotate(unicode, 'ə̄ stays', ['Economy'], 'ə̄ is two code points'),
    await annotate(unicode, 'مرحبا بالعالم', ['Tourism']),
  ];
  const trade = (await nb.call('listTags', {})).find((t) => t.path === 'Economy/Trade')!;
  await nb.call('updateTag', {
    id: trade.id,
    description: 'Goods & services crossing <borders>.',
    whenToUse: 'Exports, imports, tariffs',
    whenNotToUse: 'Investment (see Economy)',
    example: '“trade turnover grew 12%” 📈',
  });
  await nb.call('createTag', { name: 'Politics', color: '#123abc' });
  await nb.call('setMemo', { articleId: unicode.id, memo: 'Memo with **Markdown**, ə and 🚢.' });
  await nb.call('setArticleAttributes', {
    id: sample.id,
    attributes: { Country: 'Azərbaycan', Period: '2019' },
  });
  await nb.call('setArticleAttributes', { id: unicode.id, attributes: { country: 'AZ' } });
  await nb.call('updateArticleDetails', {
    id: unicode.id,
    title: unicode.title,
    authors: ['Leyla Aliyeva', 'Smith, J.'],
    published: '2019-05-04',
    source: 'typed/by hand?',
    doi: '10.1234/ab.5',
  });
  return {
    sample,
    unicode,
    annotations,
    tags: await nb.call('listTags', {}),
  };
}

async function exportProject(input: Record<string, unknown> = {}) {
  const file = fileOf(await nb.call('exportNotes', { format: 'refi-qdpx', ...input }));
  return { file, read: readProject(file) };
}

const sourceOf = (read: ReadProject, articleId: string): Node => {
  const source = read.sources.find((s) => s.guid === guids.source(articleId));
  expect(source, 'the article’s source').toBeDefined();
  return source!;
};

describe('the REFI-QDA project (.qdpx)', () => {
  it('is a zip whose project.qde REFI’s schema accepts, with a text file per source', async () => {
    await fill();
    const { file, read } = await exportProject();
    expect(file.fileName).toMatch(/^notebook-\d{4}-\d{2}-\d{2}\.qdpx$/);
    expect(file.mimeType).toBe('application/x-qdpx');
    expect(await validateAgainst('project', read.qde, 'project.qde')).toEqual({
      valid: true,
      errors: [],
    });
    expect(Object.keys(read.entries).sort()).toEqual(
      ['project.qde', 'sources/', ...read.sources.map((s) => `sources/${s.guid}.txt`)].sort(),
    );
    for (const guid of guidsIn(read.qde)) expect(guid).toMatch(GUID_PATTERN);
  });

  it('proves the validator can fail: a broken copy is refused with the reason', async () => {
    await fill();
    const { read } = await exportProject();
    const misplaced = read.qde.replace(/startPosition="\d+"/, 'startPosition="4.5"');
    const badGuid = read.qde.replace(/<User guid="[^"]+"/, '<User guid="not-a-guid"');
    // Users after the CodeBook: the schema's sequence fixes the order.
    const users = read.qde.match(/ {2}<Users>[\s\S]*?<\/Users>\n/)![0];
    const reordered = read.qde.replace(users, '').replace('</CodeBook>\n', `</CodeBook>\n${users}`);
    for (const [broken, words] of [
      [misplaced, /startPosition/],
      [badGuid, /guid/],
      [reordered, /Users/],
    ] as const) {
      const verdict = await validateAgainst('project', broken, 'project.qde');
      expect(verdict.valid).toBe(false);
      expect(verdict.errors.join('\n')).toMatch(words);
    }
  });

  it('keeps users, the code tree with colours and guidance, and every source’s text', async () => {
    const { sample, unicode, tags } = await fill();
    const { read } = await exportProject();
    const [analyst] = await nb.call('listAnalysts', {});
    expect(read.project.Users.User).toEqual([
      { guid: guids.user(analyst!.id), name: 'Ləman Əliyeva', id: 'LƏ' },
    ]);

    const flatten = (codes: Node[], parent = ''): Array<[string, string, string]> =>
      codes.flatMap((c) => {
        const path = parent ? `${parent}/${c.name}` : String(c.name);
        expect(c.isCodable).toBe('true');
        return [
          [path, c.color, c.guid] as [string, string, string],
          ...flatten(c.Code ?? [], path),
        ];
      });
    expect(flatten(read.project.CodeBook.Codes.Code)).toEqual(
      tags.map((t) => [t.path, t.color, guids.code(t.id)]),
    );
    const economy = read.project.CodeBook.Codes.Code.find((c: Node) => c.name === 'Economy');
    const trade = economy.Code.find((c: Node) => c.name === 'Trade');
    expect(parseCodeDescription(trade.Description)).toEqual({
      description: 'Goods & services crossing <borders>.',
      whenToUse: 'Exports, imports, tariffs',
      whenNotToUse: 'Investment (see Economy)',
      example: '“trade turnover grew 12%” 📈',
    });
    expect(trade.Description).toContain('\n\nWhen not to use: Investment (see Economy)');
    expect(economy.Description).toBeUndefined();

    for (const article of [sample, unicode]) {
      const source = sourceOf(read, article.id);
      expect(source.name).toBe(article.title);
      expect(read.textOf(source)).toBe(article.text);
    }
    const details = parseSourceDescription(sourceOf(read, unicode.id).Description);
    expect(details).toMatchObject({
      authors: ['Leyla Aliyeva', 'Smith, J.'],
      published: '2019-05-04',
      doi: '10.1234/ab.5',
      source: 'typed/by hand?',
    });
  });

  it('places every passage by code points, with its codings, user, dates and comment', async () => {
    const { unicode, annotations, tags } = await fill();
    const { read } = await exportProject();
    const [analyst] = await nb.call('listAnalysts', {});
    const byTagId = new Map(tags.map((t) => [t.id, t]));
    const selections = new Map(
      read.sources.flatMap((s) => read.selectionsOf(s).map((sel) => [sel.guid, { sel, s }])),
    );
    expect(selections.size).toBe(annotations.length);
    for (const annotation of annotations) {
      const found = selections.get(guids.selection(annotation.id));
      expect(found, `the selection of “${annotation.selectors[1].exact}”`).toBeDefined();
      const { sel, s } = found!;
      expect(s.guid).toBe(guids.source(annotation.articleId));
      // The exported text cut at the exported positions, counting code points, is the passage.
      expect(passageAt(read.textOf(s), sel)).toBe(annotation.selectors[1].exact);
      expect(sel.creatingUser).toBe(guids.user(analyst!.id));
      expect(sel.creationDateTime).toBe(annotation.createdAt.replace(/\.\d{3}Z$/, 'Z'));
      expect(sel.modifiedDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(
        sel.Coding.map((c: Node) => c.CodeRef.targetGUID),
        'one coding per tag',
      ).toEqual(annotation.tagIds.map((id) => guids.code(id)));
      for (const coding of sel.Coding) expect(coding.creatingUser).toBe(guids.user(analyst!.id));
      expect(sel.Description).toBe(annotation.comment === '' ? undefined : annotation.comment);
      expect(annotation.tagIds.every((id) => byTagId.has(id))).toBe(true);
    }
    expect(selections.get(guids.selection(annotations[0]!.id))!.sel.Description).toBe(COMMENT);

    // After the emoji: three astral characters (👩 🏽 🔬) and one more (🚢) before the words, so
    // a JavaScript offset there is four more than the code point position REFI wants.
    const afterEmoji = annotations[2]!;
    const sel = selections.get(guids.selection(afterEmoji.id))!.sel;
    expect(Number(sel.startPosition)).toBe(afterEmoji.selectors[0].start - 4);
    expect(Number(sel.startPosition)).toBe(
      Array.from(unicode.text.slice(0, afterEmoji.selectors[0].start)).length,
    );
    // The combining mark is a code point of its own: in the count, and in the passage.
    const combining = selections.get(guids.selection(annotations[4]!.id))!.sel;
    expect(Number(combining.endPosition) - Number(combining.startPosition)).toBe(
      Array.from('ə̄ stays').length,
    );
    expect(Array.from('ə̄ stays').length).toBe(8);
  });

  it('links the memo as a note, and attributes as variables on one case per article', async () => {
    const { sample, unicode } = await fill();
    const { read } = await exportProject();
    const [analyst] = await nb.call('listAnalysts', {});
    const memoGuid = guids.memoNote(unicode.id);
    expect(read.project.Notes.Note).toEqual([
      expect.objectContaining({
        guid: memoGuid,
        PlainTextContent: 'Memo with **Markdown**, ə and 🚢.',
        modifyingUser: guids.user(analyst!.id),
      }),
    ]);
    expect(sourceOf(read, unicode.id).NoteRef).toEqual([{ targetGUID: memoGuid }]);
    expect(sourceOf(read, sample.id).NoteRef).toBeUndefined();

    // "Country" and "country" are one attribute: one variable, named as first written.
    const variables = read.project.Variables.Variable as Node[];
    expect(variables.map((v) => [v.name, v.typeOfVariable])).toEqual([
      ['Country', 'Text'],
      ['Period', 'Text'],
    ]);
    const nameOf = new Map(variables.map((v) => [v.guid, v.name]));
    const cases = read.project.Cases.Case as Node[];
    const valuesOf = (articleId: string) => {
      const found = cases.find((c) => c.SourceRef[0].targetGUID === guids.source(articleId))!;
      expect(found.name).toBeUndefined();
      expect(found.SourceRef).toHaveLength(1);
      return Object.fromEntries(
        found.VariableValue.map((v: Node) => [nameOf.get(v.VariableRef.targetGUID), v.TextValue]),
      );
    };
    expect(cases).toHaveLength(2);
    expect(valuesOf(sample.id)).toEqual({ Country: 'Azərbaycan', Period: '2019' });
    expect(valuesOf(unicode.id)).toEqual({ Country: 'AZ' });
  });

  it('gives the same GUIDs every time, and the same document but for the export date', async () => {
    await fill();
    const first = await exportProject();
    await nb.reopen();
    const second = await exportProject();
    expect(guidsIn(second.read.qde)).toEqual(guidsIn(first.read.qde));
    expect(new Set(guidsIn(first.read.qde)).size).toBeGreaterThan(20);
    const undated = (qde: string) =>
      qde
        .replace(/(<Project [^>]*creationDateTime=")[^"]+"/, '$1"')
        .replace(/Exported from Research Notebook on [^:]+:\d\d:\d\dZ/, 'Exported');
    expect(undated(second.read.qde)).toBe(undated(first.read.qde));
    expect(second.read.qde).not.toBe(first.read.qde);
  });

  it('carries every passage whatever tags were ticked; one article makes a project of its own', async () => {
    const { sample, annotations, tags } = await fill();
    const tourism = tags.find((t) => t.path === 'Tourism')!;
    const all = await exportProject({ tagIds: [tourism.id] });
    const count = (read: ReadProject) =>
      read.sources.reduce((n, s) => n + read.selectionsOf(s).length, 0);
    expect(count(all.read)).toBe(annotations.length);

    const one = await exportProject({ articleId: sample.id });
    expect(one.file.fileName).toMatch(/^rufat-mammadov-.*\.qdpx$/);
    expect(one.read.project.name).toBe(sample.title);
    expect(one.read.sources.map((s) => s.guid)).toEqual([guids.source(sample.id)]);
    expect(count(one.read)).toBe(annotations.filter((a) => a.articleId === sample.id).length);
    // The whole codebook still goes in: codes are the project's vocabulary.
    expect(one.read.qde.match(/<Code /g)).toHaveLength(tags.length);
    expect(await validateAgainst('project', one.read.qde, 'project.qde')).toMatchObject({
      valid: true,
    });
  });
});
