// The report's sentences, shared by the HTML (and so the PDF) and the Word renderers, so the
// formats say the same things in the same words.
import type { CodebookEntry, ReportModel, ReportPassage } from './types';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const quoted = (items: readonly string[]) => items.map((i) => `“${i}”`).join(', ');

/** What the report covers: counts, the tags and articles chosen, and what it had to leave out. */
export function scopeLines(model: ReportModel): string[] {
  const lines = [
    `${plural(model.passages, 'passage', 'passages')} from ${plural(model.articles, 'article', 'articles')}, made ${model.date}.`,
    model.chosenTags
      ? `Tags: ${quoted(model.chosenTags)} (each with the tags below it).`
      : 'Tags: all.',
    model.chosenArticles ? `Articles: ${quoted(model.chosenArticles)}.` : 'Articles: all.',
  ];
  if (model.leftOut.length) {
    lines.push(`Left out, because their text could not be read: ${quoted(model.leftOut)}.`);
  }
  return lines;
}

export const passageCount = (n: number) => plural(n, 'passage', 'passages');

/** "Article title, p. 4": where the passage is. */
export const citation = (p: ReportPassage) => [p.articleTitle, p.pages].filter(Boolean).join(', ');

/** Said after the citation of a passage the review list holds; empty for the others. */
export const reviewNote = (p: ReportPassage) =>
  p.orphaned
    ? '(lost its place in the text; awaiting review)'
    : p.awaitingReview
      ? '(awaiting review)'
      : '';

export const GUIDANCE: ReadonlyArray<
  [keyof Pick<CodebookEntry, 'description' | 'whenToUse' | 'whenNotToUse' | 'example'>, string]
> = [
  ['description', 'Definition'],
  ['whenToUse', 'When to use'],
  ['whenNotToUse', 'When not to use'],
  ['example', 'Example'],
];

export const NO_PASSAGES = 'No coded passages for these tags and articles.';
export const NO_OWN_PASSAGES = 'No passages with this tag itself; see below.';
export const NO_DEFINITION = 'No definition yet.';
export const FREQUENCY_CAPTION =
  'Passages per tag: the tag itself in its colour, with the tags below it (in brackets) behind. Passages that lost their place count too.';
export const COOCCURRENCE_CAPTION =
  'Co-occurrence: two tags co-occur where passages with them overlap (a passage with both counts once). The diagonal is each tag’s passages.';
export const omittedLine = (drawn: number, omitted: number) =>
  omitted ? ` The ${drawn} most used tags are drawn; ${omitted} more are left out.` : '';
