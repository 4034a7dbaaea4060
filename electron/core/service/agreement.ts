// The agreement view's calls: how far coders agree per tag and article, per tag, per article and
// overall (getAgreement), and where two of them disagree (getDisagreements, which the
// adjudication view walks through). Pure counting over runs of units (analysis/agreement),
// computed on the main thread in slices that let other work run every few milliseconds; a long
// article's sentences are segmented once and kept.
import type {
  Agreement,
  AgreementCell,
  AgreementUnit,
  Disagreement,
  DisagreementQuery,
} from '../../shared/agreement';
import type { Handlers } from '../../shared/contract';
import type { Analyst, ArticleRecord, Span } from '../../shared/model';
import { TagTree } from '../../shared/tag-tree';
import { codingByArticle, type ArticleCoding } from '../analysis/agreement/coding';
import { compareTag } from '../analysis/agreement/compare';
import { disagreementsOf } from '../analysis/agreement/disagreements';
import { cellFigures, pooledFigures, type CellCounts } from '../analysis/agreement/figures';
import { paragraphSpans, sentenceSpans } from '../analysis/agreement/text-units';
import { UnitCache } from '../analysis/agreement/unit-cache';
import { characterGrid, spanGrid, type SpanGrid, type UnitGrid } from '../analysis/agreement/units';
import type { Steps } from '../analysis/steps';
import { compareNatural } from '../collation';
import { NotebookError, notFound, UnreadableTextError } from '../errors';
import type { NotebookState, NotebookStore } from '../store';
import { currentRevision } from './articles';
import type { ServiceContext } from './context';
import { timeSlicer } from '../turns';
import { refuseWhileBlind } from './visibility';

type Slicer = ReturnType<typeof timeSlicer>;

async function drain<T>(steps: Steps<T>, slicer: Slicer): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (slicer.due()) await slicer.pause();
  }
}

const unknownCoder = () =>
  new NotebookError('not-found', 'One of the coders compared is not an analyst of this notebook.');

/**
 * The coders compared: the ones asked (each must be an analyst here), or every analyst with a
 * passage, oldest first, but the consensus layer (adjudication's results are no coder's view).
 */
export function codersOf(state: NotebookState, asked?: readonly string[]): string[] {
  if (asked) {
    for (const id of asked) if (!state.analysts.has(id)) throw unknownCoder();
    return [...new Set(asked)];
  }
  const coding = new Set<string>();
  for (const a of state.annotations.values()) if (a.createdBy) coding.add(a.createdBy);
  return [...state.analysts.values()]
    .filter((analyst) => coding.has(analyst.id) && analyst.role !== 'consensus')
    .sort(byAge)
    .map((analyst) => analyst.id);
}

const byAge = (x: Analyst, y: Analyst) =>
  x.createdAt.localeCompare(y.createdAt) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Each service context's grids: getDisagreements and adjudication share them. */
const caches = new WeakMap<NotebookStore, UnitCache>();

/** An article as one call saw it at its start, so a pause can't pair old spans with new text. */
interface Snapshot {
  record: ArticleRecord;
  bodyHash: string;
}

/** Reads one article's text and units, caching sentence and paragraph grids by body. */
class ArticleUnits {
  readonly #cache: UnitCache;

  constructor(
    readonly ctx: ServiceContext,
    readonly unit: AgreementUnit,
    readonly slicer: Slicer,
  ) {
    let cache = caches.get(ctx.store);
    if (!cache) caches.set(ctx.store, (cache = new UnitCache()));
    this.#cache = cache;
  }

