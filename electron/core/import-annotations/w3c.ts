// Reads W3C Web Annotation JSON (our own export, any tool's JSON-LD) and Hypothesis' export (its
// JSON download and its API's search results): one annotation, an array, an AnnotationCollection
// or AnnotationPage, each item's quote, position, tags and comment.
import { badFile } from '../errors';
import {
  canonical,
  isoDate,
  positionOf,
  Skips,
  type IncomingAnnotation,
  type ReadAnnotations,
} from './incoming';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
const typesOf = (v: Json): string[] => asList(v['type']).filter((t) => typeof t === 'string');

/** Purposes whose bodies name a code rather than say something. */
const TAG_PURPOSES = new Set(['tagging', 'classifying']);

export const SKIP = {
  notAnnotation: 'Not an annotation (no target)',
  reply: 'Replies to other annotations (they have no passage of their own)',
  noQuote: 'No quoted passage (a note on the whole page, or a selector this app cannot read)',
  notInFile: 'On pages of the collection that are not in this file',
} as const;

export function readW3c(text: string, fileName: string): ReadAnnotations {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw badFile(
      `The file “${fileName}” is not valid JSON (${(error as Error).message}), so no annotations were read from it.`,
    );
  }
  const skips = new Skips();
  const raw = itemsOf(json, skips);
  if (raw === undefined) {
    throw badFile(
      `The file “${fileName}” is JSON but holds no Web Annotations (an annotation, a list of them, or an AnnotationCollection).`,
    );
  }
  const items: IncomingAnnotation[] = [];
  for (const item of raw) {
    const read = readItem(item);
    if (typeof read === 'string') skips.add(read);
    else items.push(read);
  }
  return { items, skips };
}

/** The annotations a document holds, or undefined when it is not a document of annotations. */
function itemsOf(json: unknown, skips: Skips): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) return undefined;
  if (json['target'] !== undefined || typesOf(json).includes('Annotation')) return [json];
  // Hypothesis: its client's JSON export, and its API's search results.
  for (const key of ['annotations', 'rows']) if (Array.isArray(json[key])) return json[key];
  if (Array.isArray(json['items'])) return json['items'];
  const first = json['first'];
  if (isObject(first) && Array.isArray(first['items'])) {
    const items = first['items'];
    // A collection served page by page: the other pages are links this file doesn't hold.
    const total = json['total'];
    if (typeof total === 'number' && total > items.length)
      skips.add(SKIP.notInFile, total - items.length);
    return items;
  }
  return undefined;
}

function readItem(item: unknown): IncomingAnnotation | string {
  if (!isObject(item) || item['target'] === undefined) return SKIP.notAnnotation;
  if (asList(item['references']).length > 0) return SKIP.reply;
  const target = asList(item['target'])
    .filter(isObject)
    .find((t) => quoteOf(t) !== undefined);
  if (!target) return SKIP.noQuote;
  const quote = quoteOf(target)!;
  const positionSelector = selectorsOf(target).find((s) =>
    typesOf(s).includes('TextPositionSelector'),
  );
  const position =
    positionSelector && positionOf(positionSelector['start'], positionSelector['end']);
  const { tagNames, comment } = bodiesOf(item);
  const created = isoDate(item['created']);
  const modified = isoDate(item['modified'] ?? item['updated']);
  const source = typeof target['source'] === 'string' ? target['source'] : undefined;
  return {
    articleNames: [],
    ...(source !== undefined && { source }),
    exact: canonical(quote.exact),
    prefix: canonical(quote.prefix),
    suffix: canonical(quote.suffix),
    ...(position && { position }),
    tagNames,
    comment,
    ...(created && { created }),
    ...(modified && { modified }),
  };
}

function selectorsOf(target: Json): Json[] {
  return asList(target['selector']).filter(isObject);
}

function quoteOf(target: Json): { exact: string; prefix: string; suffix: string } | undefined {
  const selector = selectorsOf(target).find(
    (s) => typesOf(s).includes('TextQuoteSelector') && typeof s['exact'] === 'string',
  );
  if (!selector || (selector['exact'] as string).trim() === '') return undefined;
  const text = (key: string) =>
    typeof selector[key] === 'string' ? (selector[key] as string) : '';
  return { exact: text('exact'), prefix: text('prefix'), suffix: text('suffix') };
}

/** Tags from tagging bodies (and Hypothesis' `tags`), the comment from every other textual body. */
function bodiesOf(item: Json): { tagNames: string[]; comment: string } {
  const tagNames: string[] = asList(item['tags']).filter((t) => typeof t === 'string');
  const parts: string[] = [];
  if (typeof item['text'] === 'string') parts.push(item['text']);
  if (typeof item['bodyValue'] === 'string') parts.push(item['bodyValue']);
  for (const body of asList(item['body'])) {
    // A body that is a bare IRI (or a SpecificResource) points elsewhere: nothing to read here.
    if (!isObject(body) || typeof body['value'] !== 'string') continue;
    const purposes = asList(body['purpose']);
    if (purposes.some((p) => typeof p === 'string' && TAG_PURPOSES.has(p))) {
      tagNames.push(body['value']);
    } else {
      parts.push(body['value']);
    }
  }
  const comment = canonical(parts.filter((p) => p.trim() !== '').join('\n\n'));
  return { tagNames: tagNames.map(canonical), comment };
}
