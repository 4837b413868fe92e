import { emptySampleMatrix, type SampleMatrix } from './sample-matrix.js';
import { SOBOL_MAX_DIMENSIONS } from './joe-kuo-direction-numbers.js';
import { sobolSample } from './sobol-sequence.js';

/**
 * Saltelli's design for Sobol' indices (Saltelli 2002, "Making best use of model evaluations to
 * compute sensitivity indices", Comput. Phys. Commun. 145; Saltelli et al. 2010, "Variance based
 * sensitivity analysis of model output", Comput. Phys. Commun. 181). Two independent matrices A
 * and B of N points over k parameters, and for each parameter i the matrix A_B^(i): A with its
 * column i taken from B. f(A), f(B) and f(A_B^(i)) give first- and total-order indices of all k
 * parameters for N(k + 2) runs. With second order, also B_A^(i) (B with column i from A):
 * N(2k + 2) runs, and every pair's closed second-order index.
 *
 * A and B are the first and last k columns of one scrambled Sobol' sequence in 2k dimensions, as in
 * SALib's `saltelli.sample` / `sobol.sample`: the two halves are independent, and each is
 * low-discrepancy. Points are in the unit hypercube [0, 1)^k; the caller maps column i to
 * parameter i's range or distribution (by its inverse CDF).
 */

/** What the estimators need to know of a design: its base samples, parameters, and blocks. */
export interface SaltelliShape {
  /** N, the rows of A (and of B and of each mix). A power of two keeps the Sobol' balance. */
  readonly baseSamples: number;
  /** k, the parameters (columns). */
  readonly parameters: number;
  /** Whether the B_A^(i) blocks are there, for second-order indices. */
  readonly secondOrder: boolean;
}

export interface SaltelliDesign extends SaltelliShape {
  /**
   * Every point to run, in blocks of N rows: A, B, A_B^(1) … A_B^(k), then with second order
   * B_A^(1) … B_A^(k). `saltelliRow` finds a block's row.
   */
  readonly points: SampleMatrix;
}

/** A block of a Saltelli design; `parameter` counts from 0. */
export type SaltelliBlock =
  | { readonly matrix: 'A' }
  | { readonly matrix: 'B' }
  | { readonly matrix: 'AB'; readonly parameter: number }
  | { readonly matrix: 'BA'; readonly parameter: number };

export interface SaltelliDesignOptions extends SaltelliShape {
  /** Seed of the Sobol' sequence's scrambling: another seed, another equally good design. */
  readonly seed: number;
}

/** Runs a design of this shape needs: N(k + 2), or N(2k + 2) with second order. */
export function saltelliRunCount(shape: SaltelliShape): number {
  return shape.baseSamples * blockCount(shape);
}

export function blockCount(shape: SaltelliShape): number {
  return shape.secondOrder ? 2 * shape.parameters + 2 : shape.parameters + 2;
}

/** Row of `block`'s base row `baseRow` in the design's points and in the outputs that follow it. */
export function saltelliRow(shape: SaltelliShape, block: SaltelliBlock, baseRow: number): number {
  const n = shape.baseSamples;
  switch (block.matrix) {
    case 'A':
      return baseRow;
    case 'B':
      return n + baseRow;
    case 'AB':
      return (2 + block.parameter) * n + baseRow;
    case 'BA':
      if (!shape.secondOrder) throw new Error('a design without second order has no B_A blocks');
      return (2 + shape.parameters + block.parameter) * n + baseRow;
    default: {
      const unknown: never = block;
      return unknown;
    }
  }
}

export function saltelliDesign(options: SaltelliDesignOptions): SaltelliDesign {
  const { baseSamples: n, parameters: k, secondOrder } = options;
  if (!Number.isInteger(k) || k < 1 || 2 * k > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`a Saltelli design has 1 to ${SOBOL_MAX_DIMENSIONS / 2} parameters (A and B take 2 Sobol' dimensions each), not ${k}`);
  }
  const base = sobolSample({ points: n, dimensions: 2 * k, scrambling: { seed: options.seed } });
  const points = emptySampleMatrix(saltelliRunCount(options), k);
  const shape: SaltelliShape = { baseSamples: n, parameters: k, secondOrder };
  for (let j = 0; j < n; j++) {
    const a = base.values.subarray(j * 2 * k, j * 2 * k + k);
    const b = base.values.subarray(j * 2 * k + k, (j + 1) * 2 * k);
    points.values.set(a, saltelliRow(shape, { matrix: 'A' }, j) * k);
    points.values.set(b, saltelliRow(shape, { matrix: 'B' }, j) * k);
    for (let i = 0; i < k; i++) {
      const ab = saltelliRow(shape, { matrix: 'AB', parameter: i }, j) * k;
      points.values.set(a, ab);
      points.values[ab + i] = b[i]!;
      if (secondOrder) {
        const ba = saltelliRow(shape, { matrix: 'BA', parameter: i }, j) * k;
        points.values.set(b, ba);
        points.values[ba + i] = a[i]!;
      }
    }
  }
  return { ...shape, points };
}
