// saveFigure's checks: a figure is saved only when its bytes are what its type says, and an SVG
// only when it is a picture that runs nothing and reaches nothing outside itself.
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FigureFile, FigureType } from '../../../../electron/shared/analysis';
import type { ServiceContext } from '../../../../electron/core/service/context';
import { figureHandlers } from '../../../../electron/core/service/figures';
import { dispatchedNotebook } from '../../support/dispatched-notebook';

// The checks read nothing of the notebook.
const { saveFigure } = figureHandlers({} as ServiceContext);

const utf8 = (text: string) => new TextEncoder().encode(text);
const file = (fileName: string, mimeType: FigureType, bytes: Uint8Array): FigureFile => ({
  fileName,
  mimeType,
  bytes,
});

/** A real (tiny, one-colour) PNG, encoded here: signature, IHDR, IDAT, IEND. */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(pixels)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const SVG_NS = 'xmlns="http://www.w3.org/2000/svg"';
const svg = (inner: string, attrs = '') =>
  utf8(`<svg ${SVG_NS} width="100" height="50"${attrs}>${inner}</svg>`);

async function refusal(figure: FigureFile): Promise<string> {
  try {
    await saveFigure(figure);
  } catch (error) {
    expect(error).toMatchObject({ code: 'bad-file' });
    return (error as Error).message;
  }
  throw new Error(`${figure.fileName} was accepted`);
}

describe('saveFigure', () => {
  it('hands good figures back for the host to save, bytes untouched', async () => {
    const chart = utf8(
      `<?xml version="1.0" encoding="UTF-8"?>\n<svg ${SVG_NS} xmlns:xlink="http://www.w3.org/1999/xlink" role="img" aria-label="Tag frequencies">` +
        `<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>` +
        `<title>Économie/Énergie — ə ş ı İ 🌍</title><g aria-label="a tag named url(https://x)"/><rect x="0" y="0" width="10" height="10" fill="url(#g)"/>` +
        `<use xlink:href="#g"/><text x="1" y="2" font-size="12">a &amp; b &lt; c</text></svg>`,
    );
    for (const good of [
      file('frequencies.svg', 'image/svg+xml', chart),
      file('frequencies.png', 'image/png', png(3, 2)),
      file('frequencies.csv', 'text/csv', utf8('\ufefftag,passages\r\n"a, ""b""",2\r\nə ş,1\r\n')),
    ]) {
      const outcome = await saveFigure(good);
      expect(outcome).toEqual({ kind: 'download', file: good });
    }
  });

  it('refuses a PNG named as an SVG, and a PNG that is not whole', async () => {
    expect(await refusal(file('chart.svg', 'image/svg+xml', png(2, 2)))).toBe(
      'This figure is a PNG image, not an SVG image: nothing was saved.',
    );
    expect(await refusal(file('chart.png', 'image/png', svg('')))).toBe(
      'This figure is not a whole PNG image: nothing was saved.',
    );
    expect(await refusal(file('chart.png', 'image/png', png(2, 2).subarray(0, 40)))).toMatch(
      /not a whole PNG/,
    );
  });

  it('refuses a file name that does not end in its type’s extension', async () => {
    expect(await refusal(file('chart.png', 'image/svg+xml', svg('')))).toBe(
      'The file name “chart.png” should end in .svg for an SVG image.',
    );
  });

  it('refuses SVGs that could run code or reach outside themselves', async () => {
    const cases: Array<[Uint8Array, RegExp]> = [
      [svg('<script>alert(1)</script>'), /holds a <script> element; a figure may not run code/],
      [svg('<g><svg:script xmlns:svg="http://www.w3.org/2000/svg"/></g>'), /<script>/],
      [svg('', ' onload="alert(1)"'), /event attribute \(onload\) on <svg>/],
      [svg('<rect ONCLICK="x()"/>'), /event attribute \(ONCLICK\) on <rect>/],
      [svg('<foreignObject><p>hi</p></foreignObject>'), /<foreignObject>/],
      [svg('<image href="https://example.com/x.png"/>'), /links outside itself/],
      [svg('<a xlink:href="javascript:alert(1)">x</a>'), /links outside itself/],
      [svg('<rect fill="url(https://example.com/p.svg#x)"/>'), /outside resource/],
      [svg('<rect style="fill: url(//example.com/p)"/>'), /outside resource/],
      [svg('<style>@import "https://example.com/a.css";</style>'), /style sheet/],
      [
        utf8(`<?xml-stylesheet href="https://example.com/a.css"?><svg ${SVG_NS}/>`),
        /processing instruction/,
      ],
      [utf8(`<!DOCTYPE svg [<!ENTITY x "y">]><svg ${SVG_NS}>&x;</svg>`), /document type/],
      [utf8(`<html ${SVG_NS}><body/></html>`), /has <html> at its root, not <svg>/],
      [utf8('<svg width="1"/>'), /lacks the SVG namespace/],
      [utf8(`<svg ${SVG_NS}><g></svg>`), /not well-formed XML \(line 1: /],
      [new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0xff, 0x3e]), /This SVG image is not UTF-8 text/],
    ];
    for (const [bytes, message] of cases) {
      const why = await refusal(file('chart.svg', 'image/svg+xml', bytes));
      expect(why).toMatch(message);
      expect(why).toMatch(/nothing was saved\.$/);
    }
  });

  it('refuses a CSV that is not UTF-8 text', async () => {
    // Windows-1252 "café" (é is 0xE9): not UTF-8.
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a]);
    expect(await refusal(file('table.csv', 'text/csv', latin1))).toBe(
      'This CSV table is not UTF-8 text: nothing was saved.',
    );
    expect(await refusal(file('table.csv', 'text/csv', utf8('a,b\u0000\r\n')))).toBe(
      'This CSV table holds a control character (U+0000), so it is not text: nothing was saved.',
    );
    expect(await refusal(file('table.csv', 'text/csv', png(1, 1)))).toMatch(/is a PNG image/);
  });
});

describe('saveFigure through the dispatcher', () => {
  it('takes bytes from the window, refuses a path for a name, and changes nothing', async () => {
    const nb = await dispatchedNotebook('notebook-figures-');
    try {
      const before = await nb.call('getHistory', {});
      const good = file('Tags by ölkə.svg', 'image/svg+xml', svg('<rect width="1" height="1"/>'));
      expect(await nb.call('saveFigure', good)).toEqual({ kind: 'download', file: good });
      expect(await nb.refusal('saveFigure', { ...good, fileName: '../x.svg' })).toMatch(
        /a file name, not a path/,
      );
      expect(
        await nb.refusal('saveFigure', file('x.svg', 'image/svg+xml', svg('<script/>'))),
      ).toMatch(/<script>/);
      expect(await nb.call('getHistory', {})).toEqual(before);
    } finally {
      await nb.close();
    }
  });
});
