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

export function adjudicationHandlers(ctx: ServiceContext): Pick<Handlers, 'adjudicate'> {
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
      let consensus = consensusAnalyst(state);
      if (!consensus) {
        consensus = {
          id: ctx.newId(),
          name: CONSENSUS_NAME,
          initials: CONSENSUS_INITIALS,
          color: freeColor(state.analysts.values()),
          createdAt: stamp,
          role: 'consensus',
        };
        changes.push({ kind: 'put', collection: 'analysts', record: consensus });
      }

      // A span the layer already has with this tag (an earlier decision kept the same passage)
      // is not made twice; two kept passages over the same span become one.
      const spanKey = (span: Span) => `${span.start}-${span.end}`;
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
  };
}
