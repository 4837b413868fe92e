import { describe, expect, it } from 'vitest';
import { MAX_BUILD_GROWTH_PER_MONTH } from '../../src/agents/cloud-capacity.js';
import { contractCapacityAt } from '../../src/world/state.js';
import { cloudJson, eventsOf, run, seriesOf, smallBaseline, vendorJson, type Json } from './support.js';

/**
 * Mechanism 6, compute scarcity and diversification: a vendor without enough capacity serves less
 * and sells less; when its first-choice cloud keeps falling short it turns to a second one (OpenAI
 * added Oracle, June 2024, seed article); clouds build for the demand they had to turn away.
 */

/** OpenAI starting with `capacityMTok` of Azure capacity instead of 26M. */
function openAiWithCapacity(capacityMTok: number): Json {
  const json = smallBaseline({ months: 2 });
  vendorJson(json, 'openai').compute[0].capacityMTok = capacityMTok;
  // One model, so the compute asked is the tokens asked (model-tiers.test.ts counts a small tier's).
  delete vendorJson(json, 'openai').smallTier;
  return json;
}

/** Azure with little room beyond OpenAI's 26M MTok, growing 2 % a month at most; Oracle permitted. */
function azureShort(diversifyAfterMonthsShort: number): Json {
  const json = smallBaseline({ months: 10 });
  const azure = cloudJson(json, 'azure');
  azure.gpuCapacityMTok = 40e6;
  azure.policies.capex.params.maxGrowthPerMonth = 0.02;
  vendorJson(json, 'openai').policies.compute.params.diversifyAfterMonthsShort = diversifyAfterMonthsShort;
  // Microsoft lets OpenAI buy from Oracle, as it does from June 2024 in the baseline's history.
  json.dealsAtStart.find((d: Json) => d.vendor === 'openai').permittedClouds = ['oracle'];
  return json;
}

