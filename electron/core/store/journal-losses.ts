// What the journal lost, in notices: runs of damaged lines (what they held, as far as still
// legible, and when), and seqs with no line at all (a journal file gone). Only what the opened
// copy doesn't already contain counts.
import type { Notice, NoticeParams } from '../../shared/notices';
import type { DamagedRun, JournalScan } from './journal-scan';
import type { NotebookState } from './notebook-data';

type Unreadable = NoticeParams['changes-unreadable'];

export function lossNotices(scan: JournalScan, from: number, state: NotebookState): Notice[] {
  const intact = new Set(scan.seqs);
  const explained = new Set<number>();
  const byJournal = new Map<string, Unreadable>();
  for (const run of scan.damagedRuns()) {
    const lost = lostSeqs(run, from, intact);
    if (lost.count === 0) continue;
    lost.seqs.forEach((s) => explained.add(s));
    const notice = byJournal.get(run.journal) ?? {
      journal: run.journal,
      changes: 0,
      lines: [],
      annotations: 0,
      tags: 0,
      articleTitles: [],
    };
    notice.changes += lost.count;
    notice.lines.push(...run.lines.map((l) => l.lineNumber));
    const at = run.traces.find((t) => t.at !== undefined)?.at;
    if (at !== undefined) notice.at ??= at;
    else {
      const after = scan.timeOf(run.after);
      const before = scan.timeOf(run.before);
      if (after !== undefined) notice.after ??= after;
      if (before !== undefined) notice.before = before;
    }
    for (const trace of run.traces) {
      notice.annotations += trace.annotations;
      notice.tags += trace.tags;
      const titles = [
        ...trace.articleIds.flatMap((id) => state.articles.get(id)?.title ?? []),
        ...trace.titles,
      ];
      for (const title of titles) {
        if (!notice.articleTitles.includes(title)) notice.articleTitles.push(title);
      }
    }
    byJournal.set(run.journal, notice);
  }
  const notices: Notice[] = [...byJournal.values()].map((params) => ({
    code: 'changes-unreadable',
    params,
  }));
  for (const gap of gaps(
    from,
    [...intact].sort((a, b) => a - b),
    explained,
  )) {
    const after = scan.timeOf(gap.first - 1);
    const before = scan.timeOf(gap.last + 1);
    notices.push({
      code: 'changes-missing',
      params: {
        count: gap.last - gap.first + 1,
        ...(after !== undefined && { after }),
        ...(before !== undefined && { before }),
      },
    });
  }
  return notices;
}

/**
 * The seqs a damaged run held that nothing else has. Between two intact lines in order, those are
 * the seqs between them; at the start of the journal, those before the next intact line; at the
 * end, one per line after the last intact one. Seqs the opened copy contains are not lost.
 */
function lostSeqs(run: DamagedRun, from: number, intact: Set<number>) {
  const { after, before } = run;
  const seqs: number[] = [];
  // (A span far wider than the run can only come from a seq that is itself wrong.)
  const sane = (lo: number, hi: number) => hi - lo <= run.lines.length * 1000 + 1;
  if (before !== undefined && (after === undefined || before > after)) {
    const lo = Math.max(after ?? from, from);
    if (sane(lo, before)) {
      for (let s = lo + 1; s < before; s++) if (!intact.has(s)) seqs.push(s);
      return { seqs, count: seqs.length };
    }
  }
  if (after !== undefined && before === undefined) {
    for (let s = after + 1; s <= after + run.lines.length; s++) {
      if (s > from && !intact.has(s)) seqs.push(s);
    }
    return { seqs, count: seqs.length };
  }
  // Out of order (a line copied in from elsewhere, say): each line by its own legible seq.
  let count = 0;
  for (const line of run.lines) {
    if (line.seq !== undefined && (line.seq <= from || intact.has(line.seq))) continue;
    count++;
    if (line.seq !== undefined) seqs.push(line.seq);
  }
  return { seqs, count };
}

/** Runs of seqs after `from` and up to the last intact one that no line accounts for. */
function gaps(from: number, sorted: number[], explained: Set<number>) {
  const points = [...explained].sort((a, b) => a - b);
  const found: { first: number; last: number }[] = [];
  let expected = from + 1;
  for (const seq of sorted) {
    if (seq < expected) continue;
    // [expected, seq) is missing, except where a damaged line accounts for a seq.
    let first = expected;
    for (const p of points) {
      if (p < first || p >= seq) continue;
      if (p > first) found.push({ first, last: p - 1 });
      first = p + 1;
    }
    if (first < seq) found.push({ first, last: seq - 1 });
    expected = seq + 1;
  }
  return found;
}
