// YAML front matter at the top of a Markdown file (Obsidian, Jekyll, Hugo, Pandoc): metadata
// about the article, never its text. Parsed with js-yaml's core schema, which builds only plain
// data (no custom types, no code), and read field by field, ignoring anything unexpected.
import { CORE_SCHEMA, load } from 'js-yaml';
import { LIMITS, type CanonicalDocument } from '../../shared/model';

export interface FrontMatter {
  title?: string;
  details: NonNullable<CanonicalDocument['details']>;
}

// An opening "---" line, the block, and a closing "---" or "..." line (YAML's document end).
const BLOCK = /^---[^\S\n]*\n([\s\S]*?\n)?(?:---|\.\.\.)[^\S\n]*(?:\n|$)/;
// What a line of front matter starts with: a key and a colon.
const KEY_LINE = /^\s*["']?[\w-]+["']?\s*:(?:\s|$)/;
// A Markdown file's front matter is a few lines; past this it is a document, not metadata.
const MAX_CHARS = 64 * 1024;

/**
 * The front matter and the Markdown after it. A block only counts when it is closed and holds a
 * YAML mapping; a file that merely opens with a horizontal rule keeps it. A closed block that
 * reads like front matter (its first line is "key:") but is not valid YAML is still not article
 * text: it is dropped, with no metadata.
 */
export function splitFrontMatter(raw: string): { body: string; frontMatter?: FrontMatter } {
  // markdown-it reads any line end; the block's own lines are found on \n.
  const source = raw.replace(/\r\n?/g, '\n');
  const match = BLOCK.exec(source.slice(0, MAX_CHARS + 16));
  if (!match) return { body: source };
  const yaml = match[1] ?? '';
  const body = source.slice(match[0].length);
  if (yaml.trim() === '') return { body, frontMatter: { details: {} } };
  let data: unknown;
  try {
    data = load(yaml, { schema: CORE_SCHEMA, maxAliases: 100 });
  } catch {
    const firstLine = yaml.split('\n').find((line) => line.trim() !== '') ?? '';
    return KEY_LINE.test(firstLine) ? { body, frontMatter: { details: {} } } : { body: source };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { body: source };
  return { body, frontMatter: readFields(data as Record<string, unknown>) };
}

function readFields(data: Record<string, unknown>): FrontMatter {
  // Keys as people write them: "Title", "title", "Author".
  const fields = new Map(Object.entries(data).map(([k, v]) => [k.trim().toLowerCase(), v]));
  // The first of the names whose value reads as wanted: `date: false` doesn't hide `published`.
  const first = <T>(read: (value: unknown) => T | undefined, ...names: string[]) =>
    names.map((name) => read(fields.get(name))).find((v) => v !== undefined);

  const out: FrontMatter = { details: {} };
  const title = text(fields.get('title'));
  if (title) out.title = title;
  const authors = first(authorList, 'authors', 'author');
  if (authors) out.details.authors = authors;
  const published = first(dateText, 'date', 'published');
  if (published) out.details.published = published;
  const source = first(text, 'source', 'url', 'link');
  // A cut address would point somewhere else: an over-long one is left out.
  if (source && source.length <= LIMITS.source) out.details.source = source;
  return out;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() || undefined : undefined;
}

/**
 * "A", ["A", "B"], Pandoc's [{name: A}], and Obsidian's "[[A]]" links; other values skipped.
 * Undefined when there is no name at all.
 */
function authorList(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of items) {
    const raw =
      typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : item;
    let name = text(raw);
    if (!name) continue;
    const link = /^\[\[([^\]|]+)(?:\|([^\]]+))?\]\]$/.exec(name);
    if (link) name = (link[2] ?? link[1]!).trim();
    if (name) names.push(name.slice(0, LIMITS.author));
  }
  return names.length > 0 ? names.slice(0, LIMITS.authors) : undefined;
}

/**
 * A date as written, except a YAML timestamp ("2024-03-05", "2024-03-05 10:30 +04:00"), which
 * becomes its calendar date, YYYY-MM-DD, the author's own day (not shifted to UTC). A bare year
 * (a number in YAML) is kept as written; other non-strings are skipped.
 */
function dateText(value: unknown): string | undefined {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999) {
    return String(value);
  }
  const date = text(value);
  if (date === undefined) return undefined;
  const timestamp =
    /^(\d{4}-\d{2}-\d{2})(?:[Tt\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{1,2}(?::?\d{2})?)?)?$/.exec(
      date,
    );
  return (timestamp ? timestamp[1] : date)!.slice(0, LIMITS.published);
}
