// The analysis views' calls: frequencies, co-occurrence and matrices over the passages a filter
// keeps (getAnalysis), and where each tag falls along one article (getCoverage). Computed on the
// main thread from the live state, in slices (analysis/steps.ts) that let other work run every
// few milliseconds.
import type { AnalysisArticle, Coverage } from '../../shared/analysis';
import type { Handlers } from '../../shared/contract';
import type { Annotation, ArticleBody, ArticleRecord, Span } from '../../shared/model';
import { TagTree } from '../../shared/tag-tree';
import { analyse } from '../analysis/analyse';
import { tagCoverage } from '../analysis/coverage';
import { annotationFilter, articleFilter } from '../analysis/filter';
import type { Steps } from '../analysis/steps';
import { UnreadableTextError } from '../errors';
import { currentRevision, findArticle } from './articles';
import type { ServiceContext } from './context';
import { timeSlicer } from '../turns';
import { alsoVisible, blindFilter } from './visibility';

type Slicer = ReturnType<typeof timeSlicer>;

/** Runs `steps`, letting other work run whenever a slice has used its time. */
async function drain<T>(steps: Steps<T>, slicer: Slicer): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (slicer.due()) await slicer.pause();
  }
}

/** Blocks kept beside the store's few bodies: about 25 MB at most, the least used let go. */
const CACHED_BLOCKS = 500_000;

class BlockCache {
  readonly #byHash = new Map<string, readonly Span[]>();
  #count = 0;

  get(hash: string): readonly Span[] | undefined {
    const found = this.#byHash.get(hash);
    if (found) this.set(hash, found);
    return found;
  }

  set(hash: string, blocks: readonly Span[]) {
    const old = this.#byHash.get(hash);
    if (old) {
      this.#byHash.delete(hash);
      this.#count -= old.length;
    }
    this.#byHash.set(hash, blocks);
    this.#count += blocks.length;
    for (const [oldest, list] of this.#byHash) {
      if (this.#count <= CACHED_BLOCKS || oldest === hash) break;
      this.#byHash.delete(oldest);
      this.#count -= list.length;
    }
  }
}

/** How many records a gathering loop handles between two looks at the clock. */
const CHECK_EVERY = 512;

export function analysisHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'getAnalysis' | 'getCoverage'> {
  const { store } = ctx;
  const { state } = store;
  // A body never changes (its name is its hash), so neither do its length and blocks: each is
  // read once. The store keeps only a few bodies; without these, every paragraph count over a
  // notebook of many articles would read and check a long text again.
  const lengths = new Map<string, number>();
  const blocks = new BlockCache();

  async function bodyOf(record: ArticleRecord): Promise<ArticleBody> {
    const { bodyHash } = currentRevision(record);
    const body = await store.getBody(bodyHash);
    lengths.set(bodyHash, body.text.length);
    blocks.set(bodyHash, body.blocks);
    return body;
  }

  async function blocksOf(record: ArticleRecord): Promise<readonly Span[]> {
    return blocks.get(currentRevision(record).bodyHash) ?? (await bodyOf(record)).blocks;
  }

  /** The current text's length; 0 for a text that can't be read (the notebook says so elsewhere). */
  async function lengthOf(record: ArticleRecord): Promise<number> {
    const known = lengths.get(currentRevision(record).bodyHash);
    if (known !== undefined) return known;
    try {
      return (await bodyOf(record)).text.length;
    } catch (error) {
      if (error instanceof UnreadableTextError) return 0;
      throw error;
    }
  }

  /** The passages `keep` keeps, article by article; a snapshot, so pauses can't tear it. */
  async function gather(
    keep: (a: Annotation) => boolean,
    keepArticle: (id: string) => boolean,
    slicer: Slicer,
  ): Promise<Annotation[]> {
    const all = [...state.annotations.values()];
    const kept: Annotation[] = [];
    for (let i = 0; i < all.length; i++) {
      if (i % CHECK_EVERY === 0 && slicer.due()) await slicer.pause();
      const a = all[i]!;
      if (keepArticle(a.articleId) && state.articles.has(a.articleId) && keep(a)) kept.push(a);
    }
    return kept;
  }

  return {
    async getAnalysis({ unit = 'overlap', attribute, ...filter }) {
      // Both throw on an id that names nothing, before any work.
      const keepArticle = articleFilter(state, filter);
      const keep = alsoVisible(annotationFilter(state, filter), await blindFilter(ctx));
      const slicer = timeSlicer();
      const tree = new TagTree(state.tags.values());
      const records = [...state.articles.values()];
      const kept = await gather(keep, keepArticle, slicer);

      // The paragraph unit reads the blocks of every article with a placed, tagged passage kept.
      const needBlocks = new Set<string>();
      if (unit === 'paragraph') {
        for (const a of kept) {
          if (a.tagIds.length > 0 && a.anchor !== 'orphaned') needBlocks.add(a.articleId);
        }
      }
      const blocksById = new Map<string, readonly Span[]>();
      const articles: AnalysisArticle[] = [];
      for (const record of records) {
        if (!keepArticle(record.id)) continue;
        if (needBlocks.has(record.id)) {
          try {
            blocksById.set(record.id, await blocksOf(record));
          } catch (error) {
            // Its passages still count; only its paragraphs are unknown.
            if (!(error instanceof UnreadableTextError)) throw error;
          }
        }
        const { id, title, attributes } = record;
        articles.push({ id, title, attributes: { ...attributes }, length: await lengthOf(record) });
        if (slicer.due()) await slicer.pause();
      }

      return drain(
        analyse({
          tree,
          articles,
          allAttributes: records,
          annotations: kept,
          unit,
          blocks: blocksById,
          ...(attribute !== undefined && { attribute }),
        }),
        slicer,
      );
    },

    async getCoverage({ articleId, ...filter }) {
      const record = findArticle(state, articleId);
      const keepArticle = articleFilter(state, filter);
      const keep = alsoVisible(annotationFilter(state, filter), await blindFilter(ctx));
      const slicer = timeSlicer();
      const length =
        lengths.get(currentRevision(record).bodyHash) ?? (await bodyOf(record)).text.length;
      const annotations = keepArticle(articleId)
        ? await gather(keep, (id) => id === articleId, slicer)
        : [];
      const byTag = new Map(tagCoverage(annotations).map((c) => [c.tagId, c]));
      const tree = new TagTree(state.tags.values());
      const tags: Coverage['tags'] = [];
      for (const tag of tree.ordered()) {
        const covered = byTag.get(tag.id);
        if (!covered) continue;
        tags.push({ tagId: tag.id, runs: covered.runs, codedChars: covered.coveredChars });
      }
      return { articleId, length, tags };
    },
  };
}
