// Annotations from other tools (W3C Web Annotation JSON, a CSV of passages) onto articles of the
// notebook, as one change (see the contract's importAnnotations). The file is read and every
// passage placed before anything is committed, so a bad file changes nothing.
import type { AnnotationImportReport } from '../../shared/annotation-import';
import type { Handlers } from '../../shared/contract';
import type { Annotation, AnnotationSelectors, Article } from '../../shared/model';
import { TagTree } from '../../shared/tag-tree';
import { describePassage } from '../anchoring/selectors';
import { codeUnitOffsets } from '../export/code-points';
import { articleBySource, articleNamer } from '../import-annotations/article-names';
import { Skips, type IncomingAnnotation } from '../import-annotations/incoming';
import { occurrenceFinder, placeQuote } from '../import-annotations/place';
import type { Change } from '../store';
import { createdByNow } from './analysts';
import { findArticle, loadArticleById } from './articles';
import { isoNow, type ServiceContext } from './context';
import { timeSlicer } from '../turns';
import { existingTag, resolveTagNames } from './tags';

export const SKIP = {
  unknownArticle: 'Names no article of this notebook',
  sharedTitle: 'Names a title several articles share (name the article by its id instead)',
  noArticle: 'Names no article, and no article was chosen for them',
  duplicate: 'Already in the notebook (the same passage, tags and comment)',
} as const;

/** One passage bound for an article, placed or for review. */
interface Planned {
  item: IncomingAnnotation;
  article: Article;
  selectors: AnnotationSelectors;
  anchored: boolean;
}

/** An article read once per import, with what placing its quotes needs. */
interface Loaded {
  article: Article;
  toUnits: (codePoint: number) => number;
  occurrences: (exact: string) => number[];
}

/** A name as a tag may be called: one line, NFC, trimmed (the tag schema refuses controls). */
const cleanTagName = (name: string) =>
  name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .trim();

