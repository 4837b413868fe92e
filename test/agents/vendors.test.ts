import { describe, expect, it } from 'vitest';
import { listenForComputeRequests } from '../../src/agents/clouds.js';
import { buyTraining, cloudPreference, negotiateCompute, releaseModels, setPrices } from '../../src/agents/vendors.js';
import type { EnterpriseDemand } from '../../src/agents/enterprises.js';
import type { ScenarioInput } from '../../src/config/scenario-schema.js';
import { settleMonth } from '../../src/market/settlement.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import type { MarketEvent } from '../../src/world/events.js';
import { contractCapacityAt, EMPTY_VENDOR_BOOKS } from '../../src/world/state.js';
import {
  closedVendorInput,
  cloudInput,
  eventsOfType,
  scenarioOf,
  testMarket,
  tinyScenarioInput,
  type TestMarket,
} from '../support/scenario-fixtures.js';
import { capacityOf, cloudState, commitment, contract, deal, vendorState, worldState } from '../support/world-fixtures.js';

/** The tiny scenario's market, edited first; acme is then given `demandMTok` of closed books. */
function marketWith(edit: (input: ScenarioInput) => void = () => {}, demandMTok = 900): TestMarket {
  const input = tinyScenarioInput();
  edit(input);
  const market = testMarket(scenarioOf(input));
  closeAcmeMonth(market, 0, demandMTok);
  return market;
}

function closeAcmeMonth(market: TestMarket, tick: number, apiDemandMTok: number, revenueApiDirectUsd = 0): void {
  market.bus.publish({
    type: 'vendor.month-closed',
    tick,
    vendor: 'acme',
    ...EMPTY_VENDOR_BOOKS,
    apiDemandMTok,
    revenueApiDirectUsd,
  });
}

/** One negotiation phase of `tick`, clouds listening; returns the events it produced. */
function negotiate(market: TestMarket, tick = 0): MarketEvent[] {
  const from = market.events.length;
  const ctx = market.context(tick);
  const clouds = listenForComputeRequests(ctx);
  negotiateCompute(ctx);
  clouds.unsubscribe();
  return market.events.slice(from);
}

const editCompute = (params: Record<string, unknown>) => (input: ScenarioInput) => {
  const compute = closedVendorInput(input, 'acme').policies.compute;
  compute.params = { ...compute.params, ...params };
};

