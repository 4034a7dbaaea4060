// The whole answer of getAnalysis from what the service gathered (the passages a filter keeps,
// the articles, their blocks for the paragraph unit): frequencies with the codebook's roll-up,
// the tag-by-article and tag-by-attribute matrices, and co-occurrence. Pure, and pausing now and
// then (steps.ts) so the core can run it on its main thread.
import type {
  Analysis,
  AnalysisArticle,
  AnalysisTag,
  CooccurrenceUnit,
  MatrixCell,
  PassageCounts,
} from '../../shared/analysis';
import {
  attributeKeyOf,
  type Annotation,
  type ArticleAttributes,
  type Span,
} from '../../shared/model';
import type { TagTree } from '../../shared/tag-tree';
import { attributeSummary, sortValues, valueOf, type AttributeSummary } from './attributes';
import { cooccurrenceSteps } from './cooccurrence';
import { frequencySteps, type TagFrequency } from './frequencies';
import { rolledUp } from './rollup';
import type { Steps } from './steps';
import { compareNatural } from '../collation';

export interface AnalysisInput {
  tree: TagTree;
  /** The articles the filter keeps, with their text's length. */
  articles: readonly AnalysisArticle[];
  /** Every article of the notebook: the attributes listed are all of theirs. */
  allAttributes: Iterable<{ attributes: ArticleAttributes }>;
  /** The passages the filter keeps, all of them in `articles`. */
  annotations: readonly Annotation[];
  unit: CooccurrenceUnit;
  /** Per article, its blocks (for the paragraph unit; an article without any shares none). */
  blocks?: ReadonlyMap<string, readonly Span[]>;
  attribute?: string;
}

const NONE: PassageCounts = { passages: 0, codedChars: 0, unplaced: 0 };
const countsOf = ({ passages, codedChars, unplaced }: PassageCounts): PassageCounts => ({
  passages,
  codedChars,
  unplaced,
});

export function* analyse(input: AnalysisInput): Steps<Analysis> {
  const { tree, annotations, unit } = input;
  const known = (tagId: string) => tree.byId.has(tagId);
  const articles = [...input.articles].sort(
    (a, b) => compareNatural(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const own = new Map((yield* frequencySteps(annotations)).map((f) => [f.tagId, f]));
  const total = new Map(
    (yield* frequencySteps(annotations, rolledUp(tree))).map((f) => [f.tagId, f]),
  );

  const ordered = tree.ordered();
  const tags = ordered.map((tag): AnalysisTag => {
    const parentId = tag.parentId !== undefined && known(tag.parentId) ? tag.parentId : undefined;
    return {
      id: tag.id,
      path: tree.path(tag.id),
      name: tag.name,
      color: tag.color,
      ...(parentId !== undefined && { parentId }),
      depth: tree.depth(tag.id),
      own: countsOf(own.get(tag.id) ?? NONE),
      total: countsOf(total.get(tag.id) ?? NONE),
    };
  });

  const byArticle: MatrixCell[] = [];
  for (const tag of ordered) {
    const frequency = own.get(tag.id);
    if (!frequency) continue;
    for (const article of articles) {
      const counts = frequency.byArticle.get(article.id);
      if (counts) byArticle.push({ tagId: tag.id, column: article.id, ...counts });
    }
  }

  const byArticleId = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = byArticleId.get(a.articleId);
    if (list) list.push(a);
    else byArticleId.set(a.articleId, [a]);
  }
  const co = yield* cooccurrenceSteps(
    [...byArticleId].map(([id, list]) => ({
      annotations: list,
      ...(unit === 'paragraph' && { blocks: input.blocks?.get(id) ?? [] }),
    })),
    unit,
  );

  const attributes = attributeSummary(input.allAttributes);
  return {
    tags,
    articles,
    passages: annotations.length,
    byArticle,
    cooccurrence: {
      unit,
      diagonal: ordered
        .filter((t) => co.diagonal.has(t.id))
        .map((t) => ({ tagId: t.id, count: co.diagonal.get(t.id)! })),
      pairs: co.cells
        .filter((c) => known(c.tags[0]) && known(c.tags[1]))
        .map(({ tags: pair, count, annotationIds }) => ({ tags: pair, count, annotationIds })),
    },
    attributes,
    ...(input.attribute !== undefined && {
      byAttribute: byAttribute(input.attribute, attributes, articles, ordered, own),
    }),
  };
}

/**
 * Tag by one attribute's values: each article's own counts added into its value's column (no
 * value: the column ""). Characters add up across articles; overlaps only happen inside one.
 */
function byAttribute(
  asked: string,
  summary: readonly AttributeSummary[],
  articles: readonly AnalysisArticle[],
  ordered: ReturnType<TagTree['ordered']>,
  own: ReadonlyMap<string, TagFrequency>,
): NonNullable<Analysis['byAttribute']> {
  const known = summary.find((s) => attributeKeyOf(s.key) === attributeKeyOf(asked));
  const key = known?.key ?? asked;
  const columnOf = new Map(articles.map((a) => [a.id, valueOf(a.attributes, key)]));
  const values = sortValues(known?.values ?? []);
  if ([...columnOf.values()].includes('')) values.push('');
  const cells: MatrixCell[] = [];
  for (const tag of ordered) {
    const frequency = own.get(tag.id);
    if (!frequency) continue;
    const columns = new Map<string, PassageCounts>();
    for (const [articleId, counts] of frequency.byArticle) {
      const column = columnOf.get(articleId);
      if (column === undefined) continue;
      const sum = columns.get(column) ?? { ...NONE };
      sum.passages += counts.passages;
      sum.codedChars += counts.codedChars;
      sum.unplaced += counts.unplaced;
      columns.set(column, sum);
    }
    for (const value of values) {
      const counts = columns.get(value);
      if (counts) cells.push({ tagId: tag.id, column: value, ...counts });
    }
  }
  return { key, values, cells };
}
