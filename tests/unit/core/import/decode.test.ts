// What importFile refuses, and with which words: each refusal is a message the analyst will read.
import { describe, expect, it } from 'vitest';
import { NotebookError } from '../../../../electron/core/errors';
import { importFile } from '../../../../electron/core/import/index';
import { LIMITS } from '../../../../electron/shared/model';
import { expectValidDocument, fixture } from './expect-valid-document';

// A real 1x1 PNG: signature, IHDR, IDAT, IEND.
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
  0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
  0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(fileName: string, bytes: Uint8Array): Promise<NotebookError> {
  try {
    await importFile(fileName, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(NotebookError);
    expect((error as NotebookError).code).toBe('bad-file');
    return error as NotebookError;
  }
  throw new Error(`${fileName} was imported, not refused`);
}

describe('importFile refusals', () => {
  it('refuses an empty file', async () => {
    expect((await refusal('notes.txt', new Uint8Array())).message).toBe(
      'The file “notes.txt” is empty.',
    );
  });

  it('refuses a file of nothing but whitespace (and a byte-order mark)', async () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(' \r\n\t\n  ')]);
    expect((await refusal('blank.md', bytes)).message).toBe('The file “blank.md” is empty.');
  });

  it('refuses a file larger than the import limit', async () => {
    const message = (await refusal('huge.txt', new Uint8Array(LIMITS.importBytes + 1).fill(0x61)))
      .message;
    expect(message).toBe(
      'The file “huge.txt” is larger than 50 MB, the most that can be imported.',
    );
  });

  it('accepts a file of exactly the limit', async () => {
    const bytes = new Uint8Array(LIMITS.importBytes).fill(0x61);
    bytes.set(utf8('Exactly fifty\n\n'));
    const { doc } = await importFile('big.txt', bytes);
    expect(doc.title).toBe('Exactly fifty');
    expect(doc.text.length).toBe(LIMITS.importBytes);
  });

  it('refuses a binary file even when it is named .txt', async () => {
    expect((await refusal('photo.txt', PNG)).message).toBe(
      "The file “photo.txt” is an image, not a text file, so it can't be imported.",
    );
  });

  it('reads text in a legacy encoding instead of refusing it', async () => {
    // "café" in Windows-1252: 0xE9 is not valid UTF-8 on its own. (Refused before legacy
    // encodings were read.)
    const bytes = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0a]);
    const imported = await importFile('menu.txt', bytes);
    expect(imported.doc.text).toBe('café');
    expect(imported.encodingSource).toBe('detected');
  });

  it('refuses a truncated UTF-16 file as damaged', async () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42]);
    expect((await refusal('cut.txt', bytes)).message).toBe(
      'The file “cut.txt” is damaged: it says it is Unicode (UTF-16 little-endian) text, but ' +
        "not all of it is, so it can't be imported.",
    );
  });

  // The content decides, not the name: text under any name is read as text (and never run).
  it.each(['photo.png', 'report.docx', 'README', 'archive.tar.gz', 'notes.txt.exe', '.md'])(
    'reads text named %j as the text it is',
    async (name) => {
      const imported = await importFile(name, utf8('hello'));
      expect(imported.doc.text).toBe('hello');
      expect(imported.format).toBe('text');
    },
  );

  it('names only the file, never the folders it came from', async () => {
    expect((await refusal('/home/analyst/private/notes.txt', new Uint8Array())).message).toBe(
      'The file “notes.txt” is empty.',
    );
    const { source } = await importFile('C:\\Users\\analyst\\notes.txt', utf8('Hello'));
    expect(source).toBe('notes.txt');
  });
});

describe('importFile formats and encodings', () => {
  it.each([
    ['NOTES.TXT', 'text'],
    ['notes.text', 'text'],
    ['Article.MD', 'markdown'],
    ['article.Markdown', 'markdown'],
    ['page.HTM', 'html'],
    ['page.html', 'html'],
  ] as const)('reads %j as %s', async (name, format) => {
    const imported = await importFile(name, utf8('<p>Hello *there*</p>'));
    expect(imported.format).toBe(format);
    expect(imported.source).toBe(name);
    expectValidDocument(imported.doc);
  });

  it('strips a UTF-8 byte-order mark', async () => {
    const { doc } = await importFile(
      'bom.txt',
      Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Başlıq\n\nMətn.')]),
    );
    expect(doc.title).toBe('Başlıq');
    expect(doc.text).toBe('Başlıq\n\nMətn.');
  });

  it('reads UTF-16 LE and BE files with a byte-order mark to the same document', async () => {
    const le = fixture('utf16le.txt');
    expect([le[0], le[1]]).toEqual([0xff, 0xfe]);
    const be = new Uint8Array(le.length);
    for (let i = 0; i + 1 < le.length; i += 2) {
      be[i] = le[i + 1] ?? 0;
      be[i + 1] = le[i] ?? 0;
    }
    const fromLe = (await importFile('utf16le.txt', le)).doc;
    const fromBe = (await importFile('utf16be.txt', be)).doc;
    expectValidDocument(fromLe);
    expect(fromBe).toEqual(fromLe);
    expect(fromLe.title).toBe('Xəzər dənizi boyunca bərə xətti');
    expect(fromLe.text).toContain('Gəmi 42 yük maşını daşıdı 🚢.');
    expect(fromLe.text).not.toContain('\ufeff');
  });
});
