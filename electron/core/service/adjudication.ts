// Adjudication: one disagreement between two coders decided into the consensus layer, an analyst
// of its own (role 'consensus') that exports like any coder. The decision and the passages it
// makes are one commit, so one undo takes both back and the disagreement is open again.
import type { AdjudicateRequest, Disagreement, DisagreementPassage } from '../../shared/agreement';
import type { Handlers } from '../../shared/contract';
import {
  currentSpan,
  type Adjudication,
  type Analyst,
  type Annotation,
  type Span,
} from '../../shared/model';
import { describePassage } from '../anchoring/selectors';
import { conflict, notFound } from '../errors';
import type { Change, NotebookState } from '../store';
import { agreementHandlers } from './agreement';
import { currentAnalystId, freeColor } from './analysts';
import { loadArticleById } from './articles';
import { isoNow, type ServiceContext } from './context';
import { refuseWhileBlind } from './visibility';

export const CONSENSUS_NAME = 'Consensus';
export const CONSENSUS_INITIALS = 'CONS';

/** The consensus layer's analyst, if an adjudication made it already. */
export function consensusAnalyst(state: NotebookState): Analyst | undefined {
  for (const analyst of state.analysts.values()) if (analyst.role === 'consensus') return analyst;
  return undefined;
}

/** `<articleId>:<tagId>:<start>-<end>` taken apart (the schema has checked its form). */
function keyParts(key: string): { articleId: string; tagId: string } {
  const [articleId = '', tagId = ''] = key.split(':');
  return { articleId, tagId };
}

const STALE =
  'That disagreement is no longer open: the coding changed since it was listed, or it was already decided.';

/** The spans a choice keeps, each with the comments of the passages it came from. */
function keptSpans(
  disagreement: Disagreement,
  request: AdjudicateRequest,
): Array<{ span: Span; comments: string[] }> {
  const from = (passages: DisagreementPassage[]) =>
    passages.map((p) => ({ span: p.span, comments: [p.comment] }));
  switch (request.choice) {
    case 'a':
      return from(disagreement.a);
    case 'b':
      return from(disagreement.b);
    case 'both':
      return from([...disagreement.a, ...disagreement.b]);
    case 'neither':
      return [];
    case 'edit':
      return [
        {
          span: request.span!,
          comments: [...disagreement.a, ...disagreement.b].map((p) => p.comment),
        },
      ];
  }
}

/** Comments that say something, each once, in order. */
const joined = (comments: string[]) =>
  [...new Set(comments.map((c) => c.trim()).filter(Boolean))].join('\n\n');

const spanKey = (span: Span) => `${span.start}-${span.end}`;

/** The consensus layer's analyst; made (its put added to `changes`) on first use. */
function consensusLayer(ctx: ServiceContext, changes: Change[], stamp: string): Analyst {
  const existing = consensusAnalyst(ctx.store.state);
  if (existing) return existing;
  const made: Analyst = {
    id: ctx.newId(),
    name: CONSENSUS_NAME,
    initials: CONSENSUS_INITIALS,
    color: freeColor(ctx.store.state.analysts.values()),
    createdAt: stamp,
    role: 'consensus',
  };
  changes.push({ kind: 'put', collection: 'analysts', record: made });
  return made;
}

/** A passage both coders made alike: the span, the tags both gave it, and their comments. */
interface AgreedPassage {
  articleId: string;
  span: Span;
  tagIds: Set<string>;
  comments: string[];
}

/**
 * The spans A and B both coded exactly, per article, with the tags they share there (a coder's
 * several passages over one span count as one, with all their tags).
 */
function agreedPassages(state: NotebookState, [a, b]: [string, string]): AgreedPassage[] {
  const bySpan = new Map<string, { a?: AgreedPassage; b?: AgreedPassage }>();
  for (const annotation of state.annotations.values()) {
    const side = annotation.createdBy === a ? 'a' : annotation.createdBy === b ? 'b' : null;
    const span = currentSpan(annotation);
    if (!side || !span || span.start >= span.end) continue;
    const key = `${annotation.articleId}:${spanKey(span)}`;
    const entry = bySpan.get(key) ?? {};
    const passage = (entry[side] ??= {
      articleId: annotation.articleId,
      span,
      tagIds: new Set(),
      comments: [],
    });
    for (const tagId of annotation.tagIds) passage.tagIds.add(tagId);
    passage.comments.push(annotation.comment);
    bySpan.set(key, entry);
  }
  const agreed: AgreedPassage[] = [];
  for (const { a: ofA, b: ofB } of bySpan.values()) {
    if (!ofA || !ofB) continue;
    const shared = [...ofA.tagIds].filter((t) => ofB.tagIds.has(t) && state.tags.has(t));
    if (shared.length === 0) continue;
    agreed.push({ ...ofA, tagIds: new Set(shared), comments: [...ofA.comments, ...ofB.comments] });
  }
  return agreed;
}