describe('compute scarcity', () => {
  it('leaves a vendor with demand above its capacity short, and cuts its API revenue to the share it served', () => {
    const short = run(openAiWithCapacity(5e6));
    const ample = run(openAiWithCapacity(26e6));
    const month = eventsOf(short.events, 'vendor.month-closed').find((e) => e.vendor === 'openai' && e.tick === 0)!;
    const demand = month.apiDemandMTok + month.subscriberDemandMTok + month.freeUserDemandMTok;
    const served = 5e6 / demand;
    expect(served).toBeLessThan(1);
    expect(seriesOf(short.metrics, 'vendor.capacity_shortfall', 'openai')[0]).toBeCloseTo(1 - served, 12);
    expect(seriesOf(ample.metrics, 'vendor.capacity_shortfall', 'openai')[0]).toBe(0);
    const price = seriesOf(short.metrics, 'vendor.price_usd_per_mtok', 'openai')[0]!;
    expect(seriesOf(short.metrics, 'vendor.revenue_api_usd', 'openai')[0]).toBeCloseTo(price * month.apiDemandMTok * served, 2);
    // The same enterprises asked for about the same tokens (Azure builds less for a smaller
    // OpenAI, which moves its hosting price and so OpenAI's price in the 7th digit); the
    // unserved ones paid nothing.
    const revenueRatio = seriesOf(short.metrics, 'vendor.revenue_api_usd', 'openai')[0]! / seriesOf(ample.metrics, 'vendor.revenue_api_usd', 'openai')[0]!;
    expect(revenueRatio).toBeCloseTo(served, 5);
  });

  // OpenAI on a crowded Azure: its first-choice cloud falls short month after month.
  const patient = run(azureShort(3));
  const requestsOf = (r: typeof patient, cloud: string) => eventsOf(r.events, 'compute.requested').filter((e) => e.vendor === 'openai' && e.cloud === cloud);
  const shortOf = (r: typeof patient) => eventsOf(r.events, 'vendor.compute-short').filter((e) => e.vendor === 'openai');

  it('counts the months a vendor’s first-choice cloud could not cover, and what it left uncovered', () => {
    const short = shortOf(patient);
    expect(short.length).toBeGreaterThanOrEqual(4);
    short.forEach((e, i) => {
      expect(e.monthsShort).toBe(i + 1);
      if (i > 0) expect(e.tick).toBe(short[i - 1]!.tick + 1);
      const asked = requestsOf(patient, 'azure').find((r) => r.tick === e.tick)!;
      // A cloud with nothing free declines: the whole request is unmet.
      const offered = eventsOf(patient.events, 'compute.offered').find((o) => o.requestId === asked.requestId);
      expect(e.unmetMTok).toBeCloseTo(asked.capacityMTok - (offered?.capacityMTok ?? 0), 3);
    });
  });

  it('has a vendor ask only its first-choice cloud until it has been short diversifyAfterMonthsShort months, then the next', () => {
    const thirdMonthShort = shortOf(patient).find((e) => e.monthsShort === 3)!.tick;
    const toOracle = requestsOf(patient, 'oracle');
    expect(toOracle.length).toBeGreaterThan(0);
    expect(Math.min(...toOracle.map((e) => e.tick))).toBe(thirdMonthShort);
    expect(requestsOf(patient, 'azure').some((e) => e.tick < thirdMonthShort)).toBe(true);

    // Short from its first month, the eager vendor may ask Oracle then, or a month later when what
    // Azure offered left its need (less the headroom its ask carried) covered that month; the
    // patient one only from its third month short.
    const eager = run(azureShort(1));
    const firstMonthShort = shortOf(eager)[0]!.tick;
    const eagerToOracle = Math.min(...requestsOf(eager, 'oracle').map((e) => e.tick));
    expect(eagerToOracle).toBeGreaterThanOrEqual(firstMonthShort);
    expect(eagerToOracle).toBeLessThan(thirdMonthShort);
    expect(firstMonthShort).toBeLessThan(thirdMonthShort);
  });

  it('moves part of a short vendor’s compute spend to its second cloud once that cloud’s capacity serves', () => {
    const firstAtOracle = Math.min(
      ...eventsOf(patient.events, 'compute.contract-signed')
        .filter((e) => e.contract.vendor === 'openai' && e.contract.cloud === 'oracle')
        .map((e) => e.contract.startTick),
    );
    const primaryShare = seriesOf(patient.metrics, 'vendor.primary_cloud_share', 'openai');
    const paidOracle = seriesOf(patient.metrics, 'contract.spend_usd', 'openai@oracle');
    primaryShare.forEach((share, tick) => {
      // Before its first contract there, what it pays Oracle is training bought by the month on a full Azure.
      const trainedAtOracle = eventsOf(patient.events, 'vendor.trained')
        .filter((e) => e.vendor === 'openai' && e.cloud === 'oracle' && e.tick === tick)
        .reduce((sum, e) => sum + e.spendUsd, 0);
      if (tick < firstAtOracle) expect(Number.isNaN(paidOracle[tick]!) ? 0 : paidOracle[tick]!).toBeCloseTo(trainedAtOracle, 3);
      else expect(share).toBeLessThan(1);
    });
    expect(seriesOf(patient.metrics, 'vendor.clouds_used', 'openai').at(-1)).toBe(2);
  });

  it('has a cloud build next month for the requests it turned away this month, on top of what is in use', () => {
    // Azure loses half its GPUs in 2024-03 and its capex policy may triple the fleet in a month: the build rate
    // (MAX_BUILD_GROWTH_PER_MONTH, doubling) is what caps it.
    const json = smallBaseline({ months: 8 });
    const azure = cloudJson(json, 'azure');
    azure.gpuCapacityMTok = 40e6;
    azure.policies.capex.params.maxGrowthPerMonth = 3;
    // Modest training budgets, so that what Azure turns away is mostly compute requests, not the
    // baseline's training budgets (which would keep every month at the build rate).
    for (const vendor of json.vendors) if (vendor.policies.training.type === 'revenue-share-training') Object.assign(vendor.policies.training.params, { shareOfRevenue: 0.01, minMonthlyUsd: 1e6 });
    json.events = [{ date: '2024-03', type: 'capacity-shock', cloud: 'azure', gpuChange: -0.5 }];
    const { events, metrics } = run(json);
    const fleet = seriesOf(metrics, 'cloud.capacity_mtok', 'azure');
    const { targetUtilisation, baseGrowthPerYear } = azure.policies.capex.params;
    const atAzure = <T extends { cloud: string; tick: number }>(list: T[], tick: number) => list.filter((e) => e.cloud === 'azure' && e.tick === tick);
    const contracts = eventsOf(events, 'compute.contract-signed').map((e) => e.contract).filter((c) => c.cloud === 'azure');
    let monthsWithTurnedAway = 0;
    let monthsBuiltForTurnedAway = 0;
    for (let tick = 0; tick < 7; tick++) {
      const asked = atAzure(eventsOf(events, 'compute.requested'), tick).reduce((s, e) => s + e.capacityMTok, 0);
      const offered = atAzure(eventsOf(events, 'compute.offered'), tick).reduce((s, e) => s + e.capacityMTok, 0);
      const shock = atAzure(eventsOf(events, 'cloud.capacity-shocked'), tick + 1).reduce((s, e) => s + e.gpuMTok + e.asicMTok, 0);
      const fleetBefore = fleet[tick]! + shock;
      // In use: contracts next month, and this month's hosting and training sold by the month;
      // turned away: requests, training the vendors could not buy, open weights it could not host.
      const closed = atAzure(eventsOf(events, 'cloud.month-closed'), tick)[0]!;
      const trainedMTok = atAzure(eventsOf(events, 'vendor.trained').filter((e) => e.cloud !== null) as { cloud: string; tick: number; mTok: number }[], tick).reduce((s, e) => s + e.mTok, 0);
      const inUse = contracts.reduce((s, c) => s + contractCapacityAt(c, tick + 1), 0) + closed.hostingMTok + trainedMTok;
      const trainingTurnedAway = atAzure(eventsOf(events, 'vendor.training-rationed'), tick).reduce((s, e) => s + e.unmetMTok, 0);
      const turnedAway = asked - offered + trainingTurnedAway + closed.hostingDemandMTok - closed.hostingMTok;
      if (turnedAway > 0) monthsWithTurnedAway++;
      // utilisation-capex: max(base-growth floor, (in use + turned away) / target − fleet).
      const floor = fleetBefore * ((1 + baseGrowthPerYear) ** (1 / 12) - 1);
      const build = (demand: number) => Math.min(Math.max(floor, demand / targetUtilisation - fleetBefore), MAX_BUILD_GROWTH_PER_MONTH * fleetBefore);
      const added = atAzure(eventsOf(events, 'cloud.capacity-added'), tick + 1)[0]!;
      expect(added.gpuMTok + added.asicMTok).toBeCloseTo(build(inUse + turnedAway), 0);
      // A month counts where what it turned away lifts the build above what is in use alone, below the build rate.
      if (turnedAway > 0 && build(inUse + turnedAway) > build(inUse) && build(inUse + turnedAway) < MAX_BUILD_GROWTH_PER_MONTH * fleetBefore) {
        monthsBuiltForTurnedAway++;
        expect(added.gpuMTok + added.asicMTok).toBeGreaterThan(build(inUse));
      }
    }
    expect(monthsWithTurnedAway).toBeGreaterThan(0);
    expect(monthsBuiltForTurnedAway).toBeGreaterThan(0);
  });

  it('gives every compute request of a month its own id', () => {
    const { events } = run(smallBaseline({ months: 12 }));
    const ids = eventsOf(events, 'compute.requested').map((e) => e.requestId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
