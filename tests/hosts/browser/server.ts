// The browser host: the real core behind the same contract, on 127.0.0.1 only, with a per-run
// secret. How e2e tests run where Electron can't, and how anyone without Electron uses the app.
// A development tool: nothing here ships in the packaged app.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { createDispatcher } from '../../../electron/core/dispatch';
import { openNotebook, type Notebook } from '../../../electron/core/notebook';
import { openFailureOf } from '../../../electron/core/open-failure';
import { resolveRendererPath } from '../../../electron/main/protocol-path';
import { wordStartupFailure, type FailureWords } from '../../../electron/main/startup-failure';
import type { CallError } from '../../../electron/shared/contract';
import { LIMITS } from '../../../electron/shared/model';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shared/security';
import {
  LARGE_BODY,
  LargeBodySlots,
  MAX_BODY,
  readBody,
  refuseAndClose,
  type Refusal,
} from './request-body';
import { isPageRequest, unavailableHandlers, unavailablePage } from './unavailable';
import { chromiumPrinter } from './print-pdf';
import {
  ANSWERS_WITH_BYTES,
  ANSWERS_WITH_TEXT,
  decodeWire,
  encodeTextAnswer,
  encodeWire,
  utf8Exactly,
} from './wire';

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
// The app's settings belong beside the profile, not in the notebook: here, beside its folder.
const settingsFile = resolve(option('settings-file', `${dataDir}.settings.json`));
// A browser has no folder dialog: "Move the notebook to…" moves here, when set (tests).
const moveTarget = process.env.NOTEBOOK_MOVE_TARGET;
// Nor for "Merge notebook…": it reads this folder, when set (tests give each host its own).
const mergeSource = process.env.NOTEBOOK_MERGE_SOURCE;
const secret = randomBytes(24).toString('base64url');

// A notebook that can't be opened (another instance holds the folder, a newer app saved it...)
// doesn't stop the host: it says why on one line, on every page and in every call's answer.
let notebook: Notebook | undefined;
let unavailable: FailureWords | undefined;
let handlers: Notebook['handlers'];
// PDF reports are printed by Debian's Chromium, as Electron's printToPDF prints them in the app.
const printer = chromiumPrinter();
try {
  const takeOverLock = option('take-over-lock', '');
  notebook = await openNotebook({
    dataDir,
    samplePath: join(root, 'resources', 'azpromo-russia-azerbaijan.txt'),
    owner: `Research Notebook ${await appVersion()} (browser host)`,
    ...(takeOverLock && { takeOverLock }),
    printToPdf: (html) => printer.print(html),
    settingsFile,
  });
  const opened = notebook;
  handlers = moveTarget
    ? { ...opened.handlers, moveNotebook: () => opened.moveTo(resolve(moveTarget)) }
    : opened.handlers;
  if (mergeSource) {
    handlers = { ...handlers, previewMerge: () => opened.previewMergeFrom(resolve(mergeSource)) };
  }
} catch (error) {
  const failure = openFailureOf(error);
  unavailable = wordStartupFailure(failure, { dataDir, takeOver: { flag: '--take-over-lock' } });
  console.log(unavailable.line);
  console.error(unavailable.line);
  console.error(error);
  handlers = unavailableHandlers(failure, unavailable);
}
const dispatch = createDispatcher(handlers);

