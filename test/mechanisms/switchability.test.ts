import { describe, expect, it } from 'vitest';
import { createPopulation } from '../../src/agents/enterprise-population.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { baselineJson } from '../support/scenario-fixtures.js';
import { eventsOf, run, scenarioOf, smallBaseline, type Json } from './support.js';

/**
 * Mechanism 4, switching on ROI: an enterprise reviewing its model switches when the monthly gain
 * repays the one-off switching cost within the payback horizon (baseline: 12 months, a quarter of
 * adopters review each month); through a marketplace switching is nearer "one line of code".
 *
 * The market: every closed model on every marketplace, no exclusivity, half of each segment on
 * each channel, so both channels face the same choice; Anthropic ships a much better model in
 * 2024-02.
 */
const ENTERPRISES = 2000;

function rivalImproves(edit: (json: Json) => void = () => {}): Json {
  const json = smallBaseline({ count: ENTERPRISES, months: 12 });
  json.dealsAtStart = [];
  const closed = json.vendors.filter((v: Json) => v.weights === 'closed').map((v: Json) => v.id);
  json.marketplace = json.clouds.flatMap((c: Json) => [
    ...closed.map((vendor: string) => ({ cloud: c.id, vendor, revenueShare: 0.3 })),
    { cloud: c.id, vendor: 'meta' },
  ]);
  for (const segment of json.enterprises.segments) segment.marketplaceShare = 0.5;
  json.events = [{ date: '2024-02', type: 'model-release', vendor: 'anthropic', quality: 1.6 }];
  // One vendor each, so that every switch is a review's decision to move the whole deployment.
  json.enterprises.policies.allocation = { type: 'single-vendor' };
  edit(json);
  return json;
}

function withMarketplaceCostFactor(factor: number): Json {
  return rivalImproves((json) => {
    for (const segment of json.enterprises.segments) segment.marketplaceSwitchingCostFactor = factor;
  });
}

/** Switches by channel, and the share of each channel's enterprises that switched. */
function switchesByChannel(json: Json) {
  const marketplace = createPopulation(scenarioOf(json), 1).marketplace;
  const switched = eventsOf(run(json).events, 'enterprise.switched');
  const onMarketplace = switched.filter((e) => marketplace[e.enterprise] === 1).length;
  const marketplaceBuyers = marketplace.reduce((n, x) => n + x, 0);
  return {
    switched,
    marketplace: onMarketplace,
    direct: switched.length - onMarketplace,
    marketplaceRate: onMarketplace / marketplaceBuyers,
    directRate: (switched.length - onMarketplace) / (ENTERPRISES - marketplaceBuyers),
  };
}

describe('switchability', () => {
  const cheap = switchesByChannel(withMarketplaceCostFactor(0.2));
  const even = switchesByChannel(withMarketplaceCostFactor(1));

  it('has marketplace buyers, whose switching costs a fifth, switch more often than direct buyers after a rival improves', () => {
    expect(cheap.directRate).toBeGreaterThan(0);
    expect(cheap.marketplaceRate).toBeGreaterThan(1.15 * cheap.directRate);
  });

  it('adds switches on marketplaces only when marketplace switching gets cheaper', () => {
    expect(cheap.marketplace).toBeGreaterThan(1.15 * even.marketplace);
    // Direct buyers face the same costs either way; they move only through what the marketplace
    // switches do to the market (a vendor's volume, hence its capacity and price): 5 of 82 here.
    expect(Math.abs(cheap.direct - even.direct)).toBeLessThanOrEqual(0.1 * even.direct);
  });

  it('switches only when twelve months of the gain repay the one-off switching cost', () => {
    expect(cheap.switched.length).toBeGreaterThan(0);
    for (const e of cheap.switched) expect(e.monthlyGainUsd * 12).toBeGreaterThan(e.switchingCostUsd);
    // Most moves go to the model that got better.
    expect(cheap.switched.filter((e) => e.to === 'anthropic').length).toBeGreaterThan(cheap.switched.length / 2);
  });

  it('with several vendors each, puts a vendor into production only when twelve months of the gain repay moving its work', () => {
    const json = rivalImproves((j) => {
      j.enterprises.policies.allocation = { type: 'logit-split', params: { maxVendors: 3, temperature: 0.1, adjustment: 0.5 } };
    });
    const added = eventsOf(run(json).events, 'enterprise.vendor-added');
    expect(added.length).toBeGreaterThan(0);
    for (const e of added) expect(e.monthlyGainUsd * 12).toBeGreaterThan(e.switchingCostUsd);
  });

  it('has nobody switch when nobody reviews, however much better the rival gets', () => {
    const inert = rivalImproves((json) => {
      json.enterprises.policies.switching.params.reviewProbability = 0;
    });
    expect(cheap.switched.length).toBeGreaterThan(0);
    expect(eventsOf(run(inert).events, 'enterprise.switched')).toEqual([]);
  });
});

