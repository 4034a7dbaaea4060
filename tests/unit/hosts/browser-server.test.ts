// The browser host's request handling, against the real server in a child process: bodies
// past the limit get a clean 413 (never a reset), large bodies are taken one at a time so the
// host's memory stays bounded (read from /proc, as the OS sees it), malformed escapes get a 400.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY } from '../../hosts/browser/request-body';

const MiB = 1024 * 1024;
// What the host may grow by while three 79 MB calls arrive at once: one is decoded (the body,
// its text, the base64 string, the decoded string and bytes: about +370 MB measured here), the
// others are refused and their uploads dropped as they come. Taking all three at once grew it
// by up to +565 MB here (67 -> 556 MB where it was first seen).
const RSS_GROWTH_BOUND = 450 * MiB;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** Bytes of the upload not yet written when the answer came. */
  unsent: number;
}

let dataDir: string;
let bundle: string;
let child: ChildProcess;
let base: URL;
let secret: string;

beforeAll(async () => {
  // Under out/, so the bundle finds this repository's node_modules.
  const outdir = join(process.cwd(), 'out', 'test-hosts');
  await mkdir(outdir, { recursive: true });
  bundle = join(outdir, `browser-host-${process.pid}.mjs`);
  await build({
    entryPoints: ['tests/hosts/browser/server.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  dataDir = await mkdtemp(join(tmpdir(), 'notebook-host-'));
  child = spawn(
    process.execPath,
    [bundle, '--root', process.cwd(), '--data-dir', dataDir, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const ready = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Notebook ready at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`host exited (${code}):\n${output}`)));
  });
  base = new URL(ready);
  secret = new URLSearchParams(base.hash.slice(1)).get('secret')!;
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
  await rm(bundle, { force: true });
});

/** A kB figure from /proc/<pid>/status, in bytes. */
async function procStatus(field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return Number(match![1]) * 1024;
}

interface Send {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent in `chunk`-sized writes. */
  size?: number;
  chunk?: Buffer;
  /** Stop uploading once the answer is in, as a careful client does. */
  stopOnReply?: boolean;
}

/**
 * One request over its own connection. The body is written with backpressure, as a real upload
 * goes; a reset (ECONNRESET, EPIPE) rejects.
 */
function send({ method = 'POST', path, headers = {}, size = 0, chunk, stopOnReply }: Send) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(new URL(path, base), {
      method,
      headers: { 'x-notebook-secret': secret, ...headers },
      agent: false,
    });
    let replied = false;
    let left = size;
    req.on('response', (res) => {
      replied = true;
      const unsent = left;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(parts).toString(),
          unsent,
        }),
      );
      res.on('error', reject);
      if (stopOnReply) req.destroy();
    });
    req.on('error', (error) => {
      if (!(replied && stopOnReply)) reject(error);
    });
    const piece = chunk ?? Buffer.alloc(Math.min(size, MiB), 0x41);
    const pump = () => {
      while (left > 0 && !req.destroyed && !(replied && stopOnReply)) {
        const part = left >= piece.length ? piece : piece.subarray(0, left);
        left -= part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

/** An import of `total` bytes: a file whose base64 fills the call's body. */
function sendImport(total: number): Promise<Reply> {
  const head = '{"fileName":"big.txt","bytes":{"$bytes":"';
  const body = Buffer.alloc(total, 0x41);
  body.write(head, 0);
  body.write('"}}', total - 3);
  return send({
    path: '/__api/importFile',
    headers: { 'content-type': 'application/json', 'content-length': String(total) },
    size: total,
    chunk: body,
  });
}

const envelope = (reply: Reply) =>
  JSON.parse(reply.body) as { ok: boolean; error?: { code: string } };

describe('the browser host', () => {
  it('answers a small call, and a malformed escape in a page path with 400', async () => {
    const listed = await send({
      path: '/__api/listArticles',
      headers: { 'content-type': 'application/json', 'content-length': '2' },
      chunk: Buffer.from('{}'),
      size: 2,
    });
    expect(listed.status).toBe(200);
    expect(envelope(listed).ok).toBe(true);
    for (const path of ['/%E0%A4%A', '/%', '/assets/%zz.js', '/%C0%AF']) {
      const reply = await send({ method: 'GET', path });
      expect(reply.status, path).toBe(400);
      expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
    }
    expect((await send({ method: 'GET', path: '/..%2f..%2fpackage.json' })).status).toBe(403);
  });

  it('refuses a declared oversize body with a clean 413, to a client that keeps sending', async () => {
    const reply = await send({
      path: '/__api/importFile',
      headers: { 'content-type': 'application/json', 'content-length': String(MAX_BODY + 1) },
      size: MAX_BODY + 1,
    });
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    expect(envelope(reply)).toMatchObject({ ok: false, error: { code: 'bad-file' } });
  });

  it('refuses an oversize body of unknown length with 413 once it passes the limit', async () => {
    const reply = await send({
      path: '/__api/importFile',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      size: MAX_BODY + 4 * MiB,
    });
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
  });

  it('answers 413 from Content-Length alone, long before the upload is through', async () => {
    const reply = await send({
      path: '/__api/importFile',
      headers: { 'content-length': String(200 * MiB) },
      size: 200 * MiB,
      stopOnReply: true,
    });
    expect(reply.status).toBe(413);
    expect(reply.unsent).toBeGreaterThan(100 * MiB);
  });

  it('takes three concurrent 79 MB calls one at a time, its memory bounded', async () => {
    const before = await procStatus('VmRSS');
    let peak = before;
    const sampler = setInterval(() => {
      void procStatus('VmRSS').then((rss) => (peak = Math.max(peak, rss)));
    }, 10);
    const replies = await Promise.all([1, 2, 3].map(() => sendImport(79 * MiB)));
    clearInterval(sampler);
    const highWater = await procStatus('VmHWM');
    const statuses = replies.map((r) => r.status).sort();
    // One is decoded and refused by the core (its file is over 50 MB); the others wait no turn.
    expect(statuses).toEqual([200, 503, 503]);
    const decoded = replies.find((r) => r.status === 200)!;
    expect(envelope(decoded)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    for (const busy of replies.filter((r) => r.status === 503)) {
      expect(busy.headers['retry-after']).toBe('1');
      expect(busy.headers.connection).toBe('close');
      expect(envelope(busy)).toMatchObject({ ok: false, error: { code: 'internal' } });
    }
    console.log(
      `host RSS ${Math.round(before / MiB)} MB before, peak sampled ${Math.round(peak / MiB)} MB, high-water ${Math.round(highWater / MiB)} MB`,
    );
    expect(Math.max(peak, highWater) - before).toBeLessThan(RSS_GROWTH_BOUND);

    // The slot is free again afterwards.
    expect((await sendImport(2 * MiB)).status).toBe(200);
  }, 60_000);
});
