// IPC validation: every call goes through the dispatcher, which parses the input against the
// contract before any handler runs, and answers refusals as values, never as crashes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/core/dispatch';
import { openNotebook, type Notebook } from '../../../electron/core/notebook';
import { CALL_NAMES } from '../../../electron/shared/contract';
import { inputSchemas } from '../../../electron/core/schemas';
import { snapshotDir } from '../support/dir-snapshot';

let dir: string;
let notebook: Notebook;
let dispatch: Dispatch;
const log = vi.fn();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-dispatch-'));
  notebook = await openNotebook({
    dataDir: dir,
    samplePath: join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt'),
  });
  dispatch = createDispatcher(notebook.handlers, log);
});
afterAll(async () => {
  await notebook.store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('answers a valid call with its value', async () => {
    const result = await dispatch('listArticles', {});
    expect(result.ok).toBe(true);
    expect(result.ok && (result.value as unknown[]).length).toBe(1);
  });

  it('refuses unknown calls, including prototype names', async () => {
    for (const name of ['deleteEverything', '__proto__', 'constructor', 'toString']) {
      const result = await dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  const bad: Array<[string, unknown]> = [
    ['getArticle', undefined],
    ['getArticle', null],
    ['getArticle', { id: '../../etc/passwd' }],
    ['getArticle', { id: 42 }],
    ['importFile', { fileName: '/etc/passwd', bytes: new Uint8Array([65]) }],
    ['importFile', { fileName: 'a.txt', bytes: 'not bytes' }],
    ['importText', { text: 12 }],
    ['createAnnotation', { articleId: 'a', start: -1, end: 3, tagNames: [], comment: '' }],
    ['createAnnotation', { articleId: 'a', start: 1.5, end: 3, tagNames: [], comment: '' }],
    ['createAnnotation', { articleId: 'a', start: 1, end: 3, tagNames: ['  '], comment: '' }],
    ['createTag', { name: 'x', color: 'red; background: url(evil)' }],
    ['createTag', { name: 'x'.repeat(500) }],
    ['mergeTags', { sourceId: 'same', targetId: 'same' }],
    ['deleteTag', { id: 'a', annotations: 'everything' }],
    ['exportNotes', { format: 'pdf' }],
    ['setMemo', { articleId: 'a' }],
  ];
  it.each(bad)('refuses %s with a bad payload %#', async (name, input) => {
    const before = await snapshotDir(dir);
    const result = await dispatch(name, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!result.ok && result.error.message).toMatch(/refused/);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('says a refinement’s sentence without the field’s name after it', async () => {
    const result = await dispatch('createTag', { name: 'Trade/Tariffs' });
    expect(!result.ok && result.error.message).toBe(
      'The request was refused: a tag’s name can’t hold “/”: it separates the names of a path.',
    );
    // A type mismatch still names the field it is about.
    const typed = await dispatch('getArticle', { id: 42 });
    expect(!typed.ok && typed.error.message).toMatch(/\(id\)\.$/);
  });

  it('turns core refusals into their own codes', async () => {
    expect(await dispatch('getArticle', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(
      await dispatch('importFile', { fileName: 'empty.txt', bytes: new Uint8Array() }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-file' },
    });
  });

  it('hides internal errors behind a plain message and logs them', async () => {
    const broken = createDispatcher(
      { ...notebook.handlers, listTags: async () => Promise.reject(new Error('disk on fire')) },
      log,
    );
    const result = await broken('listTags', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!result.ok && result.error.message).not.toContain('disk on fire');
    expect(log).toHaveBeenCalled();
  });

  it('has a handler and a schema for every call in the contract', () => {
    for (const name of CALL_NAMES) {
      expect(typeof notebook.handlers[name]).toBe('function');
      expect(inputSchemas[name].safeParse).toBeTypeOf('function');
    }
  });
});
