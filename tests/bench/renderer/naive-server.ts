// Serves the naive baseline page on 127.0.0.1: a reader-like page, its script (bundled by
// scripts/bench.mjs) and the article with its highlight spans as JSON.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TAG_PALETTE } from '../../../electron/shared/model';
import type { BenchData } from '../generate';
import type { NaiveData } from './naive-page-script';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Naive highlighter</title>
<style>
  html, body { margin: 0; height: 100%; }
  body { font-family: Georgia, 'DejaVu Serif', serif; }
  #scroller { height: 100vh; overflow-y: auto; }
  #reader { max-width: 42rem; margin: 0 auto; padding: 2rem; font-size: 1.125rem; line-height: 1.65; }
  #reader p { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 1em; }
  mark { color: inherit; }
  ::highlight(*) { background-color: #f6c34366; }
</style>
<style id="colors"></style>
<script src="/naive.js"></script>
</head>
<body><div id="scroller"><article id="reader"></article></div></body>
</html>`;

export interface NaiveServer {
  url: string;
  close(): Promise<void>;
}

export async function startNaiveServer(data: BenchData, scriptFile: string): Promise<NaiveServer> {
  const payload: NaiveData = {
    text: data.body.text,
    blocks: data.body.blocks.map(({ start, end }) => ({ start, end })),
    spans: data.passages.map((p) => [p.start, p.end, p.tagIndexes[0]! % TAG_PALETTE.length]),
    ids: data.passages.map((p) => p.id),
    colors: [...TAG_PALETTE],
  };
  const json = JSON.stringify(payload);
  const script = await readFile(scriptFile);
  const server = createServer((req, res) => {
    const routes: Record<string, [string, string | Buffer]> = {
      '/': ['text/html; charset=utf-8', PAGE],
      '/naive.js': ['text/javascript; charset=utf-8', script],
      '/data.json': ['application/json', json],
    };
    const route = routes[req.url ?? ''];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': route[0], 'cache-control': 'no-store' }).end(route[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
