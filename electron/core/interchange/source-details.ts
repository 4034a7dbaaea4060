// An article's details in a QDA-XML source's Description. REFI-QDA has no fields for a citation,
// so they go in as labelled lines ("Author: …", "DOI: …") every tool shows, and our importer reads
// them back into the fields.
import type { ArticleDetails } from '../../shared/model';

type DetailFields = Omit<ArticleDetails, 'title'>;

const LINES: ReadonlyArray<readonly [Exclude<keyof DetailFields, 'authors'>, string]> = [
  ['published', 'Published'],
  ['publication', 'Publication'],
  ['url', 'URL'],
  ['doi', 'DOI'],
  ['source', 'Source'],
];
const AUTHOR = 'Author';

/** One line per author, then one per detail that has a value; '' when there are none. */
export function sourceDescription(details: DetailFields): string {
  const lines = details.authors.map((a) => `${AUTHOR}: ${a}`);
  for (const [field, label] of LINES) {
    if (details[field] !== '') lines.push(`${label}: ${details[field]}`);
  }
  return lines.join('\n');
}

/**
 * The details back from a Description. A line without a known label continues the field above
 * it (a value that held a line break); text before any label is not ours and is left.
 */
export function parseSourceDescription(text: string): DetailFields {
  const details: DetailFields = {
    authors: [],
    published: '',
    publication: '',
    url: '',
    doi: '',
    source: '',
  };
  const labels = new Map<string, keyof DetailFields>([
    [AUTHOR, 'authors'],
    ...LINES.map(([field, label]) => [label, field] as const),
  ]);
  let last: keyof DetailFields | undefined;
  for (const line of text.split('\n')) {
    const colon = line.indexOf(': ');
    const field = colon > 0 ? labels.get(line.slice(0, colon)) : undefined;
    const value = field ? line.slice(colon + 2) : line;
    if (field === 'authors') details.authors.push(value);
    else if (field) details[field] = value;
    else if (last === 'authors') details.authors[details.authors.length - 1] += `\n${value}`;
    else if (last) details[last] += `\n${value}`;
    if (field) last = field;
  }
  return details;
}
