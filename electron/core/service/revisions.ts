// New revisions of an article (an edit in the app, or a newer version imported over it): the old
// text is kept, and every annotation is re-anchored onto the new text or flagged for review. The
// new body and the re-anchoring are made in core workers (an edit's in two at once); this side
// stores the body meanwhile, then commits the revision and every annotation's new place at once.
import type { Annotation, ArticleRecord } from '../../shared/model';
import type { Handlers, RevisionOutcome } from '../../shared/contract';
import { packAnnotations } from '../export/packed-annotations';
import { describePassage } from '../anchoring/selectors';
import type { Change } from '../store';
import { placementAt, type PackedPlacements, type Placement } from '../workers/placements';
import type { ReviseInput, RevisedBody } from '../workers/tasks';
import {
  asBadFile,
  currentRevision,
  findArticle,
  keepOriginal,
  latestOriginal,
  noOriginal,
  summarise,
} from './articles';
import { isoNow, workersOf, type ServiceContext } from './context';
import { due, nextTurn, timeSlicer } from '../turns';
import { updatedNow } from './analysts';
import { blindFilter } from './visibility';

/** The article's annotations by the revision their selectors describe (one pass, no copying). */
function byRevision(ctx: ServiceContext, articleId: string): Map<number, Annotation[]> {
  const groups = new Map<number, Annotation[]>();
  for (const a of ctx.store.state.annotations.values()) {
    if (a.articleId !== articleId) continue;
    const group = groups.get(a.revision);
    if (group) group.push(a);
    else groups.set(a.revision, [a]);
  }
  return groups;
}

/** An annotation in the place re-anchoring found for it in revision `number` of `text`. */
function placed(annotation: Annotation, result: Placement, text: string, number: number) {
  const { candidate: _old, ...rest } = annotation;
  if (result.state === 'anchored') {
    return {
      ...rest,
      selectors: describePassage(text, result.start!, result.end!),
      revision: number,
      anchor: 'anchored',
    } satisfies Annotation;
  }
  if (result.state === 'orphaned') return { ...rest, anchor: 'orphaned' } satisfies Annotation;
  return {
    ...rest,
    anchor: result.state,
    candidate: { start: result.start!, end: result.end! },
  } satisfies Annotation;
}

