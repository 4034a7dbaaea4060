// Plain text (files and pasted text) -> canonical document: blank lines separate paragraphs, and
// a first paragraph that reads as a headline becomes the heading and the title.
import type { CanonicalDocument } from '../../shared/model';
import { DocumentBuilder } from './document-builder';

const BLANK_LINES = /\n(?:[^\S\n]*\n)+/;

/**
 * When the first paragraph is a headline. Press texts (the Brown corpus, wire copy, saved
 * articles) open with their first paragraph far more often than with a headline, and a
 * 200-character sentence is no title. A headline is:
 * - one line (a wrapped paragraph is prose);
 * - short: at most HEADLINE_CHARS characters and HEADLINE_WORDS words (real headlines run
 *   6-15 words; 120 characters leaves room for long names and subtitles after a colon);
 * - not ended like a sentence or a clause: a final . , ; : or dash says the text goes on in
 *   prose ("?" and "!" are fine: headlines ask and exclaim). Closing quotes and brackets are
 *   looked through, so ‘…said.”’ counts as ending with a full stop. Abbreviations ("Inc.") are
 *   not worth telling apart: such a headline just becomes a paragraph, and nothing is lost;
 * - followed by more text (a file of one line is its text, not its title).
 * Otherwise the first paragraph stays a paragraph and the title is the fallback (the file name).
 */
const HEADLINE_CHARS = 120;
const HEADLINE_WORDS = 20;
const SENTENCE_END = /[.,;:…—–-]$/;
const CLOSERS = /["'”’»)\]]+$/;

export function isHeadline(first: string, moreFollows: boolean): boolean {
  if (!moreFollows || first.includes('\n') || first.length > HEADLINE_CHARS) return false;
  if (first.split(/\s+/).length > HEADLINE_WORDS) return false;
  return !SENTENCE_END.test(first.replace(CLOSERS, ''));
}

export function importPlainText(text: string, fallbackTitle: string): CanonicalDocument {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(BLANK_LINES)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trimEnd())
        .join('\n')
        .trim(),
    )
    .filter((p) => p !== '');

  const first = paragraphs[0];
  // Saved articles often repeat the headline right under it; that copy is no "more text".
  const repeated =
    first !== undefined && paragraphs[1] !== undefined && sameText(paragraphs[1], first);
  const headline = first !== undefined && isHeadline(first, paragraphs.length > (repeated ? 2 : 1));
  if (headline && repeated) paragraphs.splice(1, 1);

  const builder = new DocumentBuilder('preserve');
  paragraphs.forEach((paragraph, i) => {
    const runs = [{ text: paragraph, marks: [] }];
    if (i === 0 && headline) builder.addBlock('heading', runs, { level: 1 });
    else builder.addBlock('paragraph', runs);
  });
  return builder.build(headline ? first : fallbackTitle);
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}
