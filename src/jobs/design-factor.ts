import type { ParamSetting } from '../sweep/param-range.js';
import { quantileOf } from '../sweep/distribution-quantile.js';
import { declaredEnds } from '../sweep/declared-range.js';
import { describeInterval, intervalEnds, valueAt, type IntervalParam } from '../sweep/interval-param.js';
import type { UncertainFactor } from '../sweep/uncertain-draws.js';
import { describeDistribution } from '../report/uncertain-runs.js';
import { timesBaseField, withTimesBase } from '../sweep/times-base.js';

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

/** Whether the factor's values are factors on each number's own value (×low:×high), not values. */
export function isTimesBase(factor: DesignFactor): boolean {
  return !isDeclared(factor) && factor.timesBase === true;
}

/** The factor as a CSV column or a table names it: its path, "(× base)" where its values are factors. */
export function factorName(factor: DesignFactor): string {
  return withTimesBase(factor.path, isTimesBase(factor));
}

/** The factor at one value, as a setting: a value it sets, or a factor on each number it names. */
export function factorSetting(factor: DesignFactor, value: number): ParamSetting {
  return { path: factor.path, value, ...timesBaseField(isTimesBase(factor)) };
}

/** The settings of one design point: a row of the unit-cube design, one value per factor. */
export function factorSettings(factors: readonly DesignFactor[], row: ArrayLike<number>): ParamSetting[] {
  return factors.map((factor, i) => factorSetting(factor, factorValueAt(factor, row[i]!)));
}

/** The factor's ends as the up-front check of every pair's corners takes them (interval-param.ts). */
export function factorCorners(factor: DesignFactor): { path: string; ends: [number, number]; timesBase?: true } {
  return { path: factor.path, ends: factorEnds(factor), ...timesBaseField(isTimesBase(factor)) };
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
