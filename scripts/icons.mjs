// `npm run icons` (and the first step of `npm run dist`): renders resources/icon.svg, the one
// source image, into what each installer needs, in build/ (electron-builder's build resources,
// git-ignored: it is output). build/icon.png for the window and the AppImage, build/icons/NxN.png
// for Linux's icon theme, build/icon.ico for Windows, build/icon.icns for macOS.
import { Resvg } from '@resvg/resvg-js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ICNS_ENTRIES, ICO_SIZES, LINUX_SIZES, encodeIcns, encodeIco } from './icon-formats.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Renders the SVG at every size needed and writes the files; returns the paths written. */
export async function renderIcons({
  source = join(root, 'resources/icon.svg'),
  outDir = join(root, 'build'),
} = {}) {
  const svg = await readFile(source, 'utf8');
  const cache = new Map();
  const png = (size) => {
    if (!cache.has(size)) {
      const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
      if (image.width !== size || image.height !== size)
        throw new Error(`${source} is not square: rendered ${image.width}×${image.height}`);
      cache.set(size, image.asPng());
    }
    return cache.get(size);
  };

  const files = new Map([
    ['icon.png', png(1024)],
    ['icon.ico', encodeIco(ICO_SIZES.map((size) => [size, png(size)]))],
    ['icon.icns', encodeIcns(ICNS_ENTRIES.map(([type, size]) => [type, png(size)]))],
    ...LINUX_SIZES.map((size) => [`icons/${size}x${size}.png`, png(size)]),
  ]);
  await mkdir(join(outDir, 'icons'), { recursive: true });
  const written = [];
  for (const [name, bytes] of files) {
    const path = join(outDir, name);
    await writeFile(path, bytes);
    written.push(path);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await renderIcons();
  console.log(`icons: ${written.length} files in build/`);
}
