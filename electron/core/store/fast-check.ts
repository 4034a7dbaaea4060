// A quick exact-shape test for annotations, the records notebook.json holds by the ten thousand:
// zod spends ~150 ms on 10k of them at a cold start, this a small fraction. zod stays the rule:
// anything not exactly in this shape goes through the full schema, which strips or refuses.
import { ANCHOR_STATES, type Annotation } from '../../shared/model';

// Every test here is at least as strict as the schema's, so passing it implies the schema would
// accept the record and give it back unchanged (tests/unit/core/store/fast-check.test.ts).
type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isOffset = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const isId = (v: unknown) => typeof v === 'string' && v.length > 0;
const anchors = new Set<unknown>(ANCHOR_STATES);

/**
 * `v` has exactly `count` keys; with the presence checks below, no key is unknown. Counted with
 * for-in, which allocates nothing (Object.keys costs twice the time, mostly in GC); it would also
 * count inherited keys, which can only make the test stricter.
 */
export function keyCount(v: Json, count: number): boolean {
  let n = 0;
  for (const _ in v) n++;
  return n === count;
}

function isPosition(v: unknown): boolean {
  return (
    isRecord(v) &&
    keyCount(v, 3) &&
    v.type === 'TextPositionSelector' &&
    isOffset(v.start) &&
    isOffset(v.end)
  );
}

function isQuote(v: unknown): boolean {
  return (
    isRecord(v) &&
    keyCount(v, 4) &&
    v.type === 'TextQuoteSelector' &&
    typeof v.exact === 'string' &&
    typeof v.prefix === 'string' &&
    typeof v.suffix === 'string'
  );
}

function isSpan(v: unknown): boolean {
  return isRecord(v) && keyCount(v, 2) && isOffset(v.start) && isOffset(v.end);
}

export function isCanonicalAnnotation(v: unknown): v is Annotation {
  if (!isRecord(v)) return false;
  const hasCandidate = Object.hasOwn(v, 'candidate');
  const hasCreator = Object.hasOwn(v, 'createdBy');
  const hasUpdater = Object.hasOwn(v, 'updatedBy');
  if (!keyCount(v, 9 + Number(hasCandidate) + Number(hasCreator) + Number(hasUpdater))) {
    return false;
  }
  const { selectors, tagIds, revision } = v;
  return (
    isId(v.id) &&
    isId(v.articleId) &&
    Array.isArray(selectors) &&
    selectors.length === 2 &&
    isPosition(selectors[0]) &&
    isQuote(selectors[1]) &&
    Number.isSafeInteger(revision) &&
    (revision as number) >= 1 &&
    Array.isArray(tagIds) &&
    tagIds.every(isId) &&
    typeof v.comment === 'string' &&
    typeof v.createdAt === 'string' &&
    typeof v.updatedAt === 'string' &&
    anchors.has(v.anchor) &&
    (!hasCandidate || isSpan(v.candidate)) &&
    (!hasCreator || isId(v.createdBy)) &&
    (!hasUpdater || isId(v.updatedBy))
  );
}

/**
 * A copy of an annotation that passed isCanonicalAnnotation: equal to JSON.parse of its JSON, key
 * order included, and sharing nothing with it, without the round trip (parsing back a commit of
 * 10k annotations took longer than writing it).
 */
export function copyCanonicalAnnotation(v: Annotation): Annotation {
  const source = v as unknown as Json;
  const copy: Json = {};
  for (const key in source) {
    const value = source[key];
    copy[key] =
      key === 'selectors'
        ? (value as Json[]).map((selector) => ({ ...selector }))
        : key === 'tagIds'
          ? [...(value as string[])]
          : key === 'candidate'
            ? { ...(value as Json) }
            : value;
  }
  return copy as unknown as Annotation;
}
