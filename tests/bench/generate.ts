// Deterministic bench data: a ~3 MB article of ~30k paragraphs, 10,000 annotations on it, and a
// revision with 1% of paragraphs edited or inserted, plus the ground truth of where each passage went;
// and 50 small articles beside it (a few paragraphs, up to 20 annotations, attributes), for the
// figures over the whole notebook (search, analysis).
import { describePassage } from '../../electron/core/anchoring/selectors';
import type { AnnotationSelectors, ArticleBody, Block } from '../../electron/shared/model';
import {
  AZERBAIJANI,
  COMMENTS,
  COMMON,
  COUNTRIES,
  CYRILLIC,
  EMOJI,
  ENGLISH,
  OUTLETS,
  TAG_NAMES,
} from './words';

export interface BenchOptions {
  seed: number;
  paragraphs: number;
  annotations: number;
  /** Share of paragraphs edited or followed by an inserted paragraph in the revision. */
  editShare: number;
  /** Small articles beside the big one, each with 0 to `smallAnnotations` annotations. */
  smallArticles: number;
  smallAnnotations: number;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  seed: 20240611,
  paragraphs: 30_000,
  annotations: 10_000,
  editShare: 0.01,
  smallArticles: 50,
  smallAnnotations: 20,
};

export interface BenchPassage {
  id: string;
  start: number;
  end: number;
  selectors: AnnotationSelectors;
  tagIndexes: number[];
  comment: string;
  /** What the generator made it as, for the curious (short, long, cross, overlap, common). */
  kind: PassageKind;
}

/** intact: none of its characters was touched, and this is where they are now. */
export type Truth = { intact: true; start: number; end: number } | { intact: false };

export interface BenchEdit {
  /** Offset in the old text, characters removed there, and what was put in their place. */
  at: number;
  removed: number;
  inserted: string;
  kind: 'replace-word' | 'insert-word' | 'delete-word' | 'new-paragraph' | 'copied-paragraph';
}

export interface BenchData {
  options: BenchOptions;
  title: string;
  body: ArticleBody;
  revised: ArticleBody;
  passages: BenchPassage[];
  truth: Map<string, Truth>;
  edits: BenchEdit[];
  tagNames: string[];
  small: SmallArticle[];
}

/** One of the small articles: its text, what the analyst noted about it, its annotations. */
export interface SmallArticle {
  title: string;
  /** Outlet, Country (left out of some) and Year: the tag-by-attribute matrix's columns. */
  attributes: Record<string, string>;
  body: ArticleBody;
  passages: BenchPassage[];
}

type PassageKind = 'short' | 'long' | 'cross' | 'overlap' | 'common';

/** mulberry32: tiny, fast and good enough to make the same article on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A uuid-shaped id, as the app makes, but reproducible. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
}

function word(rng: Random): string {
  const roll = rng.next();
  if (roll < 0.3) return rng.pick(COMMON);
  if (roll < 0.8) return rng.pick(ENGLISH);
  if (roll < 0.91) return rng.pick(AZERBAIJANI);
  if (roll < 0.97) return rng.pick(CYRILLIC);
  return rng.pick(EMOJI);
}

function sentence(rng: Random): string {
  const words = Array.from({ length: 4 + rng.int(12) }, () => word(rng));
  const first = words[0]!;
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(' ') + rng.pick(['.', '.', '.', '!', '?', ';', ' —', ':']);
}

const paragraph = (rng: Random) =>
  Array.from({ length: 1 + rng.int(2) }, () => sentence(rng)).join(' ');

/** Start offsets of the words of `text` (runs between single spaces), relative to the text. */
function wordStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) starts.push(i + 1);
  return starts;
}

const wordEnd = (text: string, start: number) => {
  const space = text.indexOf(' ', start);
  return space === -1 ? text.length : space;
};

export function generateBenchData(options: BenchOptions = DEFAULT_OPTIONS): BenchData {
  const rng = new Random(options.seed);
  const paras = Array.from({ length: options.paragraphs }, () => paragraph(rng));
  const body = bodyOf(paras);
  const { passages, annotated } = makePassages(rng, paras, body, options.annotations);
  const { revisedParas, edits } = makeRevision(rng, paras, body, options.editShare, annotated);
  const revised = bodyOf(revisedParas);
  const truth = groundTruth(passages, edits, body.text, revised.text);
  // Their own random stream: the big article, its annotations and its revision stay as they were
  // before the small articles were added, whatever their number.
  const small = makeSmallArticles(new Random(options.seed ^ 0x5a11), options);
  return {
    options,
    title: 'Bench: regional economy digest (synthetic)',
    body,
    revised,
    passages,
    truth,
    edits,
    tagNames: TAG_NAMES,
    small,
  };
}

