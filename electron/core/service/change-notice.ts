// What a commit changed, in the terms the renderer's views refresh by (see ChangeNotice).
import type { ChangeNotice } from '../../shared/contract';
import type { Change, RemovedRecord } from '../store';

export function noticeOf(changes: Change[], removed: RemovedRecord[]): ChangeNotice | null {
  const articles = new Set<string>();
  const annotations = new Set<string>();
  const annotationArticles = new Set<string>();
  const tags = new Set<string>();
  let analyst = false;
  let codebookLog = false;
  let adjudications = false;
  for (const change of changes) {
    if (change.kind === 'meta') {
      if (change.key === 'analystId') analyst = true;
      continue;
    }
    if (change.collection === 'analysts') {
      analyst = true;
      continue;
    }
    if (change.collection === 'codebookLog') {
      codebookLog = true;
      continue;
    }
    // A tombstone comes and goes with its record's delete or put, which is the news itself.
    if (change.collection === 'tombstones') continue;
    if (change.collection === 'adjudications') {
      adjudications = true;
      continue;
    }
    const id = change.kind === 'put' ? change.record.id : change.id;
    if (change.collection === 'articles') articles.add(id);
    else if (change.collection === 'tags') tags.add(id);
    else if (change.collection === 'annotations') {
      annotations.add(id);
      if (change.kind === 'put') annotationArticles.add(change.record.articleId);
    }
  }
  for (const gone of removed) {
    if (gone.collection === 'annotations') annotationArticles.add(gone.record.articleId);
  }
  if (
    articles.size + annotations.size + tags.size === 0 &&
    !analyst &&
    !codebookLog &&
    !adjudications
  ) {
    return null;
  }
  return {
    articles: [...articles],
    annotations: [...annotations],
    annotationArticles: [...annotationArticles],
    tags: [...tags],
    ...(analyst && { analyst }),
    ...(codebookLog && { codebookLog }),
    ...(adjudications && { adjudications }),
  };
}
