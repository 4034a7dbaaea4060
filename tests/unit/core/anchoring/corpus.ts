// Seeded documents and edits for the property tests, with ground truth: every code unit
// remembers where it was in the old text, so we know which passages survived and where.

/** mulberry32: tiny, fast, and the same sequence for the same seed everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const VOCABULARY = {
  en: 'the of and to in a is was that for forum trade discussed analyst report revision market policy water river city council annual budget members agreed later closed',
  az: 'şəhər ölkə gözəl çay ağac İstanbul Iğdır müəllim kitab dünya bu və bir ilə üçün görə Bakı iqtisadiyyat şirkət gənclər ağıllı öyrənmək çörək',
  ar: 'مرحبا كِتَاب العالم مدينة سلام الماء السوق تقرير',
  he: 'שלום ספר עולם מַיִם עיר שוק דוח',
  mixed: '😀 👍🏽 🇦🇿 🎉 🧪 ə\u0301 x\u0323 ı\u0307 2019 2024 3.5% “quoted” (aside)',
} as const;
const WORDS = Object.fromEntries(
  Object.entries(VOCABULARY).map(([k, v]) => [k, v.split(' ')]),
) as Record<keyof typeof VOCABULARY, string[]>;
export const COMMON_WORDS = ['the', 'of', 'and', 'bir', 'və', 'bu', 'a'];

export function word(rng: Rng): string {
  const lang = rng.pick(['en', 'en', 'en', 'az', 'az', 'ar', 'he', 'mixed'] as const);
  return rng.pick(WORDS[lang]);
}

/** Numerals and how they are spelled out, for edits that spell a number out ("40 events"). */
export const NUMERALS: Readonly<Record<string, string>> = {
  '3': 'three',
  '7': 'seven',
  '12': 'twelve',
  '15': 'fifteen',
  '40': 'forty',
  '60': 'sixty',
  '2': 'two',
  '90': 'ninety',
};

/** `numbers`: some words are numerals (off by default, so that older seeds keep their text). */
export function sentence(rng: Rng, numbers = false): string {
  const words: string[] = [];
  for (let n = rng.between(3, 14); n > 0; n--) {
    const w = numbers && rng.chance(0.12) ? rng.pick(Object.keys(NUMERALS)) : word(rng);
    words.push(w + (rng.chance(0.08) ? ',' : ''));
  }
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + rng.pick(['.', '.', '.', '!', '?', '…']);
}

export function paragraph(rng: Rng, numbers = false): string {
  // A few very short paragraphs ("Yes.") keep ambiguity in play.
  if (rng.chance(0.04)) return rng.pick(['Yes.', 'No.', 'Bəli.', '* * *', 'نعم.']);
  const sentences: string[] = [];
  for (let n = rng.between(1, 4); n > 0; n--) sentences.push(sentence(rng, numbers));
  return sentences.join(' ');
}

export function documentText(rng: Rng, paragraphs: number, numbers = false): string {
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) out.push(paragraph(rng, numbers));
  return out.join('\n\n');
}

/** One UTF-16 code unit of the new text, with its old offset (-1: inserted), whether a
 * paragraph move carried it, and for inserted code units the annotation whose passage an edit
 * put them in (-1: none), so that the passage's new place is known even where its edges changed. */
export interface Cell {
  c: string;
  origin: number;
  moved: boolean;
  tag: number;
}

export type EditKind =
  | 'insertParagraph'
  | 'deleteParagraph'
  | 'replaceParagraph'
  | 'moveParagraph'
  | 'splitParagraph'
  | 'mergeParagraphs'
  | 'insertWord'
  | 'deleteWord'
  | 'replaceWord'
  | 'whitespace'
  | 'punctuation'
  | 'unicode';

