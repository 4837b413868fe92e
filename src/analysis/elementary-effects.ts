import { createRng } from '../engine/rng.js';
import { bootstrapIntervals, type EstimateWithInterval } from './bootstrap.js';
import type { MorrisDesign } from './morris-design.js';
import { sampleValue } from './sample-matrix.js';

/**
 * Morris's elementary effects and their statistics per parameter, from a model's outputs on a
 * Morris design (`morris-design.ts`). Along a trajectory, the step that moves parameter i by ±Δ
 * gives its elementary effect EE_i = (f(x after) − f(x before)) / (±Δ), in output units per unit
 * of the hypercube: mapped to a range [lo, hi], a linear f = c·x has EE = c × (hi − lo), the
 * output's change over the whole range.
 *
 * - μ, the mean of the effects (Morris 1991): the direction of the influence, but effects of
 *   opposite signs cancel in it;
 * - μ*, the mean of their absolute values (Campolongo, Cariboni and Saltelli 2007): the
 *   importance, the screening measure to rank by; it tracks the total-order index S_T;
 * - σ, their standard deviation (n − 1 divisor, as SALib): 0 for a parameter whose effect is the
 *   same everywhere, large for one that acts through interactions or non-linearly.
 *
 * Each with a bootstrap percentile interval over trajectories (SALib reports μ*'s alone).
 */

export interface MorrisIndices {
  readonly mu: readonly EstimateWithInterval[];
  readonly muStar: readonly EstimateWithInterval[];
  readonly sigma: readonly EstimateWithInterval[];
  /** EE[t × k + i]: trajectory t's elementary effect of parameter i. */
  readonly elementaryEffects: Float64Array;
}

export interface MorrisIndicesOptions {
  /** Bootstrap resamples of the trajectories; 0 gives intervals of zero width at the estimate. */
  readonly resamples: number;
  readonly confidenceLevel: number;
  readonly seed: number;
}

/**
 * Every trajectory's elementary effect of every parameter. The step that moved each parameter is
 * read off the design's points, so a design written by hand or by another tool serves as well.
 */
export function elementaryEffects(design: MorrisDesign, outputs: ArrayLike<number>): Float64Array {
  const { parameters: k, trajectories: r, points } = design;
  if (outputs.length !== r * (k + 1)) {
    throw new RangeError(`a Morris design of ${r} trajectories over ${k} parameters has ${r * (k + 1)} outputs, not ${outputs.length}`);
  }
  const effects = new Float64Array(r * k).fill(Number.NaN);
  for (let t = 0; t < r; t++) {
    for (let step = 0; step < k; step++) {
      const before = t * (k + 1) + step;
      const moved = movedParameter(design, before);
      const change = sampleValue(points, before + 1, moved) - sampleValue(points, before, moved);
      effects[t * k + moved] = (outputs[before + 1]! - outputs[before]!) / change;
    }
  }
  return effects;
}

export function morrisIndices(design: MorrisDesign, outputs: ArrayLike<number>, options: MorrisIndicesOptions): MorrisIndices {
  const k = design.parameters;
  const effects = elementaryEffects(design, outputs);
  // Estimates in a fixed order: μ for every parameter, then μ*, then σ.
  const estimate = (trajectories: Uint32Array): Float64Array => {
    const result = new Float64Array(3 * k);
    const n = trajectories.length;
    for (let i = 0; i < k; i++) {
      let sum = 0;
      let sumOfAbsolute = 0;
      for (const t of trajectories) {
        const effect = effects[t * k + i]!;
        sum += effect;
        sumOfAbsolute += Math.abs(effect);
      }
      const mean = sum / n;
      let squares = 0;
      for (const t of trajectories) squares += (effects[t * k + i]! - mean) ** 2;
      result[i] = mean;
      result[k + i] = sumOfAbsolute / n;
      result[2 * k + i] = n > 1 ? Math.sqrt(squares / (n - 1)) : Number.NaN;
    }
    return result;
  };
  const rng = createRng(options.seed, 'morris-indices-bootstrap');
  const all = bootstrapIntervals(design.trajectories, estimate, { resamples: options.resamples, confidenceLevel: options.confidenceLevel, rng });
  return { mu: all.slice(0, k), muStar: all.slice(k, 2 * k), sigma: all.slice(2 * k), elementaryEffects: effects };
}

/** The one parameter that changes between a point and the next on its trajectory. */
function movedParameter(design: MorrisDesign, row: number): number {
  let moved = -1;
  for (let i = 0; i < design.parameters; i++) {
    if (sampleValue(design.points, row + 1, i) === sampleValue(design.points, row, i)) continue;
    if (moved !== -1) throw new Error(`points ${row} and ${row + 1} of the Morris design differ in more than one parameter`);
    moved = i;
  }
  if (moved === -1) throw new Error(`points ${row} and ${row + 1} of the Morris design are the same`);
  return moved;
}
