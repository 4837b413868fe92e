import type { Scenario } from '../config/parse-scenario.js';
import type { EnsembleTable } from '../ensemble/ensemble-table.js';
import { quantilesOf, sampleStats, type Quantiles } from '../ensemble/quantiles.js';
import type { MetricTable } from '../metrics/metric-table.js';
import { buildSummary, configHash, type Summary } from './summary.js';
import type { UncertainSummary } from './uncertain-runs.js';

/**
 * The files of an ensemble (`--runs N`, N > 1), in the shape of a single run's:
 * - metrics.csv: `tick,date,metric,entity,mean,p5,p50,p95,runs`, one row per (tick, metric, entity)
 *   that at least one run recorded, in the single run's order; the statistics are over the `runs`
 *   runs that recorded a value there (a vendor with no revenue has no margin that month);
 * - summary.json: each KPI as { mean, p5, p50, p95 } over the runs' own final or total values.
 */

export interface EnsembleSummary {
  readonly scenario: string;
  readonly description: string;
  /** The seed the runs' seeds derive from (seeds[0]). */
  readonly seed: number;
  readonly runs: number;
  readonly seeds: readonly number[];
  readonly ticks: number;
  readonly start: string;
  readonly end: string;
  readonly configHash: string;
  readonly final: Record<string, Record<string, Quantiles>>;
  readonly totals: Record<string, Record<string, Quantiles>>;
  /** Each vendor's primary cloud at the end in most runs, and in how many runs it was. */
  readonly primaryCloud: Record<string, { readonly cloud: string; readonly runs: number }>;
  /** With simulate --uncertain: the parameters each run drew with its seed. Absent otherwise. */
  readonly uncertain?: UncertainSummary;
}

/** Each run's summary, in seed order. */
export function runSummaries(resolved: Scenario, runs: readonly MetricTable[], seeds: readonly number[]): Summary[] {
  return runs.map((run, i) => buildSummary({ ...resolved, seed: seeds[i]! }, run));
}

/** Statistics over runs, per metric and entity; entities in the order runs first name them. */
export function statsOverRuns(perRun: readonly Record<string, Record<string, number>>[]): Record<string, Record<string, Quantiles>> {
  const result: Record<string, Record<string, Quantiles>> = {};
  const metrics = [...new Set(perRun.flatMap((run) => Object.keys(run)))];
  for (const metric of metrics) {
    const entities = [...new Set(perRun.flatMap((run) => Object.keys(run[metric] ?? {})))];
    const byEntity: Record<string, Quantiles> = {};
    for (const entity of entities) {
      const stats = sampleStats(perRun.map((run) => run[metric]?.[entity] ?? Number.NaN));
      if (stats) byEntity[entity] = quantilesOf(stats);
    }
    result[metric] = byEntity;
  }
  return result;
}

export function buildEnsembleSummary(resolved: Scenario, runs: readonly MetricTable[], seeds: readonly number[]): EnsembleSummary {
  const summaries = runSummaries(resolved, runs, seeds);
  const longest = runs.reduce((a, b) => (b.dates.length > a.dates.length ? b : a));
  return {
    scenario: resolved.name,
    description: resolved.description,
    seed: seeds[0]!,
    runs: runs.length,
    seeds,
    ticks: resolved.months,
    start: resolved.start,
    end: longest.dates.at(-1) ?? resolved.start,
    configHash: configHash(resolved),
    final: statsOverRuns(summaries.map((s) => s.final)),
    totals: statsOverRuns(summaries.map((s) => s.totals)),
    primaryCloud: mostOftenPrimary(summaries.map((s) => s.primaryCloud)),
  };
}

/** The cloud most often each vendor's primary across the runs (ties to the first in cloud id order). */
function mostOftenPrimary(perRun: readonly Summary['primaryCloud'][]): EnsembleSummary['primaryCloud'] {
  const counts = new Map<string, Map<string, number>>();
  for (const run of perRun) {
    for (const [vendor, { cloud }] of Object.entries(run)) {
      const clouds = counts.get(vendor) ?? new Map<string, number>();
      clouds.set(cloud, (clouds.get(cloud) ?? 0) + 1);
      counts.set(vendor, clouds);
    }
  }
  return Object.fromEntries(
    [...counts].map(([vendor, clouds]) => {
      const [cloud, runs] = [...clouds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
      return [vendor, { cloud, runs }];
    }),
  );
}
