// Packing for getArticleView: an article's body and annotations as the window gets them (see
// ArticleView in the contract). Exact: an annotation is sent without its quote only when that
// quote and its context are what the receiver will slice from the body.
import type { PackedAnnotation, PackedBody } from '../../shared/contract';
import type { Annotation, ArticleBody, BlockType, MarkType } from '../../shared/model';
import { QUOTE_CONTEXT } from '../anchoring/selectors';

/** Packed bodies by hash (a body never changes under its hash): re-opening packs nothing. */
const packedBodies = new Map<string, PackedBody>();
const KEEP_PACKED = 2;

export function packedBody(hash: string, body: ArticleBody): PackedBody {
  let packed = packedBodies.get(hash);
  if (packed) packedBodies.delete(hash);
  else packed = packBody(hash, body);
  packedBodies.set(hash, packed);
  for (const old of packedBodies.keys()) {
    if (packedBodies.size <= KEEP_PACKED) break;
    packedBodies.delete(old);
  }
  return packed;
}

export function packBody(hash: string, body: ArticleBody): PackedBody {
  const blockTypes: BlockType[] = [];
  const markTypes: MarkType[] = [];
  const hrefs: string[] = [];
  const indexIn = <T>(table: T[], value: T) => {
    const at = table.indexOf(value);
    return at === -1 ? table.push(value) - 1 : at;
  };
  const blocks: number[] = [];
  const blockAttrs: PackedBody['blockAttrs'] = [];
  let end = 0;
  body.blocks.forEach((block, i) => {
    blocks.push(indexIn(blockTypes, block.type), block.start - end, block.end - block.start);
    end = block.end;
    if (block.level !== undefined || block.number !== undefined || block.header) {
      blockAttrs.push([i, block.level ?? null, block.number ?? null, block.header === true]);
    }
  });
  const marks: number[] = [];
  for (const mark of body.marks) {
    const href = mark.href === undefined ? -1 : indexIn(hrefs, mark.href);
    marks.push(indexIn(markTypes, mark.type), mark.start, mark.end - mark.start, href);
  }
  return {
    hash,
    text: body.text,
    blocks,
    blockTypes,
    blockAttrs,
    marks,
    markTypes,
    hrefs,
    ...(body.places && { places: body.places }),
  };
}

/**
 * The body an annotation was last found sliceable against. Records are replaced, never changed,
 * so a record's verdict stands for as long as the record does: re-opening compares nothing.
 */
const sliceableIn = new WeakMap<Annotation, string>();

/** Whether the annotation's selectors are exactly what `text` (body `hash`) says at its place. */
function sliceable(annotation: Annotation, text: string, revision: number, hash: string): boolean {
  if (annotation.anchor !== 'anchored' || annotation.revision !== revision) return false;
  if (sliceableIn.get(annotation) === hash) return true;
  const [{ start, end }, quote] = annotation.selectors;
  const exact =
    end <= text.length &&
    quote.exact === text.slice(start, end) &&
    quote.prefix === text.slice(Math.max(0, start - QUOTE_CONTEXT), start) &&
    quote.suffix === text.slice(end, end + QUOTE_CONTEXT);
  if (exact) sliceableIn.set(annotation, hash);
  return exact;
}

type PackedRow = Extract<PackedAnnotation, unknown[]>;

/** Numbers each distinct value in the order first met: the packed rows hold the numbers. */
function numbering() {
  const values: string[] = [];
  const at = new Map<string, number>();
  return {
    values,
    indexOf(value: string): number {
      let i = at.get(value);
      if (i === undefined) at.set(value, (i = values.push(value) - 1));
      return i;
    },
  };
}

export function packAnnotations(
  annotations: Annotation[],
  body: { hash: string; text: string; revision: number },
): { annotations: PackedAnnotation[]; tagIds: string[]; analystIds: string[] } {
  const { hash, text, revision } = body;
  const tags = numbering();
  const analysts = numbering();
  const analyst = (id: string | undefined) => (id === undefined ? -1 : analysts.indexOf(id));
  const packed = annotations.map((a): PackedAnnotation => {
    if (!sliceable(a, text, revision, hash)) return a;
    const [{ start, end }] = a.selectors;
    const updated = a.updatedAt === a.createdAt ? 0 : a.updatedAt;
    const row: PackedRow = [
      a.id,
      start,
      end,
      a.tagIds.map(tags.indexOf),
      a.comment,
      a.createdAt,
      updated,
    ];
    // Who, only when someone is named: an older notebook's rows stay as short as they were.
    if (a.updatedBy !== undefined) row.push(analyst(a.createdBy), analyst(a.updatedBy));
    else if (a.createdBy !== undefined) row.push(analyst(a.createdBy));
    return row;
  });
  return { annotations: packed, tagIds: tags.values, analystIds: analysts.values };
}