export const EDIT_KINDS: readonly EditKind[] = [
  'insertParagraph',
  'deleteParagraph',
  'replaceParagraph',
  'moveParagraph',
  'splitParagraph',
  'mergeParagraphs',
  'insertWord',
  'deleteWord',
  'replaceWord',
  'whitespace',
  'punctuation',
  'unicode',
];

export const LOOKALIKES: Record<string, string> = {
  ı: 'i',
  ə: 'e',
  ş: 's',
  ü: 'u',
  ö: 'o',
  ç: 'c',
  ğ: 'g',
  İ: 'I',
  e: 'ə',
  a: 'ä',
};
export const EMOJI = ['😀', '👍🏽', '🇦🇿', '🎉', '🧪', '😅'];

/** The old text as cells; edits rewrite it while every surviving code unit keeps its origin. */
export class EditedText {
  protected cells: Cell[];
  moves = 0;

  constructor(readonly oldText: string) {
    this.cells = [...Array(oldText.length).keys()].map((i) => ({
      c: oldText[i]!,
      origin: i,
      moved: false,
      tag: -1,
    }));
  }

  get text(): string {
    return this.cells.map((cell) => cell.c).join('');
  }

  /** Paragraph ranges [start, end) in cells, between "\n\n" separators. */
  protected paragraphs(): Array<[number, number]> {
    const text = this.text;
    const out: Array<[number, number]> = [];
    let start = 0;
    for (let at = text.indexOf('\n\n'); at !== -1; at = text.indexOf('\n\n', start)) {
      out.push([start, at]);
      start = at + 2;
    }
    out.push([start, text.length]);
    return out;
  }

  protected insert(at: number, s: string, moved = false, origins?: number[], tag = -1): void {
    const cells = s.split(''); // code units, as offsets count them
    this.cells.splice(
      at,
      0,
      ...cells.map((c, i) => ({ c, origin: origins?.[i] ?? -1, moved, tag })),
    );
  }

  protected remove(start: number, end: number): Cell[] {
    return this.cells.splice(start, end - start);
  }

  /** Applies one edit of the given kind; false if it found nothing to apply to, or if the text
   * came out the same (a paragraph moved back to where it was would only swap separators). */
  apply(kind: EditKind, rng: Rng): boolean {
    const before = this.text;
    const cells = this.cells.slice();
    const moves = this.moves;
    if (this.edit(kind, rng) && this.text !== before) return true;
    this.cells = cells;
    this.moves = moves;
    return false;
  }