function makeSmallArticles(rng: Random, options: BenchOptions): SmallArticle[] {
  return Array.from({ length: options.smallArticles }, (_, i) => {
    const paras = Array.from({ length: 3 + rng.int(6) }, () =>
      Array.from({ length: 2 + rng.int(3) }, () => sentence(rng)).join(' '),
    );
    const body = bodyOf(paras);
    const passages = Array.from({ length: rng.int(options.smallAnnotations + 1) }, () =>
      smallPassage(rng, paras, body),
    );
    const headline = Array.from({ length: 3 + rng.int(4) }, () => word(rng)).join(' ');
    const attributes: Record<string, string> = {
      Outlet: rng.pick(OUTLETS),
      Country: rng.pick(COUNTRIES),
      Year: String(2019 + rng.int(6)),
    };
    // Some articles never had a country noted: the matrix's "no value" column.
    if (rng.chance(0.1)) delete attributes.Country;
    return { title: `Brief ${i + 1}: ${headline}`, attributes, body, passages };
  });
}

/** A few words, or a paragraph's end, with one or two tags. */
function smallPassage(rng: Random, paras: string[], body: ArticleBody): BenchPassage {
  const i = rng.int(paras.length);
  const p = paras[i]!;
  const base = body.blocks[i]!.start;
  const starts = wordStarts(p);
  const a = rng.int(starts.length);
  const long = rng.chance(0.3);
  const b = long ? starts.length - 1 : Math.min(starts.length - 1, a + rng.int(6));
  const start = base + starts[a]!;
  const end = base + wordEnd(p, starts[b]!);
  const tagIndexes = [rng.int(TAG_NAMES.length)];
  if (rng.chance(0.3)) tagIndexes.push(rng.int(TAG_NAMES.length));
  return {
    id: rng.uuid(),
    start,
    end,
    selectors: describePassage(body.text, start, end),
    tagIndexes: [...new Set(tagIndexes)],
    comment: rng.pick(COMMENTS),
    kind: long ? 'long' : 'short',
  };
}

function bodyOf(paras: string[]): ArticleBody {
  const text = paras.join('\n\n');
  if (text !== text.normalize('NFC')) throw new Error('bench text is not NFC');
  const blocks: Block[] = [];
  let at = 0;
  for (const p of paras) {
    blocks.push({ type: 'paragraph', start: at, end: at + p.length });
    at += p.length + 2;
  }
  return { text, blocks, marks: [] };
}

function makePassages(
  rng: Random,
  paras: string[],
  body: ArticleBody,
  count: number,
): { passages: BenchPassage[]; annotated: number[] } {
  const passages: BenchPassage[] = [];
  const annotated: number[] = [];
  const startOf = (i: number) => body.blocks[i]!.start;
  while (passages.length < count) {
    const roll = rng.next();
    const i = rng.int(paras.length - 1);
    const p = paras[i]!;
    const starts = wordStarts(p);
    let span: [number, number] | undefined;
    let kind: PassageKind;
    if (roll < 0.1 && passages.length > 0) {
      // Overlaps another passage: starts inside it and runs on past its end, or sits inside it.
      kind = 'overlap';
      const other = rng.pick(passages);
      const inner = other.start + rng.int(Math.max(1, other.end - other.start - 1));
      let s = snapToWordStart(body.text, inner, other.start);
      // Landed on the gap between two paragraphs: begin at the next word instead.
      while (s < other.end && /\s/.test(body.text[s]!)) s++;
      const e = rng.chance(0.5) ? other.end : wordEnd(body.text, other.end + 1);
      if (s < e) span = [s, e];
    } else if (roll < 0.17) {
      kind = 'common';
      const common = starts.filter((s) => COMMON.includes(p.slice(s, wordEnd(p, s))));
      const s = common.length ? rng.pick(common) : undefined;
      if (s !== undefined) span = [startOf(i) + s, startOf(i) + wordEnd(p, s)];
    } else if (roll < 0.25) {
      // Across two paragraphs: from a word in this one to a word in the next.
      kind = 'cross';
      const next = paras[i + 1]!;
      const nextStarts = wordStarts(next);
      const s = starts[rng.int(starts.length)]!;
      const e = wordEnd(next, nextStarts[rng.int(Math.min(4, nextStarts.length))]!);
      span = [startOf(i) + s, startOf(i + 1) + e];
    } else if (roll < 0.4) {
      kind = 'long';
      const a = rng.int(Math.max(1, starts.length - 6));
      span = [startOf(i) + starts[a]!, startOf(i) + p.length];
    } else {
      kind = 'short';
      const a = rng.int(starts.length);
      const b = Math.min(starts.length - 1, a + rng.int(6));
      span = [startOf(i) + starts[a]!, startOf(i) + wordEnd(p, starts[b]!)];
    }
    if (!span) continue;
    const [start, end] = span;
    annotated.push(i);
    const tagIndexes = [rng.int(TAG_NAMES.length)];
    if (rng.chance(0.3)) tagIndexes.push(rng.int(TAG_NAMES.length));
    passages.push({
      id: rng.uuid(),
      start,
      end,
      selectors: describePassage(body.text, start, end),
      tagIndexes: [...new Set(tagIndexes)],
      comment: rng.pick(COMMENTS),
      kind,
    });
  }
  return { passages, annotated };
}

