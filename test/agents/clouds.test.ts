import { describe, expect, it } from 'vitest';
import { buildFleets, dealMinAsicShare, listenForComputeRequests, priceOpenModels, withinBuildRate } from '../../src/agents/clouds.js';
import type { ScenarioInput } from '../../src/config/scenario-schema.js';
import type { ComputeRequested, MarketEvent } from '../../src/world/events.js';
import { cloudInput, eventsOfType, scenarioOf, testMarket, tinyScenarioInput, type TestMarket } from '../support/scenario-fixtures.js';
import { deal } from '../support/world-fixtures.js';

function marketWith(edit: (input: ScenarioInput) => void = () => {}): TestMarket {
  const input = tinyScenarioInput();
  edit(input);
  return testMarket(scenarioOf(input));
}

function request(fields: Partial<ComputeRequested> = {}): ComputeRequested {
  const tick = fields.tick ?? 0;
  return { type: 'compute.requested', tick, requestId: '0/acme/alpha', vendor: 'acme', cloud: 'alpha', capacityMTok: 500, months: 12, use: 'inference', fromTick: tick + 1, ...fields };
}

/** Publishes `events` while the clouds listen at `tick`; returns what followed. */
function withCloudsListening(market: TestMarket, events: MarketEvent[], tick = 0): MarketEvent[] {
  const from = market.events.length;
  const subscription = listenForComputeRequests(market.context(tick));
  for (const event of events) market.bus.publish(event);
  subscription.unsubscribe();
  return market.events.slice(from);
}

