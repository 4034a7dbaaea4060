// Moving the running notebook to another folder, on real folders: every file copied and checked,
// the same handlers answering from the new place, the old folder kept under a new name; and
// every refusal (a full folder, one inside the notebook, no room, a disk filling up) leaving the
// notebook where it was, unchanged, and the target as it was found.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/core/dispatch';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import { copyVerified, checkTarget } from '../../../../electron/core/settings/move-folder';
import { CallGate } from '../../../../electron/core/settings/movable-notebook';
import { snapshotDir } from '../../support/dir-snapshot';

const SAMPLE = join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt');
let root: string;
let source: string;
let notebook: Notebook;
let ids = 0;
const now = () => new Date('2026-12-02T03:40:00Z');

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'notebook-move-'));
  source = join(root, 'notebook');
  notebook = await openNotebook({
    dataDir: source,
    samplePath: SAMPLE,
    settingsFile: join(root, 'settings.json'),
    now,
    newId: () => `id-${++ids}`,
    compactAfterMs: 60_000,
  });
});
afterEach(async () => {
  await notebook.store.close();
  await rm(root, { recursive: true, force: true });
});

async function annotateSample(comment: string) {
  const [article] = await notebook.handlers.listArticles({});
  const full = await notebook.handlers.getArticle({ id: article!.id });
  const start = full.text.indexOf('business');
  return notebook.handlers.createAnnotation({
    articleId: article!.id,
    start,
    end: start + 8,
    tagNames: ['Economy/Trade ə'],
    comment,
  });
}

const ENOSPC = () =>
  Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

