// How the browser host takes in a call's body: a hard size limit enforced while reading (and
// against Content-Length before reading), and one large body at a time, so neither an oversize
// upload nor several big imports at once can take the host's memory.
import type { IncomingMessage, ServerResponse } from 'node:http';

const MiB = 1024 * 1024;
/** A 50 MB import, base64-encoded, plus room. */
export const MAX_BODY = 80 * MiB;
/** A body past this size needs the large-body slot; smaller ones never wait or fail for it. */
export const LARGE_BODY = 1 * MiB;
/** How long a refused request's upload is read (and dropped) before its connection closes. */
export const DRAIN_MS = 5_000;

export type Refusal = { status: 400 | 413 | 503 };
export type Body = { body: string; release: () => void };

/** Large bodies in flight, `count` at most. Decoding one briefly holds it three or four times. */
export class LargeBodySlots {
  #free: number;
  constructor(count = 1) {
    this.#free = count;
  }

  /** A release function (safe to call twice), or undefined when every slot is taken. */
  take(): (() => void) | undefined {
    if (this.#free === 0) return undefined;
    this.#free--;
    let held = true;
    return () => {
      if (held) this.#free++;
      held = false;
    };
  }
}

export interface BodyLimits {
  max: number;
  large: number;
  slots: LargeBodySlots;
}

const nothingHeld = () => {};

/**
 * The request's body as UTF-8, or why not: 413 past `max` (from Content-Length before a byte
 * is read, else as soon as the count passes it), 503 while another large body holds the slot,
 * 400 when the client goes away. Nothing past the limit is kept. After a refusal the request is
 * paused, unread: answer it with `refuseAndClose`. `release` frees the slot once the caller is
 * done with the body.
 */
export function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Body | Refusal> {
  const { max, large, slots } = limits;
  const declared = req.headers['content-length'];
  const length = declared === undefined ? undefined : Number(declared);
  // Node's parser refuses a malformed Content-Length already; this keeps the arithmetic safe.
  if (length !== undefined && !(Number.isSafeInteger(length) && length >= 0))
    return Promise.resolve({ status: 400 });
  if (length !== undefined && length > max) return Promise.resolve({ status: 413 });
  let release: (() => void) | undefined;
  if (length !== undefined && length > large) {
    release = slots.take();
    if (!release) return Promise.resolve({ status: 503 });
  }

  return new Promise((resolve) => {
    // With a known length the body goes straight into one buffer of that size, held once.
    const whole = length !== undefined ? Buffer.allocUnsafe(length) : undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: Body | Refusal) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      if ('status' in outcome) {
        req.pause();
        release?.();
      }
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      const at = size;
      size += chunk.length;
      if (size > max || (whole && size > whole.length)) return finish({ status: 413 });
      if (!release && size > large) {
        release = slots.take();
        if (!release) return finish({ status: 503 });
      }
      if (whole) chunk.copy(whole, at);
      else chunks.push(chunk);
    };
    const onEnd = () => {
      const bytes = whole ? whole.subarray(0, size) : Buffer.concat(chunks, size);
      finish({ body: bytes.toString('utf8'), release: release ?? nothingHeld });
    };
    // 'close' before 'end': the client went away mid-body.
    const onClose = () => finish({ status: 400 });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
  });
}

/**
 * Answers a request whose body won't be read, then closes the connection. What the client is
 * still sending is read and dropped for up to DRAIN_MS first: closing a socket that has unread
 * data resets it, and a client still uploading may then lose the answer before reading it.
 */
export function refuseAndClose(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
  drainMs = DRAIN_MS,
) {
  res.writeHead(status, {
    ...headers,
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  });
  if (req.complete || req.destroyed) return void res.end(body);
  res.write(body);
  const done = () => {
    clearTimeout(timer);
    req.off('end', done);
    req.off('close', done);
    res.end();
  };
  const timer = setTimeout(done, drainMs);
  req.on('end', done);
  req.on('close', done);
  // Flowing with no 'data' listener: each chunk is dropped as it comes.
  req.resume();
}
