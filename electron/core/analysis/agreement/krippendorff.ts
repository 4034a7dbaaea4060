// Krippendorff's alpha for nominal data, by the coincidence-matrix method of Krippendorff (2011),
// "Computing Krippendorff's Alpha-Reliability": each unit's pairable values (those of the coders
// who gave one) contribute their m_u(m_u − 1) ordered pairs, each weighted 1/(m_u − 1), to the
// coincidences o_ck; then alpha = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.

export interface Coincidences<V> {
  /** The values met, in the order met: the matrix's rows and columns. */
  values: V[];
  /** o[c][k]: how often value c was paired with value k within a unit. Symmetric. */
  matrix: number[][];
}

/**
 * The coincidences of a reliability table: `units[u][c]` is what coder c gave unit u, null or
 * undefined where the coder gave nothing. Units with fewer than two values are not pairable.
 */
export function coincidencesOf<V>(
  units: ReadonlyArray<ReadonlyArray<V | null | undefined>>,
): Coincidences<V> {
  const index = new Map<V, number>();
  const values: V[] = [];
  const matrix: number[][] = [];
  const numberOf = (value: V) => {
    let i = index.get(value);
    if (i === undefined) {
      i = values.length;
      index.set(value, i);
      values.push(value);
      for (const row of matrix) row.push(0);
      matrix.push(new Array<number>(values.length).fill(0));
    }
    return i;
  };
  for (const unit of units) {
    const counts = new Map<number, number>();
    let m = 0;
    for (const value of unit) {
      if (value === null || value === undefined) continue;
      const i = numberOf(value);
      counts.set(i, (counts.get(i) ?? 0) + 1);
      m++;
    }
    if (m < 2) continue;
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) matrix[c]![k]! += (nc * (c === k ? nk - 1 : nk)) / (m - 1);
    }
  }
  return { values, matrix };
}

/**
 * The coincidences of coded (true) and not coded (false) over units every one of `coders`
 * judged (no value missing), from `histogram[k]`: the units that exactly k coders coded.
 */
export function binaryCoincidences(histogram: readonly number[]): Coincidences<boolean> {
  const m = histogram.length - 1;
  let uncoded = 0;
  let coded = 0;
  let mixed = 0;
  if (m >= 2) {
    histogram.forEach((units, k) => {
      coded += (units * k * (k - 1)) / (m - 1);
      uncoded += (units * (m - k) * (m - k - 1)) / (m - 1);
      mixed += (units * k * (m - k)) / (m - 1);
    });
  }
  return {
    values: [false, true],
    matrix: [
      [uncoded, mixed],
      [mixed, coded],
    ],
  };
}

/** Nominal alpha from coincidences; null where it is undefined (fewer than two values paired). */
export function nominalAlpha<V>({ matrix }: Coincidences<V>): number | null {
  let n = 0;
  let diagonal = 0;
  let squares = 0;
  matrix.forEach((row, c) => {
    const nc = row.reduce((sum, o) => sum + o, 0);
    n += nc;
    squares += nc * nc;
    diagonal += row[c]!;
  });
  // Σ_{c≠k} n_c n_k: no pair of different values is possible without variation.
  const expected = n * n - squares;
  if (n <= 1 || expected <= 1e-9 * n * n) return null;
  return 1 - ((n - 1) * (n - diagonal)) / expected;
}

/** Nominal alpha of a reliability table (see coincidencesOf). */
export const alphaOf = <V>(units: ReadonlyArray<ReadonlyArray<V | null | undefined>>) =>
  nominalAlpha(coincidencesOf(units));
