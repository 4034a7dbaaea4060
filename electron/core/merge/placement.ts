// Annotations made on one text, placed in another with the re-anchoring engine (as a revision
// places them): exactly carried over stays anchored in the new text; moved, fuzzy and orphaned
// keep their selectors on the text they were made on and wait in the review list.
import type { Annotation } from '../../shared/model';
import { describePassage, reanchor, type AnchorResult } from '../anchoring';

export interface PlacementCounts {
  moved: number;
  fuzzy: number;
  orphaned: number;
}

/** Where an annotation is to go: from the text its selectors describe to the article's current one. */
export interface PlacementJob {
  annotation: Annotation;
  fromHash: string;
  /** The revision number (in the article it goes to) whose text `fromHash` is, when it has it. */
  fromRevision: number | undefined;
  toHash: string;
  toRevision: number;
}

/**
 * Places every job; texts come from `text` (by body hash). One engine run per pair of texts, as
 * a revision runs one per source revision.
 */
export async function placeAll(
  jobs: readonly PlacementJob[],
  text: (hash: string) => Promise<string | undefined>,
  counts: PlacementCounts,
): Promise<Annotation[]> {
  const placed: Annotation[] = [];
  const groups = new Map<string, PlacementJob[]>();
  for (const job of jobs) {
    if (job.fromHash === job.toHash) {
      placed.push({ ...job.annotation, revision: job.toRevision });
      continue;
    }
    const key = `${job.fromHash}>${job.toHash}`;
    const group = groups.get(key);
    if (group) group.push(job);
    else groups.set(key, [job]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const [from, to] = await Promise.all([text(first.fromHash), text(first.toHash)]);
    // A text neither notebook can read places nothing: its passages wait for re-attaching.
    const results: AnchorResult[] =
      from === undefined || to === undefined
        ? group.map(({ annotation }) => ({ id: annotation.id, state: 'orphaned' }))
        : reanchor(
            from,
            to,
            group.map(({ annotation }) => ({ id: annotation.id, selectors: annotation.selectors })),
          );
    group.forEach((job, i) => {
      const result = results[i]!;
      if (result.state !== 'anchored') counts[result.state]++;
      placed.push(placedAt(job, result, to ?? ''));
    });
  }
  return placed;
}

function placedAt(job: PlacementJob, result: AnchorResult, to: string): Annotation {
  const { candidate: _old, ...rest } = job.annotation;
  if (result.state === 'anchored') {
    return {
      ...rest,
      selectors: describePassage(to, result.start!, result.end!),
      revision: job.toRevision,
      anchor: 'anchored',
    };
  }
  // The selectors still describe the text it was made on: that revision when the article has
  // it, else the current one (as an imported passage not found exactly does).
  const revision = job.fromRevision ?? job.toRevision;
  if (result.state === 'orphaned') return { ...rest, revision, anchor: 'orphaned' };
  return {
    ...rest,
    revision,
    anchor: result.state,
    candidate: { start: result.start!, end: result.end! },
  };
}
