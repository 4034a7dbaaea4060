// The colours and axes the charts share. Figures are drawn light (a white page, dark ink) in both
// themes: a saved SVG or PNG goes into a paper or a slide and must look there as it does here.
import { scaleLinear } from 'd3-scale';

export const PAPER = '#ffffff';
export const INK = '#1d1c1a';
export const MUTED_INK = '#5c5a55';
export const GRID = '#e2dfd7';
/** A cell that counts nothing: set apart from the lightest count. */
export const EMPTY_CELL = '#f6f5f1';
/** The diagonal of a co-occurrence map (a tag with itself): its own count, not a pair's. */
export const DIAGONAL_CELL = '#e4e1d8';
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

const LOW = '#dbe6f6';
const HIGH = '#0b2f7a';

/** A sequential fill for counts 1..max (0 is EMPTY_CELL): light for few, dark for many. */
export function heatFill(max: number): (value: number) => string {
  const scale = scaleLinear<string>()
    .domain([0, Math.max(1, max)])
    .range([LOW, HIGH])
    .clamp(true);
  return (value) => (value > 0 ? scale(value) : EMPTY_CELL);
}

/** The legend's steps: up to five values from 1 to max, each with its fill. */
export function heatLegend(max: number): Array<{ value: number; fill: string }> {
  if (max < 1) return [];
  const fill = heatFill(max);
  const values = new Set<number>([1]);
  for (const t of [0.25, 0.5, 0.75, 1]) values.add(Math.max(1, Math.round(max * t)));
  return [...values].sort((a, b) => a - b).map((value) => ({ value, fill: fill(value) }));
}

/** Dark ink on a light fill, white on a dark one (Rec. 601 lightness of `#rrggbb` or `rgb()`). */
export function inkOn(fill: string): string {
  const rgb = channels(fill);
  if (!rgb) return INK;
  const [r, g, b] = rgb;
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255 > 0.55 ? INK : '#ffffff';
}

function channels(fill: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i]!, 16)) as [number, number, number];
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(fill);
  if (rgb) return [1, 2, 3].map((i) => Number(rgb[i])) as [number, number, number];
  return null;
}

/** A linear axis from 0 to at least max, rounded to nice ticks, over `length` pixels. */
export function countAxis(max: number, length: number) {
  const scale = scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice(5)
    .range([0, length]);
  const ticks = scale.ticks(5).filter((t) => Number.isInteger(t));
  return { scale, ticks };
}
