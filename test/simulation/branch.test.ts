import { describe, expect, it } from 'vitest';
import { createPopulation } from '../../src/agents/enterprise-population.js';
import { enterBranch } from '../../src/simulation/branch.js';
import { baselineJson, eventsOfType, scenarioOf, testMarket } from '../support/scenario-fixtures.js';

function branchPair(edit: (json: ReturnType<typeof baselineJson>) => void) {
  const parentJson = baselineJson();
  parentJson.enterprises.count = 300;
  const childJson = JSON.parse(JSON.stringify(parentJson));
  edit(childJson);
  return { previous: scenarioOf(parentJson), next: scenarioOf(childJson) };
}

describe('enterBranch: a branch’s changes take effect in its month as events', () => {
  it('publishes a policy change for each policy the branch changes, and none for the others', () => {
    const { previous, next } = branchPair((json) => {
      json.vendors[0].policies.pricing = { type: 'fixed-price' };
      json.enterprises.policies.switching.params.reviewProbability = 0.5;
    });
    const market = testMarket(previous);
    enterBranch(market.context(25), previous, next, createPopulation(previous, 1), market.policies);
    expect(eventsOfType(market.events, 'policy.changed').map((e) => [e.tick, e.agent, e.slot, e.policy.type])).toEqual([
      [25, 'vendor/openai', 'pricing', 'fixed-price'],
      [25, 'enterprises', 'switching', 'roi-payback'],
    ]);
    // The run swaps the policy when it hears the event, as for a scripted policy-change.
    expect(eventsOfType(market.events, 'policy.changed')[1]!.policy.params).toMatchObject({ reviewProbability: 0.5 });
  });

  it('adds, changes and removes listings the branch changes', () => {
    const { previous, next } = branchPair((json) => {
      json.marketplace = json.marketplace.filter((l: { cloud: string; vendor: string }) => !(l.cloud === 'oracle' && l.vendor === 'meta'));
      json.marketplace.find((l: { cloud: string; vendor: string }) => l.cloud === 'aws' && l.vendor === 'anthropic').revenueShare = 0.5;
      json.marketplace.push({ cloud: 'oracle', vendor: 'openai', revenueShare: 0.2 });
    });
    const market = testMarket(previous);
    enterBranch(market.context(25), previous, next, createPopulation(previous, 1), market.policies);
    expect(eventsOfType(market.events, 'marketplace.listing-removed').map((e) => `${e.vendor}@${e.cloud}`)).toEqual(['meta@oracle']);
    expect(eventsOfType(market.events, 'marketplace.listing-added').map((e) => [e.listing.vendor, e.listing.cloud, e.listing.revenueShare])).toEqual([
      ['anthropic', 'aws', 0.5],
      ['openai', 'oracle', 0.2],
    ]);
  });

  it('moves each enterprise to the same place in the branch’s switching-cost spread', () => {
    const { previous, next } = branchPair((json) => {
      json.enterprises.segments[0].switchingCostUsd = { median: 15000, logSd: 0.4 };
    });
    const population = createPopulation(previous, 3);
    const before = Float64Array.from(population.switchingCostUsd);
    const market = testMarket(previous);
    enterBranch(market.context(25), previous, next, population, market.policies);
    const large = previous.enterprises.segments[0]!;
    for (let i = 0; i < population.size; i++) {
      if (population.segment[i] !== 0) {
        expect(population.switchingCostUsd[i]).toBe(before[i]);
        continue;
      }
      const factor = population.marketplace[i] === 1 ? large.marketplaceSwitchingCostFactor : 1;
      const z = Math.log(before[i]! / factor / large.switchingCostUsd.median) / large.switchingCostUsd.logSd;
      expect(population.switchingCostUsd[i]).toBeCloseTo(factor * 15000 * Math.exp(0.4 * z), 6);
    }
  });
});
