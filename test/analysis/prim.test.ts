import { describe, expect, it } from 'vitest';
import { chooseBox, cutBetweenValues, prim } from '../../src/analysis/prim.js';
import { sampleMatrixFromPoints, sampleValue } from '../../src/analysis/sample-matrix.js';
import { sobolSample } from '../../src/analysis/sobol-sequence.js';
import { createRng } from '../../src/engine/rng.js';

/** The 16 points of the 4 × 4 grid {0, 1, 2, 3}², of interest in the square x, y ≥ 2 and at (0, 3). */
const grid = sampleMatrixFromPoints(Array.from({ length: 16 }, (_, i) => [Math.floor(i / 4), i % 4]));
const gridOfInterest = Array.from({ length: 16 }, (_, i) => {
  const [x, y] = [Math.floor(i / 4), i % 4];
  return (x >= 2 && y >= 2) || (x === 0 && y === 3);
});

describe('PRIM', () => {
  it('cuts midway between distinct values, never through ties (EMA’s get_quantile)', () => {
    const values = Float64Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    expect(cutBetweenValues(values, 0.25, 'up')).toBe(0.5);
    expect(cutBetweenValues(values, 0.75, 'down')).toBe(2.5);
    expect(cutBetweenValues(Float64Array.from([1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3]), 0.75, 'down')).toBe(2.5);
    expect(cutBetweenValues(Float64Array.from([4, 4, 4]), 0.5, 'up')).toBe(4);
  });

  it('peels the 4 × 4 grid as counted by hand: coverage, density and mass at every step', () => {
    // Step 1: of the four cuts (x = 3, x = 0, y = 3, y = 0; 4 points each), cutting y = 0 loses no
    // point of interest: density 5/16 → 5/12, the best gain per point. Step 2 cuts y = 1 likewise
    // (5/8). Step 3: cutting y = 2 (density 3/4, gain 1/32 a point) beats cutting x = 0 (4/6,
    // 1/48 a point) though it loses two points of interest: coverage 3/5. Then every cut of
    // the row y = 3 lowers its density 3/4, and peeling stops.
    const { trajectory, initialBox } = prim(grid, gridOfInterest, { peelAlpha: 0.25, massMin: 0.2, paste: false });
    expect(Array.from(initialBox.lower)).toEqual([0, 0]);
    expect(Array.from(initialBox.upper)).toEqual([3, 3]);
    expect(trajectory.map((s) => [s.points, s.pointsOfInterest, s.coverage, s.density, s.mass])).toEqual([
      [16, 5, 1, 5 / 16, 1],
      [12, 5, 1, 5 / 12, 0.75],
      [8, 5, 1, 5 / 8, 0.5],
      [4, 3, 3 / 5, 3 / 4, 0.25],
    ]);
    expect(trajectory.map((s) => Array.from(s.box.lower))).toEqual([[0, 0], [0, 0.5], [0, 1.5], [0, 2.5]]);
    expect(trajectory.map((s) => s.restricted)).toEqual([[], [1], [1], [1]]);
    expect(trajectory.map((s) => s.phase)).toEqual(['start', 'peel', 'peel', 'peel']);
  });

  it('stops peeling before a box would hold less than massMin of the points', () => {
    const { trajectory } = prim(grid, gridOfInterest, { peelAlpha: 0.25, massMin: 0.3, paste: false });
    expect(trajectory.map((s) => s.mass)).toEqual([1, 0.75, 0.5]);
  });

  it('chooses the most covering box at a density floor: 0.6 picks y ≥ 1.5 (coverage 1, density 5/8)', () => {
    const { trajectory } = prim(grid, gridOfInterest, { peelAlpha: 0.25, massMin: 0.2, paste: false });
    expect(chooseBox(trajectory, 0.6)).toBe(2);
    expect(chooseBox(trajectory, 0.7)).toBe(3);
    expect(chooseBox(trajectory, 0.8)).toBeUndefined();
  });

  it('prefers the denser of two boxes that cover as much', () => {
    const step = (coverage: number, density: number) => ({ ...trajectoryStep, coverage, density });
    const trajectoryStep = prim(grid, gridOfInterest, { paste: false }).trajectory[0]!;
    expect(chooseBox([step(1, 0.5), step(1, 0.85), step(1, 1), step(0.8, 1)], 0.8)).toBe(2);
  });

  it('recovers the box x1 > 0.6, x2 < 0.3 from 4096 points in 3 parameters, leaving x3 free', () => {
    const points = sobolSample({ points: 4096, dimensions: 3, scrambling: { seed: 8 } });
    const ofInterest = Array.from({ length: points.rows }, (_, r) => sampleValue(points, r, 0) > 0.6 && sampleValue(points, r, 1) < 0.3);
    const { trajectory } = prim(points, ofInterest);
    const chosen = trajectory[chooseBox(trajectory, 0.95)!]!;
    expect(chosen.restricted).toEqual([0, 1]);
    expect(Math.abs(chosen.box.lower[0]! - 0.6)).toBeLessThan(0.02);
    expect(Math.abs(chosen.box.upper[1]! - 0.3)).toBeLessThan(0.02);
    expect(chosen.coverage).toBeGreaterThan(0.95);
    // The true box holds 0.4 × 0.3 = 12 % of the points.
    expect(Math.abs(chosen.mass - 0.12)).toBeLessThan(0.01);
  });

  it('pastes back what greedy peeling cut too early, each paste widening a restricted limit and raising density', () => {
    // The box x1 > 0.6, x2 < 0.3 with 15 % of the outcomes flipped at random: peeling overshoots.
    const points = sobolSample({ points: 1024, dimensions: 3, scrambling: { seed: 1 } });
    const noise = createRng(1, 'noise');
    const ofInterest = Array.from(
      { length: points.rows },
      (_, r) => (sampleValue(points, r, 0) > 0.6 && sampleValue(points, r, 1) < 0.3) !== noise.next() < 0.15,
    );
    const peeled = prim(points, ofInterest, { peelAlpha: 0.1, paste: false }).trajectory;
    const pasted = prim(points, ofInterest, { peelAlpha: 0.1, paste: true }).trajectory;
    expect(pasted.slice(0, peeled.length)).toEqual(peeled);
    const pastes = pasted.slice(peeled.length);
    expect(pastes.length).toBeGreaterThan(0);
    expect(pastes.every((s) => s.phase === 'paste')).toBe(true);
    pastes.forEach((step, i) => {
      const before = pasted[peeled.length - 1 + i]!;
      expect(step.density).toBeGreaterThan(before.density);
      expect(step.points).toBeGreaterThan(before.points);
      const widened = [0, 1, 2].filter((c) => step.box.lower[c]! < before.box.lower[c]! || step.box.upper[c]! > before.box.upper[c]!);
      expect(widened).toHaveLength(1);
      expect(before.restricted).toContain(widened[0]);
      for (let c = 0; c < 3; c++) {
        expect(step.box.lower[c]).toBeLessThanOrEqual(before.box.lower[c]!);
        expect(step.box.upper[c]).toBeGreaterThanOrEqual(before.box.upper[c]!);
      }
    });
  });

  it('gives the same trajectory for the same points', () => {
    const points = sobolSample({ points: 512, dimensions: 4, scrambling: { seed: 2 } });
    const ofInterest = Array.from({ length: points.rows }, (_, r) => sampleValue(points, r, 2) + sampleValue(points, r, 3) > 1.2);
    expect(prim(points, ofInterest)).toEqual(prim(points, ofInterest));
  });
});
