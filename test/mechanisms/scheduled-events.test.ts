import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/config/parse-scenario.js';
import type { MarketEvent } from '../../src/world/events.js';
import { contractCapacityAt } from '../../src/world/state.js';
import { computeCosts, eventsOf, offerFactor, run, seriesOf, smallBaseline, withRoomToTrain, vendorJson, type Json } from './support.js';

/**
 * Scripted history: dated events in a config become, in their month, the bus events an agent's
 * decision would have produced (src/simulation/schedule.ts), so the books cannot tell them apart.
 * The run starts 2023-12: 2024-01 is tick 1.
 */
const SCRIPT = [
  { date: '2024-01', type: 'investment', cloud: 'oracle', vendor: 'mistral', amountUsd: 1e9, equityShare: 0.2, status: 'primary', computeCommitmentUsd: 3e8 },
  // A merger needs a stake: gcp's, bought the same month before it.
  { date: '2024-02', type: 'investment', cloud: 'gcp', vendor: 'mistral', amountUsd: 1e8, valuationUsd: 2e9 },
  { date: '2024-02', type: 'merger', cloud: 'gcp', vendor: 'mistral' },
  { date: '2024-03', type: 'capacity-shock', cloud: 'azure', gpuChange: -0.3 },
  { date: '2024-04', type: 'model-release', vendor: 'xai', quality: 1.5 },
  { date: '2024-05', type: 'compute-contract', vendor: 'xai', cloud: 'aws', capacityMTok: 5e5, months: 6 },
  { date: '2024-06', type: 'policy-change', agent: 'vendor/openai', slot: 'pricing', policy: { type: 'fixed-price' } },
];
const BASE = smallBaseline();
const cost = computeCosts(BASE);
const multipleOf = (vendor: string): number => vendorJson(BASE, vendor).valuationRevenueMultiple;

function scripted(events: readonly Json[]): Json {
  const json = withRoomToTrain(smallBaseline({ count: 300, months: 8 }));
  json.events = events;
  return json;
}

/** What each scheduled type publishes, for the entity the script names. */
const produced: Record<string, { tick: number; pick: (events: readonly MarketEvent[]) => MarketEvent[] }> = {
  investment: { tick: 1, pick: (e) => eventsOf(e, 'investment.closed').filter((x) => x.deal.vendor === 'mistral' && x.deal.cloud === 'oracle') },
  merger: { tick: 2, pick: (e) => eventsOf(e, 'corporate.merged') },
  'capacity-shock': { tick: 3, pick: (e) => eventsOf(e, 'cloud.capacity-shocked') },
  'model-release': { tick: 4, pick: (e) => eventsOf(e, 'vendor.model-released').filter((x) => x.vendor === 'xai' && x.toQuality === 1.5) },
  // Negotiated contracts serve from the month after they are signed; a scripted one from its month.
  'compute-contract': {
    tick: 5,
    pick: (e) => eventsOf(e, 'compute.contract-signed').filter((x) => x.contract.vendor === 'xai' && x.contract.cloud === 'aws' && x.contract.startTick === x.tick),
  },
  'policy-change': { tick: 6, pick: (e) => eventsOf(e, 'policy.changed') },
};

function problemsOf(events: readonly Json[]) {
  const json = smallBaseline({ months: 12 });
  json.events = events;
  const parsed = parseScenario(json);
  if (parsed.success) throw new Error('expected config errors');
  return parsed.problems;
}

