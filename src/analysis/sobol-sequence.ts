import { createRng, type Rng } from '../engine/rng.js';
import { JOE_KUO_DIRECTION_NUMBERS, SOBOL_MAX_DIMENSIONS } from './joe-kuo-direction-numbers.js';
import { emptySampleMatrix, type SampleMatrix } from './sample-matrix.js';

/**
 * Sobol' low-discrepancy sequence (Sobol' 1967), generated as in Joe and Kuo's sobol.cc
 * (Bratley and Fox 1988, Algorithm 659, with Antonov and Saleev's Gray-code order): point i is
 * point i − 1 XOR one direction number per dimension, so a point costs one XOR per dimension. The
 * first 2^m points of each dimension put exactly one point in each interval [j/2^m, (j+1)/2^m),
 * and pairs of dimensions are near that balance too: a Saltelli design converges at nearly 1/N
 * where random points converge at 1/√N. Use a power of two for the number of points.
 *
 * Scrambled, the sequence is randomised without losing that balance: a random linear matrix
 * scramble (lower-triangular binary matrix per dimension) followed by a random digital shift
 * (Matoušek 1998, "On the L2-discrepancy for anchored boxes", J. Complexity 14; the scrambling SciPy's
 * `qmc.Sobol(scramble=True)` applies). Each scramble is one draw of a random, unbiased point set,
 * so repeating a design under other seeds gives an error bar, and the first point is no longer the
 * origin, where a model's extreme corner would sit.
 */

/** How to randomise the sequence: not at all, or a linear matrix scramble and digital shift from a seed. */
export type SobolScrambling = 'none' | { readonly seed: number };

export interface SobolSampleOptions {
  /** Points to generate, from the first; a power of two keeps the sequence's balance. */
  readonly points: number;
  /** Dimensions of the unit hypercube, 1 to SOBOL_MAX_DIMENSIONS. */
  readonly dimensions: number;
  readonly scrambling: SobolScrambling;
}

/** Bits of every direction number and point: 2^32 points at most, each a multiple of 2^-32. */
const BITS = 32;
const TWO_TO_THE_32 = 4294967296;

/** The first `points` points of the (scrambled) Sobol' sequence in `dimensions` dimensions. */
export function sobolSample(options: SobolSampleOptions): SampleMatrix {
  const { points, dimensions, scrambling } = options;
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`a Sobol' sequence has 1 to ${SOBOL_MAX_DIMENSIONS} dimensions, not ${dimensions}`);
  }
  if (!Number.isInteger(points) || points < 0 || points > TWO_TO_THE_32) {
    throw new RangeError(`a Sobol' sequence has 0 to 2^32 points, not ${points}`);
  }
  const rng = scrambling === 'none' ? undefined : createRng(scrambling.seed, 'sobol-scrambling');
  const directions: Uint32Array[] = [];
  const current = new Uint32Array(dimensions);
  for (let d = 0; d < dimensions; d++) {
    const plain = directionNumbers(d);
    // Drawn dimension by dimension, matrix then shift, so a dimension's scramble does not
    // depend on how many dimensions follow it.
    directions.push(rng === undefined ? plain : linearMatrixScramble(plain, rng));
    current[d] = rng === undefined ? 0 : randomBits(rng);
  }
  const sample = emptySampleMatrix(points, dimensions);
  for (let i = 0; i < points; i++) {
    if (i > 0) {
      const bit = rightmostZeroBit(i - 1);
      for (let d = 0; d < dimensions; d++) current[d]! ^= directions[d]![bit]!;
    }
    for (let d = 0; d < dimensions; d++) sample.values[i * dimensions + d] = current[d]! / TWO_TO_THE_32;
  }
  return sample;
}

/**
 * The 32 direction numbers v_k = m_k / 2^k of dimension `d` (0-based), as integers scaled by 2^32:
 * the initial m_k from Joe and Kuo's table, the rest by the recurrence of the dimension's
 * primitive polynomial x^s + a_1 x^(s−1) + … + a_(s−1) x + 1:
 * m_k = 2a_1 m_(k−1) ⊕ 2²a_2 m_(k−2) ⊕ … ⊕ 2^s m_(k−s) ⊕ m_(k−s).
 */
export function directionNumbers(d: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (d === 0) {
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const [degree, coefficients, initial] = JOE_KUO_DIRECTION_NUMBERS[d - 1]!;
  for (let k = 0; k < Math.min(degree, BITS); k++) v[k] = initial[k]! * 2 ** (BITS - 1 - k);
  for (let k = degree; k < BITS; k++) {
    let value = v[k - degree]! ^ (v[k - degree]! >>> degree);
    for (let l = 1; l < degree; l++) {
      if ((coefficients >>> (degree - 1 - l)) & 1) value ^= v[k - l]!;
    }
    v[k] = value;
  }
  return v;
}

/**
 * Direction numbers multiplied by a random lower-triangular binary matrix with ones on its
 * diagonal: digit k of a scrambled number is digit k of the plain one XOR a random choice of its
 * digits before k. The matrix is invertible, so each dimension's 2^m points stay one to an
 * interval; it is linear, so scrambling the direction numbers scrambles every point.
 */
function linearMatrixScramble(plain: Uint32Array, rng: Rng): Uint32Array {
  // Row k of the matrix, as a mask over the input's digits (digit 0 is the most significant bit).
  const rows = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) {
    const digitsBefore = k === 0 ? 0 : (0xffffffff << (BITS - k)) >>> 0;
    rows[k] = ((randomBits(rng) & digitsBefore) | (1 << (BITS - 1 - k))) >>> 0;
  }
  const scrambled = new Uint32Array(BITS);
  for (let j = 0; j < BITS; j++) {
    let value = 0;
    for (let k = 0; k < BITS; k++) {
      if (parity(rows[k]! & plain[j]!)) value |= 1 << (BITS - 1 - k);
    }
    scrambled[j] = value >>> 0;
  }
  return scrambled;
}

/** 32 random bits as an unsigned integer. */
function randomBits(rng: Rng): number {
  return Math.floor(rng.next() * TWO_TO_THE_32) >>> 0;
}

/** 1 when x has an odd number of set bits. */
function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/** Position, from 0 at the least significant, of the lowest zero bit of a non-negative integer. */
function rightmostZeroBit(n: number): number {
  let bit = 0;
  while (n % 2 === 1) {
    n = (n - 1) / 2;
    bit++;
  }
  return bit;
}
