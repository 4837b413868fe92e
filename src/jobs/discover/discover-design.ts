import { latinHypercube } from '../../analysis/latin-hypercube.js';
import { sampleMatrixFromPoints, type SampleMatrix } from '../../analysis/sample-matrix.js';
import { createRng } from '../../engine/rng.js';
import type { ParamSetting } from '../../sweep/param-range.js';
import { factorSettings } from '../design-factor.js';
import type { DiscoverJob } from './job.js';

/**
 * The job's Latin hypercube (McKay et al. 1979, EMA Workbench's default sampler), seeded by the
 * scenario's seed (after --seed), so a job is one fixed set of points on every worker, shard and
 * machine; each column mapped to its --param interval or through its declared distribution's
 * quantile function, so the points are a stratified sample of the distributions.
 */

export const DEFAULT_SAMPLES = 100;
export const MAX_SAMPLES = 100_000;

/** The unit-cube points, one row per sample. */
export function unitPoints(job: Pick<DiscoverJob, 'samples' | 'factors' | 'scenario'>): number[][] {
  return latinHypercube(job.samples, job.factors.length, createRng(job.scenario.seed, 'discover/latin-hypercube'));
}

/** Each point's settings, in the design's order. */
export function discoverSettings(job: Pick<DiscoverJob, 'samples' | 'factors' | 'scenario'>): ParamSetting[][] {
  return unitPoints(job).map((row) => factorSettings(job.factors, row));
}

/** The parameter values of every point, as PRIM reads them: a row per point, a column per factor. */
export function parameterMatrix(settings: readonly (readonly ParamSetting[])[]): SampleMatrix {
  return sampleMatrixFromPoints(settings.map((point) => point.map((s) => s.value)));
}