export function annotationImportHandlers(ctx: ServiceContext): Pick<Handlers, 'importAnnotations'> {
  const { store } = ctx;
  const { state } = store;

  /** Where each item goes: an article id, or why it goes nowhere. */
  function router(chosenId: string | undefined, format: 'w3c' | 'csv') {
    const articles = [...state.articles.values()].filter((a) => !a.recovered);
    if (format === 'w3c') {
      const bySource = articleBySource(articles);
      return (item: IncomingAnnotation): string =>
        chosenId ?? bySource(item.source) ?? SKIP.noArticle;
    }
    const byName = articleNamer(articles);
    return (item: IncomingAnnotation): string => {
      if (item.articleNames.length === 0) return chosenId ?? SKIP.noArticle;
      let shared = false;
      for (const name of item.articleNames) {
        const match = byName(name);
        if (typeof match === 'object') return match.id;
        if (match === 'ambiguous') shared = true;
      }
      return shared ? SKIP.sharedTitle : SKIP.unknownArticle;
    };
  }

  /** The item placed on the article's current text, or kept with its quote for review. */
  function plan(item: IncomingAnnotation, { article, toUnits, occurrences }: Loaded) {
    const { text } = article;
    let expected: { start: number; end: number } | undefined;
    if (item.position) {
      const start = toUnits(item.position.start);
      const end = toUnits(item.position.end);
      if (end <= text.length) expected = { start, end };
    }
    for (const exact of [item.exact, item.exactAsWritten ?? item.exact]) {
      const quote = {
        type: 'TextQuoteSelector' as const,
        exact,
        prefix: item.prefix,
        suffix: item.suffix,
      };
      const placement = placeQuote(text, quote, expected?.start, occurrences);
      if (placement.kind === 'placed') {
        const { start, end } = placement.span;
        return { selectors: describePassage(text, start, end), anchored: true };
      }
    }
    const selectors: AnnotationSelectors = [
      { type: 'TextPositionSelector', start: expected?.start ?? 0, end: expected?.end ?? 0 },
      { type: 'TextQuoteSelector', exact: item.exact, prefix: item.prefix, suffix: item.suffix },
    ];
    return { selectors, anchored: false };
  }

  /**
   * Each distinct name's tag id, making the tags that are new as one set of changes. A name the
   * codebook can't take (too long, too deep, shared by two tags) is left off with its reason.
   */
  function resolveTags(names: Iterable<string>, skips: Skips) {
    const valid: string[] = [];
    for (const name of new Set(names)) {
      try {
        resolveTagNames(ctx, [name]);
        valid.push(name);
      } catch (error) {
        skips.add(`Tag left off: ${(error as Error).message}`);
      }
    }
    const { changes } = resolveTagNames(ctx, valid);
    const made = changes.flatMap((c) =>
      c.kind === 'put' && c.collection === 'tags' ? [c.record] : [],
    );
    const tree = new TagTree([...state.tags.values(), ...made]);
    const idOf = new Map(valid.map((name) => [name, existingTag(tree, name)?.id]));
    return { changes, created: made.length, idOf };
  }

  return {
    async importAnnotations({ fileName, bytes, encoding, articleId, format }) {
      if (articleId !== undefined) findArticle(state, articleId);
      // The readers (a CSV parser, the decoders) load with the first import, not at start-up.
      const { readAnnotationFile } = await import('../import-annotations');
      const file = readAnnotationFile({
        fileName,
        bytes,
        ...(encoding !== undefined && { encoding }),
        ...(format !== undefined && { format }),
      });
      const { skips } = file;
      const route = router(articleId, file.format);
      const articles = new Map<string, Loaded>();
      const planned: Planned[] = [];
      // Thousands of quotes on a long article take seconds: the window's calls go on meanwhile.
      const slicer = timeSlicer();
      for (const item of file.items) {
        if (slicer.due()) await slicer.pause();
        const target = route(item);
        if (!state.articles.has(target)) {
          skips.add(target);
          continue;
        }
        let loaded = articles.get(target);
        if (!loaded) {
          const article = await loadArticleById(ctx, target);
          loaded = {
            article,
            toUnits: codeUnitOffsets(article.text),
            occurrences: occurrenceFinder(article.text),
          };
          articles.set(target, loaded);
        }
        planned.push({
          item,
          article: loaded.article,
          ...plan(item, loaded),
        });
      }

      const tagNamesOf = (item: IncomingAnnotation) =>
        item.tagNames.map(cleanTagName).filter((n) => n !== '');
      const tags = resolveTags(
        planned.flatMap((p) => tagNamesOf(p.item)),
        skips,
      );

      // What is already there: the same passage with the same coding is not made twice.
      const keyOf = (
        a: Pick<Annotation, 'articleId' | 'selectors' | 'tagIds' | 'comment'>,
        anchored: boolean,
      ) => {
        const [position, quote] = a.selectors;
        const place = anchored ? `${position.start}:${position.end}` : `?${quote.exact}`;
        return [a.articleId, place, [...a.tagIds].sort().join(','), a.comment].join('\u0000');
      };
      const seen = new Set(
        [...state.annotations.values()].map((a) => keyOf(a, a.anchor === 'anchored')),
      );

      const stamp = isoNow(ctx);
      const by = createdByNow(ctx);
      const puts: Change[] = [];
      const report: AnnotationImportReport = {
        format: file.format,
        placed: 0,
        toReview: 0,
        tagsCreated: 0,
        articles: [],
        skipped: [],
      };
      const counts = new Map<string, number>();
      for (const { item, article, selectors, anchored } of planned) {
        if (slicer.due()) await slicer.pause();
        const tagIds = [...new Set(tagNamesOf(item).flatMap((name) => tags.idOf.get(name) ?? []))];
        const createdAt = item.created ?? stamp;
        const annotation: Annotation = {
          id: ctx.newId(),
          articleId: article.id,
          selectors,
          revision: article.revision,
          tagIds,
          comment: item.comment,
          createdAt,
          updatedAt: item.modified && item.modified > createdAt ? item.modified : createdAt,
          anchor: anchored ? 'anchored' : 'orphaned',
          ...by,
        };
        const key = keyOf(annotation, anchored);
        if (seen.has(key)) {
          skips.add(SKIP.duplicate);
          continue;
        }
        seen.add(key);
        puts.push({ kind: 'put', collection: 'annotations', record: annotation });
        if (anchored) report.placed++;
        else report.toReview++;
        counts.set(article.id, (counts.get(article.id) ?? 0) + 1);
      }
      report.articles = [...counts].map(([id, count]) => ({
        id,
        title: articles.get(id)!.article.title,
        count,
      }));
      report.skipped = skips.list();
      // Nothing to add makes no commit, and so no undo step that would do nothing.
      if (puts.length > 0) {
        await store.commit([...tags.changes, ...puts]);
        report.tagsCreated = tags.created;
      }
      return report;
    },
  };
}
