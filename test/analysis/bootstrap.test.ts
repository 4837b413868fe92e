import { describe, expect, it } from 'vitest';
import { bootstrapIntervals, quantileOfSorted } from '../../src/analysis/bootstrap.js';
import { createRng } from '../../src/engine/rng.js';

describe('bootstrap percentile intervals', () => {
  it('read quantiles between closest ranks (type 7): the 0.25-quantile of 1, 2, 3, 4 is 1.75', () => {
    expect(quantileOfSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileOfSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileOfSorted([1, 2, Number.NaN], 0.5)).toBeNaN();
  });

  it('give the mean of 0..99 the normal interval 49.5 ± 1.96 × 28.87 / 10 = 43.84..55.16, within 0.6', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i);
    const mean = (rows: Uint32Array): number[] => [rows.reduce((sum, r) => sum + values[r]!, 0) / rows.length];
    const [interval] = bootstrapIntervals(100, mean, { resamples: 4000, confidenceLevel: 0.95, rng: createRng(1, 'test') });
    // The bootstrap's standard error of a mean is the sample's standard deviation (divided by n) over √n.
    const standardError = Math.sqrt(values.reduce((sum, v) => sum + (v - 49.5) ** 2, 0) / 100) / 10;
    expect(standardError).toBeCloseTo(2.887, 3);
    expect(interval!.estimate).toBe(49.5);
    expect(Math.abs(interval!.low - (49.5 - 1.96 * standardError))).toBeLessThan(0.6);
    expect(Math.abs(interval!.high - (49.5 + 1.96 * standardError))).toBeLessThan(0.6);
  });
});
