import type { ParamSetting } from '../sweep/param-range.js';
import { quantileOf } from '../sweep/distribution-quantile.js';
import { declaredEnds } from '../sweep/declared-range.js';
import { describeInterval, intervalEnds, valueAt, type IntervalParam } from '../sweep/interval-param.js';
import type { UncertainFactor } from '../sweep/uncertain-draws.js';
import { describeDistribution } from '../report/uncertain-runs.js';

/**
 * A column of a global analysis's design (sobol, morris, discover) and how a point of the unit
 * hypercube becomes its value: an interval of --param (uniform, log-uniform or whole numbers), or
 * a parameter the scenario declares uncertain, moved over its distribution through its quantile
 * function (`distribution-quantile.ts`), so that uniform points give a sample of the distribution.
 */
export type DesignFactor = IntervalParam | UncertainFactor;

export function isDeclared(factor: DesignFactor): factor is UncertainFactor {
  return 'distribution' in factor;
}

/** The factor's value at `unit` in [0, 1] of the unit cube. */
export function factorValueAt(factor: DesignFactor, unit: number): number {
  return isDeclared(factor) ? quantileOf(factor.distribution, factor.bounds, unit) : valueAt(factor, unit);
}

/** The settings of one design point: a row of the unit-cube design, one value per factor. */
export function factorSettings(factors: readonly DesignFactor[], row: ArrayLike<number>): ParamSetting[] {
  return factors.map((factor, i) => ({ path: factor.path, value: factorValueAt(factor, row[i]!) }));
}

/** "0.05 to 0.3, uniform", "triangular 0.1–0.4, mode 0.2": the range a report names. */
export function describeFactor(factor: DesignFactor): string {
  return isDeclared(factor) ? describeDistribution(factor.distribution) : describeInterval(factor);
}

/** The factor's lowest and highest value (a normal's mean ± 2 sd, within its field's range): the corners checked up front. */
export function factorEnds(factor: DesignFactor): [number, number] {
  if (!isDeclared(factor)) return intervalEnds(factor);
  const { low, high } = declaredEnds(factor.distribution, factor.bounds);
  return [low, high];
}
