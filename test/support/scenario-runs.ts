import { loadScenarioFile } from '../../src/config/load-scenario-file.js';
import type { Scenario } from '../../src/config/parse-scenario.js';
import type { MetricTable } from '../../src/metrics/metric-table.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { PROJECT_ROOT } from './run-cli.js';

export function loadConfig(name: string): Scenario {
  const loaded = loadScenarioFile(`${PROJECT_ROOT}/configs/${name}.json`);
  if (!loaded.success) throw new Error(`${name}: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return loaded.scenario;
}

const cache = new Map<string, MetricTable>();

/** The metrics of a scenario run with a seed, computed once per test file. */
export function runScenario(scenario: Scenario, seed: number): MetricTable {
  const key = `${scenario.name}/${seed}/${JSON.stringify(scenario.events)}`;
  let table = cache.get(key);
  if (!table) {
    table = runSimulation(scenario, { seed }).metrics;
    cache.set(key, table);
  }
  return table;
}

/** Mean of a metric for one entity over the months [from, to] (YYYY-MM), skipping gaps. */
export function meanOver(table: MetricTable, metric: string, entity: string, from: string, to: string): number {
  const values = table.series(metric).get(entity);
  if (!values) return Number.NaN;
  let sum = 0;
  let n = 0;
  table.dates.forEach((date, tick) => {
    if (date >= from && date <= to && Number.isFinite(values[tick]!)) {
      sum += values[tick]!;
      n++;
    }
  });
  return n > 0 ? sum / n : Number.NaN;
}

export const SEEDS = [1, 2, 3, 4, 5] as const;
