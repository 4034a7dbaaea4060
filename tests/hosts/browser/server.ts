// The browser host: the real core behind the same contract, on 127.0.0.1 only, with a per-run
// secret. How e2e tests run where Electron can't, and how anyone without Electron uses the app.
// A development tool: nothing here ships in the packaged app.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, relative, isAbsolute, resolve } from 'node:path';
import { createDispatcher } from '../../../electron/core/dispatch';
import { openNotebook } from '../../../electron/core/notebook';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shared/security';
import { decodeWire } from './wire';

const MAX_BODY = 80 * 1024 * 1024; // a 50 MB import, base64-encoded, plus room
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return (
    (i !== -1 && process.argv[i + 1]) ||
    process.env[`NOTEBOOK_${name.replace('-', '_').toUpperCase()}`] ||
    fallback
  );
}

const root = resolve(option('root', process.cwd()));
const rendererDir = join(root, 'out', 'renderer');
const dataDir = resolve(option('data-dir', join(root, '.notebook-data')));
const port = Number(option('port', '5780'));
const secret = randomBytes(24).toString('base64url');

const notebook = await openNotebook({
  dataDir,
  samplePath: join(root, 'resources', 'azpromo-russia-azerbaijan.txt'),
});
const dispatch = createDispatcher(notebook.handlers);

// The core's "changed" events, to every open page: one JSON line each on a long-lived response
// (the browser's stand-in for Electron's push channel).
const listeners = new Set<ServerResponse>();
notebook.onChanged((notice) => {
  const line = `${JSON.stringify(notice)}\n`;
  for (const res of listeners) res.write(line);
});

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
  });
});

async function handle(req: IncomingMessage, res: ServerResponse) {
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  // Only our own origin may talk to us: blocks DNS rebinding and other local pages.
  if (req.headers.host !== origin.slice('http://'.length))
    return send(res, 421, 'text/plain', 'Wrong host');
  const url = new URL(req.url ?? '/', origin);

  if (url.pathname === '/__events') {
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only');
    if (!secretMatches(req.headers['x-notebook-secret']))
      return send(res, 403, 'text/plain', 'Missing or wrong secret');
    res.writeHead(200, {
      'content-type': 'application/x-ndjson',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    // A first line at once, so the page knows it is subscribed before it relies on the events.
    res.write('{}\n');
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
    return;
  }

  if (url.pathname.startsWith('/__api/')) {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
    if (req.headers.origin !== undefined && req.headers.origin !== origin)
      return send(res, 403, 'text/plain', 'Wrong origin');
    if (!secretMatches(req.headers['x-notebook-secret']))
      return send(res, 403, 'text/plain', 'Missing or wrong secret');
    const body = await readBody(req);
    if (body === undefined) return send(res, 413, 'text/plain', 'Too large');
    let input: unknown;
    try {
      input = decodeWire(body);
    } catch {
      input = Symbol('unparseable'); // fails every schema, so the caller gets a clear refusal
    }
    const envelope = await dispatch(url.pathname.slice('/__api/'.length), input);
    return send(res, 200, 'application/json', JSON.stringify(envelope));
  }

  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, 'text/plain', 'GET only');
  if (url.pathname === '/__host/bridge.js') {
    return send(res, 200, TYPES['.js']!, await readFile(join(root, 'out', 'host', 'bridge.js')));
  }
  const path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
  const file = normalize(join(rendererDir, path));
  const inside = relative(rendererDir, file);
  if (inside.startsWith('..') || isAbsolute(inside))
    return send(res, 403, 'text/plain', 'Forbidden');
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    return send(res, 404, 'text/plain', 'Not found');
  }
  if (path === '/index.html') {
    // The bridge must define window.notebook before the app's (deferred) module script runs.
    content = Buffer.from(
      content.toString('utf8').replace('<head>', '<head><script src="/__host/bridge.js"></script>'),
    );
  }
  return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', content);
}

function secretMatches(given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Notebook ready at http://127.0.0.1:${actual}/#secret=${secret}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close();
    // Saves are durable in the journal already; closing compacts it so the next start is quick.
    void notebook.store.close().finally(() => process.exit(0));
  });
}