/** The start of the word `at` is in, but never before `floor`. */
function snapToWordStart(text: string, at: number, floor: number): number {
  let s = at;
  while (s > floor && text[s - 1] !== ' ' && text[s - 1] !== '\n') s--;
  return s;
}

function makeRevision(
  rng: Random,
  paras: string[],
  body: ArticleBody,
  share: number,
  annotated: number[],
) {
  // Half the edits land in annotated paragraphs, so that enough passages are damaged to test
  // that none of them is placed wrong without a flag.
  const chosen = new Set<number>();
  const wanted = Math.round(paras.length * share);
  while (chosen.size < wanted) {
    chosen.add(rng.chance(0.5) ? rng.pick(annotated) : rng.int(paras.length));
  }
  const edits: BenchEdit[] = [];
  const revisedParas: string[] = [];
  paras.forEach((p, i) => {
    if (!chosen.has(i)) return void revisedParas.push(p);
    const base = body.blocks[i]!.start;
    const roll = rng.next();
    if (roll < 0.3) {
      // A new paragraph after this one; a quarter of them repeat a nearby paragraph word for word,
      // the way re-imported pages repeat a headline or a pull quote.
      const copied = roll < 0.075;
      const text = copied ? paras[Math.max(0, i - rng.int(5))]! : paragraph(rng);
      revisedParas.push(p, text);
      const kind = copied ? 'copied-paragraph' : 'new-paragraph';
      edits.push({ at: base + p.length, removed: 0, inserted: `\n\n${text}`, kind });
      return;
    }
    const starts = wordStarts(p);
    const w = rng.int(starts.length);
    const s = starts[w]!;
    const e = wordEnd(p, s);
    let edit: Omit<BenchEdit, 'at'> & { local: number };
    if (roll < 0.55 || starts.length < 2) {
      let replacement = word(rng);
      while (replacement === p.slice(s, e)) replacement = word(rng);
      edit = { local: s, removed: e - s, inserted: replacement, kind: 'replace-word' };
    } else if (roll < 0.8) {
      edit = { local: s, removed: 0, inserted: `${word(rng)} `, kind: 'insert-word' };
    } else if (w === starts.length - 1) {
      edit = { local: s - 1, removed: e - s + 1, inserted: '', kind: 'delete-word' };
    } else {
      edit = { local: s, removed: e - s + 1, inserted: '', kind: 'delete-word' };
    }
    const { local, ...rest } = edit;
    revisedParas.push(p.slice(0, local) + rest.inserted + p.slice(local + rest.removed));
    edits.push({ at: base + local, ...rest });
  });
  return { revisedParas, edits };
}

/** Where each passage's characters are in the revision, if no edit touched them. */
function groundTruth(
  passages: BenchPassage[],
  edits: BenchEdit[],
  oldText: string,
  newText: string,
): Map<string, Truth> {
  const truth = new Map<string, Truth>();
  for (const passage of passages) {
    const { start: s, end: e } = passage;
    let shift = 0;
    let intact = true;
    for (const edit of edits) {
      const touches =
        edit.removed > 0 ? edit.at < e && edit.at + edit.removed > s : edit.at > s && edit.at < e;
      if (touches) {
        intact = false;
        break;
      }
      if (edit.at + edit.removed <= s) shift += edit.inserted.length - edit.removed;
    }
    if (!intact) {
      truth.set(passage.id, { intact: false });
      continue;
    }
    const moved = { intact: true as const, start: s + shift, end: e + shift };
    if (newText.slice(moved.start, moved.end) !== oldText.slice(s, e)) {
      throw new Error(`bench ground truth is wrong for passage ${passage.id}`);
    }
    truth.set(passage.id, moved);
  }
  return truth;
}
