// File names for exports: a slug of the title plus the export date, safe to save on Windows,
// macOS and Linux alike (no reserved characters, bounded length, never empty).

/** Latin letters that don't decompose into base + accent, spelled the way their readers would. */
const LATIN_SPELLINGS: Record<string, string> = {
  ə: 'a',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ħ: 'h',
  ŋ: 'n',
};

const MAX_CHARS = 80;
/** Linux allows 255 bytes per name; this leaves room for the date and extension. */
const MAX_BYTES = 200;

const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
/** Apostrophes join a word rather than split it: "we're" -> "were". */
const APOSTROPHE = /['\u2019\u02bc]/u;
/** Zero-width joiners sit inside words in some scripts; dropping them keeps the word whole. */
const FORMAT = /\p{Cf}/u;

/**
 * Lower-case slug: Latin letters lose their accents (ş -> s, ə -> a) so the common case stays
 * ASCII; other scripts keep their letters, which every file system accepts. Everything else,
 * including the characters Windows reserves (<>:"/\|?*), becomes a single hyphen.
 */
export function slugify(title: string, fallback: string): string {
  let slug = '';
  let keptNonLatinLetter = false;
  for (const char of title.normalize('NFKC').toLowerCase()) {
    const spelled = LATIN_SPELLINGS[char];
    if (spelled !== undefined) {
      slug += spelled;
      keptNonLatinLetter = false;
    } else if (LATIN.test(char)) {
      slug += char.normalize('NFD').replace(/\p{M}/gu, '');
      keptNonLatinLetter = false;
    } else if (MARK.test(char)) {
      // Vowel signs and the like belong to the letter before; on Latin letters they are accents.
      if (keptNonLatinLetter) slug += char;
    } else if (LETTER_OR_NUMBER.test(char)) {
      slug += char;
      keptNonLatinLetter = LETTER.test(char);
    } else if (!APOSTROPHE.test(char) && !FORMAT.test(char)) {
      slug += '-';
      keptNonLatinLetter = false;
    }
  }
  slug = truncate(slug.replace(/-+/g, '-').replace(/^-|-$/g, ''));
  return slug === '' ? fallback : slug;
}

/** Cuts at a hyphen where possible, and never inside a character. */
function truncate(slug: string): string {
  const chars = Array.from(slug);
  if (chars.length <= MAX_CHARS && utf8Length(slug) <= MAX_BYTES) return slug;
  let cut = '';
  for (const char of chars.slice(0, MAX_CHARS)) {
    if (utf8Length(cut + char) > MAX_BYTES) break;
    cut += char;
  }
  const lastHyphen = cut.lastIndexOf('-');
  if (lastHyphen >= cut.length / 2) cut = cut.slice(0, lastHyphen);
  return cut.replace(/-+$/, '');
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * `<slug>[-<variant>]-<yyyy-mm-dd>.<extension>`. The date is the UTC one, the same day as the ISO
 * `exported-at` written inside the file. The date suffix also keeps a slug like "con" from being
 * a Windows device name. A variant ("long") tells two files of one extension apart.
 */
export function exportFileName(
  title: string,
  fallback: string,
  exportedAt: Date,
  ext: string,
  variant?: string,
) {
  const slug = slugify(title, fallback) + (variant ? `-${variant}` : '');
  return `${slug}-${exportedAt.toISOString().slice(0, 10)}.${ext}`;
}
