import type { EstimateWithInterval } from './bootstrap.js';

/**
 * Seed noise: how much a KPI moves between runs that differ only in their seed, and how large an
 * effect that noise alone would show in each analysis. A stochastic simulation gives every
 * parameter some apparent effect; an effect no larger than its noise floor cannot be told from
 * luck (Kleijnen 2015, "Design and Analysis of Simulation Experiments", 2nd ed., on common random
 * numbers and replicated runs).
 *
 * Common random numbers: every design point runs the same seeds (seed, seed + 1, …, as an ensemble
 * does), so a difference between two points is the parameters' doing more than the draws'. Two
 * runs on one seed are positively correlated, so the noise of their difference is at most that
 * of independent runs: the floors below, computed as if runs were independent, are conservative
 * under common random numbers.
 */

export interface SeedNoise {
  /** Runs the noise was measured on. */
  readonly runs: number;
  /** Mean of the KPI over them. */
  readonly mean: number;
  /** Standard deviation between seeds (n − 1 divisor); NaN for a single run. */
  readonly standardDeviation: number;
  /** Standard error of the mean over the runs: the noise left in a point's mean of `runs` seeds. */
  readonly standardError: number;
}

/** The seeds of every design point under common random numbers, as `--runs N` numbers them. */
export function commonSeeds(seed: number, runs: number): number[] {
  return Array.from({ length: runs }, (_, run) => seed + run);
}

/** Seed noise of a KPI from its values at one design point over several seeds. */
export function seedNoise(values: ArrayLike<number>): SeedNoise {
  const runs = values.length;
  let sum = 0;
  for (let i = 0; i < runs; i++) sum += values[i]!;
  const mean = sum / runs;
  let squares = 0;
  for (let i = 0; i < runs; i++) squares += (values[i]! - mean) ** 2;
  const standardDeviation = runs > 1 ? Math.sqrt(squares / (runs - 1)) : Number.NaN;
  return { runs, mean, standardDeviation, standardError: standardDeviation / Math.sqrt(runs) };
}

/**
 * Seed noise pooled over several design points, each run on several seeds: the square root of the
 * within-point variances averaged with their degrees of freedom as weights (the pooled standard
 * deviation of a one-way analysis of variance). Steadier than one point's, and what the noise
 * floors below take when the noise differs little across the design.
 */
export function pooledSeedNoise(points: readonly ArrayLike<number>[]): { standardDeviation: number; degreesOfFreedom: number } {
  let squares = 0;
  let degreesOfFreedom = 0;
  for (const values of points) {
    if (values.length < 2) continue;
    const { standardDeviation } = seedNoise(values);
    squares += standardDeviation ** 2 * (values.length - 1);
    degreesOfFreedom += values.length - 1;
  }
  return { standardDeviation: degreesOfFreedom > 0 ? Math.sqrt(squares / degreesOfFreedom) : Number.NaN, degreesOfFreedom };
}

/**
 * Seed noise under common random numbers: every point ran the same seeds, so part of what a seed
 * does to a KPI (a lucky seed raising it at every point alike) moves every point together and
 * cancels from the differences between points that the estimators average. What remains is the
 * seed × point interaction, the residual of a two-way analysis of variance without replication
 * (Montgomery, "Design and Analysis of Experiments", two-factor model, one observation per cell):
 * y_pr − ȳ_p − ȳ_r + ȳ, with (P − 1)(R − 1) degrees of freedom. `points[p][r]` is the KPI at
 * point p on seed r; points with a missing (non-finite) value are left out. NaN where fewer than
 * two points or two seeds remain.
 */
export function commonSeedNoise(points: readonly ArrayLike<number>[]): { standardDeviation: number; degreesOfFreedom: number } {
  const complete = points.filter((values) => Array.from(values).every(Number.isFinite));
  const seeds = complete[0]?.length ?? 0;
  if (complete.length < 2 || seeds < 2 || complete.some((values) => values.length !== seeds)) return { standardDeviation: Number.NaN, degreesOfFreedom: 0 };
  const pointMeans = complete.map((values) => Array.from(values).reduce((sum, v) => sum + v, 0) / seeds);
  const seedMeans = Array.from({ length: seeds }, (_, r) => complete.reduce((sum, values) => sum + values[r]!, 0) / complete.length);
  const grand = pointMeans.reduce((sum, v) => sum + v, 0) / complete.length;
  let squares = 0;
  complete.forEach((values, p) => {
    for (let r = 0; r < seeds; r++) squares += (values[r]! - pointMeans[p]! - seedMeans[r]! + grand) ** 2;
  });
  const degreesOfFreedom = (complete.length - 1) * (seeds - 1);
  return { standardDeviation: Math.sqrt(squares / degreesOfFreedom), degreesOfFreedom };
}

/**
 * The μ* a parameter with no effect shows from seed noise alone in a Morris analysis: each
 * elementary effect is then a difference of two points' means over `runsPerPoint` seeds divided by
 * Δ, normal with standard deviation √2 σ / (√R Δ), whose mean absolute value is that times √(2/π):
 * 2σ / (Δ √(π R)).
 */
export function morrisNoiseFloor(options: { seedNoiseSd: number; delta: number; runsPerPoint: number }): number {
  const { seedNoiseSd, delta, runsPerPoint } = options;
  return (2 * seedNoiseSd) / (delta * Math.sqrt(Math.PI * runsPerPoint));
}

/**
 * The total-order index a parameter with no effect shows from seed noise alone in a Sobol'
 * analysis: Jansen's estimator of V_Ti is half the mean squared difference of f(A) and f(A_B^(i)),
 * which for such a parameter is the noise variance of a point's mean, σ²/R; divided by the
 * output's variance V(Y). (Its first-order index is 0 in expectation, noise or not.)
 */
export function sobolTotalOrderNoiseFloor(options: { seedNoiseSd: number; runsPerPoint: number; outputVariance: number }): number {
  const { seedNoiseSd, runsPerPoint, outputVariance } = options;
  return seedNoiseSd ** 2 / runsPerPoint / outputVariance;
}

/**
 * Whether an importance (μ*, S_T: never below 0) stands out from seed noise: its interval's lower
 * end above the noise floor. One that does not cannot be ranked as a driver on these runs.
 */
export function exceedsNoise(effect: EstimateWithInterval, noiseFloor: number): boolean {
  return effect.low > noiseFloor;
}

/**
 * The swing a parameter with no effect shows from seed noise alone in a one-at-a-time analysis
 * (sensitivity): a difference of two points' means over `runsPerPoint` common seeds, normal with
 * standard deviation √2 σ/√R under the seed × point noise σ; a swing within 1.96 times that of 0
 * is what noise gives 95 times in 100. (The span of three points, base, low and high, is the
 * largest of three such differences, so the floor errs towards marking an effect beyond noise.)
 */
export function swingNoiseFloor(options: { seedNoiseSd: number; runsPerPoint: number }): number {
  const { seedNoiseSd, runsPerPoint } = options;
  return (1.96 * Math.SQRT2 * seedNoiseSd) / Math.sqrt(runsPerPoint);
}
