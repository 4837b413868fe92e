import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/config/load-scenario-file.js';
import { dateToTick } from '../../src/engine/calendar.js';
import { metricsCsv } from '../../src/report/metrics-csv.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import type { MarketEvent } from '../../src/world/events.js';
import { PROJECT_ROOT } from '../support/run-cli.js';
import { loadConfig } from '../support/scenario-runs.js';

/**
 * Every shipped scenario is a branch of the baseline's history: up to its branch month it is the
 * baseline exactly, byte for byte in metrics.csv, with the same seed; its own changes begin then.
 */
const SCENARIOS = readdirSync(join(PROJECT_ROOT, 'configs'))
  .filter((f) => f.endsWith('.json') && !f.endsWith('schema.json') && f !== 'baseline.json')
  .map((f) => f.replace(/\.json$/, ''));
const baseline = loadConfig('baseline');

/** metrics.csv rows of the months before `month`. */
function rowsBefore(csv: string, month: string): string[] {
  return csv.split('\n').filter((line) => /^\d/.test(line) && line.split(',')[1]! < month);
}

describe('shipped scenarios branch from the baseline’s history', () => {
  it('are seven, each with a branch month', () => {
    expect(SCENARIOS.length).toBe(7);
    for (const name of SCENARIOS) expect(loadConfig(name).branchesAt, name).toMatch(/^\d{4}-\d{2}$/);
  });

  for (const name of SCENARIOS) {
    it(`${name}: is the baseline exactly before its branch month, and departs from it after`, () => {
      const scenario = loadConfig(name);
      const month = scenario.branchesAt!;
      for (const seed of [1, 4]) {
        const own = metricsCsv(runSimulation(scenario, { seed }).metrics);
        const parent = metricsCsv(runSimulation(baseline, { seed }).metrics);
        const before = rowsBefore(own, month);
        expect(before.length, `seed ${seed}`).toBeGreaterThan(1000);
        expect(before, `seed ${seed}`).toEqual(rowsBefore(parent, month));
        expect(own, `seed ${seed}`).not.toBe(parent);
      }
    });
  }

  it('commoditized makes open weights reach parity from the branch on, without rewriting 2023', () => {
    const commoditized = loadConfig('commoditized');
    const events: MarketEvent[] = [];
    const run = runSimulation(commoditized, { onEvent: (e) => events.push(e) });
    const branch = dateToTick(commoditized.start, commoditized.branchesAt!);
    expect(commoditized.vendors.find((v) => v.id === 'meta')!.quality).toBe(baseline.vendors.find((v) => v.id === 'meta')!.quality);
    // Its changes arrive as the events an agent's own change would publish, in the branch month.
    const changed = events.filter((e) => e.type === 'policy.changed' && e.tick === branch);
    expect(changed.map((e) => (e.type === 'policy.changed' ? `${e.agent} ${e.slot}` : '')).sort()).toEqual([
      'enterprises switching',
      'vendor/anthropic pricing',
      'vendor/google pricing',
      'vendor/meta training',
      'vendor/mistral pricing',
      'vendor/openai pricing',
      'vendor/xai pricing',
    ]);
    const meta = run.metrics.series('vendor.quality_index').get('meta')!;
    const closedBest = (tick: number) =>
      Math.max(...['openai', 'anthropic', 'google', 'xai', 'mistral'].map((v) => run.metrics.series('vendor.quality_index').get(v)![tick]!));
    expect(meta[branch - 1]! / closedBest(branch - 1)).toBeLessThan(0.8);
    // Its first release comes in the branch month, at 95 % of the best closed model of that month.
    expect(meta[branch]! / closedBest(branch)).toBeGreaterThanOrEqual(0.95 - 1e-9);
  });

  it('refuses a branch that keeps a contract an exclusive deal it restores forbids, naming the deal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'llm-sim-branch-'));
    const config = JSON.parse(readFileSync(join(PROJECT_ROOT, 'configs/exclusive-azure.json'), 'utf8'));
    config.extends = join(PROJECT_ROOT, 'configs/baseline.json');
    config.events = config.events.filter((e: { id: string }) => e.id !== 'openai-aws-38b');
    writeFileSync(join(dir, 'keeps-aws.json'), JSON.stringify(config));
    const loaded = loadScenarioFile(join(dir, 'keeps-aws.json'));
    expect(loaded.success).toBe(false);
    if (loaded.success) return;
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]!.message).toMatch(/^openai cannot sign a compute contract with aws in 2025-11: dealsAtStart\[0\] \(azure in openai, since 2023-01\) makes azure openai's exclusive cloud \(permitted: oracle\)/);
  });
});
