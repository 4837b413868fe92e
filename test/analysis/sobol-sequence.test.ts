import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMENSIONS } from '../../src/analysis/joe-kuo-direction-numbers.js';
import { sampleValue, type SampleMatrix } from '../../src/analysis/sample-matrix.js';
import { directionNumbers, sobolSample } from '../../src/analysis/sobol-sequence.js';

/** Points of each dimension in each of the 2^m intervals [j/2^m, (j+1)/2^m): exactly one each for a (0, m, 1)-net. */
function pointsPerInterval(sample: SampleMatrix, dimension: number, intervals: number): number[] {
  const counts = new Array<number>(intervals).fill(0);
  for (let r = 0; r < sample.rows; r++) counts[Math.floor(sampleValue(sample, r, dimension) * intervals)]! += 1;
  return counts;
}

/** Points in each box [a/2^i, (a+1)/2^i) × [b/2^(m−i), (b+1)/2^(m−i)) of two dimensions, for every i. */
function elementaryBoxCounts(sample: SampleMatrix, m: number): number[] {
  const counts: number[] = [];
  for (let i = 0; i <= m; i++) {
    const cells = new Array<number>(2 ** m).fill(0);
    for (let r = 0; r < sample.rows; r++) {
      const a = Math.floor(sampleValue(sample, r, 0) * 2 ** i);
      const b = Math.floor(sampleValue(sample, r, 1) * 2 ** (m - i));
      cells[a * 2 ** (m - i) + b]! += 1;
    }
    counts.push(...cells);
  }
  return counts;
}

describe("Sobol' sequence", () => {
  it('gives the published first points of the unscrambled sequence in 3 dimensions', () => {
    const sample = sobolSample({ points: 8, dimensions: 3, scrambling: 'none' });
    expect(Array.from(sample.values)).toEqual([
      0, 0, 0, 0.5, 0.5, 0.5, 0.75, 0.25, 0.25, 0.25, 0.75, 0.75,
      0.375, 0.375, 0.625, 0.875, 0.875, 0.125, 0.625, 0.125, 0.875, 0.125, 0.625, 0.375,
    ]);
  });

  it("computes Joe and Kuo's direction numbers to all 32 bits: point 2^31 − 12345 equals SciPy's (qmc.Sobol, bits=32)", () => {
    // scipy.stats.qmc.Sobol(d=256, scramble=False, bits=32), fast_forward(2147471303), × 2^32.
    const scipy = [
      605290498, 4204178090, 655159022, 652083362, 1132181114, 264427222, 548730982, 1368498306, 3310224546, 1416554786,
      1285817370, 3611993930, 2749499258, 3489398850, 1576620698, 3650052710, 1904390870, 1986115094, 3385810958,
      4192993294, 1493565454, 929955846, 485236746, 2030510082, 773283330, 4208224778, 203365898, 3880213006, 3105207086,
      3549866470, 4271270634, 1821787438, 145560162, 3759525226, 649573230, 368905070, 398906790, 2225340930, 1760188238,
      552487530, 544520214, 296007978, 2817393530, 2121959438, 998688882, 1694947562, 4173733274, 852903954, 3015969742,
      4286749062, 1910283110, 4000725602, 566494094, 3303806794, 3427149526, 2362580202, 3159996650, 2785290422,
      3136557894, 1621723214, 2902081342, 2596767222, 3049556074, 3352135274,
    ];
    const index = 2 ** 31 - 12345;
    const gray = (index ^ (index >>> 1)) >>> 0;
    const pointAt = (d: number): number => {
      const v = directionNumbers(d);
      let x = 0;
      for (let bit = 0; bit < 32; bit++) if ((gray >>> bit) & 1) x ^= v[bit]!;
      return x >>> 0;
    };
    expect(Array.from({ length: 64 }, (_, d) => pointAt(d))).toEqual(scipy);
    expect([100, 200, 255].map(pointAt)).toEqual([2086576906, 2761947666, 250347914]);
    expect(SOBOL_MAX_DIMENSIONS).toBe(256);
  });

  it('puts exactly one of the first 1024 points in each 1/1024 interval of every one of 256 dimensions, scrambled or not', () => {
    for (const scrambling of ['none', { seed: 7 }] as const) {
      const sample = sobolSample({ points: 1024, dimensions: SOBOL_MAX_DIMENSIONS, scrambling });
      for (let d = 0; d < SOBOL_MAX_DIMENSIONS; d++) {
        expect(new Set(pointsPerInterval(sample, d, 1024))).toEqual(new Set([1]));
      }
    }
  });

  it('keeps the first two dimensions a (0, 6, 2)-net when scrambled: one of 64 points in every elementary box of area 1/64', () => {
    const sample = sobolSample({ points: 64, dimensions: 2, scrambling: { seed: 3 } });
    expect(new Set(elementaryBoxCounts(sample, 6))).toEqual(new Set([1]));
  });

  it('scrambles deterministically by seed, moving the first point off the origin', () => {
    const one = sobolSample({ points: 256, dimensions: 5, scrambling: { seed: 0 } });
    const again = sobolSample({ points: 256, dimensions: 5, scrambling: { seed: 0 } });
    const other = sobolSample({ points: 256, dimensions: 5, scrambling: { seed: 1 } });
    expect(again.values).toEqual(one.values);
    expect(other.values).not.toEqual(one.values);
    expect(Array.from(one.values.subarray(0, 5)).every((x) => x > 0 && x < 1)).toBe(true);
  });

  it('scrambles a dimension the same whatever dimensions follow it', () => {
    const narrow = sobolSample({ points: 32, dimensions: 2, scrambling: { seed: 11 } });
    const wide = sobolSample({ points: 32, dimensions: 6, scrambling: { seed: 11 } });
    for (let r = 0; r < 32; r++) {
      expect([sampleValue(wide, r, 0), sampleValue(wide, r, 1)]).toEqual([sampleValue(narrow, r, 0), sampleValue(narrow, r, 1)]);
    }
  });

  it('integrates a smooth function better than its random error: mean of Π(1 + (x_i − 0.5)) over 8 dims is 1 within 1e-4 at 4096 points', () => {
    const sample = sobolSample({ points: 4096, dimensions: 8, scrambling: { seed: 5 } });
    let sum = 0;
    for (let r = 0; r < sample.rows; r++) {
      let product = 1;
      for (let d = 0; d < 8; d++) product *= 1 + (sampleValue(sample, r, d) - 0.5);
      sum += product;
    }
    // Plain Monte Carlo's standard error here is sqrt((13/12)^8 − 1)/64 ≈ 0.0127.
    expect(Math.abs(sum / sample.rows - 1)).toBeLessThan(1e-4);
  });
});
