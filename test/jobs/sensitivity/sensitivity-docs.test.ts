import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../src/config/load-scenario-file.js';
import { SENSITIVITY_USAGE } from '../../../src/jobs/sensitivity/command.js';
import { DEFAULT_CHANGE } from '../../../src/sweep/sensitivity-plan.js';
import type { SensitivityJob } from '../../../src/jobs/sensitivity/job.js';
import { sensitivityKind } from '../../../src/jobs/sensitivity/kind.js';
import { sensitivityPlan } from '../../../src/sweep/sensitivity-plan.js';
import { numericPolicyParams } from '../../../src/sweep/policy-params.js';
import { BASELINE_PATH } from '../../support/scenario-fixtures.js';
import { PROJECT_ROOT } from '../../support/run-cli.js';

/**
 * What README and --help say a sensitivity run of the baseline does is what it does: how many
 * parameters move and how many runs that makes. A parameter added to a policy of the baseline
 * changes both; write the figures this test names into README (Sweeps and sensitivity) and the
 * help (src/jobs/sensitivity/command.ts).
 */
describe('the sensitivity figures the docs quote', () => {
  const loaded = loadScenarioFile(BASELINE_PATH);
  if (!loaded.success) throw new Error('configs/baseline.json does not load');
  const plan = sensitivityPlan(loaded.scenario, DEFAULT_CHANGE);
  const numeric = numericPolicyParams(loaded.scenario).length;
  const moving = plan.params.length;
  // The base, then each side that moves: the variants `npm run sensitivity` runs with --runs 1.
  const runs = plan.cases.length + 1;
  const flat = (text: string) => text.replace(/\s+/g, ' ');

  it('are those of the plan in the help', () => {
    expect(flat(SENSITIVITY_USAGE)).toContain(`In configs/baseline.json ${moving} parameters can move: ${runs} runs`);
  });

  it('are those of the plan in the README', () => {
    const readme = flat(readFileSync(`${PROJECT_ROOT}README.md`, 'utf8'));
    expect(readme).toContain(`In \`configs/baseline.json\` ${moving} of its ${numeric} numeric policy parameters can move: ${runs} runs`);
  });

  it('are those the run makes: one run per variant of the kind’s design, with --runs 1', () => {
    const job = { kind: 'sensitivity', runs: 1, charts: false, scenario: loaded.scenario, change: DEFAULT_CHANGE, only: [] } as unknown as SensitivityJob;
    expect(sensitivityKind.design(job).count).toBe(runs);
  });
});
