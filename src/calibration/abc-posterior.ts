import { Matrix, solve } from 'ml-matrix';

/**
 * Approximate Bayesian computation by rejection with local-linear regression adjustment
 * (Beaumont, Zhang and Balding 2002, "Approximate Bayesian computation in population genetics",
 * Genetics 162: 2025–2035; as in R's `abc` package, Csilléry et al. 2012, with its logit
 * transform for bounded parameters).
 *
 * Every design point (a draw from the prior: uniform over the free parameters' ranges on their
 * scales) has run; each target's figure, averaged over the seeds, is summarised as its deviation
 * from the band's centre in half-widths of the band. The points nearest the bands (Euclidean
 * distance of those deviations) are accepted, weighted by an Epanechnikov kernel of their
 * distance; each parameter, on the logit of its place in its range, is regressed on the
 * deviations among them, and moved along the regression to where the deviations are 0. The
 * adjusted, weighted points are draws from the approximate posterior: their weighted median is the
 * fit, their 5th and 95th percentiles its 90 % interval.
 */

/** One design point and what its runs gave. */
export interface Evaluation {
  /** The point in the unit cube of the free parameters. */
  readonly unit: readonly number[];
  /** Per target: (mean figure over the seeds − band centre) / band half-width; NaN when not measured. */
  readonly deviations: readonly number[];
}

export interface PosteriorOptions {
  /** Share of the design points accepted, nearest first (at least `minAccepted` of them). */
  readonly acceptShare: number;
  readonly minAccepted: number;
  /** An interval wider than this share of its range is "not identified". */
  readonly identifiedBelow: number;
  /** Pairs whose posterior correlation is at least this in size trade off. */
  readonly tradeOffAbove: number;
}

export const DEFAULT_POSTERIOR_OPTIONS: PosteriorOptions = { acceptShare: 0.1, minAccepted: 20, identifiedBelow: 0.8, tradeOffAbove: 0.5 };

export interface ParameterEstimate {
  /** Weighted median of the posterior draws, in the unit cube. */
  readonly unit: number;
  /** 5th and 95th weighted percentiles, in the unit cube. */
  readonly lowUnit: number;
  readonly highUnit: number;
  /** False when the interval spans most of the range: the targets do not pin the parameter down. */
  readonly identified: boolean;
}

export interface Posterior {
  /** Distance of each evaluation (Infinity when a target was not measured). */
  readonly distances: readonly number[];
  /** Indices of the accepted evaluations, nearest first. */
  readonly accepted: readonly number[];
  /** The acceptance radius: the distance of the first point not accepted. */
  readonly tolerance: number;
  /** Whether the regression adjustment was made (it needs more accepted points than deviations). */
  readonly adjusted: boolean;
  /** Posterior draws in the unit cube, with their weights (summing to 1). */
  readonly draws: readonly { readonly unit: readonly number[]; readonly weight: number }[];
  readonly estimates: readonly ParameterEstimate[];
  /** Pairs of parameters (indices) whose posterior correlation is strong: they trade off. */
  readonly tradeOffs: readonly { readonly a: number; readonly b: number; readonly correlation: number }[];
}

/** Euclidean size of the deviations; Infinity when one is missing. */
export function distanceOf(deviations: readonly number[]): number {
  let sum = 0;
  for (const d of deviations) {
    if (!Number.isFinite(d)) return Number.POSITIVE_INFINITY;
    sum += d * d;
  }
  return Math.sqrt(sum);
}

