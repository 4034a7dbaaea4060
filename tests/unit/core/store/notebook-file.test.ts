// notebook.json as compaction writes it: one record per line, produced in slices, and read back
// exactly; a v1 file read through the same door comes out upgraded with its bodies.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SCHEMA_FINGERPRINT, isSealedByUs } from '../../../../electron/core/store/format-seal';
import { emptyNotebook, type NotebookData } from '../../../../electron/core/store/notebook-data';
import { parseNotebook, serializeNotebook } from '../../../../electron/core/store/notebook-file';
import { loadValidators } from '../../../../electron/core/store/schema-loader';
import {
  bodySchema,
  journalEntrySchema,
  notebookSchema,
} from '../../../../electron/core/store/schema';
import { analyst, annotation, article, tag } from '../../../fixtures/store/notebook-fixtures';

// parseNotebook checks unsealed files with the store's zod schemas, loaded on first need.
beforeAll(() => loadValidators());

/** What a file says beside its data: `seal` is this version's fingerprint and the CRC. */
const sealed = (data: NotebookData) => ({
  ...data,
  seal: expect.stringMatching(new RegExp(`^${SCHEMA_FINGERPRINT}:[0-9a-f]{8}$`)) as string,
});

async function collect(data: NotebookData): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of serializeNotebook(data)) chunks.push(chunk);
  return chunks;
}

describe('serializeNotebook', () => {
  it('writes JSON that reads back as the same data, one record per line', async () => {
    const data: NotebookData = {
      ...emptyNotebook(true),
      journalSeq: 12,
      articles: [article('a1'), article('a2')],
      annotations: [annotation('n1', 'a1', ['t1'])],
      tags: [tag('t1')],
      analysts: [analyst('an1')],
      codebookLog: [
        {
          id: 'e1',
          at: '2024-05-01T10:00:00.000Z',
          by: 'an1',
          operation: 'create',
          tagId: 't1',
          path: 'tag t1',
        },
      ],
      analystId: 'an1',
    };
    const text = (await collect(data)).join('');
    expect(JSON.parse(text)).toEqual(sealed(data));
    expect(text.split('\n')).toHaveLength(18);
    expect(parseNotebook(Buffer.from(text))).toEqual({ kind: 'ok', data });
  });

  it('writes an empty notebook as valid JSON too', async () => {
    const text = (await collect(emptyNotebook())).join('');
    expect(JSON.parse(text)).toEqual(sealed(emptyNotebook()));
  });

  it('splits a notebook of several megabytes into many chunks', async () => {
    const annotations = Array.from({ length: 5000 }, (_, i) => ({
      ...annotation(`n${i}`, 'a1'),
      comment: 'c'.repeat(1000),
    }));
    const data: NotebookData = { ...emptyNotebook(), annotations };
    const chunks = await collect(data);
    expect(chunks.length).toBeGreaterThan(4);
    expect(JSON.parse(chunks.join(''))).toEqual(sealed(data));
    expect(isSealedByUs(Buffer.from(chunks.join('')))).toBe(true);
  });

  it('writes every character beyond ASCII as an escape, and reads each back exactly', async () => {
    // Azerbaijani, Cyrillic, an emoji (a surrogate pair), a lone surrogate, U+0080 and U+FFFF.
    const comment = 'Qız göz — Россия 🚀 \ud800 \u0080\uffff "q" \\ /';
    const data: NotebookData = {
      ...emptyNotebook(),
      articles: [{ ...article('a1'), title: 'Azərbaycan və Rusiya' }],
      annotations: [{ ...annotation('n1', 'a1'), comment }],
      analystId: 'ана',
    };
    const bytes = Buffer.from((await collect(data)).join(''));
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(isSealedByUs(bytes)).toBe(true);
    const read = parseNotebook(bytes);
    expect(read).toEqual({ kind: 'ok', data });
    if (read.kind === 'ok') expect(read.data.annotations[0]!.comment).toBe(comment);
  });

  it('still reads a sealed file that holds raw UTF-8 (as versions before the escapes wrote it)', async () => {
    const data: NotebookData = {
      ...emptyNotebook(),
      annotations: [{ ...annotation('n1', 'a1'), comment: 'Qız göz — Россия 🚀' }],
    };
    const ascii = (await collect(data)).join('');
    const body = JSON.stringify(JSON.parse(ascii.slice(0, ascii.lastIndexOf(',"seal"')) + '}'));
    const raw = body.slice(0, -1);
    const crc = (await import('node:zlib')).crc32(raw);
    const file = Buffer.from(
      `${raw},"seal":"${SCHEMA_FINGERPRINT}:${crc.toString(16).padStart(8, '0')}"}\n`,
    );
    expect(file.some((byte) => byte >= 0x80)).toBe(true);
    expect(isSealedByUs(file)).toBe(true);
    expect(parseNotebook(file)).toEqual({ kind: 'ok', data });
  });
});

