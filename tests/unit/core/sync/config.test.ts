// Configuring sync: the address's rules (https except on loopback, no credentials in it, a
// database named), the password kept in the secret store and never in the notebook's files or the
// configuration, nothing asked of the network until sync is on, and documents from the server that
// don't fit the store's schemas counted and left out, never applied.
import { createServer, type Server } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, serverForTests } from './synced-notebook';

const server = serverForTests();

async function notebook() {
  const nb = await server.notebook('sync-config-');
  return nb;
}

/** Every file under `dir`, read as text. */
async function allText(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) parts.push(await readFile(join(entry.parentPath, entry.name), 'latin1'));
  }
  return parts.join('\n');
}

describe('the address', () => {
  it.each([
    ['http://couch.example.org/team', /must start with https:\/\/: only a server on this computer/],
    ['http://exämple.org/ə?x=]', /must start with https:\/\//],
    ['ftp://127.0.0.1/team', /must start with https:\/\//],
    ['couch.example.org/team', /not a web address/],
    ['https://leyla:secret@couch.example.org/team', /Leave the user name and password out/],
    ['https://couch.example.org/', /must end with the database’s name/],
    ['https://couch.example.org/Team 🌍', /must end with the database’s name/],
    ['https://couch.example.org/team?x=1', /without \? or #/],
  ])('%s is refused and nothing is configured', async (url, message) => {
    const nb = await notebook();
    expect(await nb.refusal('setSync', { url, username: 'ə', enabled: true })).toMatch(message);
    expect((await nb.call('getSync', {})).config).toEqual({
      url: '',
      username: '',
      enabled: false,
      hasPassword: false,
    });
  });

  it('is taken on loopback over http, and anywhere over https', async () => {
    const nb = await notebook();
    for (const url of [
      'http://127.0.0.1:5984/team',
      'http://localhost:5984/a_b$c(d)+e-f/g',
      'http://[::1]:5984/team/',
      'https://couch.example.org/team',
    ]) {
      const info = await nb.call('setSync', { url, username: 'Leyla', enabled: false });
      expect(info.config.url).toBe(url.replace(/\/$/, ''));
      expect(info.status.state).toBe('off');
    }
    expect(await nb.refusal('setSync', { url: '', username: '', enabled: true })).toMatch(
      /address first/,
    );
  });
});

describe('the password', () => {
  it('is kept out of the notebook and the configuration, and never shown back', async () => {
    const nb = await notebook();
    const password = 'pässwörd/?]🌍-ə';
    const info = await nb.call('setSync', {
      url: 'https://couch.example.org/team',
      username: 'Leyla',
      password,
      enabled: false,
    });
    expect(info.config).toEqual({
      url: 'https://couch.example.org/team',
      username: 'Leyla',
      enabled: false,
      hasPassword: true,
    });
    expect(JSON.stringify(info)).not.toContain('pässwörd');
    await nb.notebook.store.compact();
    const files = await allText(nb.dir);
    expect(files).toContain('couch.example.org/team');
    expect(files).not.toContain('pässwörd');
    expect(files).not.toContain(Buffer.from(password).toString('latin1'));

    // Kept while the address stays, forgotten for another server, and on request.
    const kept = await nb.call('setSync', {
      url: 'https://couch.example.org/team',
      username: 'Leyla',
      enabled: false,
    });
    expect(kept.config.hasPassword).toBe(true);
    const elsewhere = await nb.call('setSync', {
      url: 'https://other.example.org/team',
      username: 'Leyla',
      enabled: false,
    });
    expect(elsewhere.config.hasPassword).toBe(false);
    await nb.call('setSync', {
      url: 'https://other.example.org/team',
      username: 'Leyla',
      password,
      enabled: false,
    });
    const forgotten = await nb.call('setSync', {
      url: 'https://other.example.org/team',
      username: 'Leyla',
      password: '',
      enabled: false,
    });
    expect(forgotten.config.hasPassword).toBe(false);
  });

  it('the configuration outlives a restart, keyed by the notebook’s own id', async () => {
    const nb = await notebook();
    expect(nb.notebook.store.state.meta.notebookId).toBeUndefined();
    await nb.call('setSync', { url: server.db('restart'), username: '', enabled: true });
    const id = nb.notebook.store.state.meta.notebookId;
    expect(id).toEqual(expect.any(String));
    await nb.settled();
    await nb.reopen();
    expect(nb.notebook.store.state.meta.notebookId).toBe(id);
    const info = await nb.call('getSync', {});
    expect(info.config).toMatchObject({ url: server.db('restart'), enabled: true });
    await nb.settled();
  });
});

describe('the network', () => {
  let listener: Server;
  let requests: string[];
  beforeAll(async () => {
    requests = [];
    listener = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  it('is asked nothing while sync is configured but off, nor by opening', async () => {
    const address = listener.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const nb = await notebook();
    await nb.call('setSync', {
      url: `http://127.0.0.1:${port}/team`,
      username: '',
      enabled: false,
    });
    await nb.reopen();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requests).toEqual([]);
    expect((await readdir(join(nb.dir, 'notebook'))).includes('replica')).toBe(false);
    // Turned on, it asks (and, answered with errors, says so).
    await nb.call('setSync', { url: `http://127.0.0.1:${port}/team`, username: '', enabled: true });
    await eventually(async () => expect(requests.length).toBeGreaterThan(0));
    await eventually(async () => expect((await nb.status()).state).toMatch(/offline|error/));
    expect((await nb.status()).message).toMatch(/server/);
  });
});

describe('documents from the server', () => {
  it('that are not valid records are counted and left out; the rest comes in', async () => {
    const url = server.db('invalid');
    const nb = await notebook();
    await nb.syncWith(url);
    await nb.settled();
    const put = (id: string, doc: unknown) =>
      fetch(`${url}/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(doc),
      });
    await put('annotations:bad', { v: 1, collection: 'annotations', record: { id: 'bad' } });
    await put('tags:newer', { v: 99, collection: 'tags', record: { id: 'newer' } });
    await put('tags:wrong-id', {
      v: 1,
      collection: 'tags',
      record: { id: 'other', name: 'x', color: '#112233', description: '', createdAt: 'now' },
    });
    await put('tags:good', {
      v: 1,
      collection: 'tags',
      record: { id: 'good', name: 'Good 🌍', color: '#112233', description: '', createdAt: 'now' },
    });
    await put('something-else', { hello: 'world' });
    await eventually(async () =>
      expect((await nb.call('listTags', {})).map((t) => t.name)).toEqual(['Good 🌍']),
    );
    const status = await eventually(async () => {
      const s = await nb.status();
      expect(s.message).toMatch(/3 changes from the server were not applied/);
      expect(s.state).toBe('idle');
      return s;
    });
    expect(status.conflicts).toBe(0);
    expect(nb.notebook.store.state.annotations.size).toBe(0);
  });
});
