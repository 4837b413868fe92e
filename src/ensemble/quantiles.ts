/**
 * Exact statistics of a sample of runs: the mean and the 5th, 50th and 95th percentiles. Exact (no
 * sketch or streaming estimate) and independent of the order runs finished in: values are sorted
 * before the percentiles are read, and the mean is summed in the order the caller gives, which is
 * always run (seed) order.
 */

export interface Quantiles {
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

export interface SampleStats extends Quantiles {
  /** How many values were finite; the statistics are over those alone. */
  readonly count: number;
}

export const QUANTILE_LEVELS = { p5: 0.05, p50: 0.5, p95: 0.95 } as const;

export type StatName = keyof Quantiles;

/**
 * The p-quantile of ascending values by linear interpolation between closest ranks: at
 * h = (n − 1) × p, x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋]). This is Hyndman & Fan's type 7,
 * the default of R's quantile(), NumPy's percentile() and Excel's PERCENTILE.INC.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, n - 1);
  const below = sorted[low]!;
  return below + (h - low) * (sorted[high]! - below);
}

/** Statistics of the finite values, in the given order; undefined when there are none. */
export function sampleStats(values: ArrayLike<number>): SampleStats | undefined {
  const finite: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isFinite(value)) continue;
    finite.push(value);
    sum += value;
  }
  if (finite.length === 0) return undefined;
  const sorted = Float64Array.from(finite).sort();
  return {
    mean: sum / finite.length,
    p5: quantileOfSorted(sorted, QUANTILE_LEVELS.p5),
    p50: quantileOfSorted(sorted, QUANTILE_LEVELS.p50),
    p95: quantileOfSorted(sorted, QUANTILE_LEVELS.p95),
    count: finite.length,
  };
}

/** The four statistics alone, as summary.json shows them. */
export function quantilesOf(stats: SampleStats): Quantiles {
  return { mean: stats.mean, p5: stats.p5, p50: stats.p50, p95: stats.p95 };
}
