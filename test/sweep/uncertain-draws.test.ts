import { describe, expect, it } from 'vitest';
import { inverseNormalCdf, normalCdf, quantileOf } from '../../src/sweep/distribution-quantile.js';
import { applyDraw, drawUncertain, uncertainFactors, type UncertainFactor } from '../../src/sweep/uncertain-draws.js';
import { numberAtPath } from '../../src/sweep/param-path.js';
import { baselineJson, scenarioOf } from '../support/scenario-fixtures.js';

const SOURCE = 'a test range';

function scenarioWith(...uncertain: unknown[]) {
  return scenarioOf({ ...baselineJson(), uncertain });
}

function factorsOf(...uncertain: unknown[]): UncertainFactor[] {
  const factors = uncertainFactors(scenarioWith(...uncertain));
  if (!factors.success) throw new Error(factors.message);
  return factors.value;
}

/** Values of the first factor over `n` draws of seed 7. */
function valuesOf(factors: readonly UncertainFactor[], n: number): number[] {
  return Array.from({ length: n }, (_, draw) => drawUncertain(factors, 7, draw)[0]!.value);
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
};
const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('drawing uncertain parameters (uncertain-draws, distribution-quantile)', () => {
  const N = 20_000;

  it('draws a uniform range evenly: mean halfway, a quarter of the draws in each quarter', () => {
    const values = valuesOf(factorsOf({ path: 'enterprises.codingShare', distribution: { type: 'uniform', lo: 0.2, hi: 0.6 }, source: SOURCE }), N);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0.2);
    expect(Math.max(...values)).toBeLessThan(0.6);
    expect(mean(values)).toBeCloseTo(0.4, 2);
    expect(values.filter((v) => v < 0.3).length / N).toBeCloseTo(0.25, 1);
  });

  it('gives a log-uniform range the geometric mean of lo and hi as its median, and each factor of ten the same share', () => {
    const values = valuesOf(factorsOf({ path: 'enterprises.segments.large.switchingCostUsd.median', distribution: { type: 'log-uniform', lo: 1_000, hi: 1_000_000 }, source: SOURCE }), N);
    expect(median(values) / Math.sqrt(1_000 * 1_000_000)).toBeCloseTo(1, 1); // 31,623
    expect(values.filter((v) => v < 10_000).length / N).toBeCloseTo(1 / 3, 1.5);
    expect(values.filter((v) => v >= 100_000).length / N).toBeCloseTo(1 / 3, 1.5);
  });

  it('gives a triangular range the mean (lo + mode + hi) / 3 and its mode as its densest part', () => {
    const values = valuesOf(factorsOf({ path: 'enterprises.priceElasticity', distribution: { type: 'triangular', lo: 0.4, mode: 0.8, hi: 1.6 }, source: SOURCE }), N);
    expect(mean(values)).toBeCloseTo((0.4 + 0.8 + 1.6) / 3, 2);
    // P(x < mode) = (mode − lo) / (hi − lo) = 1/3
    expect(values.filter((v) => v < 0.8).length / N).toBeCloseTo(1 / 3, 1.5);
  });

  it('keeps a normal within the field’s valid range, truncated there rather than piled on the bound', () => {
    const values = valuesOf(factorsOf({ path: 'enterprises.codingShare', distribution: { type: 'normal', mean: 0.9, sd: 0.5 }, source: SOURCE }), N);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    expect(values.filter((v) => v === 1).length).toBe(0);
    // Symmetric truncation leaves the mean where it was: N(0.5, 1) on 0..1 is nearly uniform.
    const symmetric = valuesOf(factorsOf({ path: 'enterprises.codingShare', distribution: { type: 'normal', mean: 0.5, sd: 1 }, source: SOURCE }), N);
    expect(mean(symmetric)).toBeCloseTo(0.5, 2);
  });

  it('keeps a normal above an exclusive bound of 0', () => {
    const values = valuesOf(factorsOf({ path: 'vendors.openai.priceUsdPerMTok', distribution: { type: 'normal', mean: 0.5, sd: 2 }, source: SOURCE }), 5_000);
    expect(Math.min(...values)).toBeGreaterThan(0);
  });

  it('inverts the normal distribution function: Φ⁻¹(Φ(x)) = x, Φ(1.96) = 0.975', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    for (const x of [-6, -2.5, -1, 0.3, 1.7, 4]) expect(inverseNormalCdf(normalCdf(x))).toBeCloseTo(x, 5);
  });

  it('draws the nearest whole number for a whole-number field', () => {
    const values = valuesOf(factorsOf({ path: 'clouds.aws.buildLeadMonths', distribution: { type: 'uniform', lo: 6, hi: 24 }, source: SOURCE }), 2_000);
    expect(values.every((v) => Number.isInteger(v) && v >= 6 && v <= 24)).toBe(true);
    expect(new Set(values).size).toBe(19);
  });

  it('is deterministic: the same seed and draw give the same values, another draw or seed others', () => {
    const factors = factorsOf(
      { path: 'enterprises.codingShare', distribution: { type: 'uniform', lo: 0.2, hi: 0.6 }, source: SOURCE },
      { path: 'enterprises.priceElasticity', distribution: { type: 'normal', mean: 1, sd: 0.3 }, source: SOURCE },
    );
    expect(drawUncertain(factors, 7, 3)).toEqual(drawUncertain(factors, 7, 3));
    expect(drawUncertain(factors, 7, 3)).not.toEqual(drawUncertain(factors, 7, 4));
    expect(drawUncertain(factors, 7, 3)).not.toEqual(drawUncertain(factors, 8, 3));
  });

  it('draws each parameter from its own stream: declaring one more leaves the others’ draws as they were', () => {
    const one = factorsOf({ path: 'enterprises.priceElasticity', distribution: { type: 'normal', mean: 1, sd: 0.3 }, source: SOURCE });
    const two = factorsOf(
      { path: 'enterprises.codingShare', distribution: { type: 'uniform', lo: 0.2, hi: 0.6 }, source: SOURCE },
      { path: 'enterprises.priceElasticity', distribution: { type: 'normal', mean: 1, sd: 0.3 }, source: SOURCE },
    );
    for (let draw = 0; draw < 5; draw++) expect(drawUncertain(two, 7, draw)[1]).toEqual(drawUncertain(one, 7, draw)[0]);
  });

  it('names each factor by its one spelling, whichever way the config wrote it', () => {
    expect(factorsOf({ path: 'vendors[0].quality', distribution: { type: 'uniform', lo: 1, hi: 2 }, source: SOURCE }).map((f) => f.path)).toEqual(['vendors.openai.quality']);
  });

  it('takes a draw into the scenario, every value at its path, and refuses a combination that breaks a rule across fields', () => {
    const scenario = scenarioWith(
      { path: 'enterprises.segments.large.qualityWeight.min', distribution: { type: 'uniform', lo: 0, hi: 3 }, source: SOURCE },
      { path: 'enterprises.codingShare', distribution: { type: 'uniform', lo: 0.2, hi: 0.6 }, source: SOURCE },
    );
    const factors = uncertainFactors(scenario);
    if (!factors.success) throw new Error(factors.message);
    const draw = drawUncertain(factors.value, 1, 0);
    const applied = applyDraw(scenario, [{ path: 'enterprises.segments.large.qualityWeight.min', value: 0.1 }, draw[1]!]);
    if (!applied.success) throw new Error(applied.message);
    const at = numberAtPath(applied.value, 'enterprises.codingShare');
    expect(at.success && at.value.value).toBe(draw[1]!.value);
    expect(quantileOf({ type: 'uniform', lo: 0, hi: 1 }, undefined, 0.25)).toBe(0.25);
    const broken = applyDraw(scenario, [{ path: 'enterprises.segments.large.qualityWeight.min', value: 99 }]);
    expect(broken.success ? 'accepted' : broken.message).toBe(
      'enterprises.segments.large.qualityWeight.min=99 is not a valid scenario: enterprises.segments[0].qualityWeight: min 99 is above max 5.519',
    );
  });
});
