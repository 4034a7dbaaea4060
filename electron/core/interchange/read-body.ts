// A source's plain text as an article body. The text is kept as the project has it (only line
// ends as \n and NFC, which read-offsets.ts maps through), so every position the project counts
// still means the same words; paragraphs are the runs of lines between blank lines, and a first
// paragraph that reads as a headline is a heading, as for a plain text file.
import type { Block, CanonicalDocument } from '../../shared/model';
import { cleanTitle } from '../import/document-builder';
import { isHeadline } from '../import/plain-text';
import { normalizeSourceText } from './read-offsets';

export function sourceBody(raw: string, title: string): CanonicalDocument {
  const text = normalizeSourceText(raw);
  const blocks: Block[] = [];
  // A paragraph: from its first non-space character to its last, over lines that aren't blank.
  const paragraph = /\S(?:[^\n]|\n(?![^\S\n]*(?:\n|$)))*/g;
  for (const m of text.matchAll(paragraph)) {
    const start = m.index;
    const end = start + m[0].trimEnd().length;
    blocks.push({ type: 'paragraph', start, end });
  }
  const first = blocks[0];
  if (first && isHeadline(text.slice(first.start, first.end), blocks.length > 1)) {
    blocks[0] = { type: 'heading', level: 1, start: first.start, end: first.end };
  }
  return { title: cleanTitle(title), text, blocks, marks: [] };
}
