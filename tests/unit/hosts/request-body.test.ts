// readBody and refuseAndClose on a real loopback server in this process, with small limits, so
// every path (declared or counted, the slot taken or free, a client gone) runs quickly.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LargeBodySlots,
  readBody,
  refuseAndClose,
  type Body,
  type Refusal,
} from '../../hosts/browser/request-body';

const limits = { max: 1000, large: 100, slots: new LargeBodySlots(1) };
let server: Server;
let port: number;
// Each request's body is held until the test lets it go, to see the slot taken.
const outcomes: Array<Body | Refusal> = [];
let hold: Promise<void> = Promise.resolve();

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    void readBody(req, limits).then(async (outcome) => {
      outcomes.push(outcome);
      if ('status' in outcome)
        return refuseAndClose(req, res, outcome.status, {}, `refused ${outcome.status}`, 500);
      await hold;
      outcome.release();
      res.end(`got ${outcome.body.length}: ${outcome.body.slice(0, 12)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function post(body: string | Buffer, options: { chunked?: boolean } = {}) {
  return new Promise<{ status: number; text: string; connection?: string }>((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      agent: false,
      headers: options.chunked
        ? { 'transfer-encoding': 'chunked' }
        : { 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (part: Buffer) => (text += part));
      res.on('end', () =>
        resolve({ status: res.statusCode!, text, connection: res.headers.connection }),
      );
    });
    req.on('error', reject);
    // Chunked bodies go in small writes, so the limit is met while counting.
    if (options.chunked) for (let i = 0; i < body.length; i += 64) req.write(body.slice(i, i + 64));
    else req.write(body);
    req.end();
  });
}

describe('LargeBodySlots', () => {
  it('hands out its slots, and takes each back once however often it is released', () => {
    const slots = new LargeBodySlots(2);
    const a = slots.take()!;
    const b = slots.take()!;
    expect(slots.take()).toBeUndefined();
    a();
    a();
    expect(slots.take()).toBeDefined();
    expect(slots.take()).toBeUndefined();
    b();
    expect(slots.take()).toBeDefined();
  });
});

describe('readBody', () => {
  it('reads small and large bodies whole, as UTF-8 across chunk edges', async () => {
    expect(await post('{}')).toMatchObject({ status: 200, text: 'got 2: {}' });
    const text = 'é'.repeat(200); // 400 bytes: large, and split mid-character when chunked
    expect(await post(text)).toMatchObject({ status: 200, text: `got 200: ${'é'.repeat(12)}` });
    expect(await post(text, { chunked: true })).toMatchObject({ status: 200 });
  });

  it('refuses past the limit with 413 and Connection: close, declared or counted', async () => {
    const big = 'x'.repeat(1001);
    expect(await post(big)).toEqual({ status: 413, text: 'refused 413', connection: 'close' });
    expect(await post(big, { chunked: true })).toMatchObject({ status: 413, connection: 'close' });
    expect(await post('x'.repeat(1000))).toMatchObject({ status: 200 });
  });

  it('lets one large body in at a time; small ones never wait for it', async () => {
    let letGo!: () => void;
    hold = new Promise((resolve) => (letGo = resolve));
    const first = post('a'.repeat(500));
    await expect.poll(() => outcomes.some((o) => 'body' in o && o.body.length === 500)).toBe(true);
    expect(await post('b'.repeat(500))).toMatchObject({ status: 503, connection: 'close' });
    expect(await post('c'.repeat(500), { chunked: true })).toMatchObject({ status: 503 });
    const small = post('{}');
    letGo();
    expect(await small).toMatchObject({ status: 200 });
    expect(await first).toMatchObject({ status: 200 });
    hold = Promise.resolve();
    // Released: the next large body is taken.
    expect(await post('d'.repeat(500))).toMatchObject({ status: 200 });
  });

  it('gives the slot back when a large upload is refused part way', async () => {
    expect(await post('e'.repeat(2000), { chunked: true })).toMatchObject({ status: 413 });
    expect(await post('f'.repeat(500))).toMatchObject({ status: 200 });
  });

  it('says 400 when the client goes away mid-body, and frees the slot', async () => {
    const before = outcomes.length;
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        agent: false,
        headers: { 'content-length': 500 },
      });
      req.on('error', () => resolve());
      req.write('g'.repeat(200), () => setTimeout(() => (req.destroy(), resolve()), 50));
    });
    await expect.poll(() => outcomes.length).toBe(before + 1);
    expect(outcomes.at(-1)).toEqual({ status: 400 });
    expect(await post('h'.repeat(500))).toMatchObject({ status: 200 });
  });
});
