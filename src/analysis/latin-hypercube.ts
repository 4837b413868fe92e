import { shuffledIndexes, type Rng } from '../engine/rng.js';

/**
 * A Latin hypercube sample of `n` points in the unit cube of `dimensions` (McKay, Beckman and
 * Conover 1979; EMA Workbench's default sampler): each axis cut into `n` equal strata, one point
 * in each stratum of each axis, at a uniform place within it, the strata paired across axes by
 * independent random permutations. It fills every axis evenly with far fewer points than a grid.
 */
export function latinHypercube(n: number, dimensions: number, rng: Rng): number[][] {
  const points = Array.from({ length: n }, () => new Array<number>(dimensions));
  for (let d = 0; d < dimensions; d++) {
    const strata = shuffledIndexes(rng, n);
    for (let i = 0; i < n; i++) points[i]![d] = (strata[i]! + rng.next()) / n;
  }
  return points;
}
