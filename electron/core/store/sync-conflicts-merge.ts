// Bringing a sync tool's conflicted copy into the notebook: only records whose ids the notebook
// lacks, as one commit, never overwriting one; then the copy is renamed, never deleted.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BroughtIn } from '../../shared/contract';
import type { Annotation, ArticleBody, ArticleRecord } from '../../shared/model';
import { pathKeyOf, TagTree } from '../../shared/tag-tree';
import { NotebookError } from '../errors';
import { setAside } from './durable-file';
import type { NotebookStore } from './index';
import type { Change, NotebookState } from './notebook-data';
import { fileStamp } from './recovery';
import { conflictedCopyOf, readCopy } from './sync-conflicts';

export async function bringInConflictedCopy(
  store: NotebookStore,
  name: string,
  now: Date,
): Promise<BroughtIn> {
  const copy = conflictedCopyOf(name);
  const file = path.join(store.dataDir, name);
  if (!copy || path.basename(name) !== name || !(await isFile(file))) {
    throw new NotebookError(
      'not-found',
      `There is no conflicted copy named “${name}” beside the notebook; it may have been brought in already.`,
    );
  }
  const reading = await readCopy(file, copy.of);
  if (reading.kind !== 'ok') {
    throw new NotebookError('bad-file', `“${name}” can’t be brought in: ${reading.problem}`);
  }
  const plan = await planBringIn(reading.state, reading.bodies, store);
  // Bodies an old-format copy carried inline go to disk before any record points at them.
  for (const body of plan.bodies) await store.putBody(body);
  if (plan.changes.length > 0) await store.commit(plan.changes);
  const renamed = await setAside(file, `${name}.merged-${fileStamp(now)}`);
  return { added: plan.added, skipped: plan.skipped, renamedTo: path.basename(renamed) };
}

interface Plan extends Omit<BroughtIn, 'renamedTo'> {
  changes: Change[];
  bodies: ArticleBody[];
}

async function planBringIn(
  copy: NotebookState,
  copyBodies: ReadonlyMap<string, ArticleBody>,
  store: NotebookStore,
): Promise<Plan> {
  const notebook = store.state;
  const plan: Plan = {
    changes: [],
    bodies: [],
    added: { articles: 0, annotations: 0, tags: 0 },
    skipped: { articles: 0, annotations: 0, reasons: [] },
  };

  // A tag the notebook has at the same path (each machine made "economy") is that tag: names stay
  // unique among siblings. Parents come first, so a new child hangs under the notebook's parent.
  const tagIds = new Map<string, string>();
  const notebookTree = new TagTree(notebook.tags.values());
  const byPath = new Map([...notebook.tags.keys()].map((id) => [pathKeyOf(notebookTree, id), id]));
  const copyTree = new TagTree(copy.tags.values());
  for (const tag of copyTree.ordered()) {
    const key = pathKeyOf(copyTree, tag.id);
    const same = notebook.tags.has(tag.id) ? tag.id : byPath.get(key);
    if (same !== undefined) {
      tagIds.set(tag.id, same);
      continue;
    }
    byPath.set(key, tag.id);
    tagIds.set(tag.id, tag.id);
    const parentId = tag.parentId === undefined ? undefined : tagIds.get(tag.parentId);
    const { parentId: _theirs, ...rest } = tag;
    const record = parentId === undefined ? rest : { ...rest, parentId };
    plan.changes.push({ kind: 'put', collection: 'tags', record });
    plan.added.tags += 1;
  }
  for (const id of notebook.tags.keys()) tagIds.set(id, id);

  const added = new Map<string, ArticleRecord>();
  for (const article of copy.articles.values()) {
    if (notebook.articles.has(article.id)) continue;
    const { bodies, lacking } = await bodiesFor(article, copyBodies, store);
    if (lacking) {
      plan.skipped.articles += 1;
      plan.skipped.reasons.push(
        `“${article.title}” was left out: its text (bodies/${lacking}.json) is not in this folder; if your sync tool is still copying it, try again later.`,
      );
      continue;
    }
    plan.bodies.push(...bodies);
    added.set(article.id, article);
    plan.changes.push({ kind: 'put', collection: 'articles', record: article });
    plan.added.articles += 1;
  }

  let noArticle = 0;
  let noRevision = 0;
  for (const annotation of copy.annotations.values()) {
    if (notebook.annotations.has(annotation.id)) continue;
    const article = notebook.articles.get(annotation.articleId) ?? added.get(annotation.articleId);
    if (!article) {
      noArticle += 1;
      continue;
    }
    // The other machine may have made a revision this notebook never got: nothing to point into.
    if (!article.revisions.some((r) => r.number === annotation.revision)) {
      noRevision += 1;
      continue;
    }
    plan.changes.push({ kind: 'put', collection: 'annotations', record: withTags(annotation) });
    plan.added.annotations += 1;
  }
  plan.skipped.annotations = noArticle + noRevision;
  if (noArticle > 0) {
    plan.skipped.reasons.push(
      `${count(noArticle, 'annotation')} left out because ${noArticle === 1 ? 'its article is' : 'their articles are'} not in this notebook.`,
    );
  }
  if (noRevision > 0) {
    plan.skipped.reasons.push(
      `${count(noRevision, 'annotation')} left out because ${noRevision === 1 ? 'it belongs' : 'they belong'} to a revision of the article that this notebook doesn’t have.`,
    );
  }
  return plan;

  function withTags(annotation: Annotation): Annotation {
    const ids = annotation.tagIds.map((id) => tagIds.get(id)).filter((id) => id !== undefined);
    return { ...annotation, tagIds: [...new Set(ids)] };
  }
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? ' was' : 's were'}`;

/** The bodies to write for `article`, or the first revision whose text is nowhere to be had. */
async function bodiesFor(
  article: ArticleRecord,
  copyBodies: ReadonlyMap<string, ArticleBody>,
  store: NotebookStore,
): Promise<{ bodies: ArticleBody[]; lacking?: string }> {
  const bodies: ArticleBody[] = [];
  for (const { bodyHash } of article.revisions) {
    const carried = copyBodies.get(bodyHash);
    if (carried) {
      bodies.push(carried);
      continue;
    }
    try {
      await store.getBody(bodyHash);
    } catch (error) {
      // Missing or damaged alike: an article without its text is no use to bring in.
      if (error instanceof NotebookError) return { bodies, lacking: bodyHash };
      throw error;
    }
  }
  return { bodies };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
