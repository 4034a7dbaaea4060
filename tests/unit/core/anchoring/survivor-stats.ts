// Statistics on passages that survived an edit whole, for the property tests. "Untouched passages
// in edited paragraphs": a passage whose own code units survived in place, in a paragraph an edit
// changed elsewhere, by how much of its context survived with it; one that kept TRUSTED_MARGIN of
// context on each side is where it was, letter for letter, with enough around it to trust, so it
// should come back anchored. "Distinctive quotes out of context": a passage moved away from all
// of its context whose words occur once in the new text; it should come back moved, exactly.
import type { AnchorResult } from '../../../../electron/core/anchoring';
import { TRUSTED_MARGIN } from '../../../../electron/core/anchoring/reanchor';
import { QUOTE_CONTEXT } from '../../../../electron/core/anchoring/selectors';
import { contextAgreement } from '../../../../electron/core/anchoring/match-quote';
import { distinctive } from '../../../../electron/core/anchoring/match-unique';
import { byState } from './target-checks';

export const editedParagraphStats = {
  /** Its whole stored context (QUOTE_CONTEXT a side) intact too: the edit is further away. */
  contextKept: byState(),
  /** Only TRUSTED_MARGIN..QUOTE_CONTEXT of context intact on the nearer side: the edit is close. */
  marginKept: byState(),
  /** An edit closer than TRUSTED_MARGIN: flagged by design (the diff's last characters before a
   * change may agree by chance), unless the text around still agrees that far. */
  marginLost: byState(),
};

/** What one case tells about one passage: where each old code unit is now, whether moves happened. */
export interface ParagraphCase {
  oldText: string;
  newText: string;
  position: Int32Array;
  moved: Uint8Array;
  moves: number;
}

/**
 * Counts `result` if old [start, end) is an untouched passage in an edited paragraph; returns
 * which bucket it fell in, or null. A passage across paragraphs, or any case where a paragraph
 * moved, is left out: there "the same paragraph" is not well defined.
 */
export function countEditedParagraph(
  c: ParagraphCase,
  start: number,
  end: number,
  result: AnchorResult,
): keyof typeof editedParagraphStats | null {
  const { oldText, newText, position, moved, moves } = c;
  if (moves > 0 || end <= start || oldText.slice(start, end).includes('\n')) return null;
  const at = position[start]!;
  const inPlace = (k: number) => position[k] === at + k - start && !moved[k];
  // Context up to `reach` on each side, counting a text edge as agreeing (if it is one now too).
  const sideKept = (reach: number) => {
    for (let k = start - reach; k < end + reach; k++) {
      if (k < 0 || k >= oldText.length) continue;
      if (!inPlace(k)) return false;
    }
    const before = Math.min(reach, start);
    const after = Math.min(reach, oldText.length - end);
    return (
      (before === reach || at === before) &&
      (after === reach || at + end - start + after === newText.length)
    );
  };
  if (at < 0 || !sideKept(0)) return null;
  const paragraph = (text: string, from: number, to: number) => {
    const lo = text.lastIndexOf('\n', from - 1) + 1;
    const nl = text.indexOf('\n', to);
    return text.slice(lo, nl === -1 ? text.length : nl);
  };
  const shift = at - start;
  if (paragraph(oldText, start, end) === paragraph(newText, start + shift, end + shift))
    return null;
  const bucket = sideKept(QUOTE_CONTEXT)
    ? 'contextKept'
    : sideKept(TRUSTED_MARGIN)
      ? 'marginKept'
      : 'marginLost';
  editedParagraphStats[bucket][result.state]++;
  return bucket;
}

/** Agreeing context code units that still count as none: a space each side, a letter by chance. */
const LITTLE_CONTEXT = 4;

export const soleQuoteStats = {
  /** Survived whole, context gone on both sides, words once in each text: by state. */
  states: byState(),
  /** Of those placed, how many exactly where the passage is now. */
  exact: 0,
};

/**
 * Counts `result` if old [start, end) survived whole (not necessarily in place), next to no
 * context it had, and its quote is distinctive and occurs once in the old text and once in the
 * new. Returns whether it counted.
 */
export function countSoleQuote(
  c: ParagraphCase,
  start: number,
  end: number,
  result: AnchorResult,
): boolean {
  const { oldText, newText, position } = c;
  const exact = oldText.slice(start, end);
  const at = position[start]!;
  if (at < 0 || !distinctive(exact)) return false;
  for (let k = start; k < end; k++) if (position[k] !== at + k - start) return false;
  const once = (text: string) => {
    const first = text.indexOf(exact);
    return first >= 0 && text.indexOf(exact, first + 1) < 0;
  };
  if (!once(oldText) || !once(newText)) return false;
  // Neither side reads as before, but for a space or so: not enough to find it by its context.
  const quote = {
    prefix: oldText.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: oldText.slice(end, end + QUOTE_CONTEXT),
  };
  if (contextAgreement(newText, at, at + end - start, quote) > LITTLE_CONTEXT) return false;
  soleQuoteStats.states[result.state]++;
  if (result.start === at && result.end === at + end - start) soleQuoteStats.exact++;
  return true;
}
