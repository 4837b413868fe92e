import { describe, expect, it } from 'vitest';
import { movedValue, sensitivityPlan } from '../../../src/sweep/sensitivity-plan.js';
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

  it('moves each side ±20%, within the param’s range, whole numbers rounded', () => {
    const param = (path: string) => numericPolicyParams(scenario).find((p) => p.path === path)!;
    expect(movedValue(param('vendors.openai.policies.pricing.params.markup'), 'low', 0.2)).toBe(1.6);
    expect(movedValue(param('vendors.openai.policies.pricing.params.markup'), 'high', 0.2)).toBe(2.4);
    // maxAsicShare is 1, its maximum: raising it leaves it at 1.
    expect(movedValue(param('vendors.google.policies.compute.params.maxAsicShare'), 'high', 0.2)).toBe(1);
    const pilot = param('enterprises.policies.adoption.params.pilotMonths');
    expect(pilot.bounds.integer).toBe(true);
    expect([movedValue(pilot, 'low', 0.2), movedValue(pilot, 'high', 0.2)]).toEqual([2, 4]);
  });

  it('runs only the sides that move, says why the others are left out, and keeps to --only', () => {
    const plan = sensitivityPlan(scenario, 0.2, ['vendors.google.policies.compute']);
    expect(plan.params.every(({ param }) => param.path.startsWith('vendors.google.policies.compute.'))).toBe(true);
    const asic = plan.params.find(({ param }) => param.path.endsWith('maxAsicShare'))!;
    expect(asic).toMatchObject({ low: 0.8 });
    expect(asic.high).toBeUndefined();
    expect(plan.skipped).toContainEqual({ path: 'vendors.google.policies.compute.params.maxAsicShare', reason: 'its high side cannot move: it is at the maximum of its range' });
    expect(plan.skipped).toContainEqual({ path: 'vendors.google.policies.compute.params.secondCloudShare', reason: expect.stringContaining('it is 0') });
    expect(plan.cases.length).toBe(plan.params.reduce((n, p) => n + (p.low === undefined ? 0 : 1) + (p.high === undefined ? 0 : 1), 0));
  });
});
