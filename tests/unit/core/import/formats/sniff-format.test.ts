// Format sniffing on real files (Word documents from the docx library, books and ODT zipped
// from their XML, a PDF and a PNG from Chromium) under their own names and renamed.
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  sniffFormat,
  type ImportFormatGuess,
} from '../../../../../electron/core/import/sniff-format';
import { makeDocx, makeEpub, makeOdt, makeXhtml, withChromiumPage } from './make-files';

const text = (s: string) => new TextEncoder().encode(s);
const guess = (format: ImportFormatGuess['format'], extensionDisagrees = false) =>
  expect.objectContaining({ format, extensionDisagrees });

let docx: Uint8Array;
let pdf: Uint8Array;
let png: Uint8Array;
const epub = makeEpub();
const odt = makeOdt();
const qdpx = zipSync({
  'project.qde': strToU8('<?xml version="1.0"?><Project name="Ferries"/>'),
  'sources/article.txt': strToU8('Text.'),
});
const page =
  '<!DOCTYPE html><html><head><title>Ferry</title></head><body><p>Text</p></body></html>';
const mhtml = [
  'From: <Saved by Blink>',
  'Snapshot-Content-Location: https://example.org/',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related;',
  '\ttype="text/html";',
  '\tboundary="----MultipartBoundary--x----"',
  '',
  '',
  '------MultipartBoundary--x----',
  'Content-Type: text/html',
  '',
  page,
  '------MultipartBoundary--x------',
].join('\r\n');

beforeAll(async () => {
  docx = await makeDocx();
  [pdf, png] = await withChromiumPage('https://print.example/', page, async (p) => [
    new Uint8Array(await p.pdf()),
    new Uint8Array(await p.screenshot()),
  ]);
}, 60_000);

describe('sniffFormat by content', () => {
  it('tells packages apart by their zip entries', () => {
    expect(sniffFormat('a.docx', docx)).toEqual({
      format: 'docx',
      extensionFormat: 'docx',
      extensionDisagrees: false,
    });
    expect(sniffFormat('a.epub', epub)).toEqual(guess('epub'));
    expect(sniffFormat('a.odt', odt)).toEqual(guess('odt'));
    expect(sniffFormat('a.qdpx', qdpx)).toEqual(guess('qdpx'));
    expect(sniffFormat('a.zip', zipSync({ 'a.txt': strToU8('x') }))).toEqual(guess('zip'));
  });

  it('knows a PDF, saved pages, HTML and XHTML by how they open', () => {
    expect(sniffFormat('a.pdf', pdf)).toEqual(guess('pdf'));
    expect(sniffFormat('a.mhtml', text(mhtml))).toEqual(guess('mhtml'));
    expect(sniffFormat('a.html', text(page))).toEqual(guess('html'));
    expect(sniffFormat('a.xhtml', text(makeXhtml()))).toEqual(guess('xhtml'));
    expect(
      sniffFormat('a.html', text(`<!-- saved -->\n  <html lang="en"><p>x</p></html>`)),
    ).toEqual(guess('html'));
    // UTF-16 with its byte-order mark: still a page.
    const utf16 = new Uint8Array([0xff, 0xfe, ...iconv.encode(page, 'utf-16le')]);
    expect(sniffFormat('a.htm', utf16)).toEqual(guess('html'));
  });

  it('leaves Markdown and plain text to the extension', () => {
    expect(sniffFormat('notes.md', text('# Notes\n\nText.'))).toEqual(guess('markdown'));
    expect(sniffFormat('notes.txt', text('# Notes\n\nText.'))).toEqual(guess('text'));
    expect(sniffFormat('README', text('Plain words.'))).toEqual({
      format: 'text',
      extensionDisagrees: false,
    });
    // A page that only names itself .html, without a doctype or <html>, is still read as one.
    expect(sniffFormat('frag.html', text('<p>Just a paragraph.</p>'))).toEqual(guess('html'));
  });

  it('names binary files', () => {
    expect(sniffFormat('shot.png', png)).toEqual({
      format: 'binary',
      binaryKind: 'image',
      extensionFormat: 'binary',
      extensionDisagrees: false,
    });
  });
});

describe('sniffFormat on renamed files', () => {
  it('reads the content, and says when the extension disagrees', () => {
    expect(sniffFormat('report.pdf', docx)).toEqual({
      format: 'docx',
      extensionFormat: 'pdf',
      extensionDisagrees: true,
    });
    expect(sniffFormat('legacy.doc', text(page))).toEqual(guess('html', true));
    expect(sniffFormat('book.zip', epub)).toEqual(guess('epub', true));
    expect(sniffFormat('page.html', text(mhtml))).toEqual(guess('mhtml', true));
    expect(sniffFormat('paper.txt', pdf)).toEqual(guess('pdf', true));
    expect(sniffFormat('essay.docx', text('Only words.'))).toEqual(guess('text', true));
    expect(sniffFormat('picture.html', png)).toEqual(guess('binary', true));
  });

  it('takes no offence where one importer reads both: XHTML in .html, text in .md', () => {
    expect(sniffFormat('page.html', text(makeXhtml()))).toEqual(guess('xhtml'));
    expect(sniffFormat('page.xhtml', text(page))).toEqual(guess('xhtml'));
    expect(sniffFormat('notes.md', text('plain'))).toEqual(guess('markdown'));
  });

  it('leaves a zip whose directory is damaged to its extension, for its importer to explain', () => {
    const cut = docx.subarray(0, docx.length - 30);
    expect(sniffFormat('cut.docx', cut)).toEqual(guess('docx'));
    expect(sniffFormat('cut.zip', cut)).toEqual(guess('zip'));
    // EPUB and ODT name themselves in their first entry, which survives the cut.
    expect(sniffFormat('cut.bin', epub.subarray(0, epub.length / 2))).toEqual(guess('epub'));
  });
});