export function abcPosterior(evaluations: readonly Evaluation[], options: PosteriorOptions = DEFAULT_POSTERIOR_OPTIONS): Posterior {
  const dimensions = evaluations[0]?.unit.length ?? 0;
  const distances = evaluations.map((e) => distanceOf(e.deviations));
  const order = distances.map((d, i) => ({ d, i })).filter((x) => Number.isFinite(x.d)).sort((a, b) => a.d - b.d || a.i - b.i);
  const count = Math.min(order.length, Math.max(options.minAccepted, Math.round(options.acceptShare * evaluations.length)));
  if (count === 0) throw new Error('no design point could be measured against the targets');
  const accepted = order.slice(0, count).map((x) => x.i);
  // The kernel reaches 0 at the first point left out, so every accepted point weighs something.
  const tolerance = count < order.length ? order[count]!.d : order[count - 1]!.d * (1 + 1e-9) || 1;
  const kernel = accepted.map((i) => Math.max(0, 1 - (distances[i]! / tolerance) ** 2));

  const logits = accepted.map((i) => evaluations[i]!.unit.map(logit));
  const predictors = evaluations[accepted[0]!]!.deviations.length;
  const adjusted = count > predictors + 1 && predictors > 0;
  const adjustedLogits = adjusted ? regressionAdjust(logits, accepted.map((i) => evaluations[i]!.deviations), kernel) : logits;

  const total = kernel.reduce((s, w) => s + w, 0);
  const draws = adjustedLogits.map((x, k) => ({ unit: x.map(inverseLogit), weight: total > 0 ? kernel[k]! / total : 1 / count }));
  const estimates = Array.from({ length: dimensions }, (_, j) => {
    const values = draws.map((d) => d.unit[j]!);
    const weights = draws.map((d) => d.weight);
    const lowUnit = weightedQuantile(values, weights, 0.05);
    const highUnit = weightedQuantile(values, weights, 0.95);
    return { unit: weightedQuantile(values, weights, 0.5), lowUnit, highUnit, identified: highUnit - lowUnit < options.identifiedBelow };
  });
  const tradeOffs: { a: number; b: number; correlation: number }[] = [];
  for (let a = 0; a < dimensions; a++) {
    for (let b = a + 1; b < dimensions; b++) {
      const correlation = weightedCorrelation(adjustedLogits.map((x) => x[a]!), adjustedLogits.map((x) => x[b]!), draws.map((d) => d.weight));
      if (Math.abs(correlation) >= options.tradeOffAbove) tradeOffs.push({ a, b, correlation });
    }
  }
  return { distances, accepted, tolerance, adjusted, draws, estimates, tradeOffs };
}

/**
 * Weighted least squares of each parameter on the deviations, then each point moved to deviations
 * of 0: θ* = θ − βᵀ s. Solved by singular value decomposition, so targets that move together
 * (collinear deviations) do not make the fit blow up.
 */
function regressionAdjust(logits: number[][], deviations: (readonly number[])[], weights: number[]): number[][] {
  const rows = logits.length;
  const p = deviations[0]!.length;
  const root = weights.map(Math.sqrt);
  const design = new Matrix(rows, p + 1);
  for (let r = 0; r < rows; r++) {
    design.set(r, 0, root[r]!);
    for (let k = 0; k < p; k++) design.set(r, k + 1, root[r]! * deviations[r]![k]!);
  }
  const dimensions = logits[0]!.length;
  const response = new Matrix(rows, dimensions);
  for (let r = 0; r < rows; r++) for (let j = 0; j < dimensions; j++) response.set(r, j, root[r]! * logits[r]![j]!);
  const beta = solve(design, response, true);
  return logits.map((x, r) =>
    x.map((value, j) => {
      let shift = 0;
      for (let k = 0; k < p; k++) shift += beta.get(k + 1, j) * deviations[r]![k]!;
      return value - shift;
    }),
  );
}

/** Kept off 0 and 1 so a point on the edge of its range has a finite logit. */
const EDGE = 1e-6;

function logit(u: number): number {
  const v = EDGE + (1 - 2 * EDGE) * u;
  return Math.log(v / (1 - v));
}

function inverseLogit(x: number): number {
  const v = 1 / (1 + Math.exp(-x));
  return Math.min(1, Math.max(0, (v - EDGE) / (1 - 2 * EDGE)));
}

/** The q-quantile of weighted values: linear between the midpoints of each value's weight. */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((v, i) => ({ v, w: weights[i]! })).sort((a, b) => a.v - b.v);
  const total = order.reduce((s, x) => s + x.w, 0);
  if (order.length === 0 || !(total > 0)) return Number.NaN;
  let cumulative = 0;
  const positions = order.map((x) => {
    const mid = (cumulative + x.w / 2) / total;
    cumulative += x.w;
    return mid;
  });
  if (q <= positions[0]!) return order[0]!.v;
  for (let i = 1; i < order.length; i++) {
    if (q <= positions[i]!) {
      const t = (q - positions[i - 1]!) / (positions[i]! - positions[i - 1]!);
      return order[i - 1]!.v + t * (order[i]!.v - order[i - 1]!.v);
    }
  }
  return order.at(-1)!.v;
}

export function weightedCorrelation(x: readonly number[], y: readonly number[], w: readonly number[]): number {
  const total = w.reduce((s, v) => s + v, 0);
  const mx = x.reduce((s, v, i) => s + w[i]! * v, 0) / total;
  const my = y.reduce((s, v, i) => s + w[i]! * v, 0) / total;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += w[i]! * (x[i]! - mx) * (y[i]! - my);
    sxx += w[i]! * (x[i]! - mx) ** 2;
    syy += w[i]! * (y[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}
