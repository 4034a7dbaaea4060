// MHTML import: a page saved by Chromium (quoted-printable, non-ASCII text), and an older
// Internet Explorer-style message (base64, a legacy charset, relative links), both read as the
// web page importer reads the page itself.
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { importMhtml, type ImportedSavedPage } from '../../../../../electron/core/import/mhtml';
import { sniffFormat } from '../../../../../electron/core/import/sniff-format';
import { blockTexts, expectValidDocument, links } from '../expect-valid-document';
import { captureMhtml, prose } from './make-files';

const URL = 'https://news.example.az/en/economy/ferry';
const HEADLINE = 'Bakı–Türkmənbaşı bərə xətti yenidən açılır';
const NON_ASCII = 'Gəncə və Şəki limanları — “qiymətlər” € 10.';
const PAGE = `<!doctype html><html lang="az"><head><meta charset="utf-8">
<title>${HEADLINE} | Xəbərlər</title><link rel="stylesheet" href="/style.css"></head>
<body><header><nav><a href="/">Ana səhifə</a> <a href="/about">Haqqımızda</a></nav></header>
<article><h1>${HEADLINE}</h1>
<p>${NON_ASCII} <a href="/related/story">Əlaqəli xəbər</a>.</p>
${[1, 2, 3, 4].map((i) => `<p>${prose(i)}</p>`).join('\n')}
</article><footer>© 2026 Xəbərlər</footer></body></html>`;

describe('a page saved by Chromium', () => {
  let saved: string;
  let page: ImportedSavedPage;
  beforeAll(async () => {
    saved = await captureMhtml(URL, PAGE);
    page = await importMhtml(new TextEncoder().encode(saved), 'ferry.mhtml');
  }, 60_000);

  it('is the MIME message a browser saves, its page quoted-printable', () => {
    expect(saved).toMatch(/^MIME-Version: 1\.0\r$/m);
    expect(saved).toContain('Content-Transfer-Encoding: quoted-printable');
    expect(saved).toContain('=C9=99'); // "ə", encoded
    expect(sniffFormat('ferry.mhtml', new TextEncoder().encode(saved)).format).toBe('mhtml');
  });

  it('reads the article with its non-ASCII text intact, and no site chrome', () => {
    expectValidDocument(page.doc);
    expect(blockTexts(page.doc)[0]).toEqual({ type: 'heading', level: 1, text: HEADLINE });
    expect(page.doc.text).toContain(`${NON_ASCII} Əlaqəli xəbər.`);
    expect(page.doc.text).not.toContain('Ana səhifə');
    expect(page.doc.text).not.toContain('body {');
  });

  it('keeps where the page was saved from, and its links absolute', () => {
    expect(page.url).toBe(URL);
    expect(page.metadata).toEqual({ url: URL });
    expect(links(page.doc)).toEqual([
      { text: 'Əlaqəli xəbər', href: 'https://news.example.az/related/story' },
    ]);
  });
});

describe('an MHTML message as older browsers wrote it', () => {
  const boundary = '----=_NextPart_000_0000_01D4A1B2.C3D4E5F0';
  const html = `<html><head><title>Café menu</title></head><body><article>
<h1>Café “crème” today</h1><p>Coffee costs €5 – see <a href="menu/drinks.html">the drinks</a>.</p>
${[5, 6, 7].map((i) => `<p>${prose(i)}</p>`).join('\n')}</article></body></html>`;
  const base64 = iconv.encode(html, 'windows-1252').toString('base64').replace(/.{76}/g, '$&\r\n');
  const message = [
    'From: <Saved by Windows Internet Explorer 11>',
    'Subject: Cafe menu',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    '',
    `--${boundary}`,
    'Content-Type: text/css',
    'Content-Location: https://cafe.example/style.css',
    '',
    'body { color: black }',
    `--${boundary}`,
    'Content-Type: text/html; charset="windows-1252"',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://cafe.example/today/index.html',
    '',
    base64,
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');

  it('decodes the page part with its own charset and resolves links against where it was', async () => {
    const page = await importMhtml(new TextEncoder().encode(message), 'cafe.mht');
    expectValidDocument(page.doc);
    expect(page.doc.title).toBe('Café menu');
    expect(page.doc.text).toContain('Café “crème” today');
    expect(page.doc.text).toContain('Coffee costs €5 – see the drinks.');
    expect(page.url).toBe('https://cafe.example/today/index.html');
    expect(links(page.doc)).toEqual([
      { text: 'the drinks', href: 'https://cafe.example/today/menu/drinks.html' },
    ]);
  });

  it('refuses a message with no page in it', async () => {
    const noPage = message.replace(/text\/html; charset/, 'image/png; charset');
    await expect(importMhtml(new TextEncoder().encode(noPage), 'x.mht')).rejects.toThrow(
      'The file “x.mht” is not a saved web page',
    );
    await expect(importMhtml(new TextEncoder().encode('plain words'), 'y.mhtml')).rejects.toThrow(
      'is not a saved web page',
    );
  });
});
