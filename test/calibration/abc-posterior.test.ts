import { describe, expect, it } from 'vitest';
import { abcPosterior, weightedQuantile, type Evaluation } from '../../src/calibration/abc-posterior.js';
import { latinHypercube } from '../../src/calibration/latin-hypercube.js';
import { createRng, normal } from '../../src/engine/rng.js';

/** Evaluations of a model over a Latin hypercube of the unit square. */
function evaluate(n: number, model: (u: readonly number[], seed: number) => number[], dimensions = 2): Evaluation[] {
  return latinHypercube(n, dimensions, createRng(7, 'design')).map((unit, i) => ({ unit, deviations: model(unit, i) }));
}

describe('ABC rejection with regression adjustment', () => {
  it('recovers, within 0.005 of the range, the parameters of a model whose figures move linearly with them', () => {
    // Two targets, each pinned by one parameter: band centres at 0.3 and 0.7, half-width 0.05.
    const posterior = abcPosterior(evaluate(400, (u) => [(u[0]! - 0.3) / 0.05, (u[1]! - 0.7) / 0.05]));
    expect(posterior.adjusted).toBe(true);
    expect(posterior.estimates[0]!.unit).toBeCloseTo(0.3, 2);
    expect(posterior.estimates[1]!.unit).toBeCloseTo(0.7, 2);
    expect(posterior.estimates.every((e) => e.identified)).toBe(true);
    expect(posterior.accepted).toHaveLength(40);
  });

  it('gives the analytic posterior of a normal mean: observed 0.5, noise sd 0.05, so 0.5 ± 1.645 × 0.05', () => {
    // y = θ + 0.05 z, the target's band centred on 0.5 with half-width 0.05: the posterior of θ
    // under a flat prior on [0, 1] is N(0.5, 0.05²) (truncation negligible), 90 % interval 0.418..0.582.
    const noise = createRng(3, 'noise');
    const posterior = abcPosterior(
      evaluate(4000, (u) => [(u[0]! + 0.05 * normal(noise) - 0.5) / 0.05], 1),
      { acceptShare: 0.1, minAccepted: 20, identifiedBelow: 0.8, tradeOffAbove: 0.5 },
    );
    const [estimate] = posterior.estimates;
    expect(estimate!.unit).toBeCloseTo(0.5, 1);
    expect(estimate!.lowUnit).toBeGreaterThan(0.418 - 0.02);
    expect(estimate!.lowUnit).toBeLessThan(0.418 + 0.02);
    expect(estimate!.highUnit).toBeGreaterThan(0.582 - 0.02);
    expect(estimate!.highUnit).toBeLessThan(0.582 + 0.02);
  });

  it('says a parameter no target depends on is not identified', () => {
    const posterior = abcPosterior(evaluate(400, (u) => [(u[0]! - 0.3) / 0.05]));
    expect(posterior.estimates[0]!.identified).toBe(true);
    expect(posterior.estimates[1]!.identified).toBe(false);
    expect(posterior.estimates[1]!.highUnit - posterior.estimates[1]!.lowUnit).toBeGreaterThan(0.8);
  });

  it('finds two parameters that trade off when only their sum is pinned', () => {
    const posterior = abcPosterior(evaluate(800, (u) => [(u[0]! + u[1]! - 1) / 0.05]));
    expect(posterior.tradeOffs).toHaveLength(1);
    expect(posterior.tradeOffs[0]!.correlation).toBeLessThan(-0.5);
    expect(posterior.estimates.some((e) => !e.identified)).toBe(true);
  });

  it('never accepts a point whose runs could not be measured against a target', () => {
    const posterior = abcPosterior(evaluate(100, (u, i) => [i % 2 === 0 ? Number.NaN : (u[0]! - 0.5) / 0.05]));
    expect(posterior.accepted.every((i) => i % 2 === 1)).toBe(true);
    expect(posterior.distances.filter((d) => d === Infinity)).toHaveLength(50);
  });

  it('keeps adjusted draws inside the ranges even when the truth sits on an edge', () => {
    const posterior = abcPosterior(evaluate(400, (u) => [(u[0]! - 0) / 0.05, (u[1]! - 1) / 0.05]));
    for (const draw of posterior.draws) for (const u of draw.unit) expect(u >= 0 && u <= 1).toBe(true);
    expect(posterior.estimates[0]!.unit).toBeLessThan(0.05);
    expect(posterior.estimates[1]!.unit).toBeGreaterThan(0.95);
  });
});

describe('weightedQuantile', () => {
  it('is the plain median of equally weighted values', () => {
    expect(weightedQuantile([3, 1, 2], [1, 1, 1], 0.5)).toBe(2);
  });
  it('moves towards the heavier value', () => {
    expect(weightedQuantile([0, 10], [3, 1], 0.5)).toBeLessThan(5);
  });
});

describe('latinHypercube', () => {
  it('puts exactly one point in each of the n strata of every axis', () => {
    const points = latinHypercube(50, 3, createRng(1, 'lhs'));
    for (let d = 0; d < 3; d++) {
      const strata = points.map((p) => Math.floor(p[d]! * 50)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: 50 }, (_, i) => i));
    }
  });
  it('is the same for the same seed and differs for another', () => {
    expect(latinHypercube(5, 2, createRng(1, 'x'))).toEqual(latinHypercube(5, 2, createRng(1, 'x')));
    expect(latinHypercube(5, 2, createRng(2, 'x'))).not.toEqual(latinHypercube(5, 2, createRng(1, 'x')));
  });
});
