import { describe, expect, it } from 'vitest';
import { sensitivityNoise, swingBeyondNoise } from '../../../src/jobs/sensitivity/sensitivity-noise.js';
import { swingOf, swings, sensitivityCsv, type SensitivityResults } from '../../../src/jobs/sensitivity/sensitivity-report.js';
import type { KpiStats } from '../../../src/ensemble/kpi-samples.js';
import type { SensitivityPlan } from '../../../src/sweep/sensitivity-plan.js';
import type { Scenario } from '../../../src/config/parse-scenario.js';

const KEY = 'final:market.hhi:market';
const stats = (mean: number) => new Map([[KEY, { mean, p5: mean, p50: mean, p95: mean }]]) as unknown as KpiStats;

describe('a sensitivity KPI’s seed noise and its swings (sensitivity-noise, sensitivity-report)', () => {
  // Three cases (base, a low side, a high side) on two common seeds: [1, 2], [2, 3], [4, 4].
  // Residuals of the two-way fit: ±1/6 at the first two cases, ±1/3 at the third: SS = 1/3 over
  // (3 − 1)(2 − 1) = 2 degrees of freedom, sd √(1/6) = 0.40825; the floor of a swing between two
  // 2-run means, 1.96 × √2 × 0.40825 / √2 = 0.80017.
  const noise = sensitivityNoise(Float64Array.from([1, 2, 2, 3, 4, 4]), 3, 2);

  it('measures the seed × case noise and the swing noise alone would give', () => {
    expect(noise.seedNoiseSd).toBeCloseTo(Math.sqrt(1 / 6), 12);
    expect(noise.degreesOfFreedom).toBe(2);
    expect(noise.swingFloor).toBeCloseTo(0.800166, 5);
    // Between seeds at a case: sd of [1, 2] and [2, 3] is √0.5, of [4, 4] 0; pooled √(1/3).
    expect(noise.betweenSeedsSd).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(swingBeyondNoise(0.8, noise)).toBe(false);
    expect(swingBeyondNoise(0.81, noise)).toBe(true);
  });

  it('does not measure noise with one run a case', () => {
    const single = sensitivityNoise(Float64Array.from([1, 2, 4]), 3, 1);
    expect(single.swingFloor).toBeNaN();
    expect(swingBeyondNoise(5, single)).toBeUndefined();
  });

  it('takes a swing as the span of base, low and high, so sides that agree are not read as no effect', () => {
    expect(swingOf(10, 8, 13)).toBe(5);
    // Both sides raise the KPI: |high − low| would be 1, the span is 4.
    expect(swingOf(10, 13, 14)).toBe(4);
    expect(swingOf(10, undefined, 12)).toBe(2);
  });

  it('marks each swing against its KPI’s noise, in the ranking and in sensitivity.csv', () => {
    const param = (path: string) => ({ param: { path, value: 1, policyType: 't', bounds: { min: 0, integer: false } }, low: 0.5, high: 2, scale: 'excess' as const });
    const plan: SensitivityPlan = { params: [param('a.b.c'), param('d.e.f')], skipped: [], cases: [] };
    const results: SensitivityResults = {
      plan,
      change: 1,
      base: stats(0.3),
      sides: new Map([
        ['a.b.c', { low: stats(0.1), high: stats(0.5) }],
        ['d.e.f', { low: stats(0.25), high: stats(0.35) }],
      ]),
      noise: new Map([[KEY, { betweenSeedsSd: 0.2, seedNoiseSd: 0.05, degreesOfFreedom: 4, swingFloor: 0.15 }]]),
    };
    expect(swings(results, KEY).map((s) => [s.path, Number(s.swing.toFixed(12)), s.beyondNoise])).toEqual([
      ['a.b.c', 0.4, true],
      ['d.e.f', 0.1, false],
    ]);
    const rows = sensitivityCsv(results, { vendors: [], clouds: [] } as unknown as Scenario).trimEnd().split('\n');
    expect(rows[0]!.split(',').slice(-5)).toEqual(['swing', 'between_seeds_sd', 'seed_noise_sd', 'swing_noise_floor', 'beyond_noise']);
    expect(rows[2]!.split(',').slice(-4)).toEqual(['0.2', '0.05', '0.15', 'false']);
    expect(rows[2]!.split(',')[4]).toBe('no range declared: its value ÷/× 2 (no upper bound)');
  });
});