describe('scheduled events', () => {
  const withScript = run(scripted(SCRIPT));
  const without = run(scripted([]));

  it('publishes each type of event in its month and not before', () => {
    for (const [type, { tick, pick }] of Object.entries(produced)) {
      expect(pick(without.events), type).toEqual([]);
      const published = pick(withScript.events);
      expect(published.map((e) => e.tick), type).toEqual([tick]);
    }
    expect(eventsOf(withScript.events, 'investment.closed').find((e) => e.deal.vendor === 'mistral')!.deal).toMatchObject({
      cloud: 'oracle',
      amountUsd: 1e9,
      equityShare: 0.2,
      status: 'primary',
    });
    expect(eventsOf(withScript.events, 'compute.commitment-made').find((e) => e.commitment.vendor === 'mistral')!.commitment).toMatchObject({
      cloud: 'oracle',
      amountUsd: 3e8,
      startTick: 1,
      endTick: 37,
    });
    expect(eventsOf(withScript.events, 'corporate.merged')).toEqual([{ type: 'corporate.merged', tick: 2, cloud: 'gcp', vendor: 'mistral' }]);
    expect(eventsOf(withScript.events, 'vendor.model-released').filter((e) => e.vendor === 'xai')[0]).toMatchObject({ fromQuality: 0.8, toQuality: 1.5 });
    expect(eventsOf(withScript.events, 'policy.changed')).toEqual([
      { type: 'policy.changed', tick: 6, agent: 'vendor/openai', slot: 'pricing', policy: { type: 'fixed-price', params: {} } },
    ]);
  });

  it('has the agents act on scripted deals: the vendor trains with its investor, then with its owner, keeping pace with its commitment', () => {
    const trained = eventsOf(withScript.events, 'vendor.trained').filter((e) => e.vendor === 'mistral');
    const mostAt = (tick: number) => trained.filter((e) => e.tick === tick).sort((a, b) => b.spendUsd - a.spendUsd)[0]!.cloud;
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(mostAt)).toEqual(['azure', 'oracle', 'gcp', 'gcp', 'gcp', 'gcp', 'gcp', 'gcp']);
    // The $300M committed to Oracle over 36 months from 2024-01 is bought at least on a straight line:
    // by training there, and by any serving capacity it holds there (all compute spend pays it down).
    const atOracle = seriesOf(withScript.metrics, 'contract.spend_usd', 'mistral@oracle');
    let spentAtOracle = 0;
    for (let tick = 1; tick < 8; tick++) {
      spentAtOracle += Number.isFinite(atOracle[tick]!) ? atOracle[tick]! : 0;
      expect(spentAtOracle, `tick ${tick}`).toBeGreaterThanOrEqual((3e8 * tick) / 36 - 1e-3);
    }
    expect(trained.some((e) => e.tick >= 2 && e.cloud === 'oracle')).toBe(true);
    // Oracle's 20 % for $1B marks Mistral at $5B post-money: $1B, until gcp buys every holder out in the merger.
    const stake = seriesOf(withScript.metrics, 'cloud.equity_value_usd', 'oracle');
    expect(stake[0]).toBe(0);
    expect(stake[1]).toBeCloseTo(1e9, 0);
    for (let tick = 2; tick < 8; tick++) expect(stake[tick]).toBe(0);
    expect(withScript.finalWorld.vendors.mistral!.equity).toEqual({ gcp: 1 });
  });

  it('takes a capacity shock out of the GPU fleet the cloud has at the start of the month', () => {
    const fleet = seriesOf(withScript.metrics, 'cloud.capacity_mtok', 'azure');
    const asicShare = seriesOf(withScript.metrics, 'cloud.asic_share', 'azure');
    const [shock] = eventsOf(withScript.events, 'cloud.capacity-shocked');
    expect(shock).toMatchObject({ cloud: 'azure', asicMTok: 0 });
    expect(shock!.gpuMTok).toBeCloseTo(-0.3 * fleet[2]! * (1 - asicShare[2]!), 2);
    const added = eventsOf(withScript.events, 'cloud.capacity-added').find((e) => e.cloud === 'azure' && e.tick === 3)!;
    expect(fleet[3]).toBeCloseTo(fleet[2]! + shock!.gpuMTok + added.gpuMTok + added.asicMTok, 2);
  });

  it('ships a scripted model at its quality from its month', () => {
    expect(seriesOf(withScript.metrics, 'vendor.quality_index', 'xai').slice(0, 6)).toEqual([0.8, 0.8, 0.8, 0.8, 1.5, 1.5]);
  });

  it('ships a model’s coding quality as scripted, and otherwise carries the vendor’s edge in coding over to its next model', () => {
    const json = scripted([
      { date: '2024-01', type: 'model-release', vendor: 'xai', quality: 1.0, codingQuality: 1.2 },
      { date: '2024-03', type: 'model-release', vendor: 'xai', qualityGain: 1.1 },
    ]);
    const released = eventsOf(run(json).events, 'vendor.model-released').filter((e) => e.vendor === 'xai');
    // From 0.8 (coding 0.8) to 1.0 with coding 1.2; then ×1.1 keeps the edge: 1.1 with coding 1.2 × 1.1 = 1.32.
    expect(released.map((e) => [e.tick, e.toQuality, +e.toCodingQuality.toFixed(12)])).toEqual([
      [1, 1.0, 1.2],
      [3, 1.1, 1.32],
    ]);
  });

  it('signs a scripted compute contract that serves from its month, priced by the cloud’s offer policy', () => {
    const [signed] = produced['compute-contract']!.pick(withScript.events) as Extract<MarketEvent, { type: 'compute.contract-signed' }>[];
    expect(signed!.contract).toMatchObject({ delivered: [{ fromTick: 5, capacityMTok: 5e5 }], startTick: 5, endTick: 11 });
    // AWS's fleet ASIC share and maturity as they stood at the end of the month before.
    const share = seriesOf(withScript.metrics, 'cloud.asic_share', 'aws')[4]!;
    const maturity = seriesOf(withScript.metrics, 'cloud.asic_maturity', 'aws')[4]!;
    expect(signed!.contract.asicShare).toBeCloseTo(share, 12);
    expect(signed!.contract.priceUsdPerMTok).toBeCloseTo((share * cost.asic(5, maturity) + (1 - share) * cost.gpu(5)) * offerFactor(BASE, 'aws'), 12);
    const capacity = seriesOf(withScript.metrics, 'vendor.capacity_mtok', 'xai');
    const contracted = eventsOf(withScript.events, 'compute.contract-signed')
      .map((e) => e.contract)
      .filter((c) => c.vendor === 'xai')
      .reduce((sum, c) => sum + contractCapacityAt(c, 5), 0);
    expect(capacity[5]).toBeCloseTo(contracted, 2);
    expect(capacity[5]! - capacity[4]!).toBeGreaterThanOrEqual(5e5 - 1e-6);
  });

  it('makes a policy change take effect from its month: a vendor switched to fixed-price stops moving its price', () => {
    const moves = (r: typeof withScript) => eventsOf(r.events, 'vendor.price-changed').filter((e) => e.vendor === 'openai').map((e) => e.tick);
    expect(moves(without).some((tick) => tick >= 6)).toBe(true);
    expect(moves(withScript).filter((tick) => tick < 6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(moves(withScript).filter((tick) => tick >= 6)).toEqual([]);
    const price = seriesOf(withScript.metrics, 'vendor.price_usd_per_mtok', 'openai');
    expect(price.slice(6)).toEqual([price[5], price[5]]);
  });

  it('stops enterprises switching from the month their switching policy becomes never-switch', () => {
    const json = smallBaseline({ count: 1000, months: 10 });
    json.events = [
      { date: '2024-02', type: 'model-release', vendor: 'anthropic', quality: 1.6 },
      { date: '2024-05', type: 'policy-change', agent: 'enterprises', slot: 'switching', policy: { type: 'never-switch' } },
    ];
    // One vendor each: a switch is a review's decision.
    json.enterprises.policies.allocation = { type: 'single-vendor' };
    const switches = eventsOf(run(json).events, 'enterprise.switched').map((e) => e.tick);
    expect(switches.filter((tick) => tick >= 2 && tick < 5).length).toBeGreaterThan(0);
    expect(switches.filter((tick) => tick >= 5)).toEqual([]);
    // Several vendors each (the baseline's logit-split): no vendor is put into production once reviews stop.
    json.enterprises.policies.allocation = { type: 'logit-split', params: { maxVendors: 3, temperature: 0.1, adjustment: 0.5 } };
    const added = eventsOf(run(json).events, 'enterprise.vendor-added').map((e) => e.tick);
    expect(added.filter((tick) => tick >= 2 && tick < 5).length).toBeGreaterThan(0);
    expect(added.filter((tick) => tick >= 5)).toEqual([]);
  });

  // Last month's books: this month's open at zero before the script runs, which would put every
  // vendor at the $1B valuation floor.
  it('values a vendor at last month’s ARR × its revenue multiple when a scripted investment gives no equity share', () => {
    const { events, metrics } = run(scripted([{ date: '2024-03', type: 'investment', cloud: 'aws', vendor: 'anthropic', amountUsd: 2.75e9, status: 'primary' }]));
    const deal = eventsOf(events, 'investment.closed')[0]!.deal;
    const valuation = 12 * seriesOf(metrics, 'vendor.revenue_usd', 'anthropic')[2]! * multipleOf('anthropic');
    expect(deal.equityShare).toBeCloseTo(2.75e9 / (valuation + 2.75e9), 6);
  });

  it('rejects an event dated before the run starts, naming its path and the start; one after the end does not happen', () => {
    const problems = problemsOf([
      { date: '2024-12', type: 'model-release', vendor: 'xai', quality: 1.2 },
      { date: '2024-11', type: 'model-release', vendor: 'xai', quality: 1.1 },
      { date: '2023-11', type: 'model-release', vendor: 'xai', quality: 1.05 },
    ]);
    expect(problems).toEqual([{ path: 'events[2].date', message: '2023-11 is before the run starts (2023-12)' }]);
    const json = smallBaseline({ months: 12 });
    json.events = [{ date: '2024-12', type: 'merger', cloud: 'azure', vendor: 'openai' }];
    expect(eventsOf(run(json).events, 'corporate.merged')).toEqual([]);
  });

  it('rejects unknown clouds, vendors, agents, slots and policies in events, listing the known ones', () => {
    const problems = problemsOf([
      { date: '2024-01', type: 'investment', cloud: 'azur', vendor: 'openai', amountUsd: 1e9 },
      { date: '2024-01', type: 'model-release', vendor: 'open-ai', qualityGain: 1.1 },
      { date: '2024-01', type: 'policy-change', agent: 'cloud/orcl', slot: 'capex', policy: { type: 'utilisation-capex' } },
      { date: '2024-01', type: 'policy-change', agent: 'vendor/openai', slot: 'pricin', policy: { type: 'fixed-price' } },
      { date: '2024-01', type: 'policy-change', agent: 'vendor/openai', slot: 'pricing', policy: { type: 'fixd-price' } },
    ]);
    const at = (path: string) => problems.filter((p) => p.path === path).map((p) => p.message);
    expect(at('events[0].cloud')).toEqual(['unknown cloud "azur"; known clouds: azure, aws, gcp, oracle']);
    expect(at('events[1].vendor')).toEqual(['unknown vendor "open-ai"; known vendors: openai, anthropic, google, xai, mistral, meta']);
    expect(at('events[2].agent')).toEqual(['unknown cloud "orcl"; known clouds: azure, aws, gcp, oracle']);
    expect(at('events[3].slot')[0]).toMatch(/unknown policy slot "pricin" for vendor\/openai; valid: pricing, compute, training, funding/);
    expect(at('events[4].policy.type')[0]).toMatch(/unknown vendor-pricing policy "fixd-price"; valid types: cost-plus-competitive, fixed-price/);
  });
});
