import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/config/load-scenario-file.js';
import type { Scenario } from '../../src/config/parse-scenario.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
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

describe('the books of the shipped scenarios', () => {
  it('finds every shipped scenario', () => {
    expect(shipped).toContain('baseline.json');
    expect(shipped.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of shipped) {
    it(`balance in every month of ${file}, seeds 1–3`, () => {
      const scenario = load(file);
      for (const seed of [1, 2, 3]) expect(runSimulation(scenario, { seed }).metrics.dates).toHaveLength(scenario.months);
    });
  }

  it('balance in every month of the baseline run for 240 months', () => {
    expect(runSimulation(load('baseline.json'), { seed: 1, months: 240 }).metrics.dates).toHaveLength(240);
  });
});
