import type { EstimateWithInterval } from '../../analysis/bootstrap.js';
import { sobolTotalOrderNoiseFloor } from '../../analysis/seed-noise.js';
import { sobolIndices, type SobolIndices } from '../../analysis/sobol-indices.js';
import type { KpiStats } from '../../ensemble/kpi-samples.js';
import { beyondFloor, kpiSeedNoise, type KpiSeedNoise } from '../kpi-noise.js';
import type { SobolJob } from './job.js';
import { BOOTSTRAP_RESAMPLES, CONFIDENCE_LEVEL, sobolShape } from './sobol-design.js';

/**
 * The indices of every KPI the runs recorded, each beside its seed noise. Every point ran the same
 * seeds, so the noise that can pass for an effect is not how much a KPI moves between seeds (what
 * an ensemble's band shows) but the part of it that differs from point to point, the seed × point
 * interaction (`commonSeedNoise`); the floor is the total-order index a parameter without effect
 * would show from that alone. With one run a point neither is measured, and no index is marked
 * either way.
 */

export interface KpiNoise extends KpiSeedNoise {
  /** The S_T a parameter without effect shows from that noise in a point's mean (Jansen's estimator); NaN when unknown. */
  readonly totalOrderFloor: number;
}

export interface KpiSobol {
  readonly key: string;
  readonly indices: SobolIndices;
  readonly noise: KpiNoise;
}

/** Whether a parameter's total-order index stands out from seed noise: undefined when the noise is not known. */
export function beyondNoise(totalOrder: EstimateWithInterval, noise: KpiNoise): boolean | undefined {
  return beyondFloor(totalOrder, noise.totalOrderFloor);
}

/**
 * The indices of one KPI. `stats[p]` are point p's statistics (its KPI the mean over its runs),
 * `runValues` the KPI of every run, point by point in the design's order and seed order within a
 * point (NaN where a run has none).
 */
export function kpiSobol(job: SobolJob, stats: readonly KpiStats[], runValues: Float64Array, key: string): KpiSobol {
  const shape = sobolShape(job);
  const means = Float64Array.from(stats, (at) => at.get(key)?.mean ?? Number.NaN);
  const indices = sobolIndices(shape, means, { resamples: BOOTSTRAP_RESAMPLES, confidenceLevel: CONFIDENCE_LEVEL, seed: job.scenario.seed });
  const noise = kpiSeedNoise(runValues, stats.length, job.runs);
  const totalOrderFloor =
    noise.degreesOfFreedom > 0 && indices.outputVariance > 0
      ? sobolTotalOrderNoiseFloor({ seedNoiseSd: noise.seedNoiseSd, runsPerPoint: job.runs, outputVariance: indices.outputVariance })
      : Number.NaN;
  return { key, indices, noise: { ...noise, totalOrderFloor } };
}

/** Parameter indices (design order) ranked by total-order index, largest first; NaN last. */
export function rankByTotalOrder(result: KpiSobol): number[] {
  const total = result.indices.totalOrder;
  const value = (i: number) => (Number.isFinite(total[i]!.estimate) ? total[i]!.estimate : Number.NEGATIVE_INFINITY);
  return total.map((_, i) => i).sort((a, b) => value(b) - value(a) || a - b);
}
