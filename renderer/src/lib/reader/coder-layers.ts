// Coders' layers as plain data: each coder's key, name, initials, colour and line style, which
// coders a choice of layers shows, and, comparing two, which passages meet the other coder's.
// The state (lib/state/coders.svelte.ts), the reader's highlights and the panel share these.
import { currentSpan, type Analyst, type Annotation } from '../../../../electron/shared/model';

export const CODER_MODES = ['all', 'one', 'compare'] as const;
export type CoderMode = (typeof CODER_MODES)[number];

/** The key of annotations that name no coder (made before analysts were, or by one not known). */
export const UNKNOWN_CODER = 'unknown-coder';

/** The lines a coder's passages are marked with, in turn; a fifth coder starts again. */
export const LINE_STYLES = ['solid', 'dashed', 'dotted', 'double'] as const;
export type LineStyle = (typeof LINE_STYLES)[number] | 'wavy';

export interface Coder {
  key: string;
  name: string;
  initials: string;
  /** #rrggbb */
  color: string;
  style: LineStyle;
  /** Stable per notebook: the reader's highlight for this coder is nb-coder-<slot>. */
  slot: number;
}

const UNKNOWN_COLOR = '#8a8a8a';

/** The notebook's coders in the order they were first named, then the unknown coder. */
export function codersOf(all: readonly Analyst[]): Coder[] {
  const named = [...all].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const coders: Coder[] = named.map((a, slot) => ({
    key: a.id,
    name: a.name,
    initials: a.initials || '?',
    color: a.color,
    style: LINE_STYLES[slot % LINE_STYLES.length]!,
    slot,
  }));
  coders.push({
    key: UNKNOWN_CODER,
    name: 'Unknown coder',
    initials: '?',
    color: UNKNOWN_COLOR,
    style: 'wavy',
    slot: coders.length,
  });
  return coders;
}

/** Which layers are shown: `keyOf` says whose an annotation is. */
export interface CoderView {
  mode: CoderMode;
  /** mode 'one': the coder shown. */
  one: string;
  /** mode 'compare': the two coders, the first drawn above the line, the second below. */
  pair: readonly [string, string];
}

/** Whether `view` shows annotations of coder `key`. */
export function showsCoder(view: CoderView, key: string): boolean {
  if (view.mode === 'one') return key === view.one;
  if (view.mode === 'compare') return key === view.pair[0] || key === view.pair[1];
  return true;
}

/**
 * Comparing two coders: the ids of the annotations whose passage shares text with some passage of
 * the other coder's (in `list`, whatever else it holds). Orphans have no place and share nothing.
 */
export function meetingOther(
  list: readonly Annotation[],
  keyOf: (annotation: Annotation) => string,
  pair: readonly [string, string],
): Set<string> {
  const sides: [Array<[number, number, string]>, Array<[number, number, string]>] = [[], []];
  for (const annotation of list) {
    const side = pair.indexOf(keyOf(annotation));
    const span = annotation.anchor === 'orphaned' ? null : currentSpan(annotation);
    if (side !== -1 && span && span.end > span.start) {
      sides[side]!.push([span.start, span.end, annotation.id]);
    }
  }
  const meeting = new Set<string>();
  for (const [own, other] of [
    [sides[0], sides[1]],
    [sides[1], sides[0]],
  ] as const) {
    const runs = mergedRuns(other);
    for (const [start, end, id] of own) {
      // The first run of the other coder's that ends after this passage starts.
      let lo = 0;
      let hi = runs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (runs[mid]![1] <= start) lo = mid + 1;
        else hi = mid;
      }
      if (lo < runs.length && runs[lo]![0] < end) meeting.add(id);
    }
  }
  return meeting;
}

/** The stretches the spans cover, disjoint and in order. */
function mergedRuns(spans: ReadonlyArray<readonly [number, number, ...unknown[]]>) {
  const sorted = [...spans].sort((x, y) => x[0] - y[0]);
  const runs: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = runs.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else runs.push([start, end]);
  }
  return runs;
}