async function appVersion(): Promise<string> {
  try {
    return (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return '';
  }
}

/** While the notebook can't be opened, every page is the page that says why. */
async function sendUnavailablePage(req: IncomingMessage, res: ServerResponse, words: FailureWords) {
  const address = server.address();
  const host = `127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  if (req.headers.host !== host) return send(res, 421, 'text/plain', 'Wrong host');
  return send(res, 503, TYPES['.html']!, unavailablePage(words));
}

// The core's "changed" events, to every open page: one JSON line each on a long-lived response
// (the browser's stand-in for Electron's push channel).
const listeners = new Set<ServerResponse>();
notebook?.onChanged((notice) => {
  const line = `${JSON.stringify(notice)}\n`;
  for (const res of listeners) res.write(line);
});
// Progress goes on the same stream, wrapped so the page tells it from a change.
notebook?.onProgress((progress) => {
  const line = `${JSON.stringify({ progress })}\n`;
  for (const res of listeners) res.write(line);
});

const server = createServer((req, res) => {
  (unavailable && isPageRequest(req.url)
    ? sendUnavailablePage(req, res, unavailable)
    : handle(req, res)
  ).catch((error: unknown) => {
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
  // Only a path: `//x` read against the origin would change the host instead.
  if (!req.url?.startsWith('/')) return send(res, 400, 'text/plain', 'Bad request');
  const url = new URL(`${origin}${req.url}`);

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
    const read = await readBody(req, bodyLimits);
    if ('status' in read) return refuseCall(req, res, read);
    // The slot for a large body is held until its answer is sent: decoding and importing it is
    // where the memory goes.
    try {
      let input: unknown;
      try {
        input = decodeWire(read.body);
      } catch {
        input = Symbol('unparseable'); // fails every schema, so the caller gets a clear refusal
      }
      const name = url.pathname.slice('/__api/'.length);
      const envelope = await dispatch(name, input);
      if (ANSWERS_WITH_TEXT.has(name)) {
        const framed = encodeTextAnswer(envelope as Parameters<typeof encodeTextAnswer>[0], utf8Of);
        return send(res, 200, 'application/octet-stream', framed);
      }
      const answer = ANSWERS_WITH_BYTES.has(name) ? encodeWire(envelope) : JSON.stringify(envelope);
      return send(res, 200, 'application/json', answer);
    } finally {
      read.release();
    }
  }

  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, 'text/plain', 'GET only');
  if (url.pathname === '/__host/bridge.js') {
    return send(res, 200, TYPES['.js']!, await readFile(join(root, 'out', 'host', 'bridge.js')));
  }
  // The same guard as app:// in Electron: a malformed escape is a 400, a way out a 403.
  const target = resolveRendererPath(url.pathname, rendererDir);
  if ('status' in target)
    return send(
      res,
      target.status,
      'text/plain',
      target.status === 400 ? 'Bad request' : 'Forbidden',
    );
  const { file } = target;
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    return send(res, 404, 'text/plain', 'Not found');
  }
  if (file === join(rendererDir, 'index.html')) {
    // The bridge must define window.notebook before the app's (deferred) module script runs.
    content = Buffer.from(
      content.toString('utf8').replace('<head>', '<head><script src="/__host/bridge.js"></script>'),
    );
  }
  return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', content);
}

/**
 * Bodies' texts as UTF-8, by hash (a body never changes under its hash): re-opening an article
 * encodes nothing. The open one and the one before, as the core keeps their packed bodies.
 */
const utf8Texts = new Map<string, Uint8Array | null>();
const KEEP_UTF8_TEXTS = 2;

function utf8Of(body: { text: string; hash?: string }): Uint8Array | null {
  const key = body.hash;
  const kept = key === undefined ? undefined : utf8Texts.get(key);
  if (kept !== undefined) return kept;
  const bytes = utf8Exactly(body.text);
  if (key === undefined) return bytes;
  utf8Texts.set(key, bytes);
  for (const old of utf8Texts.keys()) {
    if (utf8Texts.size <= KEEP_UTF8_TEXTS) break;
    utf8Texts.delete(old);
  }
  return bytes;
}

function secretMatches(given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

// One large body at a time: three 79 MB imports at once took the host from 67 to 556 MB.
const bodyLimits = { max: MAX_BODY, large: LARGE_BODY, slots: new LargeBodySlots(1) };

const MB = (bytes: number) => Math.round(bytes / (1024 * 1024));
const REFUSED: Record<Refusal['status'], CallError> = {
  400: { code: 'invalid-input', message: 'The request was cut short.' },
  413: {
    code: 'bad-file',
    message: `Too large: the browser host takes at most ${MB(MAX_BODY)} MB in one call, and an import at most ${MB(LIMITS.importBytes)} MB.`,
  },
  503: {
    code: 'internal',
    message: 'The browser host is busy with another large file. Try again in a moment.',
  },
};

/**
 * A call whose body is refused still answers with an envelope (the bridge shows its message),
 * with the HTTP status beside it, and the connection closes after it.
 */
function refuseCall(req: IncomingMessage, res: ServerResponse, { status }: Refusal) {
  const envelope = { ok: false, error: REFUSED[status] };
  refuseAndClose(
    req,
    res,
    status,
    {
      ...SECURITY_HEADERS,
      'content-type': 'application/json',
      ...(status === 503 && { 'retry-after': '1' }),
    },
    JSON.stringify(envelope),
  );
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer | Uint8Array,
) {
  res.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS });
  res.end(body);
}

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const url = `http://127.0.0.1:${actual}/#secret=${secret}`;
  if (unavailable) console.log(`Notebook could not be opened; ${url} says why.`);
  else console.log(`Notebook ready at ${url}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close();
    void printer.close();
    // Saves are durable in the journal already; closing compacts it so the next start is quick.
    void (notebook?.store.close() ?? Promise.resolve()).finally(() =>
      process.exit(notebook ? 0 : 1),
    );
  });
}
