// Packs the built app as the Linux installers would (electron-builder's `dir` target, the
// unpacked app every Linux target starts from) with a stand-in for Electron, then reads what
// went into app.asar. Needs `npm run build` first, as `npm test` does.
import { extractAll, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { load } from 'js-yaml';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkApp, type Walk } from './app-walk';
import { makeStandInElectron, SHIPPED_WIRE } from './stand-in-electron';

const run = promisify(execFile);
const root = process.cwd();
/**
 * app.asar and what is unpacked beside it: 75 MiB when this was written, 32 of them
 * @napi-rs/canvas (pdf.js's optional canvas for Node, a native Skia build), then docx, jsdom and
 * pdf.js.
 */
const SIZE_BUDGET = 90 * 1024 * 1024;
/** The built main, preload and renderer alone; 1.6 MB when this was written. */
const OWN_CODE_BUDGET = 4 * 1024 * 1024;

/** What electron-builder.yml must ask of each fuse: the same table the README gives. */
const FUSES = {
  runAsNode: [FuseV1Options.RunAsNode, false],
  enableNodeOptionsEnvironmentVariable: [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
  enableNodeCliInspectArguments: [FuseV1Options.EnableNodeCliInspectArguments, false],
  enableCookieEncryption: [FuseV1Options.EnableCookieEncryption, true],
  enableEmbeddedAsarIntegrityValidation: [
    FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
    true,
  ],
  onlyLoadAppFromAsar: [FuseV1Options.OnlyLoadAppFromAsar, true],
} as const;

let work: string;
let appOutDir: string;
let files: string[];
let walk: Walk;
let extracted: string;

beforeAll(async () => {
  for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'])
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run npm run build`);
  work = await mkdtemp(join(tmpdir(), 'notebook-packaging-'));
  const electronDist = await makeStandInElectron(join(work, 'electron-dist'));
  // No certificates or Apple account reach the build: signing and notarisation stay off.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(CSC_|WIN_CSC_|APPLE_)/.test(name)),
  );
  const output = join(work, 'release');
  try {
    await run(
      process.execPath,
      [
        join(root, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        '--x64',
        '--publish',
        'never',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${output}`,
      ],
      // In the project itself, not a copy with node_modules linked: through a link, `npm list`
      // (how electron-builder finds the production dependencies) misread the tree whenever
      // npm's hidden lockfile was older than node_modules, and packed no transitive dependency.
      { cwd: root, env: { ...env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, maxBuffer: 1 << 24 },
    );
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`electron-builder failed:\n${stdout}\n${stderr}`, { cause: error });
  }
  appOutDir = join(output, 'linux-unpacked');
  const asar = join(appOutDir, 'resources/app.asar');
  files = listPackage(asar, { isPack: false }).map((file) => file.replace(/^[/\\]/, ''));
  files = files.map((file) => file.split('\\').join('/'));
  extracted = join(work, 'app');
  extractAll(asar, extracted);
  // Native addons live beside the asar; the app sees them at the same paths.
  if (existsSync(`${asar}.unpacked`)) await cp(`${asar}.unpacked`, extracted, { recursive: true });
  walk = await walkApp(extracted, [
    'out/main/index.js',
    // Started by the core's worker pool from beside the main bundle (electron/core/workers).
    'out/main/core-worker.js',
    'out/preload/index.cjs',
  ]);
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('app.asar', () => {
  it('holds the built main, preload and renderer, the manifest and node_modules only', () => {
    const top = new Set(files.map((file) => file.split('/')[0]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json']);
    const built = new Set(files.filter((f) => f.startsWith('out/')).map((f) => f.split('/')[1]));
    expect([...built].sort()).toEqual(['main', 'preload', 'renderer']);
    for (const needed of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'])
      expect(files).toContain(needed);
  });

  it('has no source maps, sources, tests or browser host', () => {
    const offending = files.filter(
      (file) =>
        /\.(map|ts|mts|cts|tsx|svelte)$/.test(file) ||
        /(^|\/)(__tests__|tests?|spec)\//.test(file) ||
        /\.(test|spec)\.[cm]?js$/.test(file) ||
        /^(electron|renderer|scripts|resources|src)\//.test(file) ||
        /(^|\/)out\/(host|test-[^/]+|bench|perf|tsbuild)\//.test(file),
    );
    expect(offending).toEqual([]);
  });

  it('has production dependencies only', async () => {
    const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { name?: string; version?: string; dev?: boolean }>;
    };
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    // electron-builder lays node_modules out anew (it hoists what npm nested), so a packaged
    // package is matched to the lock by name and version, not by path.
    const production = new Set<string>();
    for (const [path, entry] of Object.entries(lock.packages)) {
      const name = entry.name ?? path.replace(/^.*node_modules\//, '');
      if (path && !entry.dev) production.add(`${name}@${entry.version}`);
    }
    const packaged = await Promise.all(
      files
        .filter((file) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@][^/]*\/package\.json$/.test(file))
        .map(async (file) => {
          const { name, version } = JSON.parse(await readFile(join(extracted, file), 'utf8')) as {
            name: string;
            version: string;
          };
          return `${name}@${version}`;
        }),
    );
    expect(packaged.length).toBeGreaterThan(20);
    expect(packaged.filter((id) => !production.has(id))).toEqual([]);
    // A dev dependency no production package also needs (the build and test tools).
    const productionNames = new Set([...production].map((id) => id.replace(/@[^@]*$/, '')));
    const devOnly = Object.keys(manifest.devDependencies).filter((n) => !productionNames.has(n));
    expect(devOnly).toContain('electron-builder');
    for (const name of devOnly)
      expect(files, `dev dependency ${name}`).not.toContain(`node_modules/${name}/package.json`);
    for (const name of Object.keys(manifest.dependencies))
      expect(files, `dependency ${name}`).toContain(`node_modules/${name}/package.json`);
  });

  it('resolves every import and require() of the main process, its worker and the preload', () => {
    expect(walk.problems).toEqual([]);
    expect(walk.reached).toContain('out/main/index.js');
    expect(walk.reached.some((file) => file.startsWith('node_modules/zod/'))).toBe(true);
  });

  it('carries no chunk of the main bundle that nothing loads (a stale build)', () => {
    const reached = new Set(walk.reached);
    const unreached = files.filter((f) => /^out\/main\/.*\.js$/.test(f) && !reached.has(f));
    expect(unreached).toEqual([]);
  });

  it('stays within its size budget', async () => {
    const asar = join(appOutDir, 'resources/app.asar');
    const sizes = await packageSizes(asar);
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    const largest = [...sizes]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, size]) => `${name} ${(size / 2 ** 20).toFixed(1)} MiB`);
    expect(total, `largest: ${largest.join(', ')}`).toBeLessThan(SIZE_BUDGET);
    const own = [...sizes].filter(([name]) => name.startsWith('out/'));
    expect(own.reduce((sum, [, size]) => sum + size, 0)).toBeLessThan(OWN_CODE_BUDGET);
  });

  it('ships the bundled sample article beside the asar', () => {
    expect(existsSync(join(appOutDir, 'resources/azpromo-russia-azerbaijan.txt'))).toBe(true);
  });
});

