// Writes the bench notebook (the big article, the codebook, 10,000 annotations, and the small
// articles with theirs) into a data folder through the real store, once; each case then works on
// its own copy of that folder.
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openNotebookStore, type Change } from '../../electron/core/store';
import type { Annotation } from '../../electron/shared/model';
import type { BenchData } from './generate';
import { benchRecords, type BenchRecords } from './records';

export interface BenchNotebook {
  /** Never opened by a case: copy it first (copyNotebook). */
  pristineDir: string;
  records: BenchRecords;
}

const FIXED_NOW = () => new Date(Date.UTC(2024, 5, 11, 12, 0, 0));

/**
 * `sampleSeeded: false` lets the browser host add its bundled sample on first start, so the
 * library holds the sample (newest, opened first) and the big article (opened by a click).
 */
export async function writeBenchNotebook(data: BenchData, root: string): Promise<BenchNotebook> {
  const pristineDir = path.join(root, 'pristine');
  const store = await openNotebookStore(pristineDir, { now: FIXED_NOW });
  const bodyHash = await store.putBody(data.body);
  const smallHashes: string[] = [];
  for (const small of data.small) smallHashes.push(await store.putBody(small.body));
  const records = benchRecords(data, bodyHash, smallHashes);
  const annotationPut = (record: Annotation): Change => ({
    kind: 'put',
    collection: 'annotations',
    record,
  });
  const changes: Change[] = [
    { kind: 'put', collection: 'analysts', record: records.analyst },
    { kind: 'meta', key: 'analystId', value: records.analyst.id },
    { kind: 'put', collection: 'articles', record: records.record },
    ...records.small.map((s): Change => ({
      kind: 'put',
      collection: 'articles',
      record: s.record,
    })),
    ...records.tags.map((record): Change => ({ kind: 'put', collection: 'tags', record })),
    ...records.annotations.map(annotationPut),
    ...records.small.flatMap((s) => s.annotations.map(annotationPut)),
  ];
  await store.commit(changes);
  // Two compactions (the second at close) fold the bulk commit into notebook.json and drop its
  // journal, leaving the folder as after an ordinary session: everything in notebook.json, and a
  // journal of one small commit kept for the backup's sake.
  await store.compact();
  await store.commit([{ kind: 'meta', key: 'sampleSeeded', value: false }]);
  await store.close();
  return { pristineDir, records };
}

export async function copyNotebook(notebook: BenchNotebook, root: string): Promise<string> {
  const dir = await mkdtemp(path.join(root, 'copy-'));
  await cp(notebook.pristineDir, dir, { recursive: true });
  return dir;
}

export const benchRoot = () => mkdtemp(path.join(tmpdir(), 'notebook-bench-'));
