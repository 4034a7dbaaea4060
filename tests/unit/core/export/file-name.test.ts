import { describe, expect, it } from 'vitest';
import { renderExport, slugify } from '../../../../electron/core/export';
import { articleRequest, TIES } from './fixtures';

/** What Windows, macOS and Linux all accept, and what survives a copy between them. */
function expectPortable(slug: string) {
  expect(slug).not.toBe('');
  expect(slug).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f]/);
  expect(slug).not.toMatch(/^[-. ]|[-. ]$/);
  expect(slug).not.toMatch(/--/);
  expect(Array.from(slug).length).toBeLessThanOrEqual(80);
  expect(new TextEncoder().encode(slug).length).toBeLessThanOrEqual(200);
}

describe('slugify', () => {
  it.each([
    ['Rüfət Məmmədov: We increase ties', 'rufat-mammadov-we-increase-ties'],
    ['Şəki, Gəncə, Ağdam — İstanbul', 'saki-ganca-agdam-istanbul'],
    ['AC/DC: Back in Black?', 'ac-dc-back-in-black'],
    ['C:\\Users\\me\\notes*.txt', 'c-users-me-notes-txt'],
    ['<Why> "quotes" | pipes', 'why-quotes-pipes'],
    ['🤝🏽 Ties 🚀 rise', 'ties-rise'],
    ["We're here — Straße, ﬁnance", 'were-here-strasse-finance'],
    ['Москва и Баку: новый этап', 'москва-и-баку-новый-этап'],
    ['नमस्ते दुनिया', 'नमस्ते-दुनिया'],
    ['...CON...', 'con'],
  ])('%s -> %s', (title, slug) => {
    expect(slugify(title, 'article')).toBe(slug);
    expectPortable(slug);
  });

  it.each(['?!:/', '🤝🚀', '   ', '', '\u0000\u0007'])('never empty: %j', (title) => {
    expect(slugify(title, 'article')).toBe('article');
  });

  it('shortens long titles at a word boundary', () => {
    const slug = slugify('Ties '.repeat(40) + 'end', 'article');
    expectPortable(slug);
    expect(slug).toMatch(/^(ties-)+ties$/);
  });

  it('bounds the bytes of a long title in a wide script', () => {
    const slug = slugify('東京と大阪の会議'.repeat(20), 'article');
    expectPortable(slug);
    expect(slug.length).toBeGreaterThan(40);
  });
});

describe('export file names', () => {
  it('joins the slug, the UTC date of the export and the extension', () => {
    const at = new Date('2026-11-29T23:59:59.999Z');
    expect(renderExport(articleRequest('markdown', { exportedAt: at })).fileName).toBe(
      'rufat-mammadov-we-increase-ties-2026-11-29.md',
    );
    const untitled = articleRequest('w3c', {
      articles: [{ article: { ...TIES, title: '???' }, annotations: [] }],
    });
    expect(renderExport(untitled).fileName).toBe('article-2026-11-29.jsonld');
  });
});
