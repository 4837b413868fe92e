import { blockCount, saltelliDesign, saltelliRunCount, type SaltelliBlock, type SaltelliDesign, type SaltelliShape } from '../../analysis/saltelli-design.js';
import { samplePoint } from '../../analysis/sample-matrix.js';
import type { ParamSetting } from '../../sweep/param-range.js';
import type { SobolJob } from './job.js';
import { factorSettings } from '../design-factor.js';

/**
 * The job's Saltelli design, its points mapped to the parameters' intervals. The design's
 * scrambling follows the scenario's seed (after --seed), so a job is one fixed set of points; the
 * bootstrap of the intervals draws from the same seed.
 */

/** Bootstrap resamples of the base rows and the intervals' level, as SALib's defaults. */
export const BOOTSTRAP_RESAMPLES = 1000;
export const CONFIDENCE_LEVEL = 0.95;

export function sobolShape(job: Pick<SobolJob, 'samples' | 'params' | 'secondOrder'>): SaltelliShape {
  return { baseSamples: job.samples, parameters: job.params.length, secondOrder: job.secondOrder };
}

export function sobolDesign(job: SobolJob): SaltelliDesign {
  return saltelliDesign({ ...sobolShape(job), seed: job.scenario.seed });
}

/** Points of the design (each run `runs` times). */
export function sobolPointCount(job: Pick<SobolJob, 'samples' | 'params' | 'secondOrder'>): number {
  return saltelliRunCount(sobolShape(job));
}

/** The settings of every design point, in the design's order. */
export function designSettings(job: SobolJob): (index: number) => ParamSetting[] {
  const design = sobolDesign(job);
  return (index) => factorSettings(job.params, samplePoint(design.points, index));
}

/** "A", "B", "A_B(2)" of a design row: which block it belongs to, for a run's label. */
export function blockOfRow(shape: SaltelliShape, row: number): SaltelliBlock {
  const block = Math.floor(row / shape.baseSamples);
  if (block >= blockCount(shape)) throw new RangeError(`row ${row} is outside the design`);
  if (block === 0) return { matrix: 'A' };
  if (block === 1) return { matrix: 'B' };
  if (block < 2 + shape.parameters) return { matrix: 'AB', parameter: block - 2 };
  return { matrix: 'BA', parameter: block - 2 - shape.parameters };
}

export function blockName(block: SaltelliBlock): string {
  return block.matrix === 'A' || block.matrix === 'B' ? block.matrix : `${block.matrix === 'AB' ? 'A_B' : 'B_A'}(${block.parameter + 1})`;
}
