// Each article's reference, read back by the tools reference managers use: BibTeX through the
// parser Zotero's Better BibTeX is built on, CSL-JSON rendered by citeproc (citation-js) in APA.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../../electron/core/export';
import type { Article } from '../../../../electron/shared/model';
import { articleRequest, NOTES, TIES } from './fixtures';

// A title and names that try every character LaTeX treats specially, an organisation as author,
// a free-form date, a URL with braces in its query.
const ODD: Article = {
  ...NOTES,
  id: 'article-odd',
  title: 'Costs {100%} & $5_000 #1 ~ ^ \\ of ties',
  authors: ['Ministry of Foreign Affairs', 'Smith, J.', 'Rüfət Məmmədov'],
  published: 'May 2019',
  publication: 'Xəbər & Co',
  url: 'https://example.org/a?q={x}',
  doi: '',
  format: 'text',
};
// Same first author, year and title word as TIES: the key must differ.
const TWIN: Article = { ...TIES, id: 'article-twin', doi: '' };

const request = (format: 'bibtex' | 'csl-json') =>
  articleRequest(format, {
    scope: 'notebook',
    articles: [TIES, ODD, TWIN, NOTES].map((article) => ({ article, annotations: [] })),
  });

describe('BibTeX references', () => {
  const file = renderExport(request('bibtex'));
  const library = parseBibtex(file.content);
  const entry = (title: string) => library.entries.find((e) => e.fields['title'] === title);

  it('parses without errors, one entry per article, with distinct keys', () => {
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(4);
    expect(new Set(library.entries.map((e) => e.key)).size).toBe(4);
    expect(file.fileName).toMatch(/\.bib$/);
  });

  it('gives a journal article its authors, date, journal and DOI', () => {
    const ties = library.entries[0]!;
    expect(ties.type).toBe('article');
    expect(ties.key).toBe('aliyeva2026rufat');
    expect(ties.fields['title']).toBe(TIES.title);
    expect(ties.fields['author']).toEqual([{ lastName: 'Əliyeva', firstName: 'Leyla' }]);
    expect(ties.fields['date']).toBe('2026-11-28');
    expect(ties.fields['journal']).toBe('Xəbər Gündəmi');
    expect(ties.fields['doi']).toBe('10.5555/ties.2026-11');
    expect(library.entries[2]!.key).toBe('aliyeva2026rufata');
  });

  it('keeps every special character of a title as text, and an organisation whole', () => {
    const odd = entry(ODD.title);
    expect(odd, 'the odd title reads back exactly').toBeDefined();
    expect(odd!.fields['author']).toEqual([
      { name: 'Ministry of Foreign Affairs' },
      { lastName: 'Smith', firstName: 'J.' },
      { lastName: 'Məmmədov', firstName: 'Rüfət' },
    ]);
    expect(odd!.fields['year']).toBe('2019');
    expect(odd!.fields['url']).toBe('https://example.org/a?q=%7Bx%7D');
  });

  it('leaves out what an article does not say', () => {
    const notes = entry(NOTES.title)!;
    expect(notes.type).toBe('misc');
    expect(Object.keys(notes.fields)).toEqual(['title']);
  });
});

describe('CSL-JSON references', () => {
  const file = renderExport(request('csl-json'));
  const items = JSON.parse(file.content) as Array<Record<string, unknown>>;

  it('is an array of CSL items citeproc renders as an APA bibliography', () => {
    expect(file.fileName).toMatch(/-references-[\d-]+\.json$/);
    const bibliography = new Cite(items).format('bibliography', {
      format: 'text',
      template: 'apa',
      lang: 'en-US',
    });
    expect(bibliography).toContain(
      // "2026a": citeproc tells the twin (same author, year and title) apart, as APA asks.
      'Əliyeva, L. (2026a). Rüfət Məmmədov: We increase ties. Xəbər Gündəmi. https://doi.org/10.5555/ties.2026-11',
    );
    expect(bibliography).toContain('Ministry of Foreign Affairs, Smith, J., & Məmmədov, R. (2019');
  });

  it('types each work and keeps dates as numbers where they are ISO', () => {
    expect(items[0]).toMatchObject({
      id: TIES.id,
      type: 'article-journal',
      issued: { 'date-parts': [[2026, 11, 28]] },
      DOI: TIES.doi,
      URL: TIES.url,
    });
    expect(items[1]).toMatchObject({ type: 'document', issued: { raw: 'May 2019' } });
    expect(items[2]).toMatchObject({ type: 'webpage', 'container-title': 'Xəbər Gündəmi' });
    expect(items[3]).toEqual({
      id: NOTES.id,
      type: 'document',
      title: NOTES.title,
      accessed: { 'date-parts': [[2026, 11, 28]] },
    });
  });
});
