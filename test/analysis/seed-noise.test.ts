import { describe, expect, it } from 'vitest';
import { morrisIndices } from '../../src/analysis/elementary-effects.js';
import { morrisDesign } from '../../src/analysis/morris-design.js';
import { samplePoint } from '../../src/analysis/sample-matrix.js';
import { saltelliDesign } from '../../src/analysis/saltelli-design.js';
import {
  commonSeedNoise,
  commonSeeds,
  exceedsNoise,
  morrisNoiseFloor,
  pooledSeedNoise,
  seedNoise,
  sobolTotalOrderNoiseFloor,
} from '../../src/analysis/seed-noise.js';
import { sobolIndices } from '../../src/analysis/sobol-indices.js';
import { createRng, normal } from '../../src/engine/rng.js';

describe('seed noise', () => {
  it('measures a KPI over seeds: 1, 2, 3, 4 has sd √(5/3) = 1.291 and standard error 0.645', () => {
    const noise = seedNoise([1, 2, 3, 4]);
    expect(noise.mean).toBe(2.5);
    expect(noise.standardDeviation).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(noise.standardError).toBeCloseTo(Math.sqrt(5 / 3) / 2, 12);
    expect(seedNoise([7]).standardDeviation).toBeNaN();
  });

  it('pools design points by degrees of freedom: variances 2 (2 runs) and 8 (2 runs) pool to √5; a single run counts for nothing', () => {
    expect(pooledSeedNoise([[1, 3], [10, 14], [99]])).toEqual({ standardDeviation: Math.sqrt(5), degreesOfFreedom: 2 });
  });

  it('under common seeds, keeps only the noise seeds do not share across points: a seed effect alike at every point cancels', () => {
    // Points 0, 10, 20 plus a seed effect of −5, 0, +5 at every point: between seeds sd 5 at each point, nothing left under common seeds.
    const shared = [0, 10, 20].map((point) => [-5, 0, 5].map((seed) => point + seed));
    expect(pooledSeedNoise(shared).standardDeviation).toBeCloseTo(5, 12);
    expect(commonSeedNoise(shared)).toEqual({ standardDeviation: 0, degreesOfFreedom: 4 });
    // One cell off by 3: residuals 3 × (4, −2, −2; −2, 1, 1; −2, 1, 1)/9 sum to 36 × 9/81 = 4 over 4 degrees of freedom: sd 1.
    const [first, ...rest] = shared;
    const off = [[first![0]! + 3, first![1]!, first![2]!], ...rest];
    expect(commonSeedNoise(off).standardDeviation).toBeCloseTo(1, 12);
    // A point with a missing value is left out; one seed has no noise to measure.
    expect(commonSeedNoise([...shared, [1, Number.NaN, 2]]).degreesOfFreedom).toBe(4);
    expect(commonSeedNoise([[1], [2]]).standardDeviation).toBeNaN();
  });

  it('gives every design point the seeds an ensemble runs: seed, seed + 1, …', () => {
    expect(commonSeeds(42, 3)).toEqual([42, 43, 44]);
  });

  it('predicts the μ* of a pure-noise model: σ = 1, Δ = 2/3, 1 run a point gives 2/(Δ√π) = 1.693, within 5 %', () => {
    const design = morrisDesign({ parameters: 2, trajectories: 2000, levels: 4, seed: 1 });
    const rng = createRng(1, 'noise');
    const outputs = Float64Array.from({ length: design.points.rows }, () => normal(rng));
    const indices = morrisIndices(design, outputs, { resamples: 0, confidenceLevel: 0.95, seed: 0 });
    const floor = morrisNoiseFloor({ seedNoiseSd: 1, delta: design.delta, runsPerPoint: 1 });
    expect(floor).toBeCloseTo(1.6926, 4);
    for (const muStar of indices.muStar) expect(Math.abs(muStar.estimate / floor - 1)).toBeLessThan(0.05);
  });

  it('predicts the S_T a parameter without effect gets from noise: f = x1 + noise (σ = 0.1) gives x2 S_T ≈ 0.01/(1/12 + 0.01) = 0.107', () => {
    const design = saltelliDesign({ baseSamples: 4096, parameters: 2, secondOrder: false, seed: 1 });
    const rng = createRng(2, 'noise');
    const outputs = Float64Array.from({ length: design.points.rows }, (_, r) => samplePoint(design.points, r)[0]! + 0.1 * normal(rng));
    const indices = sobolIndices(design, outputs, { resamples: 200, confidenceLevel: 0.95, seed: 0 });
    const floor = sobolTotalOrderNoiseFloor({ seedNoiseSd: 0.1, runsPerPoint: 1, outputVariance: indices.outputVariance });
    expect(floor).toBeCloseTo(0.01 / (1 / 12 + 0.01), 2);
    expect(Math.abs(indices.totalOrder[1]!.estimate - floor)).toBeLessThan(0.01);
    expect(exceedsNoise(indices.totalOrder[1]!, floor)).toBe(false);
    expect(exceedsNoise(indices.totalOrder[0]!, floor)).toBe(true);
  });
});
