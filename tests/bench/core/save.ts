// Saving one annotation durably in a notebook of 10,000 with the real store (p95, and how long
// the main thread is ever blocked, a compaction included), against a lowdb-style rewrite of the
// whole single-file notebook and the floor of one appended line + fdatasync.
import { randomUUID } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describePassage } from '../../../electron/core/anchoring/selectors';
import { openNotebookStore } from '../../../electron/core/store';
import type { Annotation } from '../../../electron/shared/model';
import { copyNotebook, type BenchNotebook } from '../data-dir';
import type { BenchData } from '../generate';
import type { BenchRecords } from '../records';
import { benchLine, boxedRuns, log, median, percentile, type BenchLine } from '../stats';

const SAVES = 200;
/** The naive rewrite takes up to a second a save: up to 30, fewer (not under 15) after 12 s. */
const NAIVE_SAVES = { max: 30, min: 15, capMs: 12_000 };
/** monitorEventLoopDelay's sampling interval; its max includes up to one interval. */
const RESOLUTION_MS = 1;

function newAnnotation(data: BenchData, records: BenchRecords, i: number): Annotation {
  const passage = data.passages[(i * 7919) % data.passages.length]!;
  const stamp = new Date(Date.UTC(2024, 5, 12, 10, 0, i)).toISOString();
  return {
    id: randomUUID(),
    articleId: records.record.id,
    selectors: describePassage(data.body.text, passage.start, passage.end),
    revision: 1,
    tagIds: [records.tags[i % records.tags.length]!.id],
    comment: `Saved by the bench, number ${i}.`,
    createdAt: stamp,
    updatedAt: stamp,
    anchor: 'anchored',
  };
}

export async function benchSave(
  data: BenchData,
  notebook: BenchNotebook,
  root: string,
): Promise<BenchLine> {
  const dir = await copyNotebook(notebook, root);
  const store = await openNotebookStore(dir);
  const records = notebook.records;
  // The floor runs interleaved with the real saves, so both see the same disk at the same time
  // (these machines share their disk with other jobs, and fdatasync latency drifts).
  const floor = await FloorFile.open(path.join(root, 'floor.jsonl'));
  const times: number[] = [];
  const floorTimes: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  let compaction: Promise<void> | undefined;
  delay.enable();
  for (let i = 0; i < SAVES; i++) {
    // Halfway, a compaction starts alongside the saves, as the idle timer would start one.
    if (i === SAVES / 2) compaction = store.compact();
    const record = newAnnotation(data, records, i);
    const t0 = performance.now();
    await store.commit([{ kind: 'put', collection: 'annotations', record }]);
    times.push(performance.now() - t0);
    floorTimes.push(await floor.append({ seq: i + 1, changes: [{ kind: 'put', record }] }));
  }
  await compaction;
  delay.disable();
  await floor.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
  // The histogram counts each tick's whole interval; blocking is what came on top of it.
  const maxBlockMs = Math.max(0, delay.max / 1e6 - RESOLUTION_MS);

  const naive = await naiveRewrite(records, root);
  const p95 = percentile(times, 95);
  const floorP95 = percentile(floorTimes, 95);
  log(
    `save: p95 ${p95.toFixed(2)} ms, max block ${maxBlockMs.toFixed(1)} ms; naive p95 ${naive.p95.toFixed(1)} ms (${naive.mb.toFixed(1)} MB); floor p95 ${floorP95.toFixed(2)} ms`,
  );
  return benchLine({
    name: 'save one annotation durably at 10k',
    median: median(times),
    unit: 'ms',
    budget: 5,
    baseline: naive.p95,
    ratio: Number((p95 / naive.p95).toPrecision(3)),
    runs: SAVES,
    withinBudget: p95 <= 5 && maxBlockMs <= 16,
    p95: Number(p95.toFixed(3)),
    budgetOf: 'p95 (and maxBlockMs <= 16)',
    ratioOf: 'p95 / naive p95',
    maxBlockMs: Number(maxBlockMs.toFixed(1)),
    maxBlockNote: `monitorEventLoopDelay max (less its ${RESOLUTION_MS} ms tick) over all ${SAVES} saves, with store.compact() started alongside at save ${SAVES / 2}`,
    floor: Number(floorP95.toFixed(3)),
    floorNote: `append one journal-sized line + fdatasync, p95 of ${SAVES}, interleaved with the saves`,
    baselineNote: `lowdb-style rewrite of the single-file notebook (${naive.mb.toFixed(1)} MB: the ${naive.articles} articles inline + their ${naive.annotations} annotations): stringify, write temp, fsync, rename; p95 of ${naive.runs}; main thread blocked up to ${naive.maxBlockMs.toFixed(0)} ms`,
  });
}

/** The v1 notebook as one JSON document: what lowdb rewrote on every save. */
export function singleFileNotebook(records: BenchRecords) {
  const inline = ({ revision: _r, revisions: _rs, ...article }: BenchRecords['article']) => article;
  return {
    version: 1,
    articles: [records.article, ...records.small.map((s) => s.article)].map(inline),
    annotations: [records.annotations, ...records.small.map((s) => s.annotations)]
      .flat()
      .map(({ revision: _v, ...a }) => a),
    tags: records.tags,
    sampleSeeded: true,
  };
}

async function naiveRewrite(records: BenchRecords, root: string) {
  const notebook = singleFileNotebook(records);
  const file = path.join(root, 'naive-notebook.json');
  let bytes = 0;
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  const times = await boxedRuns(NAIVE_SAVES, async (i) => {
    const t0 = performance.now();
    notebook.annotations.push({ ...notebook.annotations[i]!, id: `naive-${i}` });
    const json = JSON.stringify(notebook);
    bytes = Buffer.byteLength(json);
    const handle = await open(`${file}.tmp`, 'w');
    await handle.writeFile(json, 'utf8');
    await handle.sync();
    await handle.close();
    await rename(`${file}.tmp`, file);
    return performance.now() - t0;
  });
  delay.disable();
  await rm(file, { force: true });
  const maxBlockMs = Math.max(0, delay.max / 1e6 - RESOLUTION_MS);
  return {
    p95: percentile(times, 95),
    runs: times.length,
    mb: bytes / 1e6,
    maxBlockMs,
    articles: notebook.articles.length,
    annotations: notebook.annotations.length - times.length,
  };
}

/** The least a durable save can cost here: one journal-sized line appended, then fdatasync. */
class FloorFile {
  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
  ) {}

  static async open(file: string): Promise<FloorFile> {
    return new FloorFile(file, await open(file, 'a'));
  }

  async append(entry: unknown): Promise<number> {
    const line = `${JSON.stringify(entry)}\n`;
    const t0 = performance.now();
    await this.handle.writeFile(line, 'utf8');
    await this.handle.datasync();
    return performance.now() - t0;
  }

  async close(): Promise<void> {
    await this.handle.close();
    await rm(this.file, { force: true });
  }
}
