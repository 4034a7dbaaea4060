// Passages of an article with pages (a PDF's) carry them into every export: Markdown's citation
// line, a CSV page column, and W3C's PageSelector. Each read back with the tool it is for.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../../electron/core/export';
import { PAGE_SELECTOR, PAGES_PROPERTY } from '../../../../electron/core/export/w3c';
import type { Article, Place } from '../../../../electron/shared/model';
import { articleRequest, on, ORPHAN, TAGS, TIES } from './fixtures';

// TIES laid out on three pages, labelled as a journal numbers them: 17, 18, 19.
const thirds = [0, Math.floor(TIES.text.length / 3), Math.floor((2 * TIES.text.length) / 3)];
const startOfWord = (at: number) => TIES.text.slice(at).search(/\S/) + at;
const places: Place[] = thirds.map((at, i) => ({
  kind: 'page',
  label: String(17 + i),
  start: startOfWord(at),
}));
const PAGED: Article = { ...TIES, places };

const page2 = places[1]!.start;
const onFirst = on(PAGED, 'aaaaaaaa-0000-4000-8000-000000000001', TIES.text.slice(0, 12).trim());
const across = on(
  PAGED,
  'aaaaaaaa-0000-4000-8000-000000000002',
  TIES.text.slice(page2 - 6, page2 + 6),
);
const request = (format: 'markdown' | 'csv' | 'csv-long' | 'w3c') =>
  articleRequest(format, {
    articles: [{ article: PAGED, annotations: [onFirst, across, { ...ORPHAN }] }],
    tags: TAGS,
  });

describe('pages in exports', () => {
  it('Markdown cites each quote with its page or pages', () => {
    const content = renderExport(request('markdown')).content;
    expect(content).toContain(`— ${TIES.title}, p. 17`);
    expect(content).toContain(`— ${TIES.title}, pp. 17–18`);
    // An orphan has no trustworthy place, so no page is claimed for it.
    expect(content.match(/, pp?\. /g)).toHaveLength(2);
  });

  it('both CSVs have a page column, empty for the orphan', () => {
    for (const format of ['csv', 'csv-long'] as const) {
      const rows = parse(renderExport(request(format)).content, {
        bom: true,
        columns: true,
        record_delimiter: '\r\n',
      }) as Array<Record<string, string>>;
      const pageOf = (id: string) => rows.find((r) => r['annotation_id'] === id)?.['page'];
      expect(pageOf(onFirst.id), format).toBe('17');
      expect(pageOf(across.id), format).toBe('17–18');
      expect(pageOf(ORPHAN.id), format).toBe('');
    }
  });

  it('W3C carries a PageSelector (zero-based index and label) and every page it runs over', () => {
    const collection = JSON.parse(renderExport(request('w3c')).content) as {
      first: { items: Array<{ id: string; target: { selector: Array<Record<string, unknown>> } }> };
    };
    const item = (id: string) => collection.first.items.find((i) => i.id === `urn:uuid:${id}`)!;
    const pageSelector = (id: string) =>
      item(id).target.selector.find((s) => s['type'] === PAGE_SELECTOR);
    expect(pageSelector(onFirst.id)).toEqual({ type: 'PageSelector', index: 0, label: '17' });
    expect(pageSelector(across.id)).toEqual({ type: 'PageSelector', index: 0, label: '17' });
    expect((item(across.id) as Record<string, unknown>)[PAGES_PROPERTY]).toBe('17–18');
    expect(pageSelector(ORPHAN.id)).toBeUndefined();
  });

  it('an article without pages exports no page anywhere', () => {
    const markdown = renderExport(articleRequest('markdown')).content;
    expect(markdown).not.toMatch(/, pp?\. /);
    expect(renderExport(articleRequest('w3c')).content).not.toContain(PAGE_SELECTOR);
  });
});
