import { describe, expect, it } from 'vitest';
import { calibrate, calibrationSetup, deviationOf, type DesignPoint } from '../../src/calibration/calibration-plan.js';
import { latinHypercube } from '../../src/analysis/latin-hypercube.js';
import type { FreeParameter, Target } from '../../src/calibration/target-file.js';
import { weightedQuantile } from '../../src/calibration/weighted-stats.js';
import { createRng, normal } from '../../src/engine/rng.js';

const free = (path: string, range: [number, number] = [0, 1], scale: 'linear' | 'log' = 'linear'): FreeParameter => ({ path, range, scale, source: 'test' });
const target = (id: string, band: [number, number]): Target => ({ id, metric: 'vendor.revenue_usd', entity: 'x', month: '2024-01', aggregate: 'last', band, source: 'test' });

/** A toy model in place of the simulation: each point's figures from its parameter values. */
const toy = (model: (values: readonly number[], point: number) => number[]) => (points: readonly DesignPoint[]) => points.map((p) => model(p.values, p.index));

describe('APMC calibration', () => {
  it('recovers the parameters of a model whose figures are the parameters, within 0.02', () => {
    const setup = calibrationSetup([target('a', [0.29, 0.31]), target('b', [0.69, 0.71])], [free('a'), free('b')], { budget: 3000, runs: 1, seed: 1 });
    const { fit, runs } = calibrate(setup, toy((v) => [v[0]!, v[1]!]));
    expect(runs).toBeLessThanOrEqual(3000);
    expect(fit.parameters[0]!.value).toBeCloseTo(0.3, 1);
    expect(Math.abs(fit.parameters[0]!.value - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(fit.parameters[1]!.value - 0.7)).toBeLessThan(0.02);
    expect(fit.parameters.every((p) => p.identified && p.low <= p.value && p.value <= p.high)).toBe(true);
  });

  it('gives the analytic posterior of a normal mean: observed 0.5, noise sd 0.05, 90 % interval 0.418..0.582', () => {
    // y = θ + 0.05 z, observed 0.5: under a flat prior on [0, 1] the posterior of θ is N(0.5, 0.05²)
    // (truncation negligible), whose 5th and 95th percentiles are 0.5 ∓ 1.645 × 0.05.
    const noise = createRng(3, 'noise');
    const setup = calibrationSetup([target('y', [0.49, 0.51])], [free('theta')], { budget: 20000, runs: 1, seed: 2, settings: { populationSize: 400 } });
    const { fit } = calibrate(setup, toy((v) => [v[0]! + 0.05 * normal(noise)]));
    const [theta] = fit.parameters;
    expect(Math.abs(theta!.value - 0.5)).toBeLessThan(0.015);
    expect(Math.abs(theta!.low - 0.418)).toBeLessThan(0.02);
    expect(Math.abs(theta!.high - 0.582)).toBeLessThan(0.02);
  });

  it('says a parameter no target depends on is not identified', () => {
    const setup = calibrationSetup([target('a', [0.29, 0.31])], [free('a'), free('idle', [1, 100], 'log')], { budget: 2000, runs: 1, seed: 1 });
    const { fit } = calibrate(setup, toy((v) => [v[0]!]));
    expect(fit.parameters[0]!.identified).toBe(true);
    expect(fit.parameters[1]!.identified).toBe(false);
  });

  it('finds two parameters that trade off when only their sum is pinned', () => {
    const setup = calibrationSetup([target('sum', [0.99, 1.01])], [free('a'), free('b')], { budget: 3000, runs: 1, seed: 1 });
    const { fit } = calibrate(setup, toy((v) => [v[0]! + v[1]!]));
    expect(fit.tradeOffs).toHaveLength(1);
    expect(fit.tradeOffs[0]!.correlation).toBeLessThan(-0.5);
  });

  it('never keeps a point whose runs could not measure a target', () => {
    const setup = calibrationSetup([target('a', [0.29, 0.31])], [free('a')], { budget: 1000, runs: 1, seed: 1 });
    const { state } = calibrate(setup, toy((v, i) => [i % 2 === 0 ? Number.NaN : v[0]!]));
    expect(state.particles.every((p) => Number.isFinite(p.distance))).toBe(true);
  });

  it('plans the same points for the same seed, so an interrupted calibration resumes where it was', () => {
    const run = () => calibrate(calibrationSetup([target('a', [0.29, 0.31])], [free('a')], { budget: 600, runs: 1, seed: 5 }), toy((v) => [v[0]!]));
    expect(run().state).toEqual(run().state);
  });

  it('stops at its budget while the acceptance is still high', () => {
    // Figures of pure noise: about half of each generation lands within the tolerance, so only
    // the budget stops it: generation 0 is 100 points × 2 seeds, each later one 50 × 2.
    const noise = createRng(9, 'noise');
    const setup = calibrationSetup([target('noise', [-0.01, 0.01])], [free('a')], { budget: 550, runs: 2, seed: 1 });
    const { runs, state } = calibrate(setup, toy(() => [normal(noise)]));
    expect(runs).toBe(500);
    expect(state.generation).toBe(3);
  });

  it('stops when no new point lands within the tolerance: every point already hits the figure', () => {
    const setup = calibrationSetup([target('flat', [0, 2])], [free('a')], { budget: 5000, runs: 1, seed: 1 });
    const { runs } = calibrate(setup, toy(() => [1]));
    expect(runs).toBe(100 + 50);
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

describe('deviationOf', () => {
  const t = (band: [number, number]): Target => target('x', band);
  it('measures a figure from the band centre in half-widths', () => {
    expect(deviationOf(0.35, t([0.3, 0.4]))).toBeCloseTo(0, 12);
    expect(deviationOf(0.4, t([0.3, 0.4]))).toBeCloseTo(1, 12);
    expect(deviationOf(0.2, t([0.3, 0.4]))).toBeCloseTo(-3, 12);
  });
  it('counts nothing on the right side of a one-sided bound, and the excess in tenths of the bound beyond it', () => {
    expect(deviationOf(0.5, t([Number.NEGATIVE_INFINITY, 0.7]))).toBe(0);
    expect(deviationOf(0.77, t([Number.NEGATIVE_INFINITY, 0.7]))).toBeCloseTo(1, 12);
    expect(deviationOf(90, t([100, Number.POSITIVE_INFINITY]))).toBeCloseTo(1, 12);
  });
});
