// Edits made inside an annotated passage (a word replaced, a number spelled out, a typo, a comma),
// light edits of its context, and copies that make it ambiguous; each knows where the passage is now.
import { editDistance } from '../../../../electron/core/anchoring/fuzzy';
import { QUOTE_CONTEXT } from '../../../../electron/core/anchoring/selectors';
import { EMOJI, EditedText, LOOKALIKES, NUMERALS, type Rng, isHigh, isLow, word } from './corpus';

export type PassageEditKind =
  | 'replaceWord'
  | 'edgeWord'
  | 'spellNumber'
  | 'insertChars'
  | 'deleteChars'
  | 'typo'
  | 'punctuation'
  | 'unicode';

export const PASSAGE_EDIT_KINDS: readonly PassageEditKind[] = [
  'replaceWord',
  'edgeWord',
  'spellNumber',
  'insertChars',
  'deleteChars',
  'typo',
  'punctuation',
  'unicode',
];

/** The share of a passage's code units an in-passage edit may change (its edit distance). */
export const EDIT_SHARE = 0.1;

/** Marks a copy made to be a rival: none of it is the passage. */
const COPY = -2;
/** Tags nothing: to find a passage by its own code units only. */
const UNTAGGED = -3;
/** Edits made beside a passage: a word, a letter or two, a typo, a comma, an emoji or a mark. */
const BESIDE_KINDS = [
  'replaceWord',
  'insertChars',
  'deleteChars',
  'typo',
  'punctuation',
  'unicode',
] as const satisfies readonly PassageEditKind[];
const WORDISH = /[\p{L}\p{M}\p{N}]/u;

export class AnnotatedText extends EditedText {
  /** The new-text stretch `duplicate` copied; the copy follows it. Nothing is edited after. */
  copied: [number, number] | undefined;

  /**
   * Where the passage old [start, end) is now: from the first to the last code unit that is one
   * of its own or was put in by an edit of it (tag). Null if nothing of it is left.
   */
  placeOf(tag: number, start: number, end: number): [number, number] | null {
    let lo = -1;
    let hi = -1;
    this.cells.forEach((cell, i) => {
      const own = cell.origin >= start && cell.origin < end && cell.tag !== COPY;
      if (!own && cell.tag !== tag) return;
      if (lo < 0) lo = i;
      hi = i + 1;
    });
    return lo < 0 ? null : [lo, hi];
  }

  /**
   * One to three edits of the given kind inside the passage, together changing at most
   * EDIT_SHARE of it (at least one code unit); false, and nothing changed, if none fits.
   */
  editPassage(tag: number, start: number, end: number, kind: PassageEditKind, rng: Rng): boolean {
    const exact = this.oldText.slice(start, end);
    const budget = Math.floor(exact.length * EDIT_SHARE);
    if (budget === 0) return false;
    let done = 0;
    for (let n = rng.between(1, 3); n > 0; n--) {
      const cells = this.cells.slice();
      const place = this.placeOf(tag, start, end);
      if (!place || !this.editOnce(kind, place, rng, tag)) continue;
      const now = this.placeOf(tag, start, end);
      const changed = now ? this.text.slice(now[0], now[1]) : '';
      const cost = editDistance(exact, changed);
      if (cost === 0 || cost > budget) this.cells = cells;
      else done++;
    }
    return done > 0 && this.placeOf(tag, start, end) !== null;
  }

  /** A light edit (a typo, a comma, a letter or two) in the context on one side of the passage. */
  editContext(tag: number, start: number, end: number, rng: Rng): boolean {
    const place = this.placeOf(tag, start, end);
    if (!place) return false;
    const before = rng.chance(0.5);
    const from = before ? Math.max(0, place[0] - QUOTE_CONTEXT) : place[1];
    const to = before ? place[0] : Math.min(this.cells.length, place[1] + QUOTE_CONTEXT);
    if (to - from < 4) return false;
    const kind = rng.pick(['typo', 'punctuation', 'insertChars', 'deleteChars'] as const);
    return this.editOnce(kind, [from, to], rng);
  }