  /** The article's units without its text, read only when nothing is kept for its body. */
  async grid(snapshot: Snapshot, mustRead: boolean): Promise<UnitGrid | undefined> {
    const length = this.#cache.lengths.get(snapshot.bodyHash);
    if (this.unit === 'character' && length !== undefined) return characterGrid(length);
    const kept = this.unit === 'character' ? undefined : this.#cache.get(this.#key(snapshot));
    return kept ?? (await this.#read(snapshot, mustRead, false))?.grid;
  }

  /**
   * The article's text, its units and its sentences (the disagreements quote around them);
   * undefined for a text that can't be read, unless `mustRead` (an article asked by id).
   */
  async withText(
    snapshot: Snapshot,
    mustRead: boolean,
  ): Promise<{ text: string; grid: UnitGrid; sentences: SpanGrid } | undefined> {
    const read = await this.#read(snapshot, mustRead, true);
    return read && { ...read, sentences: read.sentences! };
  }

  async #read({ bodyHash }: Snapshot, mustRead: boolean, withSentences: boolean) {
    let body;
    try {
      body = await this.ctx.store.getBody(bodyHash);
    } catch (error) {
      // The notebook says elsewhere which texts are unreadable; the rest still compare.
      if (!mustRead && error instanceof UnreadableTextError) return undefined;
      throw error;
    }
    const { text, blocks } = body;
    this.#cache.lengths.set(bodyHash, text.length);
    const sentences =
      withSentences || this.unit === 'sentence'
        ? await this.#spans(`${bodyHash}:sentence`, () =>
            drain(sentenceSpans(text, blocks), this.slicer),
          )
        : undefined;
    const grid: UnitGrid =
      this.unit === 'character'
        ? characterGrid(text.length)
        : this.unit === 'sentence'
          ? sentences!
          : await this.#spans(`${bodyHash}:paragraph`, async () =>
              paragraphSpans(blocks, text.length),
            );
    return { text, grid, sentences };
  }

  #key = ({ bodyHash }: Snapshot) => `${bodyHash}:${this.unit}`;

  async #spans(key: string, find: () => Promise<Span[]>): Promise<SpanGrid> {
    const kept = this.#cache.get(key);
    if (kept?.kind === 'spans') return kept;
    const grid = spanGrid(await find());
    this.#cache.set(key, grid);
    return grid;
  }
}

interface Scope {
  articles: Map<string, Snapshot>;
  /** The articles by title, as the view lists them. */
  order: string[];
  coding: Map<string, ArticleCoding>;
  tree: TagTree;
}

