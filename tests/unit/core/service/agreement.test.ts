// The agreement calls through the dispatcher, on a real notebook folder: two analysts code two
// articles (Azerbaijani and English, an emoji), each through createAnnotation as the analyst
// coding then. The figures per cell, tag, article and overall are counted by hand here, alpha is
// checked against the npm krippendorff package on a table of every character, and the
// disagreements list gives its stretches, passages and keys, a decided one left out.
import { alpha as secondOpinion } from 'krippendorff';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agreement, AgreementFigures } from '../../../../electron/shared/agreement';
import type { Adjudication, Analyst, Annotation, Article } from '../../../../electron/shared/model';
import { dispatchedNotebook, type DispatchedNotebook } from '../../support/dispatched-notebook';

let nb: DispatchedNotebook;
beforeEach(async () => {
  nb = await dispatchedNotebook('notebook-agreement-');
});
afterEach(() => nb.close());

const call: DispatchedNotebook['call'] = (name, input) => nb.call(name, input);

const FIRST =
  'Bakı şəhərində yeni metro stansiyası açıldı. İnşaat 2019-cu ildə başlamışdı 🚇.\n\n' +
  'The project cost more than planned. Critics say the money was wasted.';
const SECOND = 'Neft gəlirləri artdı. Oil revenue rose again.';

const analyst = (id: string, name: string, extra: Partial<Analyst> = {}): Analyst => ({
  id,
  name,
  initials: name.slice(0, 2).toUpperCase(),
  color: '#336699',
  createdAt: `2026-11-0${id === 'leyla' ? 1 : 2}T09:00:00.000Z`,
  ...extra,
});

/** Makes `id` the analyst coding now, as a second machine's analyst would be after a merge. */
async function codingAs(record: Analyst) {
  await nb.notebook.store.commit([
    { kind: 'put', collection: 'analysts', record },
    { kind: 'meta', key: 'analystId', value: record.id },
  ]);
}

const at = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + phrase.length };
};

async function code(article: Article, phrase: string, tagNames: string[], comment = '') {
  return call('createAnnotation', {
    articleId: article.id,
    ...at(article.text, phrase),
    tagNames,
    comment,
  });
}

const LEYLA = analyst('leyla', 'Leyla Əliyeva');
const JOHN = analyst('john', 'John Smith');

/**
 * Transport (Nəqliyyat): Leyla codes "yeni metro stansiyası açıldı", John from "metro" to the
 * emoji's sentence end: they overlap. Economy: both code the same English sentence in the first
 * article; only Leyla codes in the second.
 */
async function worked() {
  const first = await call('importText', { text: FIRST, title: 'Metro' });
  const second = await call('importText', { text: SECOND, title: 'Neft' });
  const a = (await call('getArticle', { id: first.id })) as Article;
  const b = (await call('getArticle', { id: second.id })) as Article;
  await codingAs(LEYLA);
  const leyla = {
    transport: await code(a, 'yeni metro stansiyası açıldı', ['Nəqliyyat'], 'Açılış 🎉'),
    economy: await code(a, 'The project cost more than planned.', ['Economy']),
    oil: await code(b, 'Oil revenue rose', ['Economy']),
  };
  await codingAs(JOHN);
  const john = {
    transport: await code(a, 'metro stansiyası açıldı. İnşaat 2019-cu ildə başlamışdı 🚇.', [
      'Nəqliyyat',
    ]),
    economy: await code(a, 'The project cost more than planned.', ['Economy']),
  };
  const tags = new Map((await call('listTags', {})).map((t) => [t.path, t.id]));
  return {
    a,
    b,
    leyla,
    john,
    transport: tags.get('Nəqliyyat')!,
    economy: tags.get('Economy')!,
  };
}

/** Cohen's kappa from two coders' coded counts over `units`, worked out here by hand. */
function kappaByHand(units: number, codedA: number, codedB: number, both: number) {
  const neither = units - codedA - codedB + both;
  const observed = (both + neither) / units;
  const [pa, pb] = [codedA / units, codedB / units];
  const chance = pa * pb + (1 - pa) * (1 - pb);
  return (observed - chance) / (1 - chance);
}

