// The rule for passages the in-passage scenarios edited on purpose, and what became of them: a
// light edit inside, context kept or lightly edited, must come back fuzzy where the passage now is.
import type { AnchorResult } from '../../../../electron/core/anchoring';
import {
  approximateMatches,
  editDistance,
  errorsAfter,
  errorsBefore,
} from '../../../../electron/core/anchoring/fuzzy';
import type { TextQuoteSelector } from '../../../../electron/shared/model';
import { EDIT_SHARE, type AnnotatedText } from './passage-edits';
import type { Target } from './scenarios';

type State = AnchorResult['state'];
export const byState = (): Record<State, number> => ({
  anchored: 0,
  moved: 0,
  fuzzy: 0,
  orphaned: 0,
});

/** A candidate must share this much of the passage's true new place, and of itself with it. */
export const MOST = 0.8;
/** Context edits counted as light: a typo or a comma on one side still leaves it recognisable. */
export const LIGHT_CONTEXT_ERRORS = 4;
/** Real ambiguities (another place reads as close) allowed to orphan, as a share of the cases. */
export const MAX_AMBIGUOUS = 0.03;

export const editedStats = {
  /** Edited by at most EDIT_SHARE, context intact or lightly edited: must be found. */
  expected: byState(),
  /** Of those, orphaned where another place reads as close (a real ambiguity, allowed). */
  ambiguous: 0,
  /** Of those, how many were short (40 code units or fewer), crossed a paragraph break, held an
   * emoji or a combining mark, or had their context edited too: the cases the rule must cover. */
  covering: { short: 0, acrossParagraphs: 0, emojiOrMarks: 0, contextEdited: 0 },
  /** Of the found ones, the candidate exactly the passage's new place. */
  exactBounds: 0,
  /** Lowest share of the true place (and of the candidate) the two had in common. */
  worstCoverage: 1,
  /** Edited past what the rule covers (edits elsewhere also hit it or its context). */
  beyond: byState(),
  /** Copied with its context, so that it reads the same in two places: must be orphaned. */
  duplicated: byState(),
};

export interface TargetCase {
  edited: AnnotatedText;
  newText: string;
  spans: ReadonlyArray<[number, number]>;
  quotes: readonly TextQuoteSelector[];
  results: readonly AnchorResult[];
}

/**
 * The rule for a passage edited inside by at most EDIT_SHARE of its length, whose context
 * survived or was only lightly edited: it comes back fuzzy (moved if its old text is in fact
 * still there whole), with a candidate covering most of where it is now; never orphaned unless
 * another place reads as close to the stored quote and context. One copied with its context
 * reads the same in two places and must be orphaned.
 */
export function checkTargets(
  { edited, newText, spans, quotes, results }: TargetCase,
  targets: readonly Target[],
  fail: (index: number, problem: string, truth: number) => void,
): void {
  for (const { index, duplicated } of targets) {
    const [start, end] = spans[index]!;
    const quote = quotes[index]!;
    const result = results[index]!;
    const place = edited.placeOf(index, start, end);
    if (!place) continue;
    const [ts, te] = place;
    const problem = (text: string) => fail(index, text, ts);
    if (duplicated) {
      editedStats.duplicated[result.state]++;
      if (result.state !== 'orphaned') problem('reads the same in two places, but placed');
      continue;
    }
    // Moved or not (the passage's paragraph, or one past it): what counts is how it reads now.
    const quoteErrors = editDistance(quote.exact, newText.slice(ts, te));
    const contextErrors =
      sideErrors(quote.prefix, newText, ts, -1) + sideErrors(quote.suffix, newText, te, 1);
    const covered =
      quoteErrors <= Math.floor(quote.exact.length * EDIT_SHARE) &&
      contextErrors <= LIGHT_CONTEXT_ERRORS;
    if (!covered) {
      editedStats.beyond[result.state]++;
      continue;
    }
    editedStats.expected[result.state]++;
    const { covering } = editedStats;
    if (quote.exact.length <= 40) covering.short++;
    if (quote.exact.includes('\n\n')) covering.acrossParagraphs++;
    if (/[\p{M}\u{10000}-\u{10ffff}]/u.test(newText.slice(ts, te) + quote.exact))
      covering.emojiOrMarks++;
    if (contextErrors > 0) covering.contextEdited++;
    if (result.state === 'orphaned') {
      if (rivalPlace(quote, newText, ts, te, quoteErrors + contextErrors)) {
        editedStats.ambiguous++;
      } else problem('edited lightly, context kept, but orphaned');
      continue;
    }
    const { start: s, end: e } = result as Required<AnchorResult>;
    const common = Math.max(0, Math.min(e, te) - Math.max(s, ts));
    const coverage = Math.min(common / (te - ts), e > s ? common / (e - s) : 0);
    editedStats.worstCoverage = Math.min(editedStats.worstCoverage, coverage);
    if (s === ts && e === te) editedStats.exactBounds++;
    if (coverage < MOST) problem(`candidate covers ${coverage.toFixed(2)} of where it is now`);
    // Moved is right only where the old text is still there whole (a letter added at an edge).
    if (result.state !== 'fuzzy' && newText.slice(s, e) !== quote.exact) {
      problem(`${result.state} on edited text`);
    }
  }
}

/** Fewest edits turning the stored context into the text beside `at` (before it: side -1). */
function sideErrors(context: string, text: string, at: number, side: -1 | 1): number {
  if (context.length === 0) return 0;
  return side < 0 ? errorsBefore(context, text, at) : errorsAfter(context, text, at);
}

/**
 * Whether some place other than [ts, te) reads at least as close to the stored quote with its
 * context as the passage's true place does (`errors`): then orphaning it is the rule, not a miss.
 */
function rivalPlace(
  quote: TextQuoteSelector,
  text: string,
  ts: number,
  te: number,
  errors: number,
): boolean {
  const maxErrors = Math.min(errors, quote.exact.length);
  return approximateMatches(quote.exact, text, 0, text.length, maxErrors, Infinity).some(
    (m) =>
      (m.end <= ts || m.start >= te) &&
      m.errors +
        sideErrors(quote.prefix, text, m.start, -1) +
        sideErrors(quote.suffix, text, m.end, 1) <=
        errors,
  );
}
