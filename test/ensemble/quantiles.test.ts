import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileOfSorted, sampleStats } from '../../src/ensemble/quantiles.js';

describe('sampleStats', () => {
  it('reads percentiles by linear interpolation between closest ranks (type 7, as NumPy and R)', () => {
    // numpy.percentile([1, 2, 3, 4, 10], [5, 50, 95]) = [1.2, 3, 8.8]
    const stats = sampleStats([10, 2, 4, 1, 3])!;
    expect(stats.p5).toBeCloseTo(1.2, 12);
    expect(stats.p50).toBe(3);
    expect(stats.p95).toBeCloseTo(8.8, 12);
    expect(stats.mean).toBe(4);
    expect(stats.count).toBe(5);
  });

  it('gives the value itself for a single run, and leaves out missing values', () => {
    expect(sampleStats([7])).toEqual({ mean: 7, p5: 7, p50: 7, p95: 7, count: 1 });
    expect(sampleStats([Number.NaN, 2, Number.NaN, 4])).toEqual({ mean: 3, p5: 2.1, p50: 3, p95: 3.9, count: 2 });
    expect(sampleStats([Number.NaN])).toBeUndefined();
  });

  it('has percentiles that do not depend on the order of the runs', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 40 }), (values) => {
        const a = sampleStats(values)!;
        const b = sampleStats([...values].reverse())!;
        expect([b.p5, b.p50, b.p95]).toEqual([a.p5, a.p50, a.p95]);
        expect(a.p5).toBeLessThanOrEqual(a.p50);
        expect(a.p50).toBeLessThanOrEqual(a.p95);
      }),
    );
  });

  it('interpolates only between neighbours of the sorted values', () => {
    expect(quantileOfSorted([0, 10], 0.95)).toBeCloseTo(9.5, 12);
    expect(quantileOfSorted([], 0.5)).toBeNaN();
  });
});