/** Alpha from the package, on a table of every character: row per coder, 1 coded, 0 not. */
function alphaByPackage(length: number, spans: Array<Array<{ start: number; end: number }>>) {
  const rows = spans.map((coded) =>
    Array.from({ length }, (_, i) => (coded.some((s) => s.start <= i && i < s.end) ? 1 : 0)),
  );
  return secondOpinion(rows);
}

const cell = (agreement: Agreement, tagId: string, articleId: string) =>
  agreement.cells.find((c) => c.tagId === tagId && c.articleId === articleId)!;

describe('getAgreement over characters', () => {
  it('gives each cell’s figures, counted by hand', async () => {
    const w = await worked();
    const agreement = await call('getAgreement', {});
    expect(agreement.coders).toEqual(['leyla', 'john']);
    expect(agreement.unit).toBe('character');
    // Codebook order; articles by title; the sample, coded by nobody, is not listed.
    expect(agreement.tags.map((t) => t.path)).toEqual(['Economy', 'Nəqliyyat']);
    expect(agreement.articles).toEqual([
      { id: w.a.id, title: 'Metro' },
      { id: w.b.id, title: 'Neft' },
    ]);
    expect(agreement.cells.map((c) => [c.tagId, c.articleId])).toEqual([
      [w.economy, w.a.id],
      [w.economy, w.b.id],
      [w.transport, w.a.id],
    ]);

    const leylaT = at(FIRST, 'yeni metro stansiyası açıldı');
    const johnT = at(FIRST, 'metro stansiyası açıldı. İnşaat 2019-cu ildə başlamışdı 🚇.');
    const both = leylaT.end - johnT.start;
    const [codedL, codedJ] = [leylaT.end - leylaT.start, johnT.end - johnT.start];
    const transport = cell(agreement, w.transport, w.a.id);
    expect(transport).toMatchObject<Partial<AgreementFigures>>({
      units: FIRST.length,
      coded: { leyla: codedL, john: codedJ },
      disagreeingUnits: codedL + codedJ - 2 * both,
    });
    expect(transport.percent).toBeCloseTo(1 - (codedL + codedJ - 2 * both) / FIRST.length, 12);
    expect(transport.kappa).toBeCloseTo(kappaByHand(FIRST.length, codedL, codedJ, both), 12);
    expect(transport.alpha).toBeCloseTo(alphaByPackage(FIRST.length, [[leylaT], [johnT]]), 12);

    // The same sentence by both: full agreement.
    expect(cell(agreement, w.economy, w.a.id)).toMatchObject({ percent: 1, kappa: 1, alpha: 1 });
    // Only Leyla: agreement no better than chance (John's "nothing" is all one category).
    const oil = cell(agreement, w.economy, w.b.id);
    const oilLength = 'Oil revenue rose'.length;
    expect(oil).toMatchObject({ kappa: 0, coded: { leyla: oilLength, john: 0 } });
    expect(oil.percent).toBeCloseTo(1 - oilLength / SECOND.length, 12);
    expect(oil.alpha).toBeCloseTo(
      alphaByPackage(SECOND.length, [[at(SECOND, 'Oil revenue rose')], []]),
      12,
    );
  });

  it('weights the roll-ups’ kappas by units and pools their counts for percent and alpha', async () => {
    const w = await worked();
    const agreement = await call('getAgreement', {});
    const transport = cell(agreement, w.transport, w.a.id);
    const economyA = cell(agreement, w.economy, w.a.id);
    const economyB = cell(agreement, w.economy, w.b.id);
    const [la, lb] = [FIRST.length, SECOND.length];

    const economy = agreement.byTag[w.economy]!;
    expect(economy.units).toBe(la + lb);
    expect(economy.kappa).toBeCloseTo((1 * la + 0 * lb) / (la + lb), 12);
    expect(economy.percent).toBeCloseTo(
      (la + lb - economyA.disagreeingUnits - economyB.disagreeingUnits) / (la + lb),
      12,
    );
    expect(economy.coded).toEqual({
      leyla: economyA.coded.leyla! + economyB.coded.leyla!,
      john: economyA.coded.john! + economyB.coded.john!,
    });
    // Pooled units, not averaged alphas: the package on the two articles' characters end to end.
    const sentence = at(FIRST, 'The project cost more than planned.');
    const oil = at(SECOND, 'Oil revenue rose');
    const shifted = { start: la + oil.start, end: la + oil.end };
    expect(economy.alpha).toBeCloseTo(
      alphaByPackage(la + lb, [[sentence, shifted], [sentence]]),
      12,
    );
    expect(agreement.byTag[w.transport]).toEqual(
      Object.fromEntries(
        Object.entries(transport).filter(([k]) => k !== 'tagId' && k !== 'articleId'),
      ),
    );

    const metro = agreement.byArticle[w.a.id]!;
    expect(metro.units).toBe(2 * la);
    expect(metro.kappa).toBeCloseTo((transport.kappa! + 1) / 2, 12);
    expect(agreement.byArticle[w.b.id]).toMatchObject({ kappa: 0, units: lb });

    const overall = agreement.overall;
    expect(overall.units).toBe(2 * la + lb);
    expect(overall.kappa).toBeCloseTo((transport.kappa! * la + la + 0 * lb) / (2 * la + lb), 12);
    expect(overall.disagreeingUnits).toBe(
      transport.disagreeingUnits + economyA.disagreeingUnits + economyB.disagreeingUnits,
    );
  });

  it('narrows to the articles and tags asked', async () => {
    const w = await worked();
    const agreement = await call('getAgreement', { articleIds: [w.b.id], tagIds: [w.economy] });
    expect(agreement.cells.map((c) => [c.tagId, c.articleId])).toEqual([[w.economy, w.b.id]]);
    expect(agreement.tags.map((t) => t.id)).toEqual([w.economy]);
    expect(agreement.overall.units).toBe(SECOND.length);
  });
});