describe('clouds', () => {
  describe('answering compute requests', () => {
    it('answers a request with an offer before the request’s publish returns', () => {
      const market = marketWith();
      const subscription = listenForComputeRequests(market.context(0));
      market.bus.publish(request());
      expect(market.events.at(-1)).toEqual({
        type: 'compute.offered',
        tick: 0,
        requestId: '0/acme/alpha',
        vendor: 'acme',
        cloud: 'alpha',
        capacityMTok: 500,
        priceUsdPerMTok: 3,
        asicShare: 0,
        months: 12,
      });
      subscription.unsubscribe();
    });

    it('offers from what is free next month: fleet less contracts then in force and this month’s hosting', () => {
      const market = marketWith();
      market.sign({ vendor: 'acme', cloud: 'alpha', capacityMTok: 300, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 12 });
      // A contract that ends this month frees its capacity for next month.
      market.sign({ vendor: 'acme', cloud: 'alpha', capacityMTok: 200, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 1 });
      market.bus.publish({ type: 'cloud.month-closed', tick: 0, cloud: 'alpha', inferenceRevenueUsd: 0, fleetCostUsd: 0, marketplaceRevenueUsd: 0, hostingRevenueUsd: 0, hostingMTok: 100, hostingDemandMTok: 100, contractedMTok: 0 });
      // Free next month: 1,000 − 300 − 100 = 600, of which it offers 80 %.
      const [offer] = eventsOfType(withCloudsListening(market, [request({ capacityMTok: 5000 })]), 'compute.offered');
      expect(offer?.capacityMTok).toBeCloseTo(480, 9);
    });

    it('declines when it has nothing free', () => {
      const market = marketWith((input) => {
        cloudInput(input, 'alpha').gpuCapacityMTok = 0;
      });
      expect(withCloudsListening(market, [request()]).at(-1)).toEqual({
        type: 'compute.declined',
        tick: 0,
        requestId: '0/acme/alpha',
        vendor: 'acme',
        cloud: 'alpha',
        reason: 'no free capacity',
      });
    });

    it('signs an accepted offer on its terms, for the months asked, starting next month', () => {
      const market = marketWith();
      const events = withCloudsListening(
        market,
        [
          request({ cloud: 'beta', requestId: '4/acme/beta', tick: 4, capacityMTok: 300, months: 6 }),
          { type: 'compute.offer-accepted', tick: 4, requestId: '4/acme/beta', vendor: 'acme', cloud: 'beta' },
        ],
        4,
      );
      const [signed] = eventsOfType(events, 'compute.contract-signed');
      expect(signed?.contract).toMatchObject({ id: 'contract-1', vendor: 'acme', cloud: 'beta', use: 'inference', asicShare: 0.5, startTick: 5, endTick: 11 });
      expect(signed?.contract.delivered).toEqual([{ fromTick: 5, capacityMTok: 300 }]);
      expect(signed?.contract.ordered).toEqual(signed?.contract.delivered);
      expect(signed?.contract.priceUsdPerMTok).toBeCloseTo(2.34, 12);
      expect(market.world().contractsSigned).toBe(1);
    });

    it('withdraws a rejected offer: no contract, and it cannot be accepted afterwards', () => {
      const market = marketWith();
      const subscription = listenForComputeRequests(market.context(0));
      market.bus.publish(request());
      market.bus.publish({ type: 'compute.offer-rejected', tick: 0, requestId: '0/acme/alpha', vendor: 'acme', cloud: 'alpha', reason: 'too dear' });
      expect(() => market.bus.publish({ type: 'compute.offer-accepted', tick: 0, requestId: '0/acme/alpha', vendor: 'acme', cloud: 'alpha' })).toThrow(
        /offer never made/,
      );
      subscription.unsubscribe();
      expect(market.world().contracts).toEqual([]);
    });

    it('answers nothing once the negotiation phase is over', () => {
      const market = marketWith();
      listenForComputeRequests(market.context(0)).unsubscribe();
      market.bus.publish(request());
      expect(market.events.map((e) => e.type)).toEqual(['compute.requested']);
    });

    it('places at least the ASIC share its investment deal with the vendor requires', () => {
      const market = marketWith();
      market.bus.publish({ type: 'investment.in-force', tick: 0, deal: deal({ vendor: 'acme', cloud: 'beta', minAsicShare: 0.8 }) });
      expect(dealMinAsicShare(market.world(), 'acme', 'beta')).toBe(0.8);
      const [offer] = eventsOfType(withCloudsListening(market, [request({ cloud: 'beta', requestId: 'r' })]), 'compute.offered');
      expect(offer?.asicShare).toBe(0.8);
    });

    it('sells at cost to a vendor merged into its group', () => {
      const market = marketWith();
      market.bus.publish({ type: 'corporate.merged', tick: 0, cloud: 'alpha', vendor: 'acme' });
      const [offer] = eventsOfType(withCloudsListening(market, [request()]), 'compute.offered');
      expect(offer?.priceUsdPerMTok).toBe(2);
    });
  });

  describe('building fleets', () => {
    it('builds towards target utilisation, paying capexMonthsOfCost months of running cost', () => {
      const market = marketWith();
      market.sign({ vendor: 'acme', cloud: 'alpha', capacityMTok: 900, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 12 });
      buildFleets(market.context(0));
      // 900 / 0.75 − 1,000 = 200, capped at 15 % of the fleet: 150 GPU MTok at 2 $ × 30 months.
      expect(eventsOfType(market.events, 'cloud.capacity-added')).toEqual([
        { type: 'cloud.capacity-added', tick: 0, cloud: 'alpha', gpuMTok: 150, asicMTok: 0, capexUsd: 9000, forContract: null },
      ]);
      expect(market.world().clouds.alpha!.gpuCapacityMTok).toBe(1150);
      expect(eventsOfType(market.events, 'cloud.asic-deployed')).toEqual([]);
    });

    it('puts part of new capacity on its ASICs, whose programme matures with the spend', () => {
      const market = marketWith((input) => {
        cloudInput(input, 'beta').policies.capex = { type: 'utilisation-capex', params: { targetUtilisation: 0.75, baseGrowthPerYear: 0, asicShareOfNew: 0.5 } };
      });
      market.sign({ vendor: 'acme', cloud: 'beta', capacityMTok: 900, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 12 });
      buildFleets(market.context(0));
      // 150 new MTok, half on ASICs at 1.6 $ (maturity 0.5): capex 75 × 2 × 30 + 75 × 1.6 × 30.
      const [added] = eventsOfType(market.events, 'cloud.capacity-added');
      expect(added).toMatchObject({ cloud: 'beta', gpuMTok: 75, asicMTok: 75 });
      expect(added!.capexUsd).toBeCloseTo(4500 + 3600, 9);
      const [deployed] = eventsOfType(market.events, 'cloud.asic-deployed');
      expect(deployed).toMatchObject({ cloud: 'beta', asicMTok: 75, maturityBefore: 0.5 });
      expect(deployed!.capexUsd).toBeCloseTo(3600, 9);
      expect(deployed!.maturityAfter).toBeCloseTo(0.5 + 0.5 * (1 - Math.exp(-3600 / 1e9)), 15);
    });

    it('builds nothing when idle and not meant to grow', () => {
      const market = marketWith();
      buildFleets(market.context(0));
      expect(market.events).toEqual([]);
    });

    it('counts requests it had to turn away last month as demand', () => {
      const market = marketWith();
      market.bus.publish(request({ capacityMTok: 900 }));
      // Last month: 900 MTok asked and none offered.
      buildFleets(market.context(1));
      expect(eventsOfType(market.events, 'cloud.capacity-added')).toMatchObject([{ cloud: 'alpha', gpuMTok: 150 }]);
    });
  });

  describe('the build rate', () => {
    it('lets the capex cycle add at most the fleet the month began with, less what construction brought that month', () => {
      // 1,000 at the start, 300 of GPUs brought by construction: 700 of room for the 2,000 wanted. Asked 3:1 that
      // is 525 GPU, but GPUs may only grow from 800 to 1,600 (500 more); ASICs take the rest, 200 (200 → 400).
      expect(withinBuildRate({ gpu: 1500, asic: 500 }, { gpu: 800, asic: 200 }, { gpu: 1100, asic: 200 })).toEqual({ gpuMTok: 500, asicMTok: 200 });
      expect(withinBuildRate({ gpu: 30, asic: 10 }, { gpu: 800, asic: 200 }, { gpu: 800, asic: 200 })).toEqual({ gpuMTok: 30, asicMTok: 10 });
    });

    it('lets an ASIC programme at most double in a month, giving GPUs what it cannot take', () => {
      // Room 1,000; the policy wants half on ASICs (500) but 50 of ASICs may only become 100: 50 ASIC, 950 GPU.
      expect(withinBuildRate({ gpu: 500, asic: 500 }, { gpu: 950, asic: 50 }, { gpu: 950, asic: 50 })).toEqual({ gpuMTok: 950, asicMTok: 50 });
      // A programme that has nothing yet starts from nothing: unbounded but for the fleet's room.
      expect(withinBuildRate({ gpu: 0, asic: 800 }, { gpu: 1000, asic: 0 }, { gpu: 1000, asic: 0 })).toEqual({ gpuMTok: 0, asicMTok: 800 });
      // Nor does a cloud with no fleet at all.
      expect(withinBuildRate({ gpu: 300, asic: 100 }, { gpu: 0, asic: 0 }, { gpu: 0, asic: 0 })).toEqual({ gpuMTok: 300, asicMTok: 100 });
    });
  });

  describe('pricing open weights', () => {
    it('reprices open-weights tokens from its unit cost when that cost moves, and only then', () => {
      const market = marketWith((input) => {
        input.compute.gpuCostDeclinePerYear = 0.5;
      });
      priceOpenModels(market.context(0));
      expect(market.events).toEqual([]);
      priceOpenModels(market.context(12));
      // A year on GPUs cost 1 $: alpha 1 × 1.5; beta (half on 0.5-mature ASICs) (0.5 × 1 + 0.5 × 0.8) × 1.5.
      const prices = eventsOfType(market.events, 'cloud.open-model-priced');
      expect(prices.map((e) => e.cloud)).toEqual(['alpha', 'beta']);
      expect(prices[0]!.priceUsdPerMTok).toBeCloseTo(1.5, 12);
      expect(prices[1]!.priceUsdPerMTok).toBeCloseTo(1.35, 12);
    });
  });
});
