// Reads a CSV of passages as spreadsheets save it (a BOM or none; `,`, `;` or tab between cells;
// quoted cells holding newlines; CRLF) and as our own CSV exports write it: one annotation per
// row, or one per passage and tag (rows sharing an annotation id are one annotation).
import { parse } from 'csv-parse/sync';
import { badFile } from '../errors';
import { columnsOf, headerKey, type ColumnRole } from './csv-columns';
import {
  canonical,
  isoDate,
  positionOf,
  Skips,
  type IncomingAnnotation,
  type ReadAnnotations,
} from './incoming';

export const SKIP = {
  noQuote: 'Rows without a quoted passage',
  reply: 'Replies to other annotations (they have no passage of their own)',
} as const;

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The separator the header row uses most, outside quotes; Excel's `sep=;` line when it has one.
 * A one-column file has none, and reads the same with any.
 */
function delimiterOf(text: string): { delimiter: string; body: string } {
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) return { delimiter: hint[1]!, body: text.slice(hint[0].length) };
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return { delimiter: best, body: text };
}

/** Our Excel CSV puts an apostrophe before a cell a spreadsheet would run as a formula. */
const GUARDED = /^'(?=[=+\-@\t\r])/;
const unguard = (cell: string) => cell.replace(GUARDED, '');

export function readCsv(text: string, fileName: string): ReadAnnotations {
  const { delimiter, body } = delimiterOf(text.replace(/^\uFEFF/, ''));
  let rows: string[][];
  try {
    rows = parse(body, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    throw badFile(
      `The file “${fileName}” is not a CSV that can be read (${(error as Error).message}), so no annotations were read from it.`,
    );
  }
  const [header, ...records] = rows;
  const columns = columnsOf(header ?? []);
  if (columns.quote === undefined) {
    const names = (header ?? []).map((h) => `“${h.trim()}”`).join(', ');
    throw badFile(
      `The file “${fileName}” has no column of quoted passages (headed quote, text, passage or excerpt)` +
        (names ? `; its columns are ${names}.` : '.'),
    );
  }
  // Our own export joins a passage's tags with newlines only: a name may hold `,` or `;`.
  const keys = (header ?? []).map(headerKey);
  const ours = keys.includes('annotation id') && keys.includes('start codepoint');
  const cellOf = (row: string[], role: ColumnRole) => {
    const index = columns[role];
    return index === undefined ? '' : (row[index] ?? '');
  };

  const skips = new Skips();
  const items: IncomingAnnotation[] = [];
  const byId = new Map<string, IncomingAnnotation>();
  for (const row of records) {
    if (row.every((cell) => cell.trim() === '')) continue;
    if (cellOf(row, 'kind').trim().toLowerCase() === 'reply') {
      skips.add(SKIP.reply);
      continue;
    }
    const written = canonical(cellOf(row, 'quote'));
    if (written.trim() === '') {
      skips.add(SKIP.noQuote);
      continue;
    }
    const tagNames = splitTags(unguard(cellOf(row, 'tags')), ours);
    const id = cellOf(row, 'annotationId').trim();
    const same = id ? byId.get(id) : undefined;
    if (same) {
      for (const name of tagNames) if (!same.tagNames.includes(name)) same.tagNames.push(name);
      continue;
    }
    const exact = unguard(written);
    const position = positionOf(cellOf(row, 'start'), cellOf(row, 'end'));
    const created = isoDate(cellOf(row, 'created'));
    const modified = isoDate(cellOf(row, 'modified'));
    const item: IncomingAnnotation = {
      articleNames: [cellOf(row, 'articleId'), unguard(cellOf(row, 'article'))]
        .map((name) => canonical(name).trim())
        .filter((name) => name !== ''),
      exact,
      ...(exact !== written && { exactAsWritten: written }),
      prefix: '',
      suffix: '',
      ...(position && { position }),
      tagNames,
      comment: canonical(unguard(cellOf(row, 'comment'))),
      ...(created && { created }),
      ...(modified && { modified }),
    };
    items.push(item);
    if (id) byId.set(id, item);
  }
  return { items, skips };
}

/**
 * A tags cell as people fill it: one per line (how our export writes it, and Excel's Alt+Enter),
 * else separated by `;`, else by `,` (Hypothesis' CSV).
 */
function splitTags(cell: string, newlinesOnly: boolean): string[] {
  const text = canonical(cell);
  const separator = newlinesOnly || text.includes('\n') ? '\n' : text.includes(';') ? ';' : ',';
  const names = text
    .split(separator)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return [...new Set(names)];
}