describe('getAgreement over sentences and paragraphs', () => {
  it('counts a sentence coded when any passage overlaps it', async () => {
    const w = await worked();
    const agreement = await call('getAgreement', { unit: 'sentence' });
    expect(agreement.unit).toBe('sentence');
    // Four sentences in the first article: Leyla's passage lies in the first, John's runs over
    // the first two; both code the third.
    const transport = cell(agreement, w.transport, w.a.id);
    expect(transport).toMatchObject({
      units: 4,
      coded: { leyla: 1, john: 2 },
      disagreeingUnits: 1,
      percent: 0.75,
    });
    expect(transport.kappa).toBeCloseTo(kappaByHand(4, 1, 2, 1), 12);
    expect(transport.alpha).toBeCloseTo(
      secondOpinion([
        [1, 0, 0, 0],
        [1, 1, 0, 0],
      ]),
      12,
    );
    expect(cell(agreement, w.economy, w.a.id)).toMatchObject({ units: 4, kappa: 1 });
    expect(cell(agreement, w.economy, w.b.id)).toMatchObject({
      units: 2,
      coded: { leyla: 1, john: 0 },
    });
  });

  it('counts a paragraph coded when any passage overlaps it', async () => {
    const w = await worked();
    const agreement = await call('getAgreement', { unit: 'paragraph' });
    // Both coded the first paragraph for transport and the second for the economy.
    expect(cell(agreement, w.transport, w.a.id)).toMatchObject({
      units: 2,
      coded: { leyla: 1, john: 1 },
      percent: 1,
      kappa: 1,
    });
    expect(cell(agreement, w.economy, w.b.id)).toMatchObject({
      units: 1,
      percent: 0,
      kappa: 0,
      alpha: 0,
    });
  });
});

