// A saved page's citation details: the tags journals publish for Zotero and Google Scholar first,
// Open Graph and Dublin Core next, Readability's byline and site name last.
import { describe, expect, it } from 'vitest';
import { importHtml } from '../../../../electron/core/import/html';

const paragraphs = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the article about trade, long enough to count as text for Readability's scoring rules.</p>`,
).join('\n');

const page = (head: string, bodyStart = '') =>
  `<!doctype html><html lang="az"><head><title>Ties</title>${head}</head><body><article><h1>Ties</h1>${bodyStart}${paragraphs}</article></body></html>`;

describe('web page details', () => {
  it('reads the Highwire citation tags, in their order, with the DOI made bare', () => {
    const { doc } = importHtml(
      page(`
        <meta name="citation_author" content="Əliyeva, Leyla">
        <meta name="citation_author" content="Smith, J.">
        <meta name="citation_publication_date" content="2019/05/04">
        <meta name="citation_journal_title" content="Caucasus Survey">
        <meta name="citation_doi" content="https://doi.org/10.1080/ABC.2019.1">
        <meta property="og:site_name" content="Not the journal">
        <link rel="canonical" href="https://example.org/ties">`),
      'ties.html',
      'ties',
    );
    expect(doc.details).toEqual({
      authors: ['Əliyeva, Leyla', 'Smith, J.'],
      published: '2019/05/04',
      publication: 'Caucasus Survey',
      url: 'https://example.org/ties',
      doi: '10.1080/abc.2019.1',
    });
  });

  it('falls back to Open Graph and article: tags, keeping only the day of a timestamp', () => {
    const { doc } = importHtml(
      page(`
        <meta property="article:published_time" content="2026-11-28T18:00:00+04:00">
        <meta property="og:site_name" content="Xəbər Gündəmi">
        <meta name="author" content="https://example.org/profile/leyla">
        <meta name="author" content="Leyla Əliyeva">`),
      'ties.html',
      'ties',
    );
    expect(doc.details).toEqual({
      authors: ['Leyla Əliyeva'],
      published: '2026-11-28',
      publication: 'Xəbər Gündəmi',
    });
  });

  it("takes the names from Readability's byline when the page has no author tags", () => {
    const { doc } = importHtml(
      page('', '<p class="byline">By Leyla Əliyeva and Rüfət Məmmədov</p>'),
      'ties.html',
      'ties',
    );
    expect(doc.details?.authors).toEqual(['Leyla Əliyeva', 'Rüfət Məmmədov']);
  });

  it('says nothing it does not know', () => {
    const { doc } = importHtml(page(''), 'ties.html', 'ties');
    expect(doc.details).toBeUndefined();
  });
});
