// Which column of a spreadsheet's CSV says what: header names as people and tools write them
// (Excel users, Hypothesis' CSV download, our own two CSV exports), in any case and spacing.

export const COLUMN_NAMES = {
  articleId: ['article id', 'document id', 'doc id'],
  article: [
    'article',
    'title',
    'document',
    'doc',
    'article title',
    'document title',
    'document name',
  ],
  quote: [
    'quote',
    'text',
    'passage',
    'excerpt',
    'quoted text',
    'selected text',
    'highlight',
    'selection',
    'segment',
    'coded segment',
  ],
  tags: ['tags', 'tag', 'codes', 'code', 'labels', 'label'],
  comment: ['comment', 'comments', 'memo', 'memos', 'note', 'notes', 'body'],
  start: ['start', 'start codepoint', 'start offset', 'begin'],
  end: ['end', 'end codepoint', 'end offset'],
  annotationId: ['annotation id'],
  created: ['created at', 'created', 'creation date'],
  modified: ['updated at', 'updated', 'modified'],
  /** Hypothesis: "Annotation" or "Reply". */
  kind: ['annotation/reply type', 'type'],
} as const;

export type ColumnRole = keyof typeof COLUMN_NAMES;

/** "Start_Codepoint", " start codepoint " and "START-CODEPOINT" are one header. */
export const headerKey = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** Each role's column index (the first column that names it), from the header row. */
export function columnsOf(header: readonly string[]): Partial<Record<ColumnRole, number>> {
  const found: Partial<Record<ColumnRole, number>> = {};
  header.forEach((cell, index) => {
    const key = headerKey(cell);
    for (const role of Object.keys(COLUMN_NAMES) as ColumnRole[]) {
      if (found[role] === undefined && (COLUMN_NAMES[role] as readonly string[]).includes(key)) {
        found[role] = index;
      }
    }
  });
  return found;
}
