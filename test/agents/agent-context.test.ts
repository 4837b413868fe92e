import { describe, expect, it } from 'vitest';
import { agentRngs, instantiatePolicies, replacePolicy } from '../../src/agents/agent-context.js';
import { closedVendorInput, scenarioOf, tinyScenarioInput } from '../support/scenario-fixtures.js';

const view = { priceUsdPerMTok: 10, unitCostUsdPerMTok: 1, quality: 1, rivals: [] };

describe('agent context', () => {
  it('gives a closed vendor pricing, compute and training, and open weights training only', () => {
    const policies = instantiatePolicies(scenarioOf(tinyScenarioInput()));
    expect(Object.keys(policies.vendors.acme!).sort()).toEqual(['compute', 'pricing', 'training']);
    expect(Object.keys(policies.vendors.llama!)).toEqual(['training']);
    expect(policies.clouds.alpha!.investment).toBeUndefined();
  });

  it('builds each policy from its config params', () => {
    const input = tinyScenarioInput();
    closedVendorInput(input, 'acme').policies.pricing = { type: 'cost-plus-competitive', params: { markup: 1, adjustmentPerMonth: 1, maxMonthlyChange: 1 } };
    const policies = instantiatePolicies(scenarioOf(input));
    expect(policies.vendors.acme!.pricing!.nextPrice(view)).toBeCloseTo(2, 12);
  });

  it('swaps an agent’s policy in one slot for a scheduled change', () => {
    const policies = instantiatePolicies(scenarioOf(tinyScenarioInput()));
    expect(policies.vendors.acme!.pricing!.nextPrice(view)).toBe(10);
    replacePolicy(policies, 'vendor/acme', 'pricing', { type: 'cost-plus-competitive', params: { markup: 1, adjustmentPerMonth: 1, maxMonthlyChange: 1 } });
    expect(policies.vendors.acme!.pricing!.nextPrice(view)).toBeCloseTo(2, 12);
    replacePolicy(policies, 'enterprises', 'switching', { type: 'never-switch', params: {} });
    expect(policies.enterprises.switching.reviewProbability).toBe(0);
  });

  it('refuses a slot the agent does not have, or an agent that does not exist', () => {
    const policies = instantiatePolicies(scenarioOf(tinyScenarioInput()));
    expect(() => replacePolicy(policies, 'vendor/acme', 'capex', { type: 'utilisation-capex', params: {} })).toThrow(/no policy slot "capex"/);
    expect(() => replacePolicy(policies, 'vendor/nobody', 'pricing', { type: 'fixed-price', params: {} })).toThrow(/no agent vendor\/nobody/);
  });

  it('gives each vendor and cloud its own stream, unchanged when another vendor joins', () => {
    const input = tinyScenarioInput();
    const before = agentRngs(scenarioOf(input), 7);
    input.vendors.unshift({ ...closedVendorInput(input, 'acme'), id: 'aaa' });
    const after = agentRngs(scenarioOf(input), 7);
    expect(Object.keys(after).sort()).toEqual(['cloud/alpha', 'cloud/beta', 'vendor/aaa', 'vendor/acme', 'vendor/llama']);
    const draws = (rng: { next(): number }) => [rng.next(), rng.next(), rng.next()];
    expect(draws(after['vendor/acme']!)).toEqual(draws(before['vendor/acme']!));
    expect(draws(after['vendor/aaa']!)).not.toEqual(draws(agentRngs(scenarioOf(input), 7)['vendor/acme']!));
  });
});
