// A fixed set of generated web pages for the import case: 50 pages of 20-200 KB, each a news
// article inside the usual page furniture (head with styles and scripts, navigation, a sidebar of
// related links, a table, a comment section, a footer), seeded so every run imports the same bytes.
import { mulberry32 } from './generate';
import { AZERBAIJANI, COMMON, CYRILLIC, EMOJI, ENGLISH } from './words';

export interface BenchPage {
  fileName: string;
  bytes: Uint8Array;
}

export const PAGE_COUNT = 50;
const MIN_BYTES = 20_000;
const MAX_BYTES = 200_000;

export function generatePages(seed: number, count = PAGE_COUNT): BenchPage[] {
  const random = mulberry32(seed ^ 0x9a9e);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]) => items[int(items.length)]!;
  const word = () => {
    const roll = random();
    if (roll < 0.3) return pick(COMMON);
    if (roll < 0.82) return pick(ENGLISH);
    if (roll < 0.92) return pick(AZERBAIJANI);
    if (roll < 0.98) return pick(CYRILLIC);
    return pick(EMOJI);
  };
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const sentence = () => {
    const s = words(5 + int(14));
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}${pick(['.', '.', '.', '?', '!'])}`;
  };
  const inline = () => {
    const roll = random();
    if (roll < 0.1) return `<a href="https://example.org/${int(1e6)}">${words(2 + int(3))}</a>`;
    if (roll < 0.16) return `<em>${words(1 + int(3))}</em>`;
    if (roll < 0.2) return `<strong>${words(1 + int(2))}</strong>`;
    return sentence();
  };
  const paragraph = () => `<p>${Array.from({ length: 2 + int(5) }, inline).join(' ')}</p>`;

  const pages: BenchPage[] = [];
  for (let n = 0; n < count; n++) {
    const target = MIN_BYTES + Math.floor(((MAX_BYTES - MIN_BYTES) * n) / Math.max(1, count - 1));
    const title = sentence().slice(0, 90);
    const nav = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/section/${i}">${words(1 + int(2))}</a></li>`,
    ).join('');
    const related = Array.from(
      { length: 8 + int(10) },
      () => `<li><a href="/news/${int(1e6)}">${sentence()}</a></li>`,
    ).join('');
    const script = `<script>window.__data = ${JSON.stringify({ ids: Array.from({ length: 200 }, () => int(1e9)) })};</script>`;
    const style = `<style>${Array.from({ length: 60 }, (_, i) => `.c${i}{margin:${i}px;color:#${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)}}`).join('')}</style>`;
    const head =
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Regional Digest</title>` +
      `<meta property="og:url" content="https://example.org/news/${n}">${style}${script}</head>`;
    const top =
      `<body><header class="site"><a class="logo" href="/">Regional Digest</a><nav><ul>${nav}</ul></nav></header>` +
      `<main><article><h1>${title}</h1><p class="byline">By ${words(2)} · ${2018 + int(6)}-0${1 + int(9)}-1${int(9)}</p>`;
    const bottom =
      `</article><aside><h2>Related</h2><ul>${related}</ul></aside>` +
      `<section class="comments"><h2>Comments</h2>${Array.from({ length: 3 + int(5) }, () => `<div class="comment"><b>${words(1)}</b><p>${sentence()}</p></div>`).join('')}</section>` +
      `</main><footer><p>© Regional Digest. ${words(12)}</p>${script}</footer></body></html>`;
    const parts = [head, top];
    let size = head.length + top.length + bottom.length;
    let k = 0;
    while (size < target) {
      let block: string;
      const roll = random();
      if (k > 0 && k % 9 === 0) block = `<h2>${sentence()}</h2>`;
      else if (roll < 0.05)
        block = `<ul>${Array.from({ length: 3 + int(4) }, () => `<li>${sentence()}</li>`).join('')}</ul>`;
      else if (roll < 0.08) block = `<blockquote><p>${sentence()} ${sentence()}</p></blockquote>`;
      else if (roll < 0.1)
        block = `<table><tr><th>${word()}</th><th>${word()}</th><th>${word()}</th></tr>${Array.from({ length: 4 }, () => `<tr><td>${int(1000)}</td><td>${word()}</td><td>${int(100)}%</td></tr>`).join('')}</table>`;
      else block = paragraph();
      parts.push(block);
      size += Buffer.byteLength(block);
      k++;
    }
    parts.push(bottom);
    pages.push({
      fileName: `digest-${String(n + 1).padStart(2, '0')}.html`,
      bytes: new TextEncoder().encode(parts.join('\n')),
    });
  }
  return pages;
}
