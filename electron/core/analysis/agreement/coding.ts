// Who coded what: for each article and tag, each coder's passages with that tag (its own tag, not
// its subtree) where they lie in the current revision. Orphaned passages cover no text and are
// left out; passages by analysts not compared are not looked at.
import { currentSpan, type Annotation, type Span } from '../../../shared/model';
import { STEP, type Steps } from '../steps';

export interface Passage {
  annotation: Annotation;
  span: Span;
}

/** Per tag id: each coder's passages with it, in the coders' order. */
export type ArticleCoding = Map<string, Passage[][]>;

export interface CodingScope {
  article: (id: string) => boolean;
  tag: (id: string) => boolean;
}

/** Every article some coder used a kept tag in, with its coding. */
export function* codingByArticle(
  annotations: readonly Annotation[],
  coders: readonly string[],
  scope: CodingScope,
): Steps<Map<string, ArticleCoding>> {
  const coderIndex = new Map(coders.map((id, i) => [id, i]));
  const out = new Map<string, ArticleCoding>();
  for (let i = 0; i < annotations.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const annotation = annotations[i]!;
    const coder =
      annotation.createdBy === undefined ? undefined : coderIndex.get(annotation.createdBy);
    if (coder === undefined || !scope.article(annotation.articleId)) continue;
    const span = currentSpan(annotation);
    if (!span || span.end <= span.start) continue;
    for (const tagId of new Set(annotation.tagIds)) {
      if (!scope.tag(tagId)) continue;
      let article = out.get(annotation.articleId);
      if (!article) out.set(annotation.articleId, (article = new Map()));
      let byCoder = article.get(tagId);
      if (!byCoder) article.set(tagId, (byCoder = coders.map(() => [])));
      byCoder[coder]!.push({ annotation, span });
    }
  }
  return out;
}
