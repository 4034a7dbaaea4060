// Saving a figure or a table the window drew (saveFigure). The window made the bytes, so they are
// checked to be what their type says before they reach the analyst's disk: a PNG is a PNG, a CSV
// is UTF-8 text, and an SVG is a picture only (no script, no event handlers, no HTML inside, no
// links out), since an SVG opened in a browser runs whatever it holds. The host decides where the
// file goes (Electron's save dialog, or the browser's downloads).
import type { FigureFile, FigureType } from '../../shared/analysis';
import type { Handlers } from '../../shared/contract';
import { badFile } from '../errors';
import type { XmlElement } from '../import/xml-tree';
import type { ServiceContext } from './context';

const EXTENSIONS: Record<FigureType, string> = {
  'image/svg+xml': '.svg',
  'image/png': '.png',
  'text/csv': '.csv',
};

const NAMES: Record<FigureType, string> = {
  'image/svg+xml': 'SVG image',
  'image/png': 'PNG image',
  'text/csv': 'CSV table',
};
const A_NAME: Record<FigureType, string> = {
  'image/svg+xml': 'an SVG image',
  'image/png': 'a PNG image',
  'text/csv': 'a CSV table',
};

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function figureHandlers(_ctx: ServiceContext): Pick<Handlers, 'saveFigure'> {
  return {
    async saveFigure(file) {
      await checkFigure(file);
      return { kind: 'download', file };
    },
  };
}

/** Refuses (with a sentence saying why) a figure whose name or bytes are not what its type says. */
export async function checkFigure(file: FigureFile): Promise<void> {
  const extension = EXTENSIONS[file.mimeType];
  if (!file.fileName.toLowerCase().endsWith(extension)) {
    throw badFile(
      `The file name “${file.fileName}” should end in ${extension} for ${A_NAME[file.mimeType]}.`,
    );
  }
  if (file.mimeType === 'image/png') return checkPng(file.bytes);
  if (isPng(file.bytes)) {
    throw badFile(`This figure is a PNG image, not ${A_NAME[file.mimeType]}: nothing was saved.`);
  }
  const text = utf8Text(file.bytes, NAMES[file.mimeType]);
  if (file.mimeType === 'image/svg+xml') await checkSvg(text);
  else checkCsv(text);
}

const isPng = (bytes: Uint8Array) => PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);

function checkPng(bytes: Uint8Array) {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  // The signature, then the header chunk (13 bytes long) first and the end chunk last, as PNG
  // requires: enough to tell a PNG from another file under its name, without decoding it.
  const ok =
    isPng(bytes) &&
    bytes.length >= 8 + 25 + 12 &&
    ascii(12, 16) === 'IHDR' &&
    bytes[8] === 0 &&
    bytes[9] === 0 &&
    bytes[10] === 0 &&
    bytes[11] === 13 &&
    ascii(bytes.length - 8, bytes.length - 4) === 'IEND';
  if (!ok) throw badFile('This figure is not a whole PNG image: nothing was saved.');
}

function utf8Text(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw badFile(`This ${what} is not UTF-8 text: nothing was saved.`);
  }
}

function checkCsv(text: string) {
  // Text, not a binary file that happens to decode: no control characters but tab and line ends.
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
    throw badFile(
      `This CSV table holds a control character (U+${code}), so it is not text: nothing was saved.`,
    );
  }
}

async function checkSvg(text: string) {
  const refuse = (why: string) => badFile(`This SVG image ${why}: nothing was saved.`);
  // A document type can declare entities (and pull in outside ones); a figure needs none.
  if (/<!DOCTYPE/i.test(text)) throw refuse('has a document type declaration');
  // A processing instruction such as <?xml-stylesheet href=…?> loads from outside.
  for (const [, target] of text.matchAll(/<\?([^\s?]*)/g)) {
    if (target !== 'xml') throw refuse(`has a processing instruction (<?${target}?>)`);
  }
  const { XMLValidator } = await import('fast-xml-parser');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw refuse(`is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  // The XML reader loads on first use: it brings the importers' text decoding with it, which
  // start-up must not load (tests/unit/core/startup-imports.test.ts).
  const xml = await import('../import/xml-tree');
  const { isElement, localName } = xml;
  const document = await xml.parseXml(text);
  const roots = document.children.filter(isElement);
  const root = roots[0];
  if (roots.length !== 1 || !root || localName(root.name) !== 'svg') {
    throw refuse(`has ${root ? `<${root.name}>` : 'no element'} at its root, not <svg>`);
  }
  if (root.attrs.xmlns !== SVG_NAMESPACE) {
    throw refuse(`lacks the SVG namespace (xmlns="${SVG_NAMESPACE}") on its <svg>`);
  }
  checkElement(root, refuse, xml);
}

/** Anything that could run code or reach outside the file is refused, wherever it is. */
function checkElement(
  element: XmlElement,
  refuse: (why: string) => Error,
  xml: Pick<typeof import('../import/xml-tree'), 'isElement' | 'localName'>,
) {
  const { isElement, localName } = xml;
  const name = localName(element.name).toLowerCase();
  if (name === 'script') throw refuse('holds a <script> element; a figure may not run code');
  if (name === 'foreignobject') {
    throw refuse(
      'holds a <foreignObject> (HTML inside the picture), which a figure has no use for',
    );
  }
  for (const [attr, value] of Object.entries(element.attrs)) {
    const local = localName(attr).toLowerCase();
    if (local.startsWith('on')) {
      throw refuse(
        `has an event attribute (${attr}) on <${element.name}>; a figure may not run code`,
      );
    }
    if (local === 'href' && !value.trim().startsWith('#')) {
      throw refuse(`links outside itself (${attr}="${short(value)}"); a figure must stand alone`);
    }
    if (URL_ATTRIBUTES.has(local) && outsideUrl(value)) {
      throw refuse(`refers to an outside resource (${attr}="${short(value)}")`);
    }
  }
  for (const child of element.children) {
    if (isElement(child)) checkElement(child, refuse, xml);
    else if (name === 'style' && (outsideUrl(child) || /@import/i.test(child))) {
      throw refuse('has a style sheet that loads from outside');
    }
  }
}

/** The attributes that take a CSS url() (others, like aria-label, may say "url(" as text). */
const URL_ATTRIBUTES = new Set([
  'fill',
  'stroke',
  'filter',
  'clip-path',
  'mask',
  'marker-start',
  'marker-mid',
  'marker-end',
  'cursor',
  'style',
]);

/** A CSS url() that is not a reference inside the file (url(#gradient)). */
const outsideUrl = (value: string) => /url\(\s*['"]?\s*(?!#)/i.test(value);

const short = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);
