import { createRng } from '../engine/rng.js';
import { bootstrapIntervals, type EstimateWithInterval } from './bootstrap.js';
import { blockCount, saltelliRow, saltelliRunCount, type SaltelliShape } from './saltelli-design.js';

/**
 * Sobol' sensitivity indices from a model's outputs on a Saltelli design (`saltelli-design.ts`):
 *
 * - first order S_i = V(E[Y | X_i]) / V(Y), the share of the output's variance parameter i
 *   explains alone, by Saltelli et al. 2010 (Comput. Phys. Commun. 181, Table 2, eq. (b)):
 *   V_i ≈ (1/N) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j);
 * - total order S_Ti = E(V(Y | X_~i)) / V(Y), its share with every interaction it takes part in,
 *   by Jansen 1999 (Comput. Phys. Commun. 117; eq. (f) of Saltelli et al. 2010's Table 2):
 *   V_Ti ≈ (1/2N) Σ_j (f(A)_j − f(A_B^(i))_j)²;
 * - second order S_ij, the share of the interaction of i and j alone, by Saltelli 2002 (Comput.
 *   Phys. Commun. 145, eq. (12)) as SALib computes it: the closed index
 *   (1/N) Σ_j (f(B_A^(i))_j f(A_B^(j))_j − f(A)_j f(B)_j) / V(Y) less S_i and S_j.
 *
 * V(Y) is the variance of f(A) and f(B) together. Outputs are centred on their mean first, which
 * changes no index in expectation and keeps the products from losing digits when a KPI is in
 * billions of dollars (as SALib does). S_Ti − S_i is what i does through interactions; Σ S_i < 1
 * says the model is not additive. A sum of products of single runs, an estimate can fall below 0
 * or above 1 by its error; the bootstrap interval shows how far. An output that does not vary
 * (V(Y) = 0) has no indices: every one is NaN, as is any touched by a NaN output (a failed run).
 */

export interface SobolIndices {
  /** S_i per parameter, in the design's column order. */
  readonly firstOrder: readonly EstimateWithInterval[];
  /** S_Ti per parameter. */
  readonly totalOrder: readonly EstimateWithInterval[];
  /** S_ij for i < j at [i][j] (the lower triangle and diagonal undefined); only with second order. */
  readonly secondOrder?: readonly (readonly (EstimateWithInterval | undefined)[])[];
  /** V(Y): variance of the outputs of A and B, in the output's units squared. */
  readonly outputVariance: number;
}

export interface SobolIndicesOptions {
  /** Bootstrap resamples of the base rows; 0 gives intervals of zero width at the estimate. */
  readonly resamples: number;
  /** Share of bootstrap estimates inside each interval, e.g. 0.95. */
  readonly confidenceLevel: number;
  /** Seed of the bootstrap's resampling. */
  readonly seed: number;
}

/**
 * The indices of one output. `outputs[r]` is the model's output at row r of the design's points
 * (`saltelliRow` says which row is which), N(k + 2) of them, or N(2k + 2) with second order.
 */
export function sobolIndices(shape: SaltelliShape, outputs: ArrayLike<number>, options: SobolIndicesOptions): SobolIndices {
  const expected = saltelliRunCount(shape);
  if (outputs.length !== expected) {
    throw new RangeError(`a Saltelli design of this shape has ${expected} outputs, not ${outputs.length}`);
  }
  const n = shape.baseSamples;
  const k = shape.parameters;
  const blocks = splitIntoBlocks(shape, outputs);
  const fA = blocks[0]!;
  const fB = blocks[1]!;
  const fAB = (i: number): Float64Array => blocks[saltelliRow(shape, { matrix: 'AB', parameter: i }, 0) / n]!;
  const fBA = (i: number): Float64Array => blocks[saltelliRow(shape, { matrix: 'BA', parameter: i }, 0) / n]!;
  const pairs: [number, number][] = [];
  if (shape.secondOrder) for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) pairs.push([i, j]);

  // Estimates in a fixed order: V(Y), S_1..S_k, S_T1..S_Tk, then S_ij pair by pair.
  const estimate = (rows: Uint32Array): Float64Array => {
    const result = new Float64Array(1 + 2 * k + pairs.length);
    const variance = varianceOfBoth(fA, fB, rows);
    result[0] = variance;
    for (let i = 0; i < k; i++) {
      const ab = fAB(i);
      let first = 0;
      let total = 0;
      for (let r = 0; r < rows.length; r++) {
        const j = rows[r]!;
        const difference = ab[j]! - fA[j]!;
        first += fB[j]! * difference;
        total += difference * difference;
      }
      result[1 + i] = first / rows.length / variance;
      result[1 + k + i] = total / (2 * rows.length) / variance;
    }
    pairs.forEach(([i, j], p) => {
      const ba = fBA(i);
      const ab = fAB(j);
      let closed = 0;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        closed += ba[row]! * ab[row]! - fA[row]! * fB[row]!;
      }
      result[1 + 2 * k + p] = closed / rows.length / variance - result[1 + i]! - result[1 + j]!;
    });
    return result;
  };

  const rng = createRng(options.seed, 'sobol-indices-bootstrap');
  const all = bootstrapIntervals(n, estimate, { resamples: options.resamples, confidenceLevel: options.confidenceLevel, rng });
  const firstOrder = all.slice(1, 1 + k);
  const totalOrder = all.slice(1 + k, 1 + 2 * k);
  if (!shape.secondOrder) return { firstOrder, totalOrder, outputVariance: outputVarianceOf(all) };
  const secondOrder = Array.from({ length: k }, () => new Array<EstimateWithInterval | undefined>(k).fill(undefined));
  pairs.forEach(([i, j], p) => {
    secondOrder[i]![j] = all[1 + 2 * k + p]!;
  });
  return { firstOrder, totalOrder, secondOrder, outputVariance: outputVarianceOf(all) };
}

/** The design's outputs, block by block, each centred on the mean of f(A) and f(B). */
function splitIntoBlocks(shape: SaltelliShape, outputs: ArrayLike<number>): Float64Array[] {
  const n = shape.baseSamples;
  let sum = 0;
  for (let r = 0; r < 2 * n; r++) sum += outputs[r]!;
  const mean = sum / (2 * n);
  return Array.from({ length: blockCount(shape) }, (_, block) => {
    const values = new Float64Array(n);
    for (let j = 0; j < n; j++) values[j] = outputs[block * n + j]! - mean;
    return values;
  });
}

/** Variance (divided by the count, as SALib's) of f(A) and f(B) over the given base rows together. */
function varianceOfBoth(fA: Float64Array, fB: Float64Array, rows: Uint32Array): number {
  let sum = 0;
  let sumOfSquares = 0;
  for (let r = 0; r < rows.length; r++) {
    const a = fA[rows[r]!]!;
    const b = fB[rows[r]!]!;
    sum += a + b;
    sumOfSquares += a * a + b * b;
  }
  const count = 2 * rows.length;
  const mean = sum / count;
  return sumOfSquares / count - mean * mean;
}

function outputVarianceOf(all: readonly EstimateWithInterval[]): number {
  return all[0]!.estimate;
}
