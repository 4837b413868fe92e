import { morrisDesign, type MorrisDesign } from '../../analysis/morris-design.js';
import { samplePoint } from '../../analysis/sample-matrix.js';
import type { ParamSetting } from '../../sweep/param-range.js';
import { factorSetting, factorValueAt, isDeclared } from '../design-factor.js';
import type { MorrisJob } from './job.js';

/**
 * The job's Morris design, seeded by the scenario's seed (after --seed), its grid levels mapped to
 * the factors. An interval's levels are its ends and the equal steps between them; a declared
 * distribution's level j of p is the median of its j-th of p equally likely slices (probability
 * (j + ½)/p), so a normal's tails are never asked for at probability 0 or 1.
 */

export const DEFAULT_TRAJECTORIES = 10;
export const DEFAULT_LEVELS = 4;
/** Bootstrap resamples of the trajectories and the intervals' level, as SALib's defaults. */
export const BOOTSTRAP_RESAMPLES = 1000;
export const CONFIDENCE_LEVEL = 0.95;

export function morrisJobDesign(job: Pick<MorrisJob, 'factors' | 'trajectories' | 'levels' | 'scenario'>): MorrisDesign {
  return morrisDesign({ parameters: job.factors.length, trajectories: job.trajectories, levels: job.levels, seed: job.scenario.seed });
}

/** Points of the design, r(k + 1) (each run `runs` times). */
export function morrisPointCount(job: Pick<MorrisJob, 'factors' | 'trajectories'>): number {
  return job.trajectories * (job.factors.length + 1);
}

/** The unit value a factor takes at a grid level in [0, 1]. */
export function unitOfLevel(declared: boolean, level: number, levels: number): number {
  return declared ? (Math.round(level * (levels - 1)) + 0.5) / levels : level;
}

/** The settings of every design point, in the design's order. */
export function morrisSettings(job: MorrisJob): (index: number) => ParamSetting[] {
  const design = morrisJobDesign(job);
  return (index) => {
    const row = samplePoint(design.points, index);
    return job.factors.map((factor, i) => factorSetting(factor, factorValueAt(factor, unitOfLevel(isDeclared(factor), row[i]!, job.levels))));
  };
}
