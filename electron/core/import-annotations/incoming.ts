// What a file of annotations from another tool says about each passage, before it is placed:
// the readers (W3C JSON, CSV) make these, the service places them onto articles.

export interface IncomingAnnotation {
  /** CSV: the cells that name its article (an id or a title), in the order to try them. */
  articleNames: string[];
  /** W3C: the target's source (an IRI), which may name one of this notebook's articles. */
  source?: string;
  /** The quote as the file gives it (NFC, `\n` line ends); prefix and suffix may be empty. */
  exact: string;
  prefix: string;
  suffix: string;
  /** The quote's cell as written, when a spreadsheet guard (a leading `'`) was taken off `exact`:
   * a passage may really begin with the apostrophe. */
  exactAsWritten?: string;
  /** Code points into the article's text, zero-based, end exclusive, when the file gives them. */
  position?: { start: number; end: number };
  /** Names or `Parent/Child` paths, as typed in the other tool. */
  tagNames: string[];
  comment: string;
  /** ISO timestamps, when the file gives valid ones. */
  created?: string;
  modified?: string;
}

/** Items left out, counted by reason (the report's `skipped`). */
export class Skips {
  readonly #counts = new Map<string, number>();

  add(reason: string, count = 1) {
    if (count > 0) this.#counts.set(reason, (this.#counts.get(reason) ?? 0) + count);
  }

  list(): Array<{ reason: string; count: number }> {
    return [...this.#counts].map(([reason, count]) => ({ reason, count }));
  }
}

export interface ReadAnnotations {
  items: IncomingAnnotation[];
  skips: Skips;
}

/** Text from another program as the model keeps it: NFC with `\n` line ends. */
export const canonical = (text: string) => text.replace(/\r\n?/g, '\n').normalize('NFC');

/** An ISO timestamp for a date another tool wrote (Hypothesis writes microseconds and +00:00). */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A position only when it is one: whole numbers, start before end. */
export function positionOf(start: unknown, end: unknown): IncomingAnnotation['position'] {
  const s = typeof start === 'string' && /^\s*\d+\s*$/.test(start) ? Number(start) : start;
  const e = typeof end === 'string' && /^\s*\d+\s*$/.test(end) ? Number(end) : end;
  if (!Number.isSafeInteger(s) || !Number.isSafeInteger(e)) return undefined;
  const [a, b] = [s as number, e as number];
  return a >= 0 && a < b ? { start: a, end: b } : undefined;
}
