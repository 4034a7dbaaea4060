// Annotations as they travel to the export worker: their numbers in one Float64Array and their
// strings in one list, instead of 10k object graphs, which structured clone walks object by object
// (~100 ms of the main thread for 10k; a typed array is one copy of its bytes, a string nearly).
// Exact: unpacking gives every field back as it was.
import { ANCHOR_STATES, type Annotation } from '../../shared/model';

export interface PackedAnnotations {
  count: number;
  /** Strings that repeat (article and tag ids), numbered in order of first use. */
  words: string[];
  /** The numbers of each annotation in turn (see packAnnotations for their order). */
  numbers: Float64Array;
  /**
   * The other strings of each annotation in turn, as they are: joining them into one would copy
   * every character on the main thread, and structured clone copies a string's bytes anyway.
   */
  strings: string[];
}

/** Every field of an annotation is packed: a field added to the model fails to compile here. */
type PackedField =
  | 'id'
  | 'articleId'
  | 'selectors'
  | 'revision'
  | 'tagIds'
  | 'comment'
  | 'createdAt'
  | 'updatedAt'
  | 'anchor'
  | 'candidate'
  | 'createdBy'
  | 'updatedBy';
const _everyField: Record<Exclude<keyof Annotation, PackedField>, never> = {};
void _everyField;

/** How many annotations are packed between two looks at the clock. */
const CHECK_EVERY = 128;

/**
 * Packs `annotations` in order. `due` is asked now and then whether the main thread has worked
 * long enough; when it says so, `pause` is awaited before going on.
 */
export async function packAnnotations(
  annotations: readonly Annotation[],
  slicer: { due(): boolean; pause(): Promise<void> } = NEVER_DUE,
): Promise<PackedAnnotations> {
  const words: string[] = [];
  const wordIndex = new Map<string, number>();
  const word = (value: string) => {
    let at = wordIndex.get(value);
    if (at === undefined) wordIndex.set(value, (at = words.push(value) - 1));
    return at;
  };
  // Written straight into a typed array: pushing onto a plain array and copying it costs as much
  // again. An annotation without tags has 12 numbers (14 with a candidate), one more a tag.
  let numbers = new Float64Array(annotations.length * PER_ANNOTATION);
  let n = 0;
  const strings: string[] = [];
  for (let i = 0; i < annotations.length; i++) {
    if (i % CHECK_EVERY === 0 && i > 0 && slicer.due()) await slicer.pause();
    const a = annotations[i]!;
    const [position, quote] = a.selectors;
    const anchor = ANCHOR_STATES.indexOf(a.anchor);
    if (anchor === -1) throw new Error(`An annotation has an unknown anchor state: ${a.anchor}.`);
    const same = a.updatedAt === a.createdAt;
    if (n + PER_ANNOTATION + a.tagIds.length > numbers.length) {
      const grown = new Float64Array(
        Math.max(numbers.length * 2, n + PER_ANNOTATION + a.tagIds.length),
      );
      grown.set(numbers.subarray(0, n));
      numbers = grown;
    }
    numbers[n++] = word(a.articleId);
    numbers[n++] = a.revision;
    numbers[n++] = anchor;
    numbers[n++] = position.start;
    numbers[n++] = position.end;
    if (a.candidate) {
      numbers[n++] = 1;
      numbers[n++] = a.candidate.start;
      numbers[n++] = a.candidate.end;
    } else {
      numbers[n++] = 0;
    }
    numbers[n++] = same ? 1 : 0;
    // The analysts are words too (a few ids, repeated), numbered from 1: 0 is "none recorded".
    numbers[n++] = a.createdBy === undefined ? 0 : word(a.createdBy) + 1;
    numbers[n++] = a.updatedBy === undefined ? 0 : word(a.updatedBy) + 1;
    numbers[n++] = a.tagIds.length;
    for (const id of a.tagIds) numbers[n++] = word(id);
    strings.push(a.id, quote.exact, quote.prefix, quote.suffix, a.comment, a.createdAt);
    if (!same) strings.push(a.updatedAt);
  }
  return { count: annotations.length, words, numbers: numbers.slice(0, n), strings };
}

/** Numbers of an annotation without tags, with a candidate: the most one takes before its tags. */
const PER_ANNOTATION = 14;

const NEVER_DUE = { due: () => false, pause: () => Promise.resolve() };

/** The annotations packAnnotations packed, equal to them field by field and in their order. */
export function unpackAnnotations(packed: PackedAnnotations): Annotation[] {
  const { words, numbers, strings } = packed;
  const out: Annotation[] = [];
  let n = 0;
  let s = 0;
  for (let i = 0; i < packed.count; i++) {
    const articleId = words[numbers[n++]!]!;
    const revision = numbers[n++]!;
    const anchor = ANCHOR_STATES[numbers[n++]!]!;
    const start = numbers[n++]!;
    const end = numbers[n++]!;
    const candidate = numbers[n++] === 1 ? { start: numbers[n++]!, end: numbers[n++]! } : undefined;
    const same = numbers[n++] === 1;
    const createdBy = numbers[n++]!;
    const updatedBy = numbers[n++]!;
    const tagIds: string[] = [];
    for (let t = numbers[n++]!; t > 0; t--) tagIds.push(words[numbers[n++]!]!);
    const id = strings[s++]!;
    const exact = strings[s++]!;
    const prefix = strings[s++]!;
    const suffix = strings[s++]!;
    const comment = strings[s++]!;
    const createdAt = strings[s++]!;
    const updatedAt = same ? createdAt : strings[s++]!;
    const annotation: Annotation = {
      id,
      articleId,
      selectors: [
        { type: 'TextPositionSelector', start, end },
        { type: 'TextQuoteSelector', exact, prefix, suffix },
      ],
      revision,
      tagIds,
      comment,
      createdAt,
      updatedAt,
      anchor,
    };
    if (candidate) annotation.candidate = candidate;
    if (createdBy > 0) annotation.createdBy = words[createdBy - 1]!;
    if (updatedBy > 0) annotation.updatedBy = words[updatedBy - 1]!;
    out.push(annotation);
  }
  if (n !== numbers.length || s !== strings.length) {
    throw new Error('Packed annotations arrived damaged.');
  }
  return out;
}
