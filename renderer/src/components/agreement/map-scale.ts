// The agreement map's colours: a coefficient from 0 (chance) to 1 (perfect) on one sequential
// scale, below chance in a warm colour of its own, and undefined apart from both.
import { scaleLinear } from 'd3-scale';
import { EMPTY_CELL } from '../../lib/charts/scales';

const LOW = '#e3ecf8';
const HIGH = '#0b2f7a';
/** Worse than chance: set apart from the blues, whatever its size. */
export const BELOW_CHANCE = '#f0a58f';
export const UNDEFINED_CELL = EMPTY_CELL;

const scale = scaleLinear<string>().domain([0, 1]).range([LOW, HIGH]).clamp(true);

export function coefficientFill(value: number | null): string {
  if (value === null) return UNDEFINED_CELL;
  return value < 0 ? BELOW_CHANCE : scale(value);
}

/** The legend's steps, left to right. */
export const LEGEND_STEPS: ReadonlyArray<{ label: string; fill: string }> = [
  { label: '< 0', fill: BELOW_CHANCE },
  ...[0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => ({ label: String(v), fill: scale(v) })),
];
