import { describe, expect, it } from 'vitest';
import { sensitivityPlan } from '../../../src/sweep/sensitivity-plan.js';
import { numericPolicyParams } from '../../../src/sweep/policy-params.js';
import { baselineJson, scenarioOf } from '../../support/scenario-fixtures.js';

/** The baseline with the values these tests rely on set explicitly. */
function scenarioWithKnownValues() {
  const json = baselineJson();
  const byId = (id: string) => json.vendors.find((v: { id: string }) => v.id === id);
  byId('openai').policies.pricing.params.markup = 2;
  Object.assign(byId('google').policies.compute.params, { maxAsicShare: 1, secondCloudShare: 0 });
  json.enterprises.policies.adoption.params.pilotMonths = 3;
  return scenarioOf(json);
}

const scenario = scenarioWithKnownValues();

describe('sensitivityPlan', () => {
  it('finds every numeric policy parameter of vendors, clouds, enterprises and consumers, with its range', () => {
    const params = numericPolicyParams(scenario);
    const paths = params.map((p) => p.path);
    expect(paths).toContain('vendors.openai.policies.pricing.params.markup');
    expect(paths).toContain('clouds.aws.policies.capex.params.targetUtilisation');
    expect(paths).toContain('enterprises.policies.switching.params.paybackMonths');
    expect(paths).toContain('consumers.policy.params.brandWeight');
    // Lists of ids (a strategic stake's vendors) are not numbers.
    expect(paths.some((p) => p.endsWith('.vendors'))).toBe(false);
    expect(params.find((p) => p.path === 'vendors.openai.policies.pricing.params.rivalWeight')!.bounds).toEqual({ min: 0, max: 1, integer: false });
  });

  it('moves each side over a range derived from its valid range, whole numbers rounded', () => {
    const plan = sensitivityPlan(scenario, 0.5, ['vendors.openai.policies', 'vendors.google.policies.compute', 'enterprises.policies.adoption']);
    const sides = (path: string) => {
      const entry = plan.params.find((p) => p.param.path === path)!;
      return [entry.low, entry.high, entry.scale];
    };
    // markup 2, at least 0 (no upper bound): 2 ÷/× 1.5.
    expect(sides('vendors.openai.policies.pricing.params.markup')).toEqual([1.33333333333, 3, 'excess']);
    // The training step 1.05, at least 1: its excess over 1, 0.05 ÷/× 1.5, not ±20 % (1.00 and 1.26).
    expect(sides('vendors.openai.policies.training.params.minStep')).toEqual([1.03333333333, 1.075, 'excess']);
    // maxAsicShare is 1, its maximum: lowered a tenth of its range, not raised.
    expect(sides('vendors.google.policies.compute.params.maxAsicShare')).toEqual([0.9, undefined, 'odds']);
    // pilotMonths 3 in 0..120, whole: place 0.025, odds 1/39 → ÷ 1.5 → 2.0 → 2; × 1.5 → 4.4 → 4.
    const pilot = sides('enterprises.policies.adoption.params.pilotMonths');
    expect(pilot).toEqual([2, 4, 'odds']);
  });

  it('runs only the sides that move, says why the others are left out, and keeps to --only', () => {
    const plan = sensitivityPlan(scenario, 0.5, ['vendors.google.policies.compute']);
    expect(plan.params.every(({ param }) => param.path.startsWith('vendors.google.policies.compute.'))).toBe(true);
    expect(plan.skipped).toContainEqual({ path: 'vendors.google.policies.compute.params.maxAsicShare', reason: 'its high side cannot move: it is at the maximum of its range' });
    // A share at 0, its minimum, moves up only, a tenth of its range; its low side cannot move.
    expect(plan.params.find(({ param }) => param.path.endsWith('secondCloudShare'))).toMatchObject({ high: 0.1 });
    expect(plan.skipped).toContainEqual({ path: 'vendors.google.policies.compute.params.secondCloudShare', reason: 'its low side cannot move: it is at the minimum of its range' });
    expect(plan.cases.length).toBe(plan.params.reduce((n, p) => n + (p.low === undefined ? 0 : 1) + (p.high === undefined ? 0 : 1), 0));
  });
});
