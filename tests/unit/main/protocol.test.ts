// The app:// handler as Electron would call it, against a stand-in for Electron: it answers
// every request (a malformed one with 400), never throws.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
}));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: () => {},
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      electron.handlers.set(scheme, handler),
  },
  // Electron's net.fetch reads file: URLs, and rejects for a missing file.
  net: { fetch: async (url: string) => new Response(await readFile(fileURLToPath(url))) },
}));

const { setupAppProtocol } = await import('../../../electron/main/protocol');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-protocol-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html>');
  setupAppProtocol(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const get = (url: string) => electron.handlers.get('app')!({ url } as Request);

describe('setupAppProtocol', () => {
  it('serves the renderer with the CSP header', async () => {
    const response = await get('app://notebook/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html>');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('answers malformed escapes with 400 and missing files with 404, without throwing', async () => {
    expect((await get('app://notebook/%E0%A4%A')).status).toBe(400);
    expect((await get('app://notebook/%')).status).toBe(400);
    expect((await get('app://notebook/nothing.js')).status).toBe(404);
  });
});
