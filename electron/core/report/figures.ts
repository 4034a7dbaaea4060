// The report's figures as SVG text, made in the core (no DOM): tag frequencies as a bar chart and
// co-occurrence as a heat map. Scales from d3-scale; every label escaped. Presentation attributes
// only, no style attributes, so the strict CSP of the report page holds.
import { scaleBand, scaleLinear } from 'd3-scale';
import { escapeText, safeColor } from './escape';
import type { CooccurrenceMatrix, FrequencyBar } from './types';

const FONT = 'font-family="system-ui, sans-serif" font-size="12"';
const LABEL_WIDTH = 220;
/** Labels longer than this are cut with an ellipsis; the full path is in the bar's title. */
const LABEL_CHARS = 34;

const cut = (text: string, chars = LABEL_CHARS) => {
  const points = Array.from(text);
  return points.length > chars ? `${points.slice(0, chars - 1).join('')}…` : text;
};

function svgOpen(width: number, height: number, label: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeText(label)}" ${FONT}>` +
    `<title>${escapeText(label)}</title>`
  );
}

/** Passages per tag (the tag itself, and with the tags below it), one bar each. */
export function frequencyChart(bars: readonly FrequencyBar[]): string {
  const rowHeight = 22;
  const width = 640;
  const height = bars.length * rowHeight + 30;
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([4, height - 26])
    .padding(0.2);
  const most = Math.max(1, ...bars.map((b) => b.total));
  const x = scaleLinear()
    .domain([0, most])
    .range([LABEL_WIDTH, width - 40])
    .nice();
  const parts = [svgOpen(width, height, 'Passages per tag')];
  bars.forEach((bar, i) => {
    const top = y(i)!;
    const band = y.bandwidth();
    const middle = top + band / 2 + 4;
    parts.push(
      `<g><title>${escapeText(`${bar.path}: ${bar.own} passages with the tag, ${bar.total} with the tags below it`)}</title>`,
      `<text x="${LABEL_WIDTH - 8}" y="${middle}" text-anchor="end" fill="#222222">${escapeText(cut(bar.path))}</text>`,
      // The subtree's total behind, the tag's own passages in its colour in front.
      `<rect x="${LABEL_WIDTH}" y="${top}" width="${x(bar.total) - LABEL_WIDTH}" height="${band}" fill="${safeColor(bar.color)}" fill-opacity="0.35"/>`,
      `<rect x="${LABEL_WIDTH}" y="${top}" width="${x(bar.own) - LABEL_WIDTH}" height="${band}" fill="${safeColor(bar.color)}"/>`,
      `<text x="${x(bar.total) + 4}" y="${middle}" fill="#222222">${bar.own === bar.total ? bar.own : `${bar.own} (${bar.total})`}</text></g>`,
    );
  });
  const axis = height - 20;
  parts.push(
    `<line x1="${LABEL_WIDTH}" x2="${width - 40}" y1="${axis}" y2="${axis}" stroke="#666666"/>`,
  );
  for (const tick of x.ticks(Math.min(5, most))) {
    parts.push(
      `<text x="${x(tick)}" y="${axis + 14}" text-anchor="middle" fill="#444444">${tick}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** Overlaps between each pair of tags; the diagonal is each tag's passages. */
export function cooccurrenceHeatmap(matrix: CooccurrenceMatrix): string {
  const n = matrix.tags.length;
  const cell = n > 12 ? 22 : 32;
  // Room above for the slanted column labels: about 5 px of height per character at 45°.
  const longest = Math.max(...matrix.tags.map((t) => Array.from(cut(t.path, 22)).length));
  const top = Math.min(150, 16 + longest * 5);
  const width = LABEL_WIDTH + n * cell + 130;
  const height = top + n * cell + 10;
  const band = scaleBand<number>()
    .domain(matrix.tags.map((_, i) => i))
    .range([0, n * cell]);
  let most = 1;
  matrix.counts.forEach((row, i) =>
    row.forEach((count, j) => {
      if (i !== j) most = Math.max(most, count);
    }),
  );
  const shade = scaleLinear<string>().domain([0, most]).range(['#f4f6fb', '#1f4e99']);
  const parts = [svgOpen(width, height, 'Co-occurrence of tags')];
  matrix.tags.forEach((tag, i) => {
    const y = top + band(i)! + cell / 2 + 4;
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y}" text-anchor="end" fill="#222222">${escapeText(cut(tag.path))}</text>`,
    );
    const x = LABEL_WIDTH + band(i)! + cell / 2 + 4;
    parts.push(
      `<text x="${x}" y="${top - 8}" transform="rotate(-45 ${x} ${top - 8})" fill="#222222">${escapeText(cut(tag.path, 22))}</text>`,
    );
  });
  matrix.counts.forEach((row, i) =>
    row.forEach((count, j) => {
      const x = LABEL_WIDTH + band(j)!;
      const y = top + band(i)!;
      const diagonal = i === j;
      const fill = diagonal ? '#e2e2e2' : shade(count);
      const dark = !diagonal && count > most / 2;
      const what = diagonal
        ? `${matrix.tags[i]!.path}: ${count} ${count === 1 ? 'passage' : 'passages'}`
        : `${matrix.tags[i]!.path} and ${matrix.tags[j]!.path}: ${count} ${count === 1 ? 'overlap' : 'overlaps'}`;
      parts.push(
        `<g><title>${escapeText(what)}</title><rect x="${x}" y="${y}" width="${cell - 1}" height="${cell - 1}" fill="${fill}"/>`,
        count > 0
          ? `<text x="${x + cell / 2}" y="${y + cell / 2 + 4}" text-anchor="middle" fill="${dark ? '#ffffff' : '#222222'}">${count}</text>`
          : '',
        '</g>',
      );
    }),
  );
  parts.push('</svg>');
  return parts.join('');
}
