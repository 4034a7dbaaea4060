// A merge worked out in full without writing anything: which records of theirs come in, which of
// ours go, the questions and their answers, where their annotations land in our texts, and the
// changes one commit makes of it. The preview runs it with no answers (ours wherever asked), the
// apply again with the analyst's; both read the same two notebooks, so they agree.
import type { MergeChoice, MergeConflict, MergeCounts, MergePreview } from '../../shared/merge';
import type { Annotation, ArticleBody, ArticleRecord, Peer, Tag } from '../../shared/model';
import type { Change, NotebookState } from '../store/notebook-data';
import { Questions, sideViews, type Outcome } from './conflicts';
import { currentBodyHash } from './content-hash';
import { matchRecords } from './matching';
import { pairRecords, type Pair, type Pairs } from './pairs';
import { GONE, lastMeeting, SeenBuilder, seenKey, type Collection } from './peer';
import { placeAll, type PlacementCounts, type PlacementJob } from './placement';
import type { OtherNotebook } from './read-folder';
import { settleTree } from './tree-repair';
import { ResultState } from './result-state';

export interface PlanInput {
  ours: { state: NotebookState; body(hash: string): Promise<ArticleBody> };
  theirs: OtherNotebook;
  choices: Readonly<Record<string, MergeChoice>>;
  /** The id our folder has for notebooks that knew it before it had a notebookId. */
  ourFolderKey: string;
  newId: () => string;
}

export interface MergePlan {
  preview: Omit<MergePreview, 'token'>;
  decided: Record<MergeChoice, number>;
  /** The one commit, without the notebook id and Peer record (the apply adds those). */
  changes: Change[];
  /** Bodies the commit's articles need that our folder may lack, and originals of theirs. */
  bodies: string[];
  originals: string[];
  seen: Peer['seen'];
  toReview: number;
}

const zero = (): MergeCounts => ({ articles: 0, annotations: 0, tags: 0 });

export async function planMerge(input: PlanInput): Promise<MergePlan> {
  const { ours, theirs, choices } = input;
  const ourState = ours.state;
  const meeting = lastMeeting(ourState, theirs.state, {
    theirs: theirs.peerId,
    theirFolder: theirs.folderKey,
    ourFolder: input.ourFolderKey,
  });
  const answerOf = (theirTagId: string) =>
    choices[`tag-path:${theirTagId}`] === 'both' ? ('two' as const) : ('one' as const);
  const matches = matchRecords(ourState, theirs.state, meeting, answerOf);
  const pairs = pairRecords(ourState, theirs.state, matches, meeting);
  const { ourView, theirView } = sideViews(ourState, theirs.state, pairs);
  const questions = new Questions(choices, ourView, theirView);
  const problems: string[] = [];

  const forced = new Map<string, Outcome>();
  const twoCodes = new Set<string>();
  for (const { ours: namesake, theirs: tag } of matches.tagPaths) {
    const mapped = pairs.tags.get(pairs.tagId(tag.id))?.theirs ?? tag;
    const choice = questions.tagPath(namesake, mapped, tag);
    if (choice === 'both') twoCodes.add(tag.id);
    else forced.set(namesake.id, choice);
  }

  const result = new ResultState(ourState, pairs);
  decide(pairs, 'tags', forced, questions, result);
  decide(pairs, 'articles', new Map(), questions, result);
  decide(pairs, 'annotations', new Map(), questions, result, input.newId);

  const text = textReader(ours, theirs);
  await result.refuseUnreadable(text, problems);
  result.close(problems);
  settleTree(result, ourState, twoCodes, theirs, problems);

  const counts: PlacementCounts = { moved: 0, fuzzy: 0, orphaned: 0 };
  const placed = await placeAll(placementJobs(result, ourState, theirs.state), text, counts);
  for (const annotation of placed) result.annotations.set(annotation.id, annotation);

  const { changes, added, updated, deleted } = changesOf(result, ourState, theirs.state);
  const seen = new SeenBuilder();
  for (const collection of ['tags', 'articles', 'annotations'] as const) {
    for (const pair of pairs[collection].values()) {
      if (result.skipped.has(pair.id)) continue;
      if (pair.theirOwn && pair.theirHash) {
        seen.record(collection, pair.id, pair.theirOwn.id, pair.theirHash);
      } else if (pair.verdict === 'conflict' && result[collection].has(pair.id)) {
        seen.seen[seenKey(collection, pair.id)] = GONE;
      }
    }
  }
  const toReview = placed.filter((a) => a.anchor !== 'anchored').length;
  return {
    preview: {
      source: {
        name: theirs.name,
        analysts: [...theirs.state.analysts.values()]
          .filter((a) => a.role !== 'consensus')
          .map((a) => a.name),
      },
      ...(meeting.peer && { lastMet: meeting.peer.metAt }),
      added,
      updated,
      deleted,
      conflicts: questions.conflicts,
      reanchor: counts,
      problems,
    },
    decided: questions.decided,
    changes,
    bodies: result.bodiesNeeded(ourState),
    originals: result.originalsNeeded(ourState),
    seen: seen.seen,
    toReview,
  };
}