describe('the coders compared', () => {
  it('are every analyst with a passage but the consensus layer, unless asked by id', async () => {
    const w = await worked();
    const consensus = analyst('consensus', 'Consensus', { role: 'consensus' });
    await codingAs(consensus);
    await code(w.a, 'The project cost more than planned.', ['Economy']);
    // Someone named but coding nothing.
    await codingAs(analyst('nobody', 'Nobody'));
    expect((await call('getAgreement', {})).coders).toEqual(['leyla', 'john']);
    const three = await call('getAgreement', { coders: ['leyla', 'john', 'consensus'] });
    expect(three.coders).toEqual(['leyla', 'john', 'consensus']);
    // Kappa is for two coders; alpha for any number.
    expect(cell(three, w.economy, w.a.id)).toMatchObject({ kappa: null, alpha: 1, percent: 1 });
    expect(three.overall.kappa).toBeNull();
    expect(three.overall.alpha).not.toBeNull();
    const withConsensus = await call('getAgreement', { coders: ['consensus', 'john'] });
    expect(withConsensus.cells.map((c) => c.tagId)).toEqual([w.economy, w.transport]);
  });

  it('fewer than two give no cells and no figures', async () => {
    await call('importText', { text: FIRST, title: 'Metro' });
    const agreement = await call('getAgreement', {});
    expect(agreement.coders).toEqual([]);
    expect(agreement.cells).toEqual([]);
    expect(agreement.overall).toMatchObject({ units: 0, percent: null, kappa: null, alpha: null });
  });

  it('refuse an unknown coder, tag or article with a sentence, and change nothing', async () => {
    await worked();
    const before = nb.notebook.store.state.annotations.size;
    for (const [name, input, message] of [
      ['getAgreement', { coders: ['leyla', 'ghost'] }, /coders compared is not an analyst/],
      ['getAgreement', { tagIds: ['no-such-tag'] }, /That tag no longer exists/],
      ['getAgreement', { articleIds: ['no-such-article'] }, /That article no longer exists/],
      ['getDisagreements', { coders: ['ghost', 'john'] }, /coders compared is not an analyst/],
      [
        'getDisagreements',
        { coders: ['leyla', 'john'], tagId: 'gone' },
        /That tag no longer exists/,
      ],
      [
        'getDisagreements',
        { coders: ['leyla', 'john'], articleId: 'gone' },
        /That article no longer/,
      ],
    ] as const) {
      const answer = await nb.dispatch(name, input);
      expect(answer).toMatchObject({ ok: false, error: { code: 'not-found', message } });
    }
    expect(nb.notebook.store.state.annotations.size).toBe(before);
  });
});

