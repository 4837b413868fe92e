import { commonSeedNoise, exceedsNoise, pooledSeedNoise } from '../analysis/seed-noise.js';
import type { EstimateWithInterval } from '../analysis/bootstrap.js';
import type { KpiValues } from '../ensemble/kpi-samples.js';

/**
 * A KPI's seed noise in a design whose every point ran the same seeds (sobol, morris): how much it
 * moves between seeds, and the part of that which differs from point to point, the seed × point
 * interaction (`commonSeedNoise`), which is what can pass for an effect; a seed that raises the KPI
 * at every point alike cancels from the differences the estimators average.
 */

export interface KpiSeedNoise {
  /** Standard deviation between seeds at a point, pooled over the points; NaN with one run a point. */
  readonly betweenSeedsSd: number;
  /** What of it common seeds do not cancel: the seed × point interaction's standard deviation. */
  readonly seedNoiseSd: number;
  readonly degreesOfFreedom: number;
}

/** The noise of one KPI from every run's value, point by point and seed by seed (`runValuesByKpi`). */
export function kpiSeedNoise(runValues: Float64Array, points: number, runsPerPoint: number): KpiSeedNoise {
  const values = Array.from({ length: points }, (_, p) => runValues.subarray(p * runsPerPoint, (p + 1) * runsPerPoint));
  const common = commonSeedNoise(values);
  return { betweenSeedsSd: pooledSeedNoise(values).standardDeviation, seedNoiseSd: common.standardDeviation, degreesOfFreedom: common.degreesOfFreedom };
}

/** Whether an importance (S_T, μ*) stands out from its noise floor: undefined when the floor is not known. */
export function beyondFloor(importance: EstimateWithInterval, floor: number): boolean | undefined {
  if (!Number.isFinite(floor) || !Number.isFinite(importance.estimate)) return undefined;
  return exceedsNoise(importance, floor);
}

/** The mark a report gives an importance against seed noise. */
export function noiseMark(beyond: boolean | undefined): string {
  return beyond === undefined ? 'noise not measured' : beyond ? 'beyond noise' : '**within noise**';
}

/** Every KPI's value in every run, point by point and seed by seed, read one point's runs at a time. */
export function runValuesByKpi(keys: readonly string[], points: number, runsPerPoint: number, runsOf: (point: number) => readonly KpiValues[]): Map<string, Float64Array> {
  const byKey = new Map(keys.map((key) => [key, new Float64Array(points * runsPerPoint).fill(Number.NaN)]));
  for (let p = 0; p < points; p++) {
    runsOf(p).forEach((run, r) => {
      for (const [key, value] of Object.entries(run)) byKey.get(key)?.set([value], p * runsPerPoint + r);
    });
  }
  return byKey;
}