type Named = { id: string };

/** Each pair's outcome into the result: the rule's verdict, else the analyst's answer. */
function decide(
  pairs: Pairs,
  collection: Collection,
  forced: ReadonlyMap<string, Outcome>,
  questions: Questions,
  result: ResultState,
  newId?: () => string,
) {
  for (const pair of (pairs[collection] as Map<string, Pair<Named>>).values()) {
    let outcome: Outcome = forced.get(pair.id) ?? 'ours';
    if (!forced.has(pair.id)) {
      if (pair.verdict === 'theirs') outcome = 'theirs';
      else if (pair.verdict === 'conflict') {
        outcome =
          collection === 'tags'
            ? questions.tag(pair as never)
            : collection === 'articles'
              ? questions.article(pair as never)
              : questions.annotation(pair as never);
      }
    }
    if (outcome === 'ours') continue;
    if (outcome === 'copy' && newId) {
      result.copy(pair.id, { ...(pair.theirs as Annotation), id: newId() });
      continue;
    }
    result.take(collection, pair.id, pair.theirs as never);
  }
}

/** Texts by body hash, from our folder or else theirs; undefined when neither can read it. */
function textReader(ours: PlanInput['ours'], theirs: OtherNotebook) {
  const cache = new Map<string, Promise<string | undefined>>();
  return (hash: string) => {
    let text = cache.get(hash);
    if (!text) {
      text = ours
        .body(hash)
        .catch(() => theirs.body(hash))
        .then(
          (body) => body.text,
          () => undefined,
        );
      cache.set(hash, text);
    }
    return text;
  };
}

/**
 * Annotations whose text changed under them: theirs that came in (made on their revision), and
 * ours on an article whose current text is now another.
 */
function placementJobs(result: ResultState, ours: NotebookState, theirs: NotebookState) {
  const jobs: PlacementJob[] = [];
  for (const annotation of result.annotations.values()) {
    const article = result.articles.get(annotation.articleId);
    if (!article) continue;
    const came = result.fromTheirs.has(annotation.id);
    const own = came
      ? theirs.articles.get(result.theirArticleOf(annotation))
      : ours.articles.get(annotation.articleId);
    if (!came && (!own || currentBodyHash(own) === currentBodyHash(article))) continue;
    const source = own ?? article;
    const fromHash =
      source.revisions.find((r) => r.number === annotation.revision)?.bodyHash ??
      currentBodyHash(source);
    const current = article.revisions.at(-1)!;
    jobs.push({
      annotation,
      fromHash,
      fromRevision: article.revisions.findLast((r) => r.bodyHash === fromHash)?.number,
      toHash: current.bodyHash,
      toRevision: current.number,
    });
  }
  return jobs;
}

function changesOf(result: ResultState, ours: NotebookState, theirs: NotebookState) {
  const changes: Change[] = [];
  const added = zero();
  const updated = zero();
  const deleted = zero();
  for (const analyst of theirs.analysts.values()) {
    if (!ours.analysts.has(analyst.id)) {
      changes.push({ kind: 'put', collection: 'analysts', record: analyst });
    }
  }
  for (const event of theirs.codebookLog.values()) {
    if (!ours.codebookLog.has(event.id)) {
      changes.push({ kind: 'put', collection: 'codebookLog', record: event });
    }
  }
  const collect = <T extends Named>(
    collection: 'tags' | 'articles' | 'annotations',
    now: ReadonlyMap<string, T>,
    before: ReadonlyMap<string, T>,
  ) => {
    for (const [id, record] of now) {
      const was = before.get(id);
      if (was === record) continue;
      changes.push({ kind: 'put', collection, record } as unknown as Change);
      if (!was) added[collection]++;
      else if (result.fromTheirs.has(id)) updated[collection]++;
    }
    for (const id of before.keys()) {
      if (now.has(id)) continue;
      changes.push({ kind: 'delete', collection, id });
      deleted[collection]++;
    }
  };
  collect<Tag>('tags', result.tags, ours.tags);
  collect<ArticleRecord>('articles', result.articles, ours.articles);
  collect<Annotation>('annotations', result.annotations, ours.annotations);
  return { changes, added, updated, deleted };
}

export type { MergeConflict };
