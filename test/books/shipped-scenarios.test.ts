import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/config/load-scenario-file.js';
import type { Scenario } from '../../src/config/parse-scenario.js';
import type { MetricTable } from '../../src/metrics/metric-table.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import type { VendorMonthClosed } from '../../src/world/events.js';
import { servedComputeMTok } from '../../src/world/state.js';
import { PROJECT_ROOT } from '../support/run-cli.js';

/**
 * Every run checks its books every month and stops on the first that does not balance (src/books);
 * these runs are the ones users make: every shipped scenario on seeds 1–3 to its end, and the
 * baseline for 240 months.
 */
const shipped = readdirSync(join(PROJECT_ROOT, 'configs')).filter((f) => f.endsWith('.json') && !f.endsWith('schema.json'));

function load(file: string): Scenario {
  const loaded = loadScenarioFile(join(PROJECT_ROOT, 'configs', file));
  if (!loaded.success) throw new Error(`${file}: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return loaded.scenario;
}

/**
 * Issue 21, item 6: once the scripted history ends, no vendor's cost per unit of compute served is
 * more than 5 % above its level a year before (GPU costs fall 45 % a year; a contract keeps the
 * hardware it came into service with, so a unit cost can stay flat, not climb), and no list price
 * rises in a month its unit cost falls, unless the vendor's pricing policy changed that month. The
 * unit is a frontier token's compute (servedComputeMTok), not a token: buyers moving from a small
 * tier to the frontier raise the cost of the average token served with no change in hardware.
 */
function unitCostsRunBackwards(metrics: MetricTable, closed: readonly VendorMonthClosed[], repriced: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const prices = metrics.series('vendor.price_usd_per_mtok');
  const costs = new Map<string, number[]>();
  for (const books of closed) {
    const compute = servedComputeMTok(books);
    if (compute > 0) (costs.get(books.vendor) ?? costs.set(books.vendor, []).get(books.vendor)!)[books.tick] = books.inferenceComputeUsd / compute;
  }
  for (const [vendor, cost] of costs) {
    const price = prices.get(vendor);
    metrics.dates.forEach((date, t) => {
      if (date < '2026-01') return;
      const yearAgo = cost[t - 12];
      if (yearAgo !== undefined && cost[t]! > 1.05 * yearAgo) problems.push(`${vendor} ${date}: unit cost ${cost[t]} against ${yearAgo} a year before`);
      if (price && cost[t]! < cost[t - 1]! && price[t]! > price[t - 1]! * (1 + 1e-12) && !repriced.has(`vendor/${vendor}@${t}`)) {
        problems.push(`${vendor} ${date}: list price up from ${price[t - 1]} to ${price[t]} while unit cost fell`);
      }
    });
  }
  return problems;
}

describe('the books of the shipped scenarios', () => {
  it('finds every shipped scenario', () => {
    expect(shipped).toContain('baseline.json');
    expect(shipped.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of shipped) {
    it(`balance in every month of ${file}, seeds 1–3, with unit costs that follow hardware`, () => {
      const scenario = load(file);
      for (const seed of [1, 2, 3]) {
        const repriced = new Set<string>();
        const closed: VendorMonthClosed[] = [];
        const run = runSimulation(scenario, {
          seed,
          onEvent: (e) => {
            if (e.type === 'policy.changed' && e.slot === 'pricing') repriced.add(`${e.agent}@${e.tick}`);
            if (e.type === 'vendor.month-closed') closed.push(e);
          },
        });
        expect(run.metrics.dates).toHaveLength(scenario.months);
        expect(unitCostsRunBackwards(run.metrics, closed, repriced), `${file}, seed ${seed}`).toEqual([]);
      }
    });
  }

  it('balance in every month of the baseline run for 240 months', () => {
    expect(runSimulation(load('baseline.json'), { seed: 1, months: 240 }).metrics.dates).toHaveLength(240);
  });
});
