import { describe, expect, it } from 'vitest';
import { samplePoint, sampleValue } from '../../src/analysis/sample-matrix.js';
import { saltelliDesign, saltelliRow, saltelliRunCount, type SaltelliDesign } from '../../src/analysis/saltelli-design.js';
import { sobolIndices } from '../../src/analysis/sobol-indices.js';

/** The model's outputs at every point of the design, each column mapped from [0, 1) to [low, high). */
function outputsOf(design: SaltelliDesign, range: [number, number], model: (x: Float64Array) => number): Float64Array {
  const outputs = new Float64Array(design.points.rows);
  const x = new Float64Array(design.parameters);
  for (let r = 0; r < design.points.rows; r++) {
    const u = samplePoint(design.points, r);
    for (let i = 0; i < design.parameters; i++) x[i] = range[0] + (range[1] - range[0]) * u[i]!;
    outputs[r] = model(x);
  }
  return outputs;
}

/**
 * Ishigami and Homma 1990, a = 7, b = 0.1, on [−π, π]^3: f = sin x1 + a sin² x2 + b x3⁴ sin x1.
 * Analytic partial variances (Sobol' and Levitan 1999; Saltelli et al. 2008, §4.3):
 * V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = 8b²π⁸/225, V = V1 + V2 + V13.
 */
const A = 7;
const B = 0.1;
const ishigami = (x: Float64Array): number => Math.sin(x[0]!) + A * Math.sin(x[1]!) ** 2 + B * x[2]! ** 4 * Math.sin(x[0]!);
const V1 = (1 + (B * Math.PI ** 4) / 5) ** 2 / 2;
const V2 = A ** 2 / 8;
const V13 = (8 * B ** 2 * Math.PI ** 8) / 225;
const V = V1 + V2 + V13;

describe('Saltelli design', () => {
  it('mixes A and B one column at a time: A_B^(i) is A but for column i, which is B’s; B_A^(i) the other way', () => {
    const design = saltelliDesign({ baseSamples: 16, parameters: 3, secondOrder: true, seed: 1 });
    expect(design.points.rows).toBe(16 * (2 * 3 + 2));
    expect(saltelliRunCount({ baseSamples: 16, parameters: 3, secondOrder: false })).toBe(16 * 5);
    const value = (block: Parameters<typeof saltelliRow>[1], row: number, column: number): number =>
      sampleValue(design.points, saltelliRow(design, block, row), column);
    for (let j = 0; j < 16; j++) {
      for (let i = 0; i < 3; i++) {
        for (let c = 0; c < 3; c++) {
          expect(value({ matrix: 'AB', parameter: i }, j, c)).toBe(value({ matrix: c === i ? 'B' : 'A' }, j, c));
          expect(value({ matrix: 'BA', parameter: i }, j, c)).toBe(value({ matrix: c === i ? 'A' : 'B' }, j, c));
        }
      }
    }
    // A and B are different halves of one sequence, not the same points twice.
    expect(value({ matrix: 'A' }, 5, 0)).not.toBe(value({ matrix: 'B' }, 5, 0));
  });

  it('takes up to 128 parameters, two Sobol\' dimensions each for A and B', () => {
    expect(saltelliDesign({ baseSamples: 4, parameters: 128, secondOrder: false, seed: 0 }).points.rows).toBe(4 * 130);
    expect(() => saltelliDesign({ baseSamples: 4, parameters: 129, secondOrder: false, seed: 0 })).toThrow(/1 to 128 parameters/);
  });
});

