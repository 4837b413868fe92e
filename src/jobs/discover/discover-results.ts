import { chooseBox, prim, PRIM_DEFAULTS, type PrimStep } from '../../analysis/prim.js';
import { boxOfAll, boxStatistics, rowsInBox, type Box } from '../../analysis/prim-box.js';
import type { SampleMatrix } from '../../analysis/sample-matrix.js';
import { pooledSeedNoise } from '../../analysis/seed-noise.js';
import { holds } from './condition.js';
import type { DiscoverJob } from './job.js';

/**
 * What a discovery found: each point's metric (the mean over its runs) and whether the condition
 * holds there, and PRIM's trajectory with the chosen box. When the condition holds at every point
 * or at none there is nothing to tell apart: the trajectory is the box of all points alone, and
 * the report says so rather than running PRIM.
 */

export type Outcome = 'some' | 'every' | 'none';

export interface Discovery {
  readonly values: Float64Array;
  readonly ofInterest: readonly boolean[];
  readonly holding: number;
  readonly outcome: Outcome;
  readonly initialBox: Box;
  readonly trajectory: readonly PrimStep[];
  /** Index of the chosen box in the trajectory. */
  readonly chosen: number;
  /** Whether the chosen box reaches --min-density; else it is the densest there is. */
  readonly reachesDensity: boolean;
}

/**
 * How well seed noise lets a point's mean be told from the threshold: the metric's standard
 * deviation between seeds (pooled over the points) and 1.96 times its standard error over the
 * runs, within which of the threshold a point could fall on the other side with other seeds. Not
 * the seed × point part that common seeds leave, as for effects: a seed that raises the metric at
 * every point moves every point across the threshold alike. NaN with one run a point.
 */
export interface ThresholdNoise {
  readonly betweenSeedsSd: number;
  readonly halfWidth: number;
  /** Per point: its mean lies within halfWidth of the threshold; undefined where not measured. */
  readonly near: readonly (boolean | undefined)[];
}

/** `runValues`: the metric in every run, point by point and seed by seed (`runValuesByKpi`). */
export function thresholdNoise(job: Pick<DiscoverJob, 'samples' | 'runs' | 'condition'>, values: Float64Array, runValues: Float64Array): ThresholdNoise {
  const points = Array.from({ length: job.samples }, (_, p) => runValues.subarray(p * job.runs, (p + 1) * job.runs).filter(Number.isFinite));
  const { standardDeviation } = pooledSeedNoise(points);
  const halfWidth = (1.96 * standardDeviation) / Math.sqrt(job.runs);
  const near = Array.from(values, (value) => (Number.isFinite(halfWidth) && Number.isFinite(value) ? Math.abs(value - job.condition.threshold) < halfWidth : undefined));
  return { betweenSeedsSd: standardDeviation, halfWidth, near };
}

export function discover(job: DiscoverJob, parameters: SampleMatrix, pointValue: (point: number) => number | undefined): Discovery {
  const values = Float64Array.from({ length: job.samples }, (_, i) => pointValue(i) ?? Number.NaN);
  const ofInterest = Array.from(values, (v) => holds(job.condition, v));
  const holding = ofInterest.filter(Boolean).length;
  const outcome: Outcome = holding === 0 ? 'none' : holding === job.samples ? 'every' : 'some';
  if (outcome !== 'some') {
    const initialBox = boxOfAll(parameters);
    const rows = rowsInBox(parameters, initialBox);
    const start: PrimStep = { ...boxStatistics(rows, ofInterest, parameters.rows, holding), box: initialBox, restricted: [], phase: 'start' };
    return { values, ofInterest, holding, outcome, initialBox, trajectory: [start], chosen: 0, reachesDensity: start.density >= job.minDensity };
  }
  const result = prim(parameters, ofInterest, { ...PRIM_DEFAULTS, peelAlpha: job.peelAlpha });
  const dense = chooseBox(result.trajectory, job.minDensity);
  return {
    values,
    ofInterest,
    holding,
    outcome,
    initialBox: result.initialBox,
    trajectory: result.trajectory,
    chosen: dense ?? densest(result.trajectory),
    reachesDensity: dense !== undefined,
  };
}

/** The densest box, the first of equals: what to show when none reaches the density asked for. */
function densest(trajectory: readonly PrimStep[]): number {
  let best = 0;
  trajectory.forEach((step, i) => {
    if (step.density > trajectory[best]!.density) best = i;
  });
  return best;
}
