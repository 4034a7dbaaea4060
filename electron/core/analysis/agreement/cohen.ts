// Cohen's (1960) kappa for two coders, from their contingency table: how far the agreement they
// reached exceeds the agreement their own category proportions would reach by chance.

export interface CohenFigures {
  /** Units classified: the table's total. */
  n: number;
  /** p_o: the share of units on the diagonal (both coders chose the same category). */
  observed: number;
  /** p_c: for each category, the product of the two coders' proportions, summed (not multiplied). */
  chance: number;
  /** (p_o − p_c) / (1 − p_c); null when chance agreement is 1 (both used one category only). */
  kappa: number | null;
}

/**
 * `table[i][j]`: units coder A put in category i and coder B in category j (counts, or
 * proportions: only their ratios matter). Null for an empty table.
 */
export function cohenKappa(table: readonly (readonly number[])[]): CohenFigures | null {
  const k = table.length;
  const rows = new Array<number>(k).fill(0);
  const columns = new Array<number>(k).fill(0);
  let n = 0;
  let diagonal = 0;
  table.forEach((row, i) => {
    if (row.length !== k) throw new RangeError('A contingency table is square.');
    row.forEach((count, j) => {
      if (!(count >= 0)) throw new RangeError('Counts are not negative.');
      rows[i]! += count;
      columns[j]! += count;
      n += count;
      if (i === j) diagonal += count;
    });
  });
  if (n === 0) return null;
  const observed = diagonal / n;
  let chance = 0;
  for (let i = 0; i < k; i++) chance += (rows[i]! / n) * (columns[i]! / n);
  // Rounding can leave 1 − 1e-17 where one category holds everything.
  const kappa = 1 - chance < 1e-12 ? null : (observed - chance) / (1 - chance);
  return { n, observed, chance, kappa };
}

/** The share of units both coders put in the same category; null for an empty table. */
export const percentAgreement = (table: readonly (readonly number[])[]): number | null =>
  cohenKappa(table)?.observed ?? null;

/**
 * The 2×2 table of one tag over one article's units, from what two coders coded: both, A only,
 * B only, neither. Row and column 0 are "coded".
 */
export function codedTable(
  units: number,
  codedA: number,
  codedB: number,
  both: number,
): [[number, number], [number, number]] {
  const aOnly = codedA - both;
  const bOnly = codedB - both;
  return [
    [both, aOnly],
    [bOnly, units - both - aOnly - bOnly],
  ];
}