describe('vendors', () => {
  describe('negotiating compute', () => {
    it('asks its first cloud, which offers at once; it accepts and the cloud signs a contract from next month', () => {
      // Demand 900 against no capacity: ask 900 / 0.75 = 1,200; alpha offers 80 % of its free 1,000 at 2 × 1.5.
      const market = marketWith(editCompute({ diversifyAfterMonthsShort: 3 }));
      const events = negotiate(market);

      const request = { tick: 0, requestId: '0/acme/alpha', vendor: 'acme', cloud: 'alpha' };
      expect(events).toEqual([
        { ...request, type: 'compute.requested', capacityMTok: 1200, months: 12, use: 'inference', fromTick: 1 },
        { ...request, type: 'compute.offered', capacityMTok: 800, priceUsdPerMTok: 3, asicShare: 0, months: 12 },
        { ...request, type: 'compute.offer-accepted' },
        {
          type: 'compute.contract-signed',
          tick: 0,
          contract: {
            id: 'contract-1',
            vendor: 'acme',
            cloud: 'alpha',
            priceUsdPerMTok: 3,
            asicShare: 0,
            use: 'inference',
            delivered: [{ fromTick: 1, capacityMTok: 800 }],
            ordered: [{ fromTick: 1, capacityMTok: 800 }],
            startTick: 1,
            endTick: 13,
          },
        },
        { type: 'vendor.compute-short', tick: 0, vendor: 'acme', unmetMTok: 400, monthsShort: 1 },
      ]);
      expect(market.world().contracts).toHaveLength(1);
    });

    it('turns to its next cloud for what the first could not cover', () => {
      const market = marketWith();
      const events = negotiate(market);

      // After alpha's 800: 900 / 0.75 − 800 = 400 from beta, at (0.5 × 1.6 + 0.5 × 2) × 1.3 = 2.34 with half on ASICs.
      expect(eventsOfType(events, 'compute.requested').map((e) => [e.cloud, e.capacityMTok])).toEqual([
        ['alpha', 1200],
        ['beta', 400],
      ]);
      const contracts = eventsOfType(events, 'compute.contract-signed').map((e) => e.contract);
      expect(contracts).toHaveLength(2);
      expect(contracts[1]).toMatchObject({ id: 'contract-2', cloud: 'beta', delivered: [{ fromTick: 1, capacityMTok: 400 }], asicShare: 0.5, startTick: 1, endTick: 13 });
      expect(contracts[1]!.priceUsdPerMTok).toBeCloseTo(2.34, 12);
    });

    it('turns to its next cloud when the first declines', () => {
      const market = marketWith((input) => {
        cloudInput(input, 'alpha').gpuCapacityMTok = 0;
      });
      const events = negotiate(market);

      expect(events.slice(0, 2)).toMatchObject([
        { type: 'compute.requested', cloud: 'alpha', capacityMTok: 1200 },
        { type: 'compute.declined', cloud: 'alpha', reason: 'no free capacity' },
      ]);
      expect(eventsOfType(events, 'compute.contract-signed').map((e) => [e.contract.cloud, capacityOf(e.contract)])).toEqual([['beta', 800]]);
    });

    it('keeps to its first cloud until it has fallen short for diversifyAfterMonthsShort months', () => {
      const market = marketWith((input) => {
        cloudInput(input, 'alpha').gpuCapacityMTok = 0;
        editCompute({ diversifyAfterMonthsShort: 3 })(input);
      });
      const asked = (events: MarketEvent[]) => eventsOfType(events, 'compute.requested').map((e) => e.cloud);

      expect(asked(negotiate(market, 0))).toEqual(['alpha']);
      expect(asked(negotiate(market, 1))).toEqual(['alpha']);
      expect(market.world().vendors.acme!.monthsShort).toBe(2);
      expect(asked(negotiate(market, 2))).toEqual(['alpha', 'beta']);
    });

    it('rejects an offer above its price ceiling, and no contract results', () => {
      // alpha at 2 × (1 + 3) = 8 $/MTok, above 60 % of acme’s 10 $ price.
      const market = marketWith((input) => {
        cloudInput(input, 'alpha').policies.offer.params = { markup: 3, maxShareOfFree: 0.8 };
      });
      const events = negotiate(market);

      const rejected = eventsOfType(events, 'compute.offer-rejected');
      expect(rejected).toEqual([
        { type: 'compute.offer-rejected', tick: 0, requestId: '0/acme/alpha', vendor: 'acme', cloud: 'alpha', reason: expect.stringMatching(/price/) },
      ]);
      expect(eventsOfType(events, 'compute.offer-accepted').map((e) => e.cloud)).toEqual(['beta']);
      expect(market.world().contracts.map((c) => c.cloud)).toEqual(['beta']);
    });

    it('rejects another cloud’s offer when porting its ASIC-bound work there costs too much', () => {
      // acme runs 1,000 MTok fully on alpha's ASICs; beta's 2.34 × (1 + 0.5 × 1) = 3.51 > 1.25 × 2.
      const market = marketWith((input) => {
        cloudInput(input, 'alpha').gpuCapacityMTok = 1000;
      }, 1500);
      market.sign({ vendor: 'acme', cloud: 'alpha', capacityMTok: 1000, priceUsdPerMTok: 2, asicShare: 1, startTick: 0, endTick: 12 });
      // alpha is now full for next month: it declines, and beta's offer is weighed against acme's 2 $ today.
      const events = negotiate(market);
      expect(eventsOfType(events, 'compute.declined').map((e) => e.cloud)).toEqual(['alpha']);
      expect(eventsOfType(events, 'compute.offer-rejected')).toMatchObject([{ cloud: 'beta', reason: expect.stringMatching(/porting/) }]);
      expect(eventsOfType(events, 'compute.contract-signed')).toEqual([]);
    });

    it('asks for nothing, and publishes nothing, while its capacity covers demand', () => {
      const market = marketWith(() => {}, 500);
      market.sign({ vendor: 'acme', cloud: 'alpha', capacityMTok: 800, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 12 });
      expect(negotiate(market)).toEqual([]);
    });

    it('says when it is covered again after months short', () => {
      const market = marketWith(editCompute({ diversifyAfterMonthsShort: 3 }));
      negotiate(market, 0);
      expect(market.world().vendors.acme!.monthsShort).toBe(1);
      // Demand falls to what alpha's 800 MTok covers.
      closeAcmeMonth(market, 1, 600);
      expect(negotiate(market, 1)).toEqual([{ type: 'vendor.compute-short', tick: 1, vendor: 'acme', unmetMTok: 0, monthsShort: 0 }]);
    });

    it('asks the second cloud for secondCloudShare of each need from the start', () => {
      const market = marketWith(editCompute({ secondCloudShare: 0.25, diversifyAfterMonthsShort: 3 }));
      const events = negotiate(market);
      // 1,200 needed: 900 asked of alpha (which offers 800), then min(300, 900 / 0.75 − 800) of beta.
      expect(eventsOfType(events, 'compute.requested').map((e) => [e.cloud, e.capacityMTok])).toEqual([
        ['alpha', 900],
        ['beta', 300],
      ]);
    });

    it('puts the signed terms in force: the next month’s books bill capacity × contract price', () => {
      const market = marketWith();
      negotiate(market, 0);
      market.bus.publish({ type: 'market.month-opened', tick: 1 });
      const demand: EnterpriseDemand = {
        directMTok: Float64Array.from([900, 0]),
        viaCloudMTok: new Float64Array(4),
        adopters: 0,
        inProduction: 0,
        switches: 0,
        switchedInLastYear: 0,
        multiVendor: 0,
        upgrades: 0,
        upgradedInLastYear: 0,
      };
      const from = market.events.length;
      settleMonth(market.context(1), demand);
      const settled = market.events.slice(from);

      const acme = eventsOfType(settled, 'vendor.month-closed').find((e) => e.vendor === 'acme')!;
      const cloudRevenue = Object.fromEntries(eventsOfType(settled, 'cloud.month-closed').map((e) => [e.cloud, e.inferenceRevenueUsd]));
      // 800 × 3 from alpha and 400 × 2.34 from beta.
      expect(acme.capacityMTok).toBe(1200);
      expect(acme.inferenceComputeUsd + acme.idleCapacityUsd).toBeCloseTo(2400 + 936, 9);
      expect(acme.computeSpendByCloud.alpha).toBeCloseTo(2400, 9);
      expect(cloudRevenue.alpha).toBeCloseTo(2400, 9);
      expect(cloudRevenue.beta).toBeCloseTo(936, 9);
      // Capacity covers the 900 MTok: all of it is served and billed.
      expect(acme.revenueApiDirectUsd).toBeCloseTo(9000, 9);
    });

    it('in a run, signs a contract that serves from the next month and expires at its endTick', () => {
      const input = tinyScenarioInput();
      input.enterprises.adoptedAtStart = 1;
      // Llama at quality 0.5 is worth 30 × 0.5 − 3 = 12 $/MTok to the enterprises, acme 30 − 10 = 20: they buy acme.
      input.vendors[1]!.quality = 0.5;
      editCompute({ contractMonths: 2 })(input);
      const events: MarketEvent[] = [];
      runSimulation(scenarioOf(input), { months: 5, onEvent: (event) => events.push(event) });

      const [first] = eventsOfType(events, 'compute.contract-signed').map((e) => e.contract);
      expect(first).toMatchObject({ vendor: 'acme', cloud: 'alpha', startTick: 1, endTick: 3 });
      const expired = eventsOfType(events, 'compute.contract-expired').find((e) => e.contractId === first!.id);
      expect(expired).toMatchObject({ tick: 3, vendor: 'acme', cloud: 'alpha', capacityMTok: capacityOf(first!) });
      const capacity = eventsOfType(events, 'vendor.month-closed').filter((e) => e.vendor === 'acme').map((e) => e.capacityMTok);
      expect(capacity[0]).toBe(0);
      expect(capacity[1]).toBeGreaterThanOrEqual(capacityOf(first!));
    });
  });

  describe('training under contract', () => {
    /** acme with no demand to serve, a training plan of at least `planUsd` a month and `share` of it to hold under contract. */
    const trainingMarket = (share: number, planUsd: number, edit: (input: ScenarioInput) => void = () => {}) =>
      marketWith((input) => {
        editCompute({ trainingContractShare: share })(input);
        closedVendorInput(input, 'acme').policies.training = { type: 'revenue-share-training', params: { shareOfRevenue: 0, minMonthlyUsd: planUsd, releaseCostUsd: 1e12 } };
        edit(input);
      }, 0);

    it('asks its first cloud for the share of its plan not yet under contract, as training capacity, and not again once covered', () => {
      // Plan 1,000 $ a month, half under contract: 500 $ at the GPU cost of 2 $/MTok = 250 MTok.
      // alpha offers it at 2 × 1.5 = 3 $/MTok: 750 $ a month, which covers the 500 $.
      const market = trainingMarket(0.5, 1000);
      const events = negotiate(market, 0);
      expect(eventsOfType(events, 'compute.requested')).toEqual([
        { type: 'compute.requested', tick: 0, requestId: '0/acme/alpha', vendor: 'acme', cloud: 'alpha', capacityMTok: 250, months: 12, use: 'training', fromTick: 1 },
      ]);
      const [signed] = eventsOfType(events, 'compute.contract-signed');
      expect(signed!.contract).toMatchObject({ cloud: 'alpha', use: 'training', priceUsdPerMTok: 3, delivered: [{ fromTick: 1, capacityMTok: 250 }] });
      expect(eventsOfType(negotiate(market, 1), 'compute.requested')).toEqual([]);
    });

    it('bills the contract as training, and buys by the month only what the plan wants beyond it', () => {
      const market = trainingMarket(0.5, 1000);
      negotiate(market, 0);
      const from = market.events.length;
      buyTraining(market.context(1));
      const trained = eventsOfType(market.events.slice(from), 'vendor.trained').filter((e) => e.vendor === 'acme');
      // The contract's 250 MTok × 3 $ = 750 $; the remaining 250 $ of the plan from alpha's free fleet at 3 $/MTok.
      expect(trained.map((e) => [e.contractId, e.spendUsd])).toEqual([
        ['contract-1', 750],
        [null, 250],
      ]);
    });

    it('asks the next cloud for what the first declines, and turns down training capacity on more ASICs than it accepts', () => {
      const full = (input: ScenarioInput) => {
        cloudInput(input, 'alpha').gpuCapacityMTok = 0;
      };
      const accepted = negotiate(trainingMarket(0.5, 1000, full), 0);
      expect(eventsOfType(accepted, 'compute.requested').map((e) => [e.cloud, e.use, e.capacityMTok])).toEqual([
        ['alpha', 'training', 250],
        ['beta', 'training', 250],
      ]);
      expect(eventsOfType(accepted, 'compute.contract-signed').map((e) => [e.contract.cloud, e.contract.use, e.contract.asicShare])).toEqual([['beta', 'training', 0.5]]);

      const wary = negotiate(trainingMarket(0.5, 1000, (input) => (full(input), editCompute({ maxAsicShare: 0.4 })(input))), 0);
      expect(eventsOfType(wary, 'compute.offer-rejected')).toMatchObject([{ cloud: 'beta', reason: 'ASIC share above what the vendor accepts' }]);
      expect(eventsOfType(wary, 'compute.contract-signed')).toEqual([]);
    });

    it('holds nothing under contract with trainingContractShare 0: all training is bought by the month', () => {
      expect(eventsOfType(negotiate(trainingMarket(0, 1000), 0), 'compute.requested')).toEqual([]);
    });
  });

  describe('a group’s own lab', () => {
    it('orders a build lead ahead what its cloud has no room for: the cloud builds it, in service from then, for a term from then', () => {
      const owned = (input: ScenarioInput) => {
        cloudInput(input, 'alpha').gpuCapacityMTok = 0;
        closedVendorInput(input, 'acme').owner = 'alpha';
        closedVendorInput(input, 'acme').computeClouds = ['alpha'];
      };
      const events = negotiate(marketWith(owned), 0);
      // Ordered for month 12 (the default 12-month build lead), against its demand then: with no
      // trend yet, the 1,200 it needs now. A stranger would be declined ('no free capacity'); the
      // group's lab is offered all of it.
      const [signed, ...more] = eventsOfType(events, 'compute.contract-signed');
      expect(more).toEqual([]);
      expect(signed!.contract.ordered).toEqual([{ fromTick: 12, capacityMTok: 1200 }]);
      expect(signed!.contract.startTick).toBe(12);
      const built = eventsOfType(events, 'cloud.construction-started').map((e) => e.construction);
      expect(built.reduce((sum, site) => sum + site.gpuMTok + site.asicMTok, 0)).toBeCloseTo(1200, 9);
      // Built over a 12-month ramp from month 12: nothing in service before.
      expect(Math.min(...built.map((site) => site.readyTick))).toBe(12);
      expect(contractCapacityAt(signed!.contract, 11)).toBe(0);
      expect(contractCapacityAt(signed!.contract, 23)).toBeCloseTo(1200, 9);
      // Its 12-month term runs from when all of it is in service (month 23).
      expect(signed!.contract.endTick).toBe(23 + 12);
      // For next month it asks what the fleet has free, as anyone would: none.
      expect(eventsOfType(events, 'compute.declined').map((e) => e.reason)).toEqual(['no free capacity']);
    });

    it('does not order again what is being built for it', () => {
      const owned = (input: ScenarioInput) => {
        cloudInput(input, 'alpha').gpuCapacityMTok = 0;
        closedVendorInput(input, 'acme').owner = 'alpha';
        closedVendorInput(input, 'acme').computeClouds = ['alpha'];
      };
      const market = marketWith(owned);
      negotiate(market, 0);
      const again = negotiate(market, 1);
      expect(eventsOfType(again, 'compute.contract-signed')).toEqual([]);
    });
  });

  describe('choosing clouds', () => {
    const clouds = [cloudState('alpha'), cloudState('beta'), cloudState('gamma')];

    it('asks its configured clouds in order when nothing ties it', () => {
      const world = worldState({ vendors: [vendorState('acme')], clouds });
      expect(cloudPreference(world, 'acme', ['beta', 'alpha'], 0)).toEqual(['beta', 'alpha']);
    });

    it('puts first the cloud holding most of its capacity, then the ones its deals tie it to', () => {
      const world = worldState({
        vendors: [vendorState('acme')],
        clouds,
        contracts: [contract({ vendor: 'acme', cloud: 'gamma', capacityMTok: 500 }), contract({ id: 'c-2', vendor: 'acme', cloud: 'beta', capacityMTok: 100 })],
        deals: [deal({ vendor: 'acme', cloud: 'alpha', status: 'primary' })],
      });
      expect(cloudPreference(world, 'acme', ['beta'], 0)).toEqual(['alpha', 'gamma', 'beta']);
    });

    it('asks a cloud it still owes committed spend before any other', () => {
      const world = worldState({
        vendors: [vendorState('acme')],
        clouds,
        commitments: [commitment({ vendor: 'acme', cloud: 'gamma', amountUsd: 1e9 })],
      });
      expect(cloudPreference(world, 'acme', ['alpha', 'beta'], 0)).toEqual(['gamma', 'alpha', 'beta']);
    });

    it('keeps to its exclusive investor and the clouds it permits', () => {
      const world = worldState({
        vendors: [vendorState('acme')],
        clouds,
        deals: [deal({ vendor: 'acme', cloud: 'alpha', status: 'exclusive', permittedClouds: ['gamma'] })],
      });
      expect(cloudPreference(world, 'acme', ['beta', 'gamma'], 0)).toEqual(['alpha', 'gamma']);
    });

    it('turns first to its owner once merged into it', () => {
      const world = worldState({ vendors: [vendorState('acme', { owner: 'gamma', integrated: true })], clouds });
      expect(cloudPreference(world, 'acme', ['alpha'], 0)[0]).toBe('gamma');
    });
  });

  describe('pricing, training and releases', () => {
    it('leaves its price alone without compute under contract, and under a fixed-price policy', () => {
      const market = marketWith();
      setPrices(market.context(0));
      market.sign({ vendor: 'acme', cloud: 'alpha', capacityMTok: 800, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 12 });
      setPrices(market.context(0));
      expect(eventsOfType(market.events, 'vendor.price-changed')).toEqual([]);
    });

    it('sets its price from its contracts’ unit cost under a cost-plus policy', () => {
      const market = marketWith((input) => {
        closedVendorInput(input, 'acme').policies.pricing = {
          type: 'cost-plus-competitive',
          params: { markup: 2, rivalWeight: 0, adjustmentPerMonth: 0.2, maxMonthlyChange: 0.15 },
        };
      });
      market.sign({ vendor: 'acme', cloud: 'alpha', capacityMTok: 600, priceUsdPerMTok: 2, asicShare: 0, startTick: 0, endTick: 12 });
      market.sign({ vendor: 'acme', cloud: 'beta', capacityMTok: 200, priceUsdPerMTok: 6, asicShare: 0, startTick: 0, endTick: 12 });
      setPrices(market.context(0));
      // Unit cost (600 × 2 + 200 × 6) / 800 = 3; target 9; 10 × 0.9^0.2.
      const [change] = eventsOfType(market.events, 'vendor.price-changed');
      expect(change).toMatchObject({ vendor: 'acme', fromUsdPerMTok: 10 });
      expect(change!.toUsdPerMTok).toBeCloseTo(10 * 0.9 ** 0.2, 12);
      expect(market.world().vendors.acme!.priceUsdPerMTok).toBeCloseTo(10 * 0.9 ** 0.2, 12);
    });

    it('buys training with a share of last month’s revenue from its first-choice cloud; open weights train in-house', () => {
      const market = marketWith();
      closeAcmeMonth(market, 0, 900, 1000);
      buyTraining(market.context(0));
      expect(eventsOfType(market.events, 'vendor.trained')).toEqual([
        // alpha's offer price: unit cost 2 × (1 + markup 0.5) = 3 $/MTok, so $500 occupies 166.7 MTok of its fleet.
        { type: 'vendor.trained', tick: 0, vendor: 'acme', cloud: 'alpha', contractId: null, spendUsd: 500, mTok: 500 / 3, computeUsd: 500 },
        { type: 'vendor.trained', tick: 0, vendor: 'llama', cloud: null, contractId: null, spendUsd: 100, mTok: 0, computeUsd: 100 },
      ]);
      expect(market.world().clouds.alpha!.books).toMatchObject({ vendorComputeRevenueUsd: 500, trainingMTok: 500 / 3 });
    });

    it('buys training by the month only from free capacity, the next cloud after the first, and reports the rest as rationed', () => {
      const market = marketWith();
      // Contracts leave alpha 50 MTok free and beta 20 (fleets of 1,000).
      market.sign({ vendor: 'bolt', cloud: 'alpha', capacityMTok: 950, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 12 });
      market.sign({ vendor: 'bolt', cloud: 'beta', capacityMTok: 980, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 12 });
      market.bus.publish({ type: 'cloud.month-closed', tick: 0, cloud: 'alpha', inferenceRevenueUsd: 0, fleetCostUsd: 0, marketplaceRevenueUsd: 0, hostingRevenueUsd: 0, hostingMTok: 0, hostingDemandMTok: 0, contractedMTok: 950 });
      market.bus.publish({ type: 'cloud.month-closed', tick: 0, cloud: 'beta', inferenceRevenueUsd: 0, fleetCostUsd: 0, marketplaceRevenueUsd: 0, hostingRevenueUsd: 0, hostingMTok: 0, hostingDemandMTok: 0, contractedMTok: 980 });
      closeAcmeMonth(market, 0, 900, 1000);
      buyTraining(market.context(0));
      const trained = eventsOfType(market.events, 'vendor.trained').filter((e) => e.vendor === 'acme');
      const rationed = eventsOfType(market.events, 'vendor.training-rationed');
      // Each cloud offers at most 80 % of what it has free: 40 MTok at alpha, 16 at beta.
      expect(trained.map((e) => [e.cloud, e.mTok])).toEqual([['alpha', 40], ['beta', 16]]);
      const spent = trained.reduce((sum, e) => sum + e.spendUsd, 0);
      expect(rationed).toHaveLength(1);
      expect(rationed[0]).toMatchObject({ vendor: 'acme', cloud: 'alpha' });
      expect(rationed[0]!.unmetUsd).toBeCloseTo(500 - spent, 9);
      expect(market.world().vendors.acme!.books.trainingUnmetUsd).toBeCloseTo(500 - spent, 9);
      expect(market.world().clouds.alpha!.books.unmetRequestsMTok).toBeCloseTo(rationed[0]!.unmetMTok, 9);
      expect(market.world().clouds.alpha!.books.trainingMTok).toBeCloseTo(40, 9);
    });

    it('ships a better model once its training covers the release cost, drawing from its own stream', () => {
      const released = (seed: number) => {
        const input = tinyScenarioInput();
        input.seed = seed;
        // An edge in coding: 1.2 against a quality of 1.
        input.vendors.find((v) => v.id === 'acme')!.codingQuality = 1.2;
        const market = testMarket(scenarioOf(input));
        market.bus.publish({ type: 'vendor.trained', tick: 0, vendor: 'acme', cloud: 'alpha', contractId: null, spendUsd: 1e12, mTok: 0, computeUsd: 1e12 });
        releaseModels(market.context(0));
        return eventsOfType(market.events, 'vendor.model-released');
      };
      const [release] = released(7);
      expect(released(7)).toEqual([release]);
      expect(release).toMatchObject({ vendor: 'acme', fromQuality: 1 });
      // Default multiplier 1.25 with a log-sd 0.1 spread on its exponent.
      expect(release!.toQuality).toBeGreaterThan(1.25 ** Math.exp(-0.5));
      expect(release!.toQuality).toBeLessThan(1.25 ** Math.exp(0.5));
      // The trained model keeps the vendor's edge in coding.
      expect(release!.toCodingQuality).toBeCloseTo(1.2 * release!.toQuality, 12);
    });
  });
});
