import { loadScenarioFile } from '../src/config/load-scenario-file.js';
import type { Scenario } from '../src/config/parse-scenario.js';

export const BASELINE_CONFIG = 'configs/baseline.json';

/** The baseline scenario with its number of simulated enterprises overridden (`represents` unchanged). */
export function baselineWith(enterprises?: number): Scenario {
  const loaded = loadScenarioFile(BASELINE_CONFIG);
  if (!loaded.success) throw new Error(`${BASELINE_CONFIG}: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const scenario = loaded.scenario;
  return enterprises === undefined ? scenario : { ...scenario, enterprises: { ...scenario.enterprises, count: enterprises } };
}

/** Reads a positive integer argument, or fails with its name. */
export function positiveIntArg(text: string | undefined, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${text}`);
  return value;
}