  /**
   * Moves the paragraph holding the passage's start, or one beside it, next to another one: the
   * diff may then pair the paragraphs around it and take the edited one for new text.
   */
  moveNear(tag: number, start: number, end: number, rng: Rng): boolean {
    const place = this.placeOf(tag, start, end);
    if (!place) return false;
    const paras = this.paragraphs();
    const i = paras.findIndex(([ps, pe]) => place[0] >= ps && place[0] <= pe);
    const j = Math.min(paras.length - 1, Math.max(0, i + rng.pick([-1, 0, 0, 1])));
    return i >= 0 && this.moveParagraph(paras, ...paras[j]!, rng);
  }

  /**
   * One light edit in the passage's paragraph but outside it, `distance` code units or more
   * from one of its edges (the passage itself untouched); false if the paragraph has no room.
   */
  editBeside(start: number, end: number, distance: number, rng: Rng): boolean {
    const place = this.placeOf(UNTAGGED, start, end);
    if (!place) return false;
    const after = rng.chance(0.5);
    const width = rng.between(4, 16);
    const lo = after ? place[1] + distance - 1 : place[0] - distance - width;
    const hi = after ? lo + width : place[0] - distance + 1;
    if (lo < 0 || hi > this.cells.length || this.text.slice(lo, hi).includes('\n')) return false;
    const kind = rng.pick(BESIDE_KINDS);
    return this.editOnce(kind, [lo, hi], rng);
  }

  /**
   * Moves the passage (within one paragraph) into another paragraph, before one of its words:
   * its words survive, in new surroundings on both sides. Its code units are marked moved.
   */
  movePassage(start: number, end: number, rng: Rng): boolean {
    const place = this.placeOf(UNTAGGED, start, end);
    if (!place || this.text.slice(place[0], place[1]).includes('\n')) return false;
    const paras = this.paragraphs();
    const home = paras.findIndex(([ps, pe]) => place[0] >= ps && place[1] <= pe);
    if (home < 0 || paras.length < 3) return false;
    const cut = this.remove(place[0], place[1]);
    for (const cell of cut) cell.moved = true;
    cut.push({ c: ' ', origin: -1, moved: true, tag: -1 });
    // Another paragraph, found again after the cut; before one of its words.
    const [ts, te] = rng.pick(this.paragraphs().filter((_, i) => i !== home));
    const text = this.text;
    const starts = [ts];
    for (let i = ts + 1; i < te; i++) if (text[i - 1] === ' ' && text[i] !== ' ') starts.push(i);
    this.cells.splice(rng.pick(starts), 0, ...cut);
    this.moves++;
    return true;
  }

  /**
   * Puts a copy of the passage with its whole context right after that context: two places that
   * read the same, so any placement would be a guess.
   */
  duplicate(tag: number, start: number, end: number): boolean {
    const place = this.placeOf(tag, start, end);
    if (!place) return false;
    const from = place[0] - QUOTE_CONTEXT;
    const to = place[1] + QUOTE_CONTEXT;
    if (from < 0 || to > this.cells.length) return false;
    this.insert(to, this.text.slice(from, to), false, undefined, COPY);
    this.copied = [from, to];
    return true;
  }