describe('getDisagreements', () => {
  it('lists each stretch only one coder coded, with both coders’ passages and its key', async () => {
    const w = await worked();
    const list = await call('getDisagreements', { coders: ['leyla', 'john'] });
    const leylaT = at(FIRST, 'yeni metro stansiyası açıldı');
    const johnT = at(FIRST, 'metro stansiyası açıldı. İnşaat 2019-cu ildə başlamışdı 🚇.');
    const oil = at(SECOND, 'Oil revenue rose');
    expect(list.map((d) => d.key)).toEqual([
      `${w.a.id}:${w.transport}:${leylaT.start}-${johnT.start}`,
      `${w.a.id}:${w.transport}:${leylaT.end}-${johnT.end}`,
      `${w.b.id}:${w.economy}:${oil.start}-${oil.end}`,
    ]);
    const [first, second, third] = list;
    expect(first).toMatchObject({
      articleId: w.a.id,
      tagId: w.transport,
      span: { start: leylaT.start, end: johnT.start },
      text: 'yeni ',
      before: 'Bakı şəhərində ',
    });
    // Leyla's passage made the stretch; John's, which starts later, is the one not lining up.
    expect(first!.a).toEqual([
      {
        annotationId: w.leyla.transport.id,
        analystId: 'leyla',
        span: leylaT,
        quote: 'yeni metro stansiyası açıldı',
        comment: 'Açılış 🎉',
      },
    ]);
    expect(first!.b.map((p) => p.annotationId)).toEqual([w.john.transport.id]);
    expect(second).toMatchObject({ text: '. İnşaat 2019-cu ildə başlamışdı 🚇.' });
    expect(second!.after).toBe('\n\nThe project cost more than planned.');
    expect(second!.a.map((p) => p.annotationId)).toEqual([w.leyla.transport.id]);
    expect(third).toMatchObject({ text: 'Oil revenue rose', before: 'Neft gəlirləri artdı. ' });
    expect(third!.after).toBe(' again.');
    expect(third!.b).toEqual([]);
    // Every key is one the adjudicate call's schema accepts.
    for (const d of list) expect(d.key).toMatch(/^[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:\d+-\d+$/);
  });

  it('narrows to one article and tag, and over sentences lists whole sentences', async () => {
    const w = await worked();
    const list = await call('getDisagreements', {
      coders: ['leyla', 'john'],
      articleId: w.a.id,
      tagId: w.transport,
      unit: 'sentence',
    });
    const sentence = at(FIRST, 'İnşaat 2019-cu ildə başlamışdı 🚇.');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ span: sentence, text: 'İnşaat 2019-cu ildə başlamışdı 🚇.' });
    expect(list[0]!.key).toBe(`${w.a.id}:${w.transport}:${sentence.start}-${sentence.end}`);
  });

  it('leaves a decided one out unless asked, and names the side order the view shows', async () => {
    const w = await worked();
    const open = await call('getDisagreements', { coders: ['leyla', 'john'] });
    const decided: Adjudication = {
      id: open[1]!.key,
      articleId: w.a.id,
      tagId: w.transport,
      coders: ['leyla', 'john'],
      choice: 'b',
      annotationIds: [],
      at: '2026-12-02T10:00:00.000Z',
    };
    await nb.notebook.store.commit([{ kind: 'put', collection: 'adjudications', record: decided }]);
    const still = await call('getDisagreements', { coders: ['leyla', 'john'] });
    expect(still.map((d) => d.key)).toEqual([open[0]!.key, open[2]!.key]);
    const all = await call('getDisagreements', { coders: ['leyla', 'john'], includeDecided: true });
    expect(all.map((d) => d.decided)).toEqual([undefined, 'b', undefined]);
    // The same pair either way round: B's side is now Leyla's.
    const swapped = await call('getDisagreements', { coders: ['john', 'leyla'] });
    expect(swapped.map((d) => d.key)).toEqual([open[0]!.key, open[2]!.key]);
    expect(swapped[0]!.b.map((p) => p.analystId)).toEqual(['leyla']);
    // A decision between other coders is not this pair's.
    await codingAs(analyst('third', 'Third'));
    await code(w.a, 'yeni', ['Nəqliyyat']);
    const third = await call('getDisagreements', {
      coders: ['leyla', 'third'],
      tagId: w.transport,
    });
    expect(third.every((d) => d.decided === undefined)).toBe(true);
  });

  it('refuses the same coder twice (the schema) and changes nothing', async () => {
    await worked();
    expect(await nb.refusal('getDisagreements', { coders: ['john', 'john'] })).toMatch(
      /two different coders/,
    );
  });
});

describe('a long article', () => {
  it('is compared in slices: other work runs while its sentences are found and counted', async () => {
    const sentence = 'Bakıda yeni körpü açıldı. The bridge cost more than planned! ';
    const text = `${sentence.repeat(5000)}Son.`;
    const article = await call('importText', { text, title: 'Körpü' });
    await codingAs(LEYLA);
    await codingAs(JOHN);
    const tag = await call('createTag', { name: 'Körpü' });
    const changes = Array.from({ length: 2000 }, (_, i) => {
      const start = i * 150;
      const record = {
        id: `passage-${i}`,
        articleId: article.id,
        selectors: [
          { type: 'TextPositionSelector' as const, start, end: start + 40 + (i % 3) * 20 },
          {
            type: 'TextQuoteSelector' as const,
            exact: text.slice(start, start + 40),
            prefix: '',
            suffix: '',
          },
        ] as Annotation['selectors'],
        revision: 1,
        tagIds: [tag.id],
        comment: '',
        createdAt: '2026-12-01T10:00:00.000Z',
        updatedAt: '2026-12-01T10:00:00.000Z',
        anchor: 'anchored' as const,
        createdBy: i % 2 ? 'john' : 'leyla',
      };
      return { kind: 'put' as const, collection: 'annotations' as const, record };
    });
    await nb.notebook.store.commit(changes);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const agreement = await call('getAgreement', { unit: 'sentence' });
      expect(agreement.cells[0]).toMatchObject({ units: 10_001, tagId: tag.id });
      expect(ticks).toBeGreaterThan(2);
      const list = await call('getDisagreements', { coders: ['leyla', 'john'], unit: 'sentence' });
      expect(list.length).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
  });
});
