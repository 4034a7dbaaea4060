// notebook.json as compaction writes it: one record per line, produced in slices, and read back
// exactly; a v1 file read through the same door comes out upgraded with its bodies.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyNotebook, type NotebookData } from '../../../../electron/core/store/notebook-data';
import { parseNotebook, serializeNotebook } from '../../../../electron/core/store/notebook-file';
import { annotation, article, tag } from '../../../fixtures/store/notebook-fixtures';

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
    };
    const text = (await collect(data)).join('');
    expect(JSON.parse(text)).toEqual(data);
    expect(text.split('\n')).toHaveLength(10);
    expect(parseNotebook(Buffer.from(text))).toEqual({ kind: 'ok', data });
  });

  it('writes an empty notebook as valid JSON too', async () => {
    const text = (await collect(emptyNotebook())).join('');
    expect(JSON.parse(text)).toEqual(emptyNotebook());
  });

  it('splits a notebook of several megabytes into many chunks', async () => {
    const annotations = Array.from({ length: 5000 }, (_, i) => ({
      ...annotation(`n${i}`, 'a1'),
      comment: 'c'.repeat(1000),
    }));
    const data: NotebookData = { ...emptyNotebook(), annotations };
    const chunks = await collect(data);
    expect(chunks.length).toBeGreaterThan(4);
    expect(JSON.parse(chunks.join(''))).toEqual(data);
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