describe('the seal', () => {
  const data: NotebookData = {
    ...emptyNotebook(true),
    journalSeq: 3,
    articles: [article('a1')],
    annotations: [annotation('n1', 'a1', ['t1'])],
    tags: [tag('t1')],
  };

  it('names the schema that checked the data: a schema change must update SCHEMA_FINGERPRINT', () => {
    const schemas = [notebookSchema, journalEntrySchema, bodySchema].map((schema) =>
      z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }),
    );
    const fingerprint = createHash('sha256').update(JSON.stringify(schemas)).digest('hex');
    expect(SCHEMA_FINGERPRINT).toBe(fingerprint.slice(0, 8));
  });

  it('holds for the bytes as written, and for nothing else', async () => {
    const bytes = Buffer.from((await collect(data)).join(''));
    expect(isSealedByUs(bytes)).toBe(true);
    expect(parseNotebook(bytes)).toEqual({ kind: 'ok', data });
    // One byte changed anywhere before the seal, however harmless, and the seal no longer holds.
    const text = bytes.toString('utf8');
    const edited = Buffer.from(text.replace('"journalSeq":3', '"journalSeq":4'));
    expect(isSealedByUs(edited)).toBe(false);
    const cut = bytes.subarray(0, bytes.length - 3);
    expect(isSealedByUs(cut)).toBe(false);
    expect(isSealedByUs(Buffer.from(JSON.stringify(data)))).toBe(false);
  });

  it('of another schema (a newer app) sends the file through every check', async () => {
    const text = (await collect(data)).join('');
    const other = text.replace(`"seal":"${SCHEMA_FINGERPRINT}:`, '"seal":"feedf00d:');
    expect(isSealedByUs(Buffer.from(other))).toBe(false);
    // Checked in full, it reads the same (the seal key is not part of the data)...
    expect(parseNotebook(Buffer.from(other))).toEqual({ kind: 'ok', data });
    // ...and a value this version doesn't know is a newer app's, not damage.
    const newer = other.replace('"format":"markdown"', '"format":"rtf"');
    expect(newer).not.toBe(other);
    expect(() => parseNotebook(Buffer.from(newer))).toThrow(/newer version/);
  });
});

describe('parseNotebook', () => {
  it('reads a format 1 file as format 2 data plus the bodies taken out of it', () => {
    const v1 = readFileSync(
      fileURLToPath(new URL('../../../fixtures/store/notebook-v1.json', import.meta.url)),
    );
    const reading = parseNotebook(v1);
    expect(reading).toMatchObject({ kind: 'ok', migratedFrom: 1, data: { version: 2 } });
    if (reading.kind !== 'ok') return;
    const hash = reading.data.articles[0]?.revisions[0]?.bodyHash ?? '';
    expect(reading.bodies?.get(hash)?.text).toBe(
      'On field notes\nWrite them the same day. Memory edits.',
    );
  });
});
