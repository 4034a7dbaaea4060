// How a property-test case edits its text: random edits of every kind, or edits made on purpose
// inside annotated passages (with the passages they edited, whose fate the tests then check).
import { EDIT_KINDS, type EditKind, type Rng } from './corpus';
import type { AnnotatedText, PassageEditKind } from './passage-edits';

/** A passage a scenario edited on purpose: spans[index], edited as `kind`. */
export interface Target {
  index: number;
  kind: PassageEditKind;
  /** A copy of it with its context was put right after it. */
  duplicated: boolean;
}

export interface Scenario {
  /** Documents with numerals in them, to spell out (older scenarios keep their texts). */
  numbers?: boolean;
  edit(rng: Rng, edited: AnnotatedText, spans: ReadonlyArray<[number, number]>): Target[];
}

export const randomEdits = (kinds: readonly EditKind[], maxEdits: number): Scenario => ({
  edit(rng, edited) {
    for (let n = rng.between(1, maxEdits); n > 0; n--) edited.apply(rng.pick(kinds), rng);
    return [];
  },
});

export interface PassageEditOptions {
  kinds: readonly PassageEditKind[];
  /** Random edits of any kind made afterwards, anywhere: at most this many. */
  elsewhere?: number;
  /** Chance that an edited passage's context is lightly edited too. */
  contextShare?: number;
  /** Chance that its paragraph, or one beside it, then moves. */
  moveShare?: number;
  /** One passage only, edited and then copied with its context: it reads the same twice. */
  duplicate?: boolean;
}

/** Edits inside up to four annotated passages, with what else the options ask for. */
export function passageEdits(options: PassageEditOptions): Scenario {
  const { kinds, elsewhere = 0, contextShare = 0, moveShare = 0, duplicate = false } = options;
  return {
    numbers: true,
    edit(rng, edited, spans) {
      const targets: Target[] = [];
      for (let n = duplicate ? 8 : rng.between(1, 4); n > 0; n--) {
        const index = rng.int(spans.length);
        const [start, end] = spans[index]!;
        const kind = rng.pick(kinds);
        if (targets.some((t) => t.index === index)) continue;
        if (!edited.editPassage(index, start, end, kind, rng)) continue;
        if (rng.chance(contextShare)) edited.editContext(index, start, end, rng);
        if (rng.chance(moveShare)) edited.moveNear(index, start, end, rng);
        const duplicated = duplicate && edited.duplicate(index, start, end);
        targets.push({ index, kind, duplicated });
        if (duplicated) break;
      }
      for (let n = rng.int(elsewhere + 1); n > 0; n--) edited.apply(rng.pick(EDIT_KINDS), rng);
      return targets;
    },
  };
}

/**
 * Light edits in the paragraphs of annotated passages, beside them: closer than TRUSTED_MARGIN,
 * within their stored context, or further, on either side. The passages themselves survive.
 */
export const besideEdits = (maxEdits: number): Scenario => ({
  edit(rng, edited, spans) {
    for (let n = rng.between(1, maxEdits); n > 0; n--) {
      const [start, end] = spans[rng.int(spans.length)]!;
      const distance = rng.pick([rng.between(0, 7), rng.between(8, 31), rng.between(32, 80)]);
      edited.editBeside(start, end, distance, rng);
    }
    return [];
  },
});

/** Annotated passages moved into other paragraphs: their words survive, out of their context. */
export const movedPassages = (maxMoves: number): Scenario => ({
  edit(rng, edited, spans) {
    for (let n = rng.between(1, maxMoves); n > 0; n--) {
      const [start, end] = spans[rng.int(spans.length)]!;
      edited.movePassage(start, end, rng);
    }
    return [];
  },
});