export function adjudicationHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'adjudicate' | 'copyAgreedPassages'> {
  const { store } = ctx;
  const { state } = store;
  const { getDisagreements } = agreementHandlers(ctx);

  /** The disagreement `key` names, if it is still open between these coders now. */
  async function openDisagreement(request: AdjudicateRequest): Promise<Disagreement> {
    for (const id of request.coders) {
      if (!state.analysts.has(id)) throw notFound('That coder');
    }
    const { articleId, tagId } = keyParts(request.key);
    // Deleted since it was listed: the disagreement went with it.
    if (!state.articles.has(articleId) || !state.tags.has(tagId)) throw conflict(STALE);
    const open = await getDisagreements({
      coders: request.coders,
      articleId,
      tagId,
      ...(request.unit && { unit: request.unit }),
    });
    const found = open.find((d) => d.key === request.key);
    if (!found) throw conflict(STALE);
    return found;
  }

  return {
    async adjudicate(request) {
      await refuseWhileBlind(ctx, 'Adjudication');
      const disagreement = await openDisagreement(request);
      const article = await loadArticleById(ctx, disagreement.articleId);
      const text = article.text;
      if (request.choice === 'edit') {
        const { start, end } = request.span!;
        if (end > text.length || start >= end) {
          throw conflict('That span is not inside the article’s text.');
        }
        if (text.slice(start, end).trim() === '') {
          throw conflict('Keep some text, not only white space.');
        }
        if (end <= disagreement.span.start || start >= disagreement.span.end) {
          throw conflict('The edited span must cover some of the disagreement’s stretch.');
        }
      }

      const changes: Change[] = [];
      const stamp = isoNow(ctx);
      const consensus = consensusLayer(ctx, changes, stamp);

      // A span the layer already has with this tag (an earlier decision kept the same passage)
      // is not made twice; two kept passages over the same span become one.
      const held = new Set<string>();
      for (const a of state.annotations.values()) {
        const span = currentSpan(a);
        if (
          span &&
          a.createdBy === consensus.id &&
          a.articleId === disagreement.articleId &&
          a.tagIds.includes(disagreement.tagId)
        ) {
          held.add(spanKey(span));
        }
      }
      const wanted = new Map<string, { span: Span; comments: string[] }>();
      for (const kept of keptSpans(disagreement, request)) {
        const key = spanKey(kept.span);
        if (held.has(key)) continue;
        const same = wanted.get(key);
        if (same) same.comments.push(...kept.comments);
        else wanted.set(key, { span: kept.span, comments: [...kept.comments] });
      }

      const made: Annotation[] = [...wanted.values()].map(({ span, comments }) => {
        // A passage whose text moved past the end since (a revision) can't be copied.
        if (span.end > text.length || span.start >= span.end) throw conflict(STALE);
        return {
          id: ctx.newId(),
          articleId: disagreement.articleId,
          selectors: describePassage(text, span.start, span.end),
          revision: article.revision,
          tagIds: [disagreement.tagId],
          comment: joined(comments),
          createdAt: stamp,
          updatedAt: stamp,
          anchor: 'anchored',
          createdBy: consensus.id,
        };
      });
      for (const record of made) changes.push({ kind: 'put', collection: 'annotations', record });

      const by = currentAnalystId(ctx);
      const decision: Adjudication = {
        id: request.key,
        articleId: disagreement.articleId,
        tagId: disagreement.tagId,
        coders: request.coders,
        choice: request.choice,
        annotationIds: made.map((a) => a.id),
        at: stamp,
        ...(by !== undefined && { by }),
      };
      changes.push({ kind: 'put', collection: 'adjudications', record: decision });
      await store.commit(changes);
      return { consensusId: consensus.id, annotationIds: decision.annotationIds };
    },

    async copyAgreedPassages({ coders }) {
      await refuseWhileBlind(ctx, 'Copying agreed passages');
      for (const id of coders) {
        if (!state.analysts.has(id)) throw notFound('That coder');
      }
      const changes: Change[] = [];
      const stamp = isoNow(ctx);
      const consensus = consensusLayer(ctx, changes, stamp);
      // What the layer holds already, span by span: a tag it has there is not copied again.
      const held = new Map<string, Set<string>>();
      for (const annotation of state.annotations.values()) {
        const span = currentSpan(annotation);
        if (!span || annotation.createdBy !== consensus.id) continue;
        const key = `${annotation.articleId}:${spanKey(span)}`;
        const tags = held.get(key) ?? new Set<string>();
        for (const tagId of annotation.tagIds) tags.add(tagId);
        held.set(key, tags);
      }
      const texts = new Map<string, { text: string; revision: number }>();
      const made: Annotation[] = [];
      for (const passage of agreedPassages(state, coders)) {
        const have = held.get(`${passage.articleId}:${spanKey(passage.span)}`);
        const tagIds = [...passage.tagIds].filter((t) => !have?.has(t));
        if (tagIds.length === 0) continue;
        let article = texts.get(passage.articleId);
        if (!article) {
          const loaded = await loadArticleById(ctx, passage.articleId);
          article = { text: loaded.text, revision: loaded.revision };
          texts.set(passage.articleId, article);
        }
        const { start, end } = passage.span;
        if (end > article.text.length) continue;
        made.push({
          id: ctx.newId(),
          articleId: passage.articleId,
          selectors: describePassage(article.text, start, end),
          revision: article.revision,
          tagIds,
          comment: joined(passage.comments),
          createdAt: stamp,
          updatedAt: stamp,
          anchor: 'anchored',
          createdBy: consensus.id,
        });
      }
      if (made.length === 0) {
        return { consensusId: consensusAnalyst(state)?.id ?? '', annotationIds: [] };
      }
      for (const record of made) changes.push({ kind: 'put', collection: 'annotations', record });
      await store.commit(changes);
      return { consensusId: consensus.id, annotationIds: made.map((a) => a.id) };
    },
  };
}