describe('moving the notebook', () => {
  it('copies every file, answers from the new folder, and keeps the old one as .moved-<time>', async () => {
    await annotateSample('before the move 🤝🏽');
    const target = join(root, 'elsewhere', 'Notebook ə ş ı İ ? ]');
    const before = await snapshotDir(source);
    const dispatch = createDispatcher(notebook.handlers, () => undefined);

    expect(await notebook.moveTo(target)).toEqual({ kind: 'moved', path: target });

    // The old folder is there still, renamed, with every file it had (its lock released).
    const kept = join(root, 'notebook.moved-2026-12-02T03-40-00-000Z');
    expect((await readdir(root)).sort()).toEqual(
      ['elsewhere', 'notebook.moved-2026-12-02T03-40-00-000Z'].sort(),
    );
    const keptFiles = await snapshotDir(kept);
    expect(keptFiles.has('notebook.lock')).toBe(false);
    expect(keptFiles.has('notebook.json')).toBe(true);
    expect([...keptFiles.keys()].some((name) => name.startsWith('bodies/'))).toBe(true);
    expect([...keptFiles.keys()].some((name) => name.startsWith('originals/'))).toBe(true);
    // The copy holds every file of it byte for byte, and a lock of its own.
    const copied = await snapshotDir(target);
    for (const [name, bytes] of keptFiles) expect(copied.get(name)).toEqual(bytes);
    expect([...copied.keys()].sort()).toEqual([...keptFiles.keys(), 'notebook.lock'].sort());
    // Nothing of the folder was left out (its journals went into notebook.json first).
    for (const name of before.keys()) {
      if (!/^(notebook\.lock|journal-)/.test(name)) expect(keptFiles.has(name)).toBe(true);
    }

    // The same handlers (and dispatcher) now read and write the new folder.
    expect(await dispatch('getDataFolder', {})).toEqual({ ok: true, value: { path: target } });
    expect(notebook.store.dataDir).toBe(target);
    const annotations = await notebook.handlers.listAnnotations({
      articleId: (await notebook.handlers.listArticles({}))[0]!.id,
    });
    expect(annotations.map((a) => a.comment)).toEqual(['before the move 🤝🏽']);
    await annotateSample('after the move');
    await notebook.store.compact();
    expect(await readFile(join(target, 'notebook.json'), 'utf8')).toContain('after the move');
    expect(await readFile(join(kept, 'notebook.json'), 'utf8')).not.toContain('after the move');

    // And a restart there finds it all, with no second sample.
    await notebook.store.close();
    notebook = await openNotebook({ dataDir: target, samplePath: SAMPLE, now });
    expect(await notebook.handlers.listArticles({})).toHaveLength(1);
    expect(
      (
        await notebook.handlers.listAnnotations({
          articleId: (await notebook.handlers.listArticles({}))[0]!.id,
        })
      ).map((a) => a.comment),
    ).toEqual(['before the move 🤝🏽', 'after the move']);
  });

  it('remembers the new folder before leaving the old, and moves nothing if that fails', async () => {
    const target = join(root, 'new');
    const remembered: string[] = [];
    await notebook.moveTo(target, {
      remember: async (folder) => {
        remembered.push(folder);
        // Still the old folder, under its own name, while the host remembers the new one.
        expect(await readdir(root)).toContain('notebook');
      },
    });
    expect(remembered).toEqual([target]);

    const other = join(root, 'other');
    const before = await snapshotDir(target);
    await expect(
      notebook.moveTo(other, {
        remember: () => Promise.reject(new Error('The pointer file could not be written.')),
      }),
    ).rejects.toThrow('pointer file');
    expect(notebook.store.dataDir).toBe(target);
    expect(await snapshotDir(target)).toEqual(before);
    expect(await readdir(other)).toEqual([]);
    await annotateSample('still saving here');
  });

  it('waits for calls under way, and holds new ones until it is done', async () => {
    const target = join(root, 'new');
    const saving = annotateSample('saved while moving');
    const moving = notebook.moveTo(target);
    const listing = notebook.handlers.listArticles({});
    await Promise.all([saving, moving, listing]);
    expect(await listing).toHaveLength(1);
    await notebook.store.compact();
    expect(await readFile(join(target, 'notebook.json'), 'utf8')).toContain('saved while moving');
  });

  it.each([
    [
      'a folder that holds files',
      async () => {
        const target = join(root, 'full');
        await mkdir(target);
        await writeFile(join(target, 'thesis.docx'), 'mine');
        return target;
      },
      /Choose an empty folder/,
    ],
    [
      'a folder inside the notebook',
      async () => join(source, 'bodies', 'here'),
      /outside the notebook’s own folder/,
    ],
    ['the notebook’s own folder', async () => source, /outside the notebook’s own folder/],
    [
      'a file',
      async () => {
        await writeFile(join(root, 'a-file'), 'x');
        return join(root, 'a-file');
      },
      /is a file, not a folder/,
    ],
    ['a relative path', async () => 'somewhere/else', /full folder path/],
  ])('refuses %s and changes nothing', async (_what, make, message) => {
    await annotateSample('kept');
    const target = await make();
    const before = await snapshotDir(root);
    await expect(notebook.moveTo(target)).rejects.toThrow(message);
    expect(await snapshotDir(root)).toEqual(before);
    expect(notebook.store.dataDir).toBe(source);
    await annotateSample('still saving');
  });

  it('refuses a drive without room for it before copying anything', async () => {
    const target = join(root, 'small-drive');
    await expect(
      notebook.moveTo(target, { hooks: { freeBytes: async () => 1024 } }),
    ).rejects.toThrow(/not enough room on that drive.*Nothing was moved/);
    await expect(readdir(target)).rejects.toThrow(/ENOENT/);
    expect(notebook.store.dataDir).toBe(source);
  });

  it('takes its copy out again when the disk fills up half-way, and says so', async () => {
    const target = join(root, 'chosen');
    await mkdir(target);
    await writeFile(join(target, '.DS_Store'), 'finder');
    // Compacted first, as the move does, so that every byte can be compared after.
    await notebook.store.compact();
    const before = await snapshotDir(root);
    let writes = 0;
    const refused = notebook.moveTo(target, {
      hooks: {
        beforeWrite: () => {
          if (++writes === 3) throw ENOSPC();
        },
      },
    });
    await expect(refused).rejects.toThrow(
      'The drive you chose filled up while the notebook was being copied. Nothing was moved: the notebook stays where it was, unchanged.',
    );
    expect(writes).toBe(3);
    // The folder as the analyst chose it, and the notebook as it was (compacted, so compare after).
    expect((await readdir(target)).sort()).toEqual(['.DS_Store']);
    expect(await snapshotDir(root)).toEqual(before);
    expect(notebook.store.dataDir).toBe(source);
    await annotateSample('still saving');
  });
});

describe('copyVerified', () => {
  it('names bodies whose bytes no longer match their hash, copying them as they are', async () => {
    const from = join(root, 'from');
    await mkdir(join(from, 'bodies'), { recursive: true });
    const bad = `${'a'.repeat(64)}.json`;
    await writeFile(join(from, 'bodies', bad), '{"text":"changed by hand"}');
    await writeFile(join(from, 'notebook.json'), '{}');
    const to = join(root, 'to');
    const entries = await checkTarget(from, to);
    const copied = await copyVerified(from, to, entries);
    expect(copied).toMatchObject({ files: 2, damagedBefore: [join('bodies', bad)] });
    expect(await snapshotDir(to)).toEqual(await snapshotDir(from));
  });
});

describe('CallGate', () => {
  it('lets exclusive work start only when the calls under way are done', async () => {
    const gate = new CallGate();
    const order: string[] = [];
    let release!: () => void;
    const slow = gate.run(() =>
      new Promise<void>((r) => (release = r)).then(() => void order.push('slow')),
    );
    const work = gate.exclusive(async () => void order.push('exclusive'));
    const later = gate.run(async () => void order.push('later'));
    await Promise.resolve();
    expect(order).toEqual([]);
    release();
    await Promise.all([slow, work, later]);
    expect(order).toEqual(['slow', 'exclusive', 'later']);
  });
});