/**
 * Switching costs bind: a switch's gain is of the order of its cost, so making every segment's
 * switching cost ten times dearer moves who wins the enterprise market on every seed, by more than
 * the seeds disagree about the move. Measured on the baseline with its history, to December 2027,
 * seeds 1–5, after the refit of docs/model.md §7 (distillation, eight enterprise parameters): 2.5–2.8 %
 * of the enterprise market ends with another vendor (half the sum of the vendors' share moves; a
 * spread of 0.3 points between seeds), most of it Google's, which the market leaves after mid-2025
 * (from 0.214–0.247 to 0.171–0.195 in December 2027) and which keeps 0.5–1.1 points more with costs
 * ×10 (with the group labs served first, before that refit: 2.4–3.2 %, Google 0.8–1.2 points). Before (Anthropic then the vendor on the move):
 * Anthropic 33.7–36.4 % against 31.6–34.2 % with costs ×10. With one vendor each: 34.5 % on average
 * against 26.9 %; before the value of a task was bounded, 49.1 % against 49.0 % for a 100× range of
 * the large segment's cost.
 */
describe('switching costs that bind', () => {
  const MONTHS_TO_DEC_2027 = 49;
  const finalShares = (multiple: number) =>
    [1, 2, 3, 4, 5].map((seed) => {
      const json = baselineJson();
      for (const segment of json.enterprises.segments) segment.switchingCostUsd.median *= multiple;
      const metrics = runSimulation(scenarioOf(json), { seed, months: MONTHS_TO_DEC_2027 }).metrics;
      return new Map([...metrics.series('vendor.enterprise_share')].map(([vendor, shares]) => [vendor, shares.at(-1)!]));
    });
  const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

  it('moves the December 2027 enterprise market by more than seed noise when every switching cost is ten times dearer', () => {
    const base = finalShares(1);
    const dear = finalShares(10);
    // The share of the market that ends with another vendor: half the sum of the share moves.
    const moved = base.map((shares, k) => [...shares].reduce((sum, [vendor, share]) => sum + Math.abs(share - dear[k]!.get(vendor)!), 0) / 2);
    for (const move of moved) expect(move).toBeGreaterThan(0.02);
    expect(mean(moved)).toBeGreaterThan(spread(moved));
    // Dearer switching slows the move away from the vendor the market is leaving, on every seed.
    base.forEach((shares, k) => expect(dear[k]!.get('google')!, `seed ${k + 1}`).toBeGreaterThan(shares.get('google')!));
    // Issue 21's own measure: Anthropic's December 2027 share moves the same way on every seed, by more
    // than the seeds disagree about the move (measured 2026-12-07: 0.335/0.338/0.332/0.323/0.339
    // against 0.326/0.332/0.324/0.317/0.332, a move of 0.59-0.93 points, 0.72 on average).
    const anthropic = base.map((shares, k) => dear[k]!.get('anthropic')! - shares.get('anthropic')!);
    anthropic.forEach((move, k) => expect(move, `seed ${k + 1}`).toBeLessThan(0));
    expect(Math.abs(mean(anthropic))).toBeGreaterThan(spread(anthropic));
}, 120_000);
});
