// Turns the bench's lines into the Markdown table for the README's Performance section, in the
// order of the budget table.
import type { BenchLine } from './stats';

/** Table order; a line whose name starts with one of these goes in that row's place. */
const ORDER = [
  'save an edit',
  'open an article from the click',
  'open the article',
  're-apply all',
  'click on text',
  'scroll to an annotation',
  're-anchor',
  'save one annotation',
  'start-up',
  'export',
  'import one web page',
  'search everything',
  'build the search index',
  'analysis of',
  'Analysis view',
  'undo a change',
  'redo a change',
  'list a codebook',
  'Codebook tab',
  'renderer memory',
];

const rank = (line: BenchLine) => {
  const at = ORDER.findIndex((prefix) => line.name.startsWith(prefix));
  return at === -1 ? ORDER.length : at;
};

const fmt = (value: unknown, unit: string) => {
  if (typeof value !== 'number') return '—';
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
};

/** The details that make a figure honest: p95 and blocking for saves, correctness for anchoring. */
function details(line: BenchLine): string {
  const parts: string[] = [`${line.runs} ${line.runs === 1 ? 'run' : 'runs'}`];
  if (line.p95 !== undefined) parts.push(`p95 ${fmt(line.p95, 'ms')}`);
  if (line.maxBlockMs !== undefined)
    parts.push(`main thread blocked ≤ ${fmt(line.maxBlockMs, 'ms')}`);
  if (line.floor !== undefined) parts.push(`append+fdatasync floor p95 ${fmt(line.floor, 'ms')}`);
  if (line.exactPct !== undefined) {
    parts.push(
      `${line.exactPct}% of intact passages exact, ${line.misplaced} misplaced unflagged, ` +
        `${line.flagged} flagged, ${line.orphaned} orphaned`,
    );
  }
  if (typeof line.core === 'number') {
    parts.push(`the core alone ${fmt(line.core, line.unit)} (×${String(line.coreRatio)})`);
  }
  if (typeof line.switchMedian === 'number') {
    parts.push(`switching to it in the open view ${fmt(line.switchMedian, line.unit)}`);
  }
  if (line.error !== undefined) parts.push(`not measured: ${String(line.error)}`);
  return parts.join('; ');
}

export function markdownTable(lines: BenchLine[]): string {
  const sorted = [...lines].sort((a, b) => rank(a) - rank(b));
  const rows = sorted.map((line) => {
    const budget = `${line.budget} ${line.unit}${line.budgetOf ? ' (p95)' : ''}`;
    return [
      line.name,
      fmt(line.median, line.unit),
      `≤ ${budget}`,
      fmt(line.baseline, line.unit),
      line.ratio === null ? '—' : `${line.ratio}`,
      line.withinBudget ? 'yes' : '**no**',
      details(line),
    ];
  });
  const header = [
    'figure',
    'median',
    'budget',
    'naive baseline',
    'ratio',
    'within budget',
    'notes',
  ];
  const table = [header, header.map(() => '---'), ...rows];
  return table
    .map((cells) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`)
    .join('\n');
}
