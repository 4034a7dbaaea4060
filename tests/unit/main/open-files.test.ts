// Files the OS hands the app: which arguments of a command line are files (not the executable,
// the app's folder in development, flags or URLs), read from real files in a temp folder as the
// window gets them (names and bytes; folders, missing and oversized files refused in words), and
// held until the window has loaded, then delivered in order.
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openFilesRelay, pathsFromArgv, readOpenedFiles } from '../../../electron/main/open-files';
import { isOpenedFiles } from '../../../electron/shared/open-files';

const cwd = '/home/analyst/Ə ş ı İ';
const packaged = { defaultApp: false, cwd };
const development = { defaultApp: true, cwd };

describe('pathsFromArgv', () => {
  it('takes what follows the executable when packaged, resolved against the working folder', () => {
    expect(
      pathsFromArgv(
        ['/opt/Research Notebook/research-notebook', 'article.pdf', '/tmp/x.qdpx'],
        packaged,
      ),
    ).toEqual([join(cwd, 'article.pdf'), '/tmp/x.qdpx']);
  });

  it('skips the app’s folder in development, after Chromium’s and Playwright’s flags', () => {
    expect(
      pathsFromArgv(
        ['/usr/bin/electron', '--inspect=0', '--remote-debugging-port=0', '.', 'notes ə?.md'],
        development,
      ),
    ).toEqual([join(cwd, 'notes ə?.md')]);
    expect(pathsFromArgv(['/usr/bin/electron', '.'], development)).toEqual([]);
  });

  it('leaves out flags and the value of --data-dir, and macOS’s process serial number', () => {
    expect(
      pathsFromArgv(
        [
          'exe',
          '--data-dir',
          '/data/notebook',
          '--data-dir=/x',
          '-psn_0_12345',
          '--no-sandbox',
          'a.txt',
        ],
        packaged,
      ),
    ).toEqual([join(cwd, 'a.txt')]);
  });

  it('reads file: URLs (Linux desktop entries pass %U) and leaves every other URL out', () => {
    const file = '/home/analyst/Çay 🍵/project.qdpx';
    expect(
      pathsFromArgv(
        [
          'exe',
          pathToFileURL(file).href,
          'https://example.com/a.pdf',
          'app://notebook/',
          'mailto:x@y',
        ],
        packaged,
      ),
    ).toEqual([file]);
  });

  it('lists a file named twice once', () => {
    expect(pathsFromArgv(['exe', 'a.md', './a.md', join(cwd, 'a.md')], packaged)).toEqual([
      join(cwd, 'a.md'),
    ]);
  });
});

describe('readOpenedFiles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'notebook-open-files-'));
    await writeFile(join(dir, 'Bakı ə ş ı İ 🇦🇿.md'), '# Başlıq\n\nMətn.');
    await writeFile(join(dir, 'project.qdpx'), new Uint8Array([0x50, 0x4b, 3, 4]));
    await writeFile(join(dir, 'big.txt'), new Uint8Array(2048));
    await mkdir(join(dir, 'folder'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('sends names and bytes, never a path, and refuses folders, missing and big files', async () => {
    const paths = ['Bakı ə ş ı İ 🇦🇿.md', 'project.qdpx', 'big.txt', 'folder', 'gone.pdf'].map(
      (name) => join(dir, name),
    );
    const { opened, read } = await readOpenedFiles(paths, 1024);
    expect(isOpenedFiles(opened)).toBe(true);
    expect(opened.files.map((f) => f.fileName)).toEqual(['Bakı ə ş ı İ 🇦🇿.md', 'project.qdpx']);
    expect(new TextDecoder().decode(opened.files[0]!.bytes)).toBe('# Başlıq\n\nMətn.');
    expect([...opened.files[1]!.bytes]).toEqual([0x50, 0x4b, 3, 4]);
    expect(JSON.stringify(opened.files)).not.toContain(dir);
    expect(read).toEqual(paths.slice(0, 2));
    expect(opened.refused).toEqual([
      {
        fileName: 'big.txt',
        reason: "The file “big.txt” is larger than 0 MB and can't be imported.",
      },
      {
        fileName: 'folder',
        reason: '“folder” is a folder: use File › Import folder… to import the articles in it.',
      },
      {
        fileName: 'gone.pdf',
        reason: `The file “gone.pdf” was not found (${join(dir, 'gone.pdf')}).`,
      },
    ]);
  });

  it('refuses a file over the import limit (50 MB) without reading it', async () => {
    const huge = join(dir, 'huge.pdf');
    // Sparse: 51 MB on paper, nothing on disk.
    await writeFile(huge, '');
    await truncate(huge, 51 * 1024 * 1024);
    const { opened, read } = await readOpenedFiles([huge, join(dir, 'big.txt')]);
    expect(opened.refused).toEqual([
      {
        fileName: 'huge.pdf',
        reason: "The file “huge.pdf” is larger than 50 MB and can't be imported.",
      },
    ]);
    expect(opened.files.map((f) => f.fileName)).toEqual(['big.txt']);
    expect(read).toEqual([join(dir, 'big.txt')]);
  });
});

describe('isOpenedFiles', () => {
  it('lets only well-formed messages through', () => {
    expect(isOpenedFiles({ files: [], refused: [] })).toBe(true);
    expect(
      isOpenedFiles({ files: [{ fileName: 'a', bytes: new Uint8Array() }], refused: [] }),
    ).toBe(true);
    for (const bad of [
      null,
      'x',
      { files: [] },
      { files: [{ fileName: 'a', bytes: [1, 2] }], refused: [] },
      { files: [{ bytes: new Uint8Array() }], refused: [] },
      { files: [], refused: [{ fileName: 'a' }] },
    ])
      expect(isOpenedFiles(bad), JSON.stringify(bad)).toBe(false);
  });
});

describe('openFilesRelay', () => {
  it('holds files until the window is ready, then delivers each batch in order, one at a time', async () => {
    const delivered: string[][] = [];
    let running = 0;
    let most = 0;
    const relay = openFilesRelay(async (paths) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      delivered.push(paths);
      running--;
    });
    relay.open(['/a.pdf']);
    relay.open([]);
    relay.open(['/b.md', '/c.qdpx']);
    await relay.idle();
    expect(delivered).toEqual([]);
    relay.ready();
    relay.open(['/d.txt']);
    await waitUntil(() => delivered.length === 3);
    expect(delivered).toEqual([['/a.pdf'], ['/b.md', '/c.qdpx'], ['/d.txt']]);
    expect(most).toBe(1);
  });

  it('holds files again while the window reloads, and survives a delivery that fails', async () => {
    const delivered: string[][] = [];
    const relay = openFilesRelay(async (paths) => {
      if (paths[0] === '/fails') throw new Error('window gone');
      delivered.push(paths);
    });
    relay.ready();
    relay.open(['/fails']);
    relay.open(['/after']);
    await waitUntil(() => delivered.length === 1);
    relay.notReady();
    relay.open(['/while-reloading']);
    await relay.idle();
    expect(delivered).toEqual([['/after']]);
    relay.ready();
    await waitUntil(() => delivered.length === 2);
    expect(delivered[1]).toEqual(['/while-reloading']);
  });
});

const waitUntil = (done: () => boolean) => vi.waitFor(() => expect(done()).toBe(true));
