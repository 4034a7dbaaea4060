// REFI-QDA import at the issue's size: a generated project of 50 text sources with 5,000 codings
// (100 codes in two levels, three users, emoji and Azerbaijani in every text, CRLF line ends so
// positions go through the offset map) imported into a fresh notebook each run, through the
// service: the median time, and the longest the main loop was held while it ran.
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { openNotebook } from '../../../electron/core/notebook';
import { nameBasedUuid } from '../../../electron/core/interchange/guid';
import { benchLine, blockingRun, median, type BenchLine } from '../stats';

export const REFI_IMPORT_FIGURE = 'import a REFI-QDA project (50 sources, 5,000 codings)';
const BUDGET_MS = 3000;
const RUNS = 5;
const SOURCES = 50;
const CODINGS = 5000;

const WORDS = [
  'Bakı',
  'limanı',
  'və',
  'Şuşa',
  'pipeline',
  'trade',
  'exports',
  'tourism',
  '🚢',
  'İpək',
  'yolu',
  'gas',
];

/** A deterministic project: the same bytes every run. */
export function refiProject(): Uint8Array {
  const guid = (name: string) => nameBasedUuid(`bench\u0000${name}`);
  const users = [0, 1, 2].map((i) => guid(`user${i}`));
  const codes: string[] = [];
  const codeXml: string[] = [];
  for (let top = 0; top < 10; top++) {
    const children: string[] = [];
    for (let child = 0; child < 9; child++) {
      const g = guid(`code${top}.${child}`);
      codes.push(g);
      children.push(
        `<Code guid="${g}" name="Kod ${top}.${child} ə" isCodable="true" color="#3366${top}${child}0"/>`,
      );
    }
    const g = guid(`code${top}`);
    codes.push(g);
    codeXml.push(
      `<Code guid="${g}" name="Mövzu ${top}" isCodable="true"><Description>Top code ${top}</Description>${children.join('')}</Code>`,
    );
  }
  const files: Record<string, Uint8Array> = {};
  const sources: string[] = [];
  const perSource = CODINGS / SOURCES;
  let rng = 42;
  const next = () => (rng = (rng * 1103515245 + 12345) % 2147483648);
  for (let s = 0; s < SOURCES; s++) {
    const paragraphs: string[] = [];
    for (let p = 0; p < 40; p++) {
      const words: string[] = [];
      for (let w = 0; w < 60; w++) words.push(WORDS[next() % WORDS.length]!);
      paragraphs.push(words.join(' '));
    }
    const text = paragraphs.join('\r\n\r\n');
    const points = Array.from(text);
    const g = guid(`source${s}`);
    files[`sources/${g}.txt`] = strToU8(text);
    const selections: string[] = [];
    for (let c = 0; c < perSource; c++) {
      const start = next() % (points.length - 200);
      const end = start + 5 + (next() % 150);
      const user = users[c % users.length]!;
      selections.push(
        `<PlainTextSelection guid="${guid(`sel${s}.${c}`)}" name="s" startPosition="${start}" endPosition="${end}" creatingUser="${user}" creationDateTime="2025-01-01T10:00:00Z"><Coding guid="${guid(`coding${s}.${c}`)}" creatingUser="${user}"><CodeRef targetGUID="${codes[next() % codes.length]}"/></Coding></PlainTextSelection>`,
      );
    }
    sources.push(
      `<TextSource guid="${g}" name="Source ${s} 🚢" plainTextPath="internal://${g}.txt">${selections.join('')}</TextSource>`,
    );
  }
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Bench" origin="bench">
<Users>${users.map((u, i) => `<User guid="${u}" name="Analyst ${i} ə"/>`).join('')}</Users>
<CodeBook><Codes>${codeXml.join('')}</Codes></CodeBook>
<Sources>${sources.join('\n')}</Sources>
</Project>`;
  return zipSync({ 'project.qde': strToU8(qde), ...files });
}

export async function benchRefiImport(root: string): Promise<BenchLine> {
  const bytes = refiProject();
  const times: number[] = [];
  let maxBlockMs = 0;
  let placed = 0;
  for (let run = 0; run <= RUNS; run++) {
    const dir = await mkdtemp(path.join(root, 'refi-import-'));
    const notebook = await openNotebook({ dataDir: dir, compactAfterMs: 60_000 });
    try {
      const {
        value,
        ms,
        maxBlockMs: block,
      } = await blockingRun(() =>
        notebook.handlers.importProject({ fileName: 'bench.qdpx', bytes }),
      );
      placed = value.annotations.placed + value.annotations.toReview;
      // The first run warms the worker and loads the parser: not counted.
      if (run > 0) {
        times.push(ms);
        maxBlockMs = Math.max(maxBlockMs, block);
      }
    } finally {
      await notebook.store.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (placed !== CODINGS) throw new Error(`imported ${placed} passages, not ${CODINGS}`);
  return benchLine({
    name: REFI_IMPORT_FIGURE,
    median: median(times),
    unit: 'ms',
    budget: BUDGET_MS,
    baseline: null,
    runs: RUNS,
    withinBudget: median(times) <= BUDGET_MS && maxBlockMs <= 16,
    maxBlockMs: Number(maxBlockMs.toFixed(1)),
    note: `${(bytes.length / 1e6).toFixed(1)} MB .qdpx, CRLF texts with emoji; importProject into a fresh notebook (read in a core worker, one commit)`,
  });
}