describe("Sobol' indices", () => {
  const design = saltelliDesign({ baseSamples: 8192, parameters: 3, secondOrder: true, seed: 2026 });
  const indices = sobolIndices(design, outputsOf(design, [-Math.PI, Math.PI], ishigami), {
    resamples: 200,
    confidenceLevel: 0.95,
    seed: 1,
  });

  it("reproduce the Ishigami function's analytic indices within 0.02 at N = 8192 (S1 0.314, 0.442, 0; ST 0.558, 0.442, 0.244)", () => {
    const firstOrder = [V1 / V, V2 / V, 0];
    const totalOrder = [(V1 + V13) / V, V2 / V, V13 / V];
    expect(firstOrder.map((s) => s.toFixed(3))).toEqual(['0.314', '0.442', '0.000']);
    expect(totalOrder.map((s) => s.toFixed(3))).toEqual(['0.558', '0.442', '0.244']);
    indices.firstOrder.forEach((s, i) => expect(Math.abs(s.estimate - firstOrder[i]!)).toBeLessThan(0.02));
    indices.totalOrder.forEach((s, i) => expect(Math.abs(s.estimate - totalOrder[i]!)).toBeLessThan(0.02));
    expect(indices.outputVariance).toBeCloseTo(V, 1);
  });

  it('give the Ishigami interaction of x1 and x3 (S13 = 0.244) and none between the others, within 0.03', () => {
    const second = indices.secondOrder!;
    expect(Math.abs(second[0]![2]!.estimate - V13 / V)).toBeLessThan(0.03);
    expect(Math.abs(second[0]![1]!.estimate)).toBeLessThan(0.03);
    expect(Math.abs(second[1]![2]!.estimate)).toBeLessThan(0.03);
    expect(second[1]![0]).toBeUndefined();
  });

  it('bracket each estimate and each analytic value by its 95 % bootstrap interval', () => {
    const totalOrder = [(V1 + V13) / V, V2 / V, V13 / V];
    for (const [i, s] of indices.totalOrder.entries()) {
      expect(s.low).toBeLessThanOrEqual(s.estimate);
      expect(s.high).toBeGreaterThanOrEqual(s.estimate);
      expect(s.low).toBeLessThan(totalOrder[i]!);
      expect(s.high).toBeGreaterThan(totalOrder[i]!);
      expect(s.high - s.low).toBeLessThan(0.1);
    }
  });

  it('give S1 = ST = 1 to the one parameter a function depends on, and 0 to the others, exactly', () => {
    const small = saltelliDesign({ baseSamples: 512, parameters: 4, secondOrder: false, seed: 3 });
    const result = sobolIndices(small, outputsOf(small, [0, 1], (x) => Math.exp(3 * x[1]!)), { resamples: 50, confidenceLevel: 0.9, seed: 0 });
    // f(A_B^(i)) = f(A) for i ≠ 1, so their sums are zero term by term; for i = 1, f(A_B^(1)) = f(B).
    expect(result.firstOrder.map((s) => s.estimate)).toEqual([0, expect.closeTo(1, 2), 0, 0]);
    expect(result.totalOrder.map((s) => s.estimate)).toEqual([0, expect.closeTo(1, 2), 0, 0]);
    expect(result.firstOrder[0]).toEqual({ estimate: 0, low: 0, high: 0 });
  });

  it('split an additive function by its coefficients: f = x1 + 2 x2 gives S = 1/5 and 4/5, first and total alike', () => {
    const small = saltelliDesign({ baseSamples: 1024, parameters: 2, secondOrder: false, seed: 4 });
    const result = sobolIndices(small, outputsOf(small, [0, 1], (x) => x[0]! + 2 * x[1]!), { resamples: 0, confidenceLevel: 0.95, seed: 0 });
    expect(result.firstOrder[0]!.estimate).toBeCloseTo(0.2, 2);
    expect(result.firstOrder[1]!.estimate).toBeCloseTo(0.8, 2);
    expect(result.totalOrder[0]!.estimate).toBeCloseTo(0.2, 2);
    expect(result.totalOrder[1]!.estimate).toBeCloseTo(0.8, 2);
    expect(result.outputVariance).toBeCloseTo(5 / 12, 3);
  });

  it('give a KPI that never moves no indices (NaN), rather than a reassuring 0', () => {
    const small = saltelliDesign({ baseSamples: 64, parameters: 2, secondOrder: false, seed: 6 });
    const result = sobolIndices(small, new Float64Array(small.points.rows).fill(0.3), { resamples: 10, confidenceLevel: 0.95, seed: 0 });
    expect(result.outputVariance).toBe(0);
    expect(result.firstOrder[0]!.estimate).toBeNaN();
    expect(result.totalOrder[1]!.estimate).toBeNaN();
  });

  it('give the same indices and intervals for the same outputs and seed, other intervals for another seed', () => {
    const small = saltelliDesign({ baseSamples: 256, parameters: 3, secondOrder: false, seed: 5 });
    const outputs = outputsOf(small, [-Math.PI, Math.PI], ishigami);
    const options = { resamples: 100, confidenceLevel: 0.95, seed: 9 };
    expect(sobolIndices(small, outputs, options)).toEqual(sobolIndices(small, outputs, options));
    const other = sobolIndices(small, outputs, { ...options, seed: 10 });
    expect(other.firstOrder[0]!.estimate).toBe(sobolIndices(small, outputs, options).firstOrder[0]!.estimate);
    expect(other.firstOrder[0]!.low).not.toBe(sobolIndices(small, outputs, options).firstOrder[0]!.low);
  });
});
