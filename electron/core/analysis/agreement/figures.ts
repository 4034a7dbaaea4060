// The figures of a comparison from what was counted: percent agreement, Cohen's kappa as NVivo
// computes it (two coders, per tag and article, over every unit: both coded and both uncoded
// agree), Krippendorff's alpha. Roll-ups pool the counts for percent and alpha, and average the
// cells' kappas weighted by their units, as NVivo's average does (shared/agreement.ts).
import type { AgreementFigures } from '../../../shared/agreement';
import { codedTable, cohenKappa } from './cohen';
import { binaryCoincidences, nominalAlpha } from './krippendorff';

/** What one tag in one article counts, for `coders` coders in a fixed order. */
export interface CellCounts {
  units: number;
  /** histogram[k]: units exactly k coders coded, k = 0..coders. */
  histogram: number[];
  /** Units each coder coded, in the coders' order. */
  coded: number[];
}

/** Cohen's kappa of one tag over one article's units; null unless two coders, or undefined. */
export function cellKappa({ units, histogram, coded }: CellCounts): number | null {
  if (coded.length !== 2 || units === 0) return null;
  return cohenKappa(codedTable(units, coded[0]!, coded[1]!, histogram[2]!))?.kappa ?? null;
}

function counted(counts: CellCounts, coders: readonly string[], kappa: number | null) {
  const { units, histogram, coded } = counts;
  const agreeing = histogram[0]! + histogram[coders.length]!;
  return {
    percent: units === 0 ? null : agreeing / units,
    kappa,
    alpha: nominalAlpha(binaryCoincidences(histogram)),
    units,
    disagreeingUnits: units - agreeing,
    coded: Object.fromEntries(coders.map((id, i) => [id, coded[i]!])),
  } satisfies AgreementFigures;
}

export const cellFigures = (counts: CellCounts, coders: readonly string[]): AgreementFigures =>
  counted(counts, coders, cellKappa(counts));

/** The figures of several cells together (a tag over articles, an article over tags, all). */
export function pooledFigures(
  cells: readonly CellCounts[],
  coders: readonly string[],
): AgreementFigures {
  const pooled: CellCounts = {
    units: 0,
    histogram: new Array<number>(coders.length + 1).fill(0),
    coded: new Array<number>(coders.length).fill(0),
  };
  let weighted = 0;
  let weights = 0;
  for (const cell of cells) {
    pooled.units += cell.units;
    cell.histogram.forEach((n, k) => (pooled.histogram[k]! += n));
    cell.coded.forEach((n, i) => (pooled.coded[i]! += n));
    const kappa = cellKappa(cell);
    if (kappa !== null) {
      weighted += kappa * cell.units;
      weights += cell.units;
    }
  }
  return counted(pooled, coders, weights === 0 ? null : weighted / weights);
}
