// The sample article the app opens with (resources/azpromo-russia-azerbaijan.txt), as the
// importer keeps it, and a helper that annotates a passage of it and re-anchors it onto a revision.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describePassage, reanchor } from '../../../../electron/core/anchoring';

const SAMPLE = join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt');

/** Its paragraphs (each one long line), the repeated headline kept once as the importer does. */
export const paragraphs = readFileSync(SAMPLE, 'utf8')
  .trim()
  .split(/\n\n+/)
  .filter((p, i, all) => i !== 1 || p !== all[0]);
export const article = paragraphs.join('\n\n');

/** Re-anchors `passage` of `oldText` onto `newText`; returns the result and the text it covers. */
export function place(passage: string, newText: string, oldText = article) {
  const start = oldText.indexOf(passage);
  if (start < 0) throw new Error(`no ${passage}`);
  const selectors = describePassage(oldText, start, start + passage.length);
  const [result] = reanchor(oldText, newText, [{ id: 'a', selectors }]);
  const covers =
    result!.start === undefined ? undefined : newText.slice(result!.start, result!.end);
  return { ...result!, covers };
}

/** `text` with `from` (which must occur exactly once) replaced by `to`. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
