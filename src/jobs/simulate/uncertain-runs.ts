import type { Scenario } from '../../config/parse-scenario.js';
import type { ParamSetting } from '../../sweep/param-range.js';
import { printablePath } from '../../io/json-text.js';
import { drawUncertain, uncertainFactors, type UncertainFactor } from '../../sweep/uncertain-draws.js';

/**
 * simulate --uncertain's runs: run k takes seed `seed + k` and draw k of the scenario's uncertain
 * parameters under the scenario's seed (second-order Monte Carlo). The draws are made here, on the
 * thread that plans the job, so they are the same whatever the workers, shards or machines.
 */
export interface UncertainRuns {
  readonly factors: readonly UncertainFactor[];
  drawOf(run: number): readonly ParamSetting[];
}

/** The scenario's uncertain runs; a scenario that passed validation always has its factors. */
export function uncertainRuns(scenario: Scenario): UncertainRuns {
  const factors = uncertainFactors(scenario);
  if (!factors.success) throw new Error(`the scenario's uncertain parameters: ${factors.message}`);
  return { factors: factors.value, drawOf: (run) => drawUncertain(factors.value, scenario.seed, run) };
}

/** Why --uncertain cannot run this job, or undefined when it can. */
export function uncertainRefusal(scenario: Scenario, runs: number, file: string): string | undefined {
  if ((scenario.uncertain ?? []).length === 0) {
    return `--uncertain: ${printablePath(file)} declares no uncertain parameters; list them under "uncertain" in the config, each with its path, distribution and source (docs/config.md, "Uncertain parameters"), or leave --uncertain out`;
  }
  if (runs < 2) return `--uncertain draws the uncertain parameters afresh for each run: give --runs 2 or more (one draw shows nothing of their uncertainty)`;
  return undefined;
}
