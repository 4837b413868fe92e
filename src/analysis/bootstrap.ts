import type { Rng } from '../engine/rng.js';

/**
 * Bootstrap confidence intervals (Efron 1979; Efron and Tibshirani 1993, ch. 13): recompute an
 * estimate on resamples of its units drawn with replacement, and read the interval from the
 * percentiles of the recomputed estimates. SALib reports Sobol' and Morris intervals this way
 * (its `conf_level`, default 0.95), so analysts used to it read ours the same way.
 *
 * The units are what the estimate is an average over: the base rows of a Saltelli design (A, B
 * and every A_B^(i) row together), the trajectories of a Morris design.
 */

/** An estimate with its bootstrap percentile interval at `confidenceLevel`. */
export interface EstimateWithInterval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

export interface BootstrapOptions {
  /** Resamples; SALib's default is 1000 for Sobol' and Morris. */
  readonly resamples: number;
  /** Share of the resampled estimates inside the interval, e.g. 0.95. */
  readonly confidenceLevel: number;
  /** The stream the resamples draw from: the same stream state gives the same intervals. */
  readonly rng: Rng;
}

/** Unit indices drawn uniformly with replacement, `units` of them, into `into`. */
export function drawResample(units: number, rng: Rng, into: Uint32Array): Uint32Array {
  for (let i = 0; i < units; i++) into[i] = Math.floor(rng.next() * units);
  return into;
}

/**
 * Percentile intervals of several estimates at once from the same resamples: `estimate(indices)`
 * returns every estimate for one resample of unit indices (the units to average over, repeats
 * allowed), in a fixed order. The first call is on the units as they are, giving the estimates.
 */
export function bootstrapIntervals(
  units: number,
  estimate: (indices: Uint32Array) => ArrayLike<number>,
  options: BootstrapOptions,
): EstimateWithInterval[] {
  const identity = new Uint32Array(units);
  for (let i = 0; i < units; i++) identity[i] = i;
  const point = Array.from(estimate(identity));
  const replicates = point.map(() => new Float64Array(options.resamples));
  const indices = new Uint32Array(units);
  for (let r = 0; r < options.resamples; r++) {
    const values = estimate(drawResample(units, options.rng, indices));
    for (let e = 0; e < point.length; e++) replicates[e]![r] = values[e]!;
  }
  const tail = (1 - options.confidenceLevel) / 2;
  return point.map((value, e) => {
    if (options.resamples === 0) return { estimate: value, low: value, high: value };
    const sorted = replicates[e]!.sort();
    return { estimate: value, low: quantileOfSorted(sorted, tail), high: quantileOfSorted(sorted, 1 - tail) };
  });
}

/**
 * The p-quantile of ascending values, interpolating between closest ranks (Hyndman and Fan's type 7,
 * NumPy's default, as src/ensemble/quantiles.ts; repeated here so that the analysis core imports
 * nothing above the core). NaN for no values, or when a value is NaN (sorted last, it would
 * otherwise read as the largest).
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || Number.isNaN(sorted[n - 1]!)) return Number.NaN;
  const h = (n - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, n - 1);
  const below = sorted[low]!;
  return below + (h - low) * (sorted[high]! - below);
}
