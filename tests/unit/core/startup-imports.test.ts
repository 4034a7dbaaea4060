// What start-up loads: the core bundled as the hosts bundle it (code splitting, packages
// external), then every module reachable from the entry by static imports. zod, lowdb and the
// importers' libraries load on first need only; a value import that drags one of them back into
// start-up (as a shared helper once pulled in the worker's tasks and, with them, every importer)
// fails here rather than only showing as a slower start in the bench.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';

let dir: string;
let metafile: Metafile;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'startup-imports-'));
  ({ metafile } = await build({
    entryPoints: ['electron/core/notebook.ts'],
    outdir: dir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
  }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** What start-up loads: the outputs and the packages reached from the entry by static imports. */
function atStartUp(): { outputs: Set<string>; packages: Set<string> } {
  const outputs = metafile.outputs;
  // The notebook's own output: every lazily loaded module is an entry point of its own too.
  const entry = Object.keys(outputs).find(
    (file) => outputs[file]!.entryPoint === 'electron/core/notebook.ts',
  )!;
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of outputs[file]!.imports) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) packages.add(imported.path);
      else visit(imported.path);
    }
  };
  visit(entry);
  return { outputs: seen, packages };
}

it('loads no checks library, no lowdb and no importer at start-up', () => {
  const loaded = [...atStartUp().packages];
  // The bundle really is split: the lazily loaded ones are there, behind dynamic imports.
  const everything = Object.values(metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
  expect(everything).toEqual(expect.arrayContaining(['zod', 'lowdb', 'chardet']));
  for (const lazy of ['zod', 'lowdb', 'chardet', 'iconv-lite', 'jsdom', 'markdown-it']) {
    expect(loaded.filter((p) => p === lazy || p.startsWith(`${lazy}/`))).toEqual([]);
  }
  expect(loaded.some((p) => p.startsWith('@mozilla/'))).toBe(false);
});

/** Our own modules start-up compiles: the inputs of every output it loads. */
const modulesAtStartUp = () =>
  new Set([...atStartUp().outputs].flatMap((file) => Object.keys(metafile.outputs[file]!.inputs)));

it('compiles the store at start-up, and no service handler until the notebook is ready', () => {
  const modules = modulesAtStartUp();
  expect(modules).toContain('electron/core/store/index.ts');
  // Loaded behind notebook.ts's one dynamic import (service/handlers.ts): ~300 KB, once a
  // quarter of every start-up.
  for (const service of ['handlers', 'search', 'analysis', 'sync', 'revisions', 'exports']) {
    expect(modules).not.toContain(`electron/core/service/${service}.ts`);
  }
  expect(
    [...modules].filter((m) => /^electron\/core\/(anchoring|merge|search|analysis)\//.test(m)),
  ).toEqual([]);
});