describe('fuses', () => {
  it('are configured in electron-builder.yml', async () => {
    const config = load(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    const wanted = Object.fromEntries(Object.entries(FUSES).map(([key, [, on]]) => [key, on]));
    expect(config.electronFuses).toEqual(wanted);
  });

  // @electron/fuses reads the wire after its sentinel, so the stand-in shows what electron-builder
  // wrote; that Electron then honours each fuse only a real binary can show.
  it('are flipped in the packaged executable', async () => {
    const wire = await getCurrentFuseWire(join(appOutDir, 'research-notebook'));
    for (const [name, [index, on]] of Object.entries(FUSES))
      expect(String.fromCharCode(wire[index] as number), name).toBe(on ? '1' : '0');
    // The fuses the app leaves alone keep Electron's value.
    for (const index of [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]) {
      expect(String.fromCharCode(wire[index] as number)).toBe(SHIPPED_WIRE[index]);
    }
  });
});

/** Bytes per package (or per folder of out/) in the asar and what is unpacked beside it. */
async function packageSizes(asar: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const unpacked = `${asar}.unpacked`;
  for (const file of files) {
    const info = statFile(asar, file) as { size?: number; unpacked?: boolean };
    if (info.size === undefined) continue; // a folder
    const size = info.unpacked ? (await stat(join(unpacked, file))).size : info.size;
    const owner =
      /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ??
      file.split('/').slice(0, 2).join('/');
    sizes.set(owner, (sizes.get(owner) ?? 0) + size);
  }
  return sizes;
}
