// The codebook by itself, for a methods appendix or a second coder: every tag in tree order with
// its guidance and counts, and the change log. Markdown reads as a document (headings nest as
// the tags do); CSV is one row per tag for a spreadsheet.
import { describeCodebookEvent } from '../../shared/codebook-log';
import { tagPathOf, type Analyst, type TagWithCount } from '../../shared/model';
import { CRLF } from './csv-cells';
import { BOM, cell } from './csv';
import { inlineText } from './markdown-escape';
import type { CodebookExport, ExportRequest } from './types';

const codebookOf = (request: ExportRequest): CodebookExport =>
  request.codebook ?? { tags: [], log: [], analysts: [] };

const nameOf = (analysts: readonly Analyst[], id: string | undefined) =>
  (id !== undefined && analysts.find((a) => a.id === id)?.name) || '';

const GUIDANCE: Array<[keyof TagWithCount & string, string]> = [
  ['description', 'Definition'],
  ['whenToUse', 'When to use'],
  ['whenNotToUse', 'When not to use'],
  ['example', 'Example'],
];

const counted = (tag: TagWithCount) =>
  tag.total === tag.count
    ? `${tag.count} ${tag.count === 1 ? 'annotation' : 'annotations'}`
    : `${tag.total} annotations with the tags below it (${tag.count} on this tag itself)`;

export function renderCodebookMarkdown(request: ExportRequest): string {
  const { tags, log, analysts } = codebookOf(request);
  const byId = new Map(tags.map((t) => [t.id, t]));
  const out = [
    '# Codebook',
    '',
    `Exported ${request.exportedAt.toISOString()}: ${tags.length} ${tags.length === 1 ? 'tag' : 'tags'}.`,
  ];
  for (const tag of tags) {
    // Headings go six deep; deeper tags stay at six, their path says where they are.
    const level = Math.min(1 + tagPathOf(tag, byId).length, 6);
    out.push('', `${'#'.repeat(level)} ${inlineText(tag.name)}`, '');
    out.push(`Path: ${inlineText(tag.path)} · colour ${tag.color} · ${counted(tag)}`);
    for (const [field, label] of GUIDANCE) {
      const text = String(tag[field] ?? '').trim();
      if (text) out.push('', `**${label}.** ${inlineText(text)}`);
    }
  }
  out.push('', '## Change log', '');
  if (log.length === 0) out.push('No codebook changes were recorded.');
  for (const event of log) {
    const who = nameOf(analysts, event.by);
    out.push(
      `- ${event.at}${who ? ` · ${inlineText(who)}` : ''} · ${inlineText(describeCodebookEvent(event))}`,
    );
  }
  return out.join('\n') + '\n';
}

export const CODEBOOK_CSV_HEADER = [
  'path',
  'name',
  'parent',
  'color',
  'definition',
  'when_to_use',
  'when_not_to_use',
  'example',
  'annotations',
  'annotations_with_subtags',
  'created_at',
  'created_by',
  'id',
];

export function renderCodebookCsv(request: ExportRequest): string {
  const { tags, analysts } = codebookOf(request);
  const byId = new Map(tags.map((t) => [t.id, t]));
  const rows = [CODEBOOK_CSV_HEADER.join(',')];
  for (const tag of tags) {
    const parent = tag.parentId !== undefined ? (byId.get(tag.parentId)?.path ?? '') : '';
    rows.push(
      [
        tag.path,
        tag.name,
        parent,
        tag.color,
        tag.description,
        tag.whenToUse,
        tag.whenNotToUse,
        tag.example,
        String(tag.count),
        String(tag.total),
        tag.createdAt,
        nameOf(analysts, tag.createdBy),
        tag.id,
      ]
        .map(cell)
        .join(','),
    );
  }
  return BOM + rows.join(CRLF) + CRLF;
}