  private edit(kind: EditKind, rng: Rng): boolean {
    const paras = this.paragraphs();
    const [ps, pe] = rng.pick(paras);
    const text = this.text;
    const spaces: number[] = [];
    for (let i = ps; i < pe; i++) if (text[i] === ' ') spaces.push(i);
    switch (kind) {
      case 'insertParagraph': {
        if (rng.chance(0.5)) this.insert(pe, '\n\n' + paragraph(rng));
        else this.insert(ps, paragraph(rng) + '\n\n');
        return true;
      }
      case 'deleteParagraph': {
        if (paras.length < 2) return false;
        if (pe < text.length) this.remove(ps, pe + 2);
        else this.remove(ps - 2, pe);
        return true;
      }
      case 'replaceParagraph': {
        const fresh = paragraph(rng);
        if (fresh === text.slice(ps, pe)) return false;
        this.remove(ps, pe);
        this.insert(ps, fresh);
        return true;
      }
      case 'moveParagraph':
        return this.moveParagraph(paras, ps, pe, rng);
      case 'splitParagraph': {
        if (spaces.length === 0) return false;
        const at = rng.pick(spaces);
        this.remove(at, at + 1);
        this.insert(at, '\n\n');
        return true;
      }
      case 'mergeParagraphs': {
        if (pe >= text.length) return false;
        this.remove(pe, pe + 2);
        this.insert(pe, ' ');
        return true;
      }
      case 'insertWord': {
        const at = spaces.length ? rng.pick(spaces) : pe;
        this.insert(at, ' ' + word(rng));
        return true;
      }
      case 'deleteWord':
      case 'replaceWord': {
        if (spaces.length === 0) return false;
        const from = rng.pick(spaces);
        let to = text.indexOf(' ', from + 1);
        if (to === -1 || to > pe) to = pe;
        if (kind === 'deleteWord') {
          this.remove(from, to);
          return true;
        }
        const fresh = word(rng);
        if (fresh === text.slice(from + 1, to)) return false;
        this.remove(from + 1, to);
        this.insert(from + 1, fresh);
        return true;
      }
      case 'whitespace': {
        if (spaces.length === 0) return false;
        const at = rng.pick(spaces);
        const choice = rng.int(3);
        if (choice === 0) this.insert(at, ' ');
        else if (choice === 1) this.remove(at, at + 1);
        else {
          this.remove(at, at + 1);
          this.insert(at, '\n');
        }
        return true;
      }
      case 'punctuation': {
        const marks: number[] = [];
        for (let i = ps; i < pe; i++) if ('.,!?…'.includes(text[i]!)) marks.push(i);
        if (marks.length && rng.chance(0.6)) {
          const at = rng.pick(marks);
          const next = rng.pick(['.', ',', ';', '!', '', ' —']);
          if (next === text[at]) return false;
          this.remove(at, at + 1);
          this.insert(at, next);
        } else {
          if (spaces.length === 0) return false;
          this.insert(rng.pick(spaces), ',');
        }
        return true;
      }
      case 'unicode': {
        const spots: number[] = [];
        for (let i = ps; i < pe; i++) if (LOOKALIKES[text[i]!] || isHigh(text, i)) spots.push(i);
        if (spots.length === 0 || rng.chance(0.2)) {
          if (spaces.length === 0) return false;
          const at = rng.pick(spaces) - 1;
          if (isLow(text, at)) return false;
          this.insert(at + 1, rng.pick(['\u0301', '\u0323', '\u0307']));
          return true;
        }
        const at = rng.pick(spots);
        if (isHigh(text, at)) {
          const old = text.slice(at, at + 2);
          const fresh = rng.pick(EMOJI.filter((e) => !e.startsWith(old)));
          this.remove(at, at + 2);
          this.insert(at, fresh);
        } else {
          const fresh = LOOKALIKES[text[at]!]!;
          this.remove(at, at + 1);
          this.insert(at, fresh);
        }
        return true;
      }
    }
  }

  /** Moves the paragraph [ps, pe) next to another one; its cells keep what they know. */
  protected moveParagraph(
    paras: ReadonlyArray<[number, number]>,
    ps: number,
    pe: number,
    rng: Rng,
  ): boolean {
    if (paras.length < 3) return false;
    const end = this.cells.length;
    const cut = pe < end ? this.remove(ps, pe + 2) : this.remove(ps - 2, pe);
    const body = (pe < end ? cut.slice(0, -2) : cut.slice(2)).map((c) => ({ ...c, moved: true }));
    const [ts, te] = rng.pick(this.paragraphs());
    const after = rng.chance(0.5);
    const gap = () => ({ c: '\n', origin: -1, moved: true, tag: -1 });
    const moved = after ? [gap(), gap(), ...body] : [...body, gap(), gap()];
    this.cells.splice(after ? te : ts, 0, ...moved);
    this.moves++;
    return true;
  }

  /** Where each old code unit is now (-1: gone), and whether a move carried it there. */
  truth(): { text: string; position: Int32Array; moved: Uint8Array } {
    const position = new Int32Array(this.oldText.length).fill(-1);
    const moved = new Uint8Array(this.oldText.length);
    this.cells.forEach((cell, i) => {
      if (cell.origin >= 0) {
        position[cell.origin] = i;
        moved[cell.origin] = cell.moved ? 1 : 0;
      }
    });
    return { text: this.text, position, moved };
  }
}

export function isHigh(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLow(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}
