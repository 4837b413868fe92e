import { morrisNoiseFloor } from '../../analysis/seed-noise.js';
import { morrisIndices, type MorrisIndices } from '../../analysis/elementary-effects.js';
import type { KpiStats } from '../../ensemble/kpi-samples.js';
import { beyondFloor, kpiSeedNoise, type KpiSeedNoise } from '../kpi-noise.js';
import type { MorrisJob } from './job.js';
import { BOOTSTRAP_RESAMPLES, CONFIDENCE_LEVEL, morrisJobDesign } from './morris-plan.js';

/**
 * μ, μ* and σ of every KPI the runs recorded, each beside its seed noise: under common seeds the
 * noise that can pass for an effect is the seed × point interaction, and μ*'s floor is what a
 * parameter without effect would show from it in a difference of two points' means
 * (`morrisNoiseFloor`). Effects are in the KPI's units over a parameter's whole range (grid 0 to 1).
 */

export interface KpiMorris {
  readonly key: string;
  readonly indices: MorrisIndices;
  readonly noise: KpiSeedNoise & { readonly muStarFloor: number };
}

export function kpiMorris(job: MorrisJob, stats: readonly KpiStats[], runValues: Float64Array, key: string): KpiMorris {
  const design = morrisJobDesign(job);
  const means = Float64Array.from(stats, (at) => at.get(key)?.mean ?? Number.NaN);
  const indices = morrisIndices(design, means, { resamples: BOOTSTRAP_RESAMPLES, confidenceLevel: CONFIDENCE_LEVEL, seed: job.scenario.seed });
  const noise = kpiSeedNoise(runValues, stats.length, job.runs);
  const muStarFloor = noise.degreesOfFreedom > 0 ? morrisNoiseFloor({ seedNoiseSd: noise.seedNoiseSd, delta: design.delta, runsPerPoint: job.runs }) : Number.NaN;
  return { key, indices, noise: { ...noise, muStarFloor } };
}

/** Whether a parameter's μ* stands out from seed noise: undefined when the noise is not measured. */
export function muStarBeyondNoise(result: KpiMorris, i: number): boolean | undefined {
  return beyondFloor(result.indices.muStar[i]!, result.noise.muStarFloor);
}

/** Parameter indices ranked by μ*, largest first; NaN last. */
export function rankByMuStar(result: KpiMorris): number[] {
  const muStar = result.indices.muStar;
  const value = (i: number) => (Number.isFinite(muStar[i]!.estimate) ? muStar[i]!.estimate : Number.NEGATIVE_INFINITY);
  return muStar.map((_, i) => i).sort((a, b) => value(b) - value(a) || a - b);
}
