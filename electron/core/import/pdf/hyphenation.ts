// Words hyphenated at a line end: "infor-" + "mation" is "information", but "self-" + "evident"
// is "self-evident". The rule, in order:
//  1. a soft hyphen (U+00AD) kept in the text only ever marks a break: drop it;
//  2. the next line starts with a capital or a digit ("Anglo-" "Saxon", "COVID-" "19"): keep;
//  3. the part before is itself a compound ("state-of-the-" "art"): keep;
//  4. the document itself decides when it can: the hyphenated form written elsewhere inside a
//     line keeps the hyphen, the joined form drops it;
//  5. a prefix English always hyphenates ("self-", "well-", "quasi-", "all-"): keep;
//  6. otherwise drop it: in set text most line-end hyphens are the typesetter's.

/** Hyphens a line may end with: hyphen-minus, Unicode hyphen (Chromium's soft hyphen), soft. */
export const LINE_END_HYPHEN = /(\p{L})([-\u2010\u00AD])$/u;

// Only prefixes no English word merely begins with at a hyphenation point: "ex-" is also
// "ex-ample", "pre-" "pre-sented", "cross-" "cross-ing".
const ALWAYS_HYPHENATED = new Set(['self', 'well', 'quasi', 'all']);

/** A word as the vocabulary keeps it (lower case): letters and digits, hyphens only inside. */
export const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?/gu;

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/\u2010/g, '-')
    .match(WORD) ?? [];

/**
 * Whether the hyphen ending `before` (the line's last word, hyphen included) stays when the
 * next line starts with `after`. `vocabulary` holds the document's words as written inside
 * lines (WORD, lower case).
 */
export function keepsHyphen(
  before: string,
  after: string,
  vocabulary: ReadonlySet<string>,
): boolean {
  const hyphen = before.at(-1);
  if (hyphen === '\u00AD') return false;
  if (/^[\p{Lu}\p{N}]/u.test(after)) return true;
  const head = words(before.slice(0, -1)).at(-1) ?? '';
  const tail = words(after)[0] ?? '';
  if (head.includes('-')) return true;
  if (vocabulary.has(`${head}-${tail}`)) return true;
  if (vocabulary.has(`${head}${tail}`)) return false;
  return ALWAYS_HYPHENATED.has(head);
}