/** The coding of `coders` over the articles and tags asked; throws on an id that names nothing. */
async function scopeOf(
  state: NotebookState,
  coders: readonly string[],
  asked: { articleIds?: readonly string[]; tagIds?: readonly string[] },
  slicer: Slicer,
): Promise<Scope> {
  for (const id of asked.articleIds ?? [])
    if (!state.articles.has(id)) throw notFound('That article');
  for (const id of asked.tagIds ?? []) if (!state.tags.has(id)) throw notFound('That tag');
  const articleIds = asked.articleIds && new Set(asked.articleIds);
  const tagIds = asked.tagIds && new Set(asked.tagIds);
  const articles = new Map<string, Snapshot>();
  for (const record of state.articles.values()) {
    if (articleIds && !articleIds.has(record.id)) continue;
    articles.set(record.id, { record, bodyHash: currentRevision(record).bodyHash });
  }
  const tree = new TagTree(state.tags.values());
  const coding = await drain(
    codingByArticle([...state.annotations.values()], coders, {
      article: (id) => articles.has(id),
      tag: (id) => (tagIds ? tagIds.has(id) : tree.byId.has(id)),
    }),
    slicer,
  );
  const order = [...coding.keys()].sort((x, y) => {
    const [a, b] = [articles.get(x)!.record, articles.get(y)!.record];
    return compareNatural(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return { articles, order, coding, tree };
}

/** The codebook's order of tags, as a rank to sort by. */
const tagRanks = (tree: TagTree) => new Map(tree.ordered().map((tag, i) => [tag.id, i]));

export function agreementHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'getAgreement' | 'getDisagreements'> {
  const { state } = ctx.store;
  return {
    async getAgreement({ coders: asked, unit = 'character', articleIds, tagIds }) {
      await refuseWhileBlind(ctx, 'Agreement');
      const coders = codersOf(state, asked);
      const slicer = timeSlicer();
      const scope = await scopeOf(state, coders, { articleIds, tagIds }, slicer);
      const units = new ArticleUnits(ctx, unit, slicer);
      const counted: Array<{ tagId: string; articleId: string; counts: CellCounts }> = [];
      // Fewer than two coders compare nothing: the view says so from the empty answer.
      for (const articleId of coders.length < 2 ? [] : scope.order) {
        const grid = await units.grid(scope.articles.get(articleId)!, articleIds !== undefined);
        if (!grid) continue;
        for (const [tagId, byCoder] of scope.coding.get(articleId)!) {
          counted.push({ tagId, articleId, counts: compareTag(byCoder, grid) });
          if (slicer.due()) await slicer.pause();
        }
      }
      return summary(scope, coders, unit, counted);
    },

    getDisagreements: (query) => listDisagreements(ctx, query),
  };
}

function summary(
  scope: Scope,
  coders: string[],
  unit: AgreementUnit,
  counted: Array<{ tagId: string; articleId: string; counts: CellCounts }>,
): Agreement {
  const ranks = tagRanks(scope.tree);
  const articleRank = new Map(scope.order.map((id, i) => [id, i]));
  counted.sort(
    (x, y) =>
      ranks.get(x.tagId)! - ranks.get(y.tagId)! ||
      articleRank.get(x.articleId)! - articleRank.get(y.articleId)!,
  );
  const byTag = new Map<string, CellCounts[]>();
  const byArticle = new Map<string, CellCounts[]>();
  const add = (groups: Map<string, CellCounts[]>, id: string, counts: CellCounts) => {
    const list = groups.get(id);
    if (list) list.push(counts);
    else groups.set(id, [counts]);
  };
  const cells: AgreementCell[] = counted.map(({ tagId, articleId, counts }) => {
    add(byTag, tagId, counts);
    add(byArticle, articleId, counts);
    return { tagId, articleId, ...cellFigures(counts, coders) };
  });
  const pooled = (groups: Map<string, CellCounts[]>) =>
    Object.fromEntries([...groups].map(([id, list]) => [id, pooledFigures(list, coders)]));
  return {
    coders,
    unit,
    tags: [...byTag.keys()].map((id) => {
      const tag = scope.tree.byId.get(id)!;
      return { id, path: scope.tree.path(id), color: tag.color };
    }),
    articles: scope.order
      .filter((id) => byArticle.has(id))
      .map((id) => ({ id, title: scope.articles.get(id)!.record.title })),
    cells,
    byTag: pooled(byTag),
    byArticle: pooled(byArticle),
    overall: pooledFigures(
      counted.map((c) => c.counts),
      coders,
    ),
  };
}

/**
 * Where two coders disagree, in article order (by title), then text order, then codebook order;
 * decided ones (an adjudication of the same key between the same two coders) only when asked.
 * Adjudication finds the disagreement it decides through this too.
 */
export async function listDisagreements(
  ctx: ServiceContext,
  { coders: pair, unit = 'character', articleId, tagId, includeDecided }: DisagreementQuery,
): Promise<Disagreement[]> {
  await refuseWhileBlind(ctx, 'Adjudication');
  const { state } = ctx.store;
  const coders = codersOf(state, pair);
  if (coders.length !== 2) {
    throw new NotebookError('conflict', 'Disagreements are between two different coders.');
  }
  const slicer = timeSlicer();
  const scope = await scopeOf(
    state,
    coders,
    {
      ...(articleId !== undefined && { articleIds: [articleId] }),
      ...(tagId !== undefined && { tagIds: [tagId] }),
    },
    slicer,
  );
  const units = new ArticleUnits(ctx, unit, slicer);
  const ranks = tagRanks(scope.tree);
  const out: Disagreement[] = [];
  for (const id of scope.order) {
    const read = await units.withText(scope.articles.get(id)!, articleId !== undefined);
    if (!read) continue;
    const found: Disagreement[] = [];
    for (const [tag, [a, b]] of scope.coding.get(id)!) {
      const listed = await drain(
        disagreementsOf({ articleId: id, tagId: tag, ...read, a: a!, b: b! }),
        slicer,
      );
      for (const disagreement of listed) {
        const decision = state.adjudications.get(disagreement.key);
        const decided = decision && sameCoders(decision.coders, coders) ? decision : undefined;
        if (decided && !includeDecided) continue;
        found.push(decided ? { ...disagreement, decided: decided.choice } : disagreement);
      }
      if (slicer.due()) await slicer.pause();
    }
    found.sort((x, y) => x.span.start - y.span.start || ranks.get(x.tagId)! - ranks.get(y.tagId)!);
    out.push(...found);
  }
  return out;
}

const sameCoders = (x: readonly string[], y: readonly string[]) =>
  x.length === y.length && x.every((id) => y.includes(id));
