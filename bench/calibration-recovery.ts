import { calibrate, calibrationSetup, figuresOf, scenarioAt, type CalibrationFit } from '../src/calibration/calibration-plan.js';
import type { FreeParameter, Target } from '../src/calibration/target-file.js';
import type { Scenario } from '../src/config/parse-scenario.js';
import { runSimulation } from '../src/simulation/run-simulation.js';

/**
 * Parameter recovery: pick known values of the free parameters, simulate the targets' figures at
 * them over seeds 1–5 (each band the mean ± twice the seed-to-seed standard deviation, at least
 * ± 2 % of the mean), forget the values, calibrate from the free parameters' whole ranges, and
 * see where the fit lands. Used by test/calibration/recovery.test.ts (one recovery) and by
 * bench/calibration-coverage.ts (many, for the intervals' coverage).
 */

/** Three parameters the 2024 figures speak to, each with a wide range. */
export const RECOVERY_FREE: readonly FreeParameter[] = [
  { path: 'enterprises.segments.large.marketplaceShare', range: [0.3, 0.9], scale: 'linear', source: 'recovery' },
  { path: 'enterprises.represents', range: [1e4, 1e5], scale: 'log', source: 'recovery' },
  { path: 'consumers.growthPerYear', range: [0.3, 3], scale: 'log', source: 'recovery' },
];

const target = (id: string, metric: string, entity: string, window: Partial<Target>): Target => ({ id, metric, entity, band: [0, 0], source: 'recovery', aggregate: 'last', ...window });

/** Figures of 2024, which the three parameters move. */
export const RECOVERY_TARGETS: readonly Target[] = [
  target('anthropic-marketplace-share-2024', 'vendor.revenue_marketplace_usd', 'anthropic', { from: '2024-01', to: '2024-12', aggregate: 'sum', per: 'vendor.revenue_usd' }),
  target('openai-arr-2024-12', 'vendor.arr_usd', 'openai', { month: '2024-12' }),
  target('anthropic-arr-2024-12', 'vendor.arr_usd', 'anthropic', { month: '2024-12' }),
  target('openai-subscription-share-2024', 'vendor.revenue_subscription_usd', 'openai', { from: '2024-01', to: '2024-12', aggregate: 'sum', per: 'vendor.revenue_usd' }),
  target('enterprise-spend-2024', 'market.enterprise_spend_usd', 'market', { from: '2024-01', to: '2024-12', aggregate: 'sum' }),
];

/** Months from the baseline's start (2023-12) to the end of 2024. */
export const RECOVERY_MONTHS = 13;

export interface Recovery {
  readonly truth: readonly number[];
  readonly fit: CalibrationFit;
  readonly runs: number;
}

export function recover(scenario: Scenario, truth: readonly number[], options: { budget: number; seed: number; runs?: number }): Recovery {
  const atTruth = scenarioAt(scenario, RECOVERY_FREE, truth);
  if (!atTruth.success) throw new Error(atTruth.message);
  const samples = [1, 2, 3, 4, 5].map((seed) => figuresOf(runSimulation(atTruth.value, { seed, months: RECOVERY_MONTHS }).metrics, RECOVERY_TARGETS));
  const targets = RECOVERY_TARGETS.map((t, k) => {
    const xs = samples.map((s) => s[k]!);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
    const half = Math.max(2 * sd, 0.02 * Math.abs(mean));
    return { ...t, band: [mean - half, mean + half] as [number, number] };
  });
  // The calibration's seeds start far from 1–5, so it never sees the runs that made the bands.
  const setup = calibrationSetup(targets, RECOVERY_FREE, { budget: options.budget, runs: options.runs ?? 1, seed: 1000 + options.seed });
  const { fit, runs } = calibrate(setup, (points) =>
    points.map((p) => {
      const at = scenarioAt(scenario, RECOVERY_FREE, p.values);
      if (!at.success) throw new Error(at.message);
      const sums = new Array<number>(setup.targets.length).fill(0);
      for (const seed of setup.seeds) figuresOf(runSimulation(at.value, { seed, months: RECOVERY_MONTHS }).metrics, setup.targets).forEach((f, k) => (sums[k]! += f / setup.seeds.length));
      return sums;
    }),
  );
  return { truth, fit, runs };
}
