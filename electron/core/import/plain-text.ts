// Plain text (files and pasted text) -> canonical document: blank lines separate paragraphs, and a
// short first line is taken as the headline.
import type { CanonicalDocument } from '../../shared/model';
import { DocumentBuilder } from './document-builder';

/** A first line at least this long is a paragraph that happens to come first, not a headline. */
const HEADLINE_MAX = 200;
const BLANK_LINES = /\n(?:[^\S\n]*\n)+/;

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
  const titleLine = first?.split('\n')[0]?.trim();
  const headline = first !== undefined && !first.includes('\n') && first.length < HEADLINE_MAX;
  // Saved articles often repeat the headline right under it; keep it once.
  if (headline && paragraphs[1] !== undefined && sameText(paragraphs[1], first)) {
    paragraphs.splice(1, 1);
  }

  const builder = new DocumentBuilder('preserve');
  paragraphs.forEach((paragraph, i) => {
    const runs = [{ text: paragraph, marks: [] }];
    if (i === 0 && headline) builder.addBlock('heading', runs, { level: 1 });
    else builder.addBlock('paragraph', runs);
  });
  return builder.build(titleLine || fallbackTitle);
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}