async function addRevision(
  ctx: ServiceContext,
  record: ArticleRecord,
  change: ReviseInput['change'],
  reason: 'edit' | 'reimport',
): Promise<RevisionOutcome> {
  const { store } = ctx;
  const current = currentRevision(record);
  // Read (and checked, with the newer-version verdict) as the reader reads it, then handed to the
  // worker as the file's bytes.
  const currentBody = await store.getBody(current.bodyHash);
  const currentFile = await store.getBodyFile(current.bodyHash);

  // Each annotation is re-anchored from the revision its selectors describe: anchored ones from
  // the current revision, ones still awaiting review from wherever they were made.
  const groups: Annotation[][] = [];
  const sources: ReviseInput['sources'] = [];
  const slicer = timeSlicer();
  for (const [revisionNumber, annotations] of byRevision(ctx, record.id)) {
    const from = record.revisions.find((r) => r.number === revisionNumber);
    if (!from) continue;
    const text =
      from.number === current.number ? undefined : (await store.getBody(from.bodyHash)).text;
    groups.push(annotations);
    sources.push({
      ...(text !== undefined && { text }),
      annotations: await packAnnotations(annotations, slicer),
    });
  }

  let revised: RevisedBody | undefined;
  let stored: Promise<string> | undefined;
  // An edit's new text is known before its body is made: its annotations are re-anchored in a
  // second worker meanwhile (tasks.ts reanchorEdit). A re-import's text comes out of the import.
  const apart = change.kind === 'edit';
  const input: ReviseInput = {
    current: currentFile,
    title: record.title,
    change,
    sources: apart ? [] : sources,
  };
  // Asked for first: the body is the longer task, and takes the worker that is up already.
  const revising = workersOf(ctx).run('revise', input, (body) => {
    // Stored while the worker re-anchors; an unused body on disk is harmless (content-addressed).
    // Its bytes are parsed meanwhile too (BodyStore.put): the text each annotation's new place
    // is described in below, and the window's next look at the article, found parsed.
    revised = body;
    stored = store.putBody(body.body, { readAhead: true });
  });
  const reanchoring = apart
    ? workersOf(ctx).run('reanchorEdit', {
        currentText: currentBody.text,
        editedText: change.text,
        sources,
      })
    : undefined;
  // Heard below, once the body is made; a body refused first (nothing changed) is the answer.
  reanchoring?.catch(() => undefined);
  let placements: PackedPlacements;
  try {
    ({ placements } = await revising);
    if (reanchoring) ({ placements } = await reanchoring);
  } catch (error) {
    throw change.kind === 'reimport' ? asBadFile(error, change.fileName) : error;
  }
  if (!revised || !stored) throw new Error('The revision’s body never arrived from the worker.');
  const bodyHash = await stored;
  // The parse started with the write, usually done by now (get() shares it).
  const { text } = await store.getBody(bodyHash);
  const original =
    change.kind === 'reimport' && revised.originalHash
      ? await keepOriginal(ctx, change, revised.originalHash)
      : undefined;

  const stamp = isoNow(ctx);
  const number = current.number + 1;
  const { encoding: _previous, ...kept } = record;
  const next: ArticleRecord = {
    ...(change.kind === 'reimport' ? kept : record),
    title: revised.title,
    ...(revised.format && { format: revised.format }),
    ...(revised.legacyEncoding && { encoding: revised.legacyEncoding }),
    revisions: [
      ...record.revisions,
      { number, createdAt: stamp, reason, bodyHash, ...(original && { original }) },
    ],
    ...updatedNow(ctx),
  };

  const counts = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  // Blind coding: every annotation moves with the text, but only the analyst's own are counted.
  const visible = await blindFilter(ctx);
  const changes: Change[] = [{ kind: 'put', collection: 'articles', record: next }];
  for (let g = 0; g < groups.length; g++) {
    const annotations = groups[g]!;
    const results = placements[g]!;
    for (let i = 0; i < annotations.length; i++) {
      const result = placementAt(results, i);
      if (!visible || visible(annotations[i]!)) counts[result.state]++;
      changes.push({
        kind: 'put',
        collection: 'annotations',
        record: placed(annotations[i]!, result, text, number),
      });
      // Ten thousand records take a while to build: let a save or a paint's call through. Looked
      // at often: the first records, built by code not yet optimised, took 8 ms per 256.
      if ((i & 31) === 31 && due()) await nextTurn();
    }
  }
  // The records were made for this commit and nothing here touches them again.
  await store.commit(changes, { handOver: true });
  const review = counts.moved + counts.fuzzy + counts.orphaned;
  return {
    article: summarise(next, { annotations: review + counts.anchored, review }),
    ...counts,
  };
}

export function revisionHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'editArticle' | 'reimportArticle' | 'rereadOriginal'> {
  const { state } = ctx.store;
  return {
    editArticle: ({ id, text }) =>
      addRevision(ctx, findArticle(state, id), { kind: 'edit', text }, 'edit'),

    // The details are the analyst's (they may have corrected them); only a title that was the
    // old headline follows the new one, and the format and encoding are the new file's.
    reimportArticle: ({ id, fileName, bytes, encoding }) =>
      addRevision(
        ctx,
        findArticle(state, id),
        { kind: 'reimport', fileName, bytes, ...(encoding && { encoding }) },
        'reimport',
      ),

    // A better importer than the one that first read the file: the kept bytes, read again.
    async rereadOriginal({ id }) {
      const record = findArticle(state, id);
      const original = latestOriginal(record);
      if (!original) throw noOriginal();
      const bytes = await ctx.store.getOriginal(original.hash);
      return addRevision(
        ctx,
        record,
        { kind: 'reimport', fileName: original.name, bytes },
        'reimport',
      );
    },
  };
}