  /** One edit strictly inside `place` (new-text cells); inserted code units get `tag`. */
  private editOnce(kind: PassageEditKind, [lo, hi]: [number, number], r: Rng, tag = -1) {
    const text = this.text;
    // Where a cut does not split a surrogate pair.
    const cuts: number[] = [];
    for (let i = lo + 1; i < hi; i++) if (!isLow(text, i)) cuts.push(i);
    const words = wordsIn(text, lo, hi);
    switch (kind) {
      case 'replaceWord':
      case 'edgeWord': {
        const inner = words.filter(([s, e]) => s > lo && e < hi);
        const edges = words.filter(([s, e]) => s === lo || e === hi);
        const pool = kind === 'edgeWord' ? edges : inner;
        if (pool.length === 0) return false;
        const [s, e] = r.pick(pool);
        const fresh = r.chance(0.5) ? word(r) : variant(text.slice(s, e), r);
        if (fresh === text.slice(s, e)) return false;
        this.replace(s, e, fresh, tag);
        return true;
      }
      case 'spellNumber': {
        const numbers = words.filter(([s, e]) => NUMERALS[text.slice(s, e)] !== undefined);
        if (numbers.length === 0) return false;
        const [s, e] = r.pick(numbers);
        this.replace(s, e, NUMERALS[text.slice(s, e)]!, tag);
        return true;
      }
      case 'insertChars': {
        if (cuts.length === 0) return false;
        this.insert(
          r.pick(cuts),
          r.pick(['s', 'e', 'an', ' a', 'ə', 'ing']),
          false,
          undefined,
          tag,
        );
        return true;
      }
      case 'deleteChars': {
        const at = r.between(lo, hi - 1);
        const to = Math.min(hi, at + r.between(1, 3));
        if (isLow(text, at) || isHigh(text, to - 1) || to - at >= hi - lo) return false;
        this.remove(at, to);
        return true;
      }
      case 'typo': {
        const letters = cuts.filter((i) => WORDISH.test(text[i]!) && WORDISH.test(text[i - 1]!));
        if (letters.length === 0) return false;
        const at = r.pick(letters);
        if (r.chance(0.5)) this.replace(at - 1, at + 1, text[at]! + text[at - 1]!, tag);
        else this.replace(at, at + 1, text[at] === 'x' ? 'y' : 'x', tag);
        return true;
      }
      case 'punctuation': {
        const spaces = cuts.filter((i) => text[i] === ' ' && WORDISH.test(text[i - 1]!));
        const marks = cuts.filter((i) => '.,!?…'.includes(text[i]!));
        if (marks.length && r.chance(0.4)) {
          const at = r.pick(marks);
          this.replace(at, at + 1, r.pick([';', ':', '', ' —']), tag);
        } else {
          if (spaces.length === 0) return false;
          this.insert(r.pick(spaces), ',', false, undefined, tag);
        }
        return true;
      }
      case 'unicode': {
        const spots = cuts.filter((i) => LOOKALIKES[text[i]!] || (isHigh(text, i) && i + 2 < hi));
        if (spots.length === 0 || r.chance(0.3)) {
          // A combining mark after a letter: one more code unit, the same letter to the eye.
          const letters = cuts.filter((i) => /\p{L}/u.test(text[i - 1]!));
          if (letters.length === 0) return false;
          this.insert(
            r.pick(letters),
            r.pick(['\u0301', '\u0323', '\u0307']),
            false,
            undefined,
            tag,
          );
          return true;
        }
        const at = r.pick(spots);
        if (isHigh(text, at)) {
          const fresh = r.pick(EMOJI.filter((e) => !e.startsWith(text.slice(at, at + 2))));
          this.replace(at, at + 2, fresh, tag);
        } else this.replace(at, at + 1, LOOKALIKES[text[at]!]!, tag);
        return true;
      }
    }
  }

  /** Replaces [from, to) by `s`, keeping the code units the two share at either end as they
   * are: "counci" for "council" deletes one letter, it does not retype six. */
  private replace(from: number, to: number, s: string, tag: number): void {
    const old = this.text.slice(from, to);
    let head = 0;
    while (head < old.length && head < s.length && old[head] === s[head]) head++;
    let tail = 0;
    while (
      tail < old.length - head &&
      tail < s.length - head &&
      old[old.length - 1 - tail] === s[s.length - 1 - tail]
    ) {
      tail++;
    }
    this.remove(from + head, to - tail);
    this.insert(from + head, s.slice(head, s.length - tail), false, undefined, tag);
  }
}

/** Whole words (runs of letters, marks and digits) inside [lo, hi). */
function wordsIn(text: string, lo: number, hi: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[\p{L}\p{M}\p{N}]+/gu;
  re.lastIndex = lo;
  for (let m = re.exec(text); m && m.index < hi; m = re.exec(text)) {
    const e = m.index + m[0].length;
    const whole = (m.index === 0 || !WORDISH.test(text[m.index - 1]!)) && e <= hi;
    if (whole) out.push([m.index, e]);
  }
  return out;
}

/** A word changed as an editor changes one: a plural, a letter dropped, a different ending. */
function variant(w: string, rng: Rng): string {
  const choice = rng.int(3);
  if (choice === 0) return w + 's';
  if (choice === 1 && w.length > 2) return w.slice(0, -1);
  return w.slice(0, Math.max(1, w.length - 2)) + rng.pick(['ed', 'er', 'ly']);
}
