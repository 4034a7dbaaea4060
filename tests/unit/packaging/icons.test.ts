// The icons every installer gets, rendered from resources/icon.svg into a temp folder and read
// back: PNG sizes, and the .ico and .icns containers as Windows and macOS parse them.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ICNS_ENTRIES,
  ICO_SIZES,
  LINUX_SIZES,
  encodeIcns,
  encodeIco,
} from '../../../scripts/icon-formats.mjs';
import { renderIcons } from '../../../scripts/icons.mjs';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'notebook-icons-'));
  await renderIcons({ outDir: out });
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('renderIcons', () => {
  it('writes a PNG of each Linux size, and the 1024 px window icon', async () => {
    for (const size of LINUX_SIZES)
      expect(pngSize(await readFile(join(out, `icons/${size}x${size}.png`)))).toEqual([size, size]);
    expect(pngSize(await readFile(join(out, 'icon.png')))).toEqual([1024, 1024]);
  });

  it('draws the page: the centre is light, the corner is the background', async () => {
    // Decoding PNG pixels needs no library when resvg renders the same SVG to raw pixels.
    const { Resvg } = await import('@resvg/resvg-js');
    const svg = await readFile('resources/icon.svg', 'utf8');
    const image = new Resvg(svg, { fitTo: { mode: 'width', value: 64 } }).render();
    const pixel = (x: number, y: number) => [
      ...image.pixels.subarray((y * 64 + x) * 4, (y * 64 + x) * 4 + 4),
    ];
    expect(pixel(0, 0)[3]).toBe(0); // transparent outside the rounded square
    const page = pixel(24, 50);
    expect(Math.min(...page.slice(0, 3))).toBeGreaterThan(200);
  });

  it('writes an .ico whose directory points at a PNG of each size', async () => {
    const ico = await readFile(join(out, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([
      0,
      1,
      ICO_SIZES.length,
    ]);
    ICO_SIZES.forEach((size, i) => {
      const at = 6 + 16 * i;
      expect(ico.readUInt8(at) || 256).toBe(size);
      const length = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual([size, size]);
    });
  });

  it('writes an .icns whose entries are PNGs of their type size', async () => {
    const icns = await readFile(join(out, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    let at = 8;
    for (const [type, size] of ICNS_ENTRIES) {
      expect(icns.subarray(at, at + 4).toString('latin1')).toBe(type);
      const length = icns.readUInt32BE(at + 4);
      expect(pngSize(icns.subarray(at + 8, at + length))).toEqual([size, size]);
      at += length;
    }
    expect(at).toBe(icns.length);
  });

  it('refuses a source image that is not square', async () => {
    const source = join(out, 'wide.svg');
    await writeFile(source, '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"/>');
    await expect(renderIcons({ source, outDir: join(out, 'wide') })).rejects.toThrow(/not square/);
  });
});

describe('the containers', () => {
  it('refuse sizes and types the formats cannot hold', () => {
    expect(() => encodeIco([[512, Buffer.alloc(1)]])).toThrow(/1–256 px/);
    expect(() => encodeIcns([['ic/0', Buffer.alloc(1)]])).toThrow(/not an icns entry type/);
  });
});
