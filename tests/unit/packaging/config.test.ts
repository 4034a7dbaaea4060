// What electron-builder.yml asks of each installer, read as electron-builder reads it: the four
// targets, per-user Windows install, both Mac architectures, the Linux desktop entry and MIME
// types, the file associations, and icons that `npm run icons` produces.
import { load } from 'js-yaml';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderIcons } from '../../../scripts/icons.mjs';

interface Config {
  files: string[];
  afterSign: string;
  fileAssociations: { ext: string; mimeType: string; name: string }[];
  win: { target: string; icon: string };
  nsis: Record<string, unknown>;
  mac: { target: { target: string; arch: string[] }[]; icon: string; notarize: boolean };
  linux: { target: string[]; icon: string; category: string; desktop: unknown };
  directories: { output: string; buildResources: string };
}

const config = load(await readFile('electron-builder.yml', 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('builds NSIS, dmg for x64 and arm64, AppImage and deb', () => {
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('installs per user on Windows, with a Start-menu entry and an uninstaller that keeps data', () => {
    expect(config.nsis).toMatchObject({
      oneClick: true,
      perMachine: false,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('associates .qdpx and .qdc with their MIME types, which the Linux desktop entry lists', () => {
    expect(config.fileAssociations.map((a) => [a.ext, a.mimeType])).toEqual([
      ['qdpx', 'application/x-refi-qdpx'],
      ['qdc', 'application/x-refi-qdc'],
    ]);
    expect(config.linux.category.split(';')).toEqual(['Education', 'Office']);
  });

  it('ships the built app without maps, and runs the notarisation hook after signing', () => {
    expect(config.files.slice(0, 4)).toEqual([
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'package.json',
    ]);
    expect(config.files).toContain('!**/*.map');
    expect(existsSync(config.afterSign)).toBe(true);
    // electron-builder's own notarisation would run without the hook's all-or-nothing check.
    expect(config.mac.notarize).toBe(false);
  });

  it('finds every icon it names among what `npm run icons` writes', async () => {
    const out = await mkdtemp(join(tmpdir(), 'notebook-icons-config-'));
    try {
      const written = (await renderIcons({ outDir: out })).map((path) =>
        path.slice(out.length + 1),
      );
      expect(config.directories.buildResources).toBe('build');
      for (const icon of [config.win.icon, config.mac.icon])
        expect(written).toContain(icon.replace(/^build\//, ''));
      expect(config.linux.icon).toBe('build/icons');
      expect(written.filter((path) => path.startsWith('icons/')).length).toBeGreaterThan(5);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
