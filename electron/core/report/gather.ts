// The report's model from what the service gathered: the chosen part of the tag tree with each
// tag's passages (by article, in reading order), the codebook's guidance for those tags, and the
// figures' numbers from the analysis core (frequencies with the tree's roll-up, co-occurrence).
import { compareReadingOrder, currentSpan, type Annotation, type Tag } from '../../shared/model';
import { pageSpan, pagesOf } from '../../shared/places';
import { TagTree } from '../../shared/tag-tree';
import { analyse } from '../analysis/analyse';
import { runSteps } from '../analysis/steps';
import { compareNatural } from '../collation';
import type {
  CooccurrenceMatrix,
  FrequencyBar,
  ReportArticle,
  ReportModel,
  ReportPassage,
  ReportSection,
  ReportSource,
} from './types';

/** The heat map stays readable up to this many tags: the most used are drawn. */
export const HEATMAP_TAGS = 24;

/** The chosen tags and everything below them; every tag when none were chosen. */
export function reportTagIds(tree: TagTree, chosen: readonly string[] | undefined): Set<string> {
  if (!chosen?.length) return new Set(tree.byId.keys());
  return new Set(chosen.flatMap((id) => [id, ...tree.descendants(id).map((t) => t.id)]));
}

export function buildReport(source: ReportSource): ReportModel {
  const tree = new TagTree(source.tags);
  const wanted = reportTagIds(tree, source.chosenTagIds);
  const articles = [...source.articles].sort(
    (a, b) => compareNatural(a.article.title, b.article.title) || compareIds(a, b),
  );
  // Only passages with a tag of the report: a comment without a tag has no heading to go under.
  const kept = articles.map(({ article, annotations }) => ({
    article,
    annotations: annotations
      .filter((a) => a.tagIds.some((id) => wanted.has(id)))
      .sort(compareReadingOrder),
  }));

  const byTag = new Map<string, ReportPassage[]>();
  for (const { article, annotations } of kept) {
    for (const annotation of annotations) {
      const passage = passageOf(article, annotation);
      for (const tagId of new Set(annotation.tagIds)) {
        if (!wanted.has(tagId)) continue;
        const list = byTag.get(tagId);
        if (list) list.push(passage);
        else byTag.set(tagId, [passage]);
      }
    }
  }

  const ordered = tree.ordered().filter((t) => wanted.has(t.id));
  const depthOf = (tag: Tag) => tree.lineage(tag.id).filter((id) => wanted.has(id)).length - 1;
  // A heading is kept where it or a tag below it has passages, so the tree above them stays.
  const used = new Set<string>();
  for (const tagId of byTag.keys()) for (const id of tree.lineage(tagId)) used.add(id);
  const sections: ReportSection[] = ordered
    .filter((t) => used.has(t.id))
    .map((tag) => ({
      tagId: tag.id,
      path: tree.path(tag.id),
      name: tag.name,
      color: tag.color,
      depth: depthOf(tag),
      passages: byTag.get(tag.id) ?? [],
    }));

  const passages = kept.reduce((n, a) => n + a.annotations.length, 0);
  return {
    title: source.title,
    date: source.generatedAt.toISOString().slice(0, 10),
    generatedAt: source.generatedAt.toISOString(),
    ...(source.chosenTagIds?.length && {
      chosenTags: source.chosenTagIds.map((id) => tree.path(id)),
    }),
    ...(source.chosenArticles && { chosenArticles: source.chosenArticles }),
    passages,
    articles: kept.filter((a) => a.annotations.length > 0).length,
    sections,
    ...(source.codebook && {
      codebook: ordered.map((tag) => ({
        path: tree.path(tag.id),
        color: tag.color,
        depth: depthOf(tag),
        description: tag.description,
        whenToUse: tag.whenToUse,
        whenNotToUse: tag.whenNotToUse,
        example: tag.example,
      })),
    }),
    ...(source.figures && { figures: figuresOf(tree, wanted, kept) }),
    leftOut: source.leftOut ?? [],
  };
}

const compareIds = (a: { article: { id: string } }, b: { article: { id: string } }) =>
  a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;

function passageOf(article: ReportArticle, annotation: Annotation): ReportPassage {
  // Moved and fuzzy passages sit at their candidate in the current text.
  const span = currentSpan(annotation);
  const pages = span ? pagesOf(article.places, span) : undefined;
  return {
    annotationId: annotation.id,
    text: span ? article.text.slice(span.start, span.end) : annotation.selectors[1].exact,
    articleTitle: article.title,
    ...(pages && { pages: `${pages.first === pages.last ? 'p.' : 'pp.'} ${pageSpan(pages)}` }),
    comment: annotation.comment,
    awaitingReview: annotation.anchor !== 'anchored',
    orphaned: span === null,
  };
}

/** The analysis core's numbers, narrowed to the report's tags. */
function figuresOf(
  tree: TagTree,
  wanted: ReadonlySet<string>,
  kept: ReadonlyArray<{ article: ReportArticle; annotations: Annotation[] }>,
): NonNullable<ReportModel['figures']> {
  const analysis = runSteps(
    analyse({
      tree,
      articles: kept.map(({ article }) => ({
        id: article.id,
        title: article.title,
        attributes: article.attributes,
        length: article.text.length,
      })),
      allAttributes: kept.map((k) => k.article),
      annotations: kept.flatMap((k) => k.annotations),
      unit: 'overlap',
    }),
  );
  const frequencies: FrequencyBar[] = analysis.tags
    .filter((t) => wanted.has(t.id) && t.total.passages + t.total.unplaced > 0)
    .map((t) => ({
      tagId: t.id,
      path: t.path,
      color: t.color,
      own: t.own.passages + t.own.unplaced,
      total: t.total.passages + t.total.unplaced,
      codedChars: t.own.codedChars,
    }));

  const diagonal = new Map(analysis.cooccurrence.diagonal.map((d) => [d.tagId, d.count]));
  const used = analysis.tags.filter((t) => wanted.has(t.id) && diagonal.has(t.id));
  // The most used tags, drawn in the tree's order.
  const drawn = new Set(
    [...used]
      .sort((a, b) => diagonal.get(b.id)! - diagonal.get(a.id)!)
      .slice(0, HEATMAP_TAGS)
      .map((t) => t.id),
  );
  const tags = used.filter((t) => drawn.has(t.id)).map((t) => ({ tagId: t.id, path: t.path }));
  const index = new Map(tags.map((t, i) => [t.tagId, i]));
  const counts = tags.map((a) => tags.map((b) => (a === b ? diagonal.get(a.tagId)! : 0)));
  for (const {
    tags: [x, y],
    count,
  } of analysis.cooccurrence.pairs) {
    const i = index.get(x);
    const j = index.get(y);
    if (i === undefined || j === undefined) continue;
    counts[i]![j] = count;
    counts[j]![i] = count;
  }
  const cooccurrence: CooccurrenceMatrix = { tags, counts, omitted: used.length - tags.length };
  return { frequencies, cooccurrence };
}
