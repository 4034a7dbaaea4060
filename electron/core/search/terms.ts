// Words as search sees them: where each word of a text is, the form it is compared in, and what
// a typed query asks for. The index and the code that finds matches inside a hit's text use
// these same functions, so a word the index matched is always found again where it is.

/** A word of a text: where it is, and its folded form. */
export interface Word {
  start: number;
  end: number;
  folded: string;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Letters (with their combining marks) and digits; everything else separates words. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/**
 * The form words are compared in: case and accents aside, so "Şuşa" finds "susa" and "İlham"
 * finds "ilham". The dotless ı is folded to i too: Azerbaijani and Turkish writers drop the dot
 * in Latin-only text, and a search for "Baki" should find "Bakı".
 */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  // Most words of most articles are plain ASCII: nothing to decompose (the index folds every word).
  if (ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').normalize('NFC');
}

/** Every word of `text` with its offsets (UTF-16, as the store counts). */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = fold(match[0]);
    if (folded !== '')
      words.push({ start: match.index, end: match.index + match[0].length, folded });
  }
  return words;
}

/** The folded words alone, as the index takes them (every word of every article: kept lean). */
export function foldedWordsOf(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = fold(match[0]);
    if (folded !== '') words.push(folded);
  }
  return words;
}

/**
 * Shorter words are found whole only: a word's beginning of one or two letters matches a good
 * share of every word in the notebook, which is slow to gather and no use to read.
 */
export const PREFIX_FROM = 3;

/**
 * One word of a query: a bare word of PREFIX_FROM letters or more matches the words it begins;
 * a shorter one, or a word of a phrase, matches itself only.
 */
export interface QueryWord {
  folded: string;
  prefix: boolean;
}

/**
 * What the analyst typed, in order: bare words and quoted phrases (straight or curly quotes; an
 * unclosed quote runs to the end). `phrases` say which consecutive words must stand together.
 */
export interface ParsedQuery {
  words: QueryWord[];
  /** Runs of `words` (start index, length) that must be consecutive in the text. */
  phrases: Array<{ from: number; length: number }>;
}

const QUOTES = /["“”„«»]/;

export function parseQuery(query: string): ParsedQuery {
  const words: QueryWord[] = [];
  const phrases: ParsedQuery['phrases'] = [];
  const parts = query.split(QUOTES);
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1;
    const found = foldedWordsOf(part);
    if (quoted && found.length > 1) phrases.push({ from: words.length, length: found.length });
    for (const folded of found) {
      words.push({ folded, prefix: !quoted && [...folded].length >= PREFIX_FROM });
    }
  });
  return { words, phrases };
}

export const wordMatches = (word: QueryWord, folded: string): boolean =>
  word.prefix ? folded.startsWith(word.folded) : folded === word.folded;

/**
 * Where the query's words are in a text's words: every word that matches one of them (for
 * highlighting), as offsets into `words`. A query word of a phrase counts only where the whole
 * phrase stands.
 */
export function matchingWords(words: readonly Word[], query: ParsedQuery): number[] {
  const inPhrase = new Set<number>();
  for (const { from, length } of query.phrases) {
    for (let i = 0; i + length <= words.length; i++) {
      let all = true;
      for (let k = 0; k < length && all; k++) {
        all = wordMatches(query.words[from + k]!, words[i + k]!.folded);
      }
      if (all) for (let k = 0; k < length; k++) inPhrase.add(i + k);
    }
  }
  const phraseWord = new Set(
    query.phrases.flatMap(({ from, length }) => Array.from({ length }, (_, k) => from + k)),
  );
  const loose = query.words.filter((_, i) => !phraseWord.has(i));
  const found: number[] = [];
  words.forEach((word, i) => {
    if (inPhrase.has(i) || loose.some((q) => wordMatches(q, word.folded))) found.push(i);
  });
  return found;
}

/** Whether a text holds every word of the query, and each phrase as a phrase. */
export function holdsQuery(words: readonly Word[], query: ParsedQuery): boolean {
  const hits = new Set(matchingWords(words, query).map((i) => words[i]!.folded));
  return query.words.every((q) => [...hits].some((folded) => wordMatches(q, folded)));
}

/**
 * Every place where the query's words stand together in order, as word index runs: what "code
 * all hits" codes. "gas pipeline" finds "Gas pipelines"; a single word finds each word it begins.
 */
export function queryRuns(words: readonly Word[], query: ParsedQuery): Array<[number, number]> {
  const n = query.words.length;
  const runs: Array<[number, number]> = [];
  if (n === 0) return runs;
  for (let i = 0; i + n <= words.length; i++) {
    let all = true;
    for (let k = 0; k < n && all; k++) all = wordMatches(query.words[k]!, words[i + k]!.folded);
    if (all) {
      runs.push([i, i + n - 1]);
      i += n - 1;
    }
  }
  return runs;
}
