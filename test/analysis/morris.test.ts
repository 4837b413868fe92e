import { describe, expect, it } from 'vitest';
import { morrisIndices } from '../../src/analysis/elementary-effects.js';
import { morrisDesign, trajectoryDistance, type MorrisDesign } from '../../src/analysis/morris-design.js';
import { emptySampleMatrix, samplePoint, sampleValue, type SampleMatrix } from '../../src/analysis/sample-matrix.js';

/** The model at every point, each column i mapped from [0, 1] to ranges[i]. */
function outputsOf(design: MorrisDesign, ranges: readonly [number, number][], model: (x: number[]) => number): Float64Array {
  return Float64Array.from({ length: design.points.rows }, (_, r) =>
    model(Array.from(samplePoint(design.points, r), (u, i) => ranges[i]![0] + (ranges[i]![1] - ranges[i]![0]) * u)),
  );
}

function trajectory(design: MorrisDesign, t: number): SampleMatrix {
  const k = design.parameters;
  const matrix = emptySampleMatrix(k + 1, k);
  matrix.values.set(design.points.values.subarray(t * (k + 1) * k, (t + 1) * (k + 1) * k));
  return matrix;
}

describe('Morris design', () => {
  it('moves one parameter at a time by ±Δ = p/(2(p − 1)), each once per trajectory, on the grid of p levels', () => {
    const design = morrisDesign({ parameters: 5, trajectories: 40, levels: 6, seed: 1 });
    expect(design.delta).toBe(0.6);
    expect(design.points.rows).toBe(40 * 6);
    for (let t = 0; t < 40; t++) {
      const movedSoFar = new Set<number>();
      for (let step = 0; step < 5; step++) {
        const row = t * 6 + step;
        const changed = [0, 1, 2, 3, 4].filter((i) => sampleValue(design.points, row + 1, i) !== sampleValue(design.points, row, i));
        expect(changed).toHaveLength(1);
        expect(Math.abs(sampleValue(design.points, row + 1, changed[0]!) - sampleValue(design.points, row, changed[0]!))).toBeCloseTo(0.6, 12);
        movedSoFar.add(changed[0]!);
      }
      expect(movedSoFar.size).toBe(5);
    }
    for (const value of design.points.values) {
      expect(value * 5).toBeCloseTo(Math.round(value * 5), 12);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it('visits each of the p levels about equally often (Morris 1991): 4 levels, 1000 trajectories, each level 25 % ± 2 %', () => {
    const design = morrisDesign({ parameters: 3, trajectories: 1000, levels: 4, seed: 2 });
    const counts = [0, 0, 0, 0];
    for (const value of design.points.values) counts[Math.round(value * 3)]! += 1;
    for (const count of counts) expect(Math.abs(count / design.points.values.length - 0.25)).toBeLessThan(0.02);
  });

  it('with Campolongo’s candidates keeps trajectories more spread out than those it drew first', () => {
    const plain = morrisDesign({ parameters: 4, trajectories: 6, levels: 4, seed: 3 });
    const spread = morrisDesign({ parameters: 4, trajectories: 6, levels: 4, seed: 3, candidates: 60 });
    const spreadOf = (design: MorrisDesign): number => {
      let sum = 0;
      for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) sum += trajectoryDistance(trajectory(design, a), trajectory(design, b)) ** 2;
      return Math.sqrt(sum);
    };
    expect(spreadOf(spread)).toBeGreaterThan(1.1 * spreadOf(plain));
  });

  it('is the same design for the same seed', () => {
    const options = { parameters: 3, trajectories: 10, levels: 4, seed: 4, candidates: 20 };
    expect(morrisDesign(options).points.values).toEqual(morrisDesign(options).points.values);
  });
});

describe('Morris elementary effects', () => {
  it('give a linear function μ = coefficient × range, μ* its absolute value and σ = 0', () => {
    const design = morrisDesign({ parameters: 3, trajectories: 20, levels: 4, seed: 5 });
    // f = 3 x1 − 2 x2 + 0 x3 over x1 ∈ [0, 10], x2 ∈ [5, 7], x3 ∈ [0, 1].
    const outputs = outputsOf(design, [[0, 10], [5, 7], [0, 1]], (x) => 3 * x[0]! - 2 * x[1]!);
    const indices = morrisIndices(design, outputs, { resamples: 100, confidenceLevel: 0.95, seed: 0 });
    expect(indices.mu.map((m) => m.estimate)).toEqual([expect.closeTo(30, 9), expect.closeTo(-4, 9), 0]);
    expect(indices.muStar.map((m) => m.estimate)).toEqual([expect.closeTo(30, 9), expect.closeTo(4, 9), 0]);
    indices.sigma.forEach((s) => expect(s.estimate).toBeCloseTo(0, 9));
    expect(indices.muStar[0]!.high - indices.muStar[0]!.low).toBeCloseTo(0, 9);
  });

  it('give a product x1·x2 σ > 0: with 4 levels EE1 is x2 ∈ {0, 1/3, 2/3, 1}, so μ = μ* ≈ 0.5 and σ ≈ 0.373', () => {
    const design = morrisDesign({ parameters: 3, trajectories: 1000, levels: 4, seed: 6 });
    const outputs = outputsOf(design, [[0, 1], [0, 1], [0, 1]], (x) => x[0]! * x[1]!);
    const indices = morrisIndices(design, outputs, { resamples: 200, confidenceLevel: 0.95, seed: 0 });
    // The four levels equally likely: mean 1/2, variance (0 + 1/9 + 4/9 + 1)/4 − 1/4 = 5/36.
    expect(Math.abs(indices.mu[0]!.estimate - 0.5)).toBeLessThan(0.03);
    expect(indices.muStar[0]!.estimate).toBe(indices.mu[0]!.estimate);
    expect(Math.abs(indices.sigma[0]!.estimate - Math.sqrt(5 / 36))).toBeLessThan(0.02);
    expect(indices.muStar[2]!.estimate).toBe(0);
    expect(indices.sigma[0]!.low).toBeGreaterThan(0.3);
  });

  it('rank by μ* where μ cancels: f = (x1 − 0.5)² ranks x1 above a small linear x2 though its μ is near 0', () => {
    const design = morrisDesign({ parameters: 2, trajectories: 200, levels: 4, seed: 7 });
    const outputs = outputsOf(design, [[0, 1], [0, 1]], (x) => 4 * (x[0]! - 0.5) ** 2 + 0.1 * x[1]!);
    const indices = morrisIndices(design, outputs, { resamples: 0, confidenceLevel: 0.95, seed: 0 });
    // A step between levels 0 ↔ 2/3 or 1/3 ↔ 1 of 4(x − 0.5)²: |Δf| = 4 × |1/36 − 1/4| = 8/9, over Δ = 2/3: |EE| = 4/3.
    expect(indices.muStar[0]!.estimate).toBeCloseTo(4 / 3, 9);
    expect(Math.abs(indices.mu[0]!.estimate)).toBeLessThan(0.25);
    expect(indices.muStar[1]!.estimate).toBeCloseTo(0.1, 9);
  });
});
