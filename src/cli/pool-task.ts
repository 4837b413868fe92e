/**
 * One run on a worker thread of the pool: simulate a scenario with one seed and hand back what the
 * job keeps of it, reduced here so the main thread never receives more than it needs: the whole
 * time series (moved, not copied) for ensembles and comparisons, the KPIs alone for sweeps.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { Scenario } from '../config/parse-scenario.js';
import { figuresOf } from '../calibration/calibration-plan.js';
import type { Target } from '../calibration/target-file.js';
import { EventLogWriter } from '../report/event-log.js';
import { kpiValues } from '../report/kpi-keys.js';
import { buildSummary } from '../report/summary.js';
import { runSimulation } from '../simulation/run-simulation.js';
import { explainNonFinite } from '../simulation/non-finite-suspects.js';
import { columnBuffers, toColumns, type MetricColumns } from './metric-transfer.js';

export interface PoolTaskInput {
  readonly scenario: Scenario;
  readonly seed: number;
  /** series and kpis for jobs; figures for a calibration, which keeps each target's figure of the run. */
  readonly reduction: 'series' | 'kpis' | 'figures';
  /** The targets a calibration's run is measured against (reduction figures). */
  readonly targets?: readonly Target[];
  /** Where to write this run's events.jsonl; only the first run of an ensemble writes one. */
  readonly eventsFile?: string;
}

export type PoolTaskOutput =
  | { readonly kind: 'series'; readonly metrics: MetricColumns }
  | { readonly kind: 'kpis'; readonly kpis: Record<string, number> }
  | { readonly kind: 'figures'; readonly figures: number[] };

export default function runPoolTask(input: PoolTaskInput): PoolTaskOutput | ReturnType<typeof move> {
  const events = input.eventsFile === undefined ? undefined : new EventLogWriter(input.eventsFile);
  let result;
  try {
    result = runSimulation(input.scenario, { seed: input.seed, ...(events ? { onEvent: (event) => events.write(event) } : {}) });
  } catch (error) {
    const fed = explainNonFinite(error, input.scenario, input.seed);
    if (fed === undefined) throw error;
    throw new Error(`${(error as Error).message}; ${fed}`);
  } finally {
    events?.close();
  }
  if (input.reduction === 'figures') return { kind: 'figures', figures: figuresOf(result.metrics, input.targets ?? []) };
  if (input.reduction === 'kpis') {
    return { kind: 'kpis', kpis: kpiValues(buildSummary({ ...input.scenario, seed: input.seed }, result.metrics)) };
  }
  const metrics = toColumns(result.metrics);
  const output: PoolTaskOutput = { kind: 'series', metrics };
  return move({ [transferableSymbol]: columnBuffers(metrics), [valueSymbol]: output } as Parameters<typeof move>[0]);
}
