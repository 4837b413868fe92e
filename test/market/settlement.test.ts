import { describe, expect, it } from 'vitest';
import type { EnterpriseDemand } from '../../src/agents/enterprises.js';
import { settleMonth } from '../../src/market/settlement.js';
import { grossMargin } from '../../src/world/state.js';
import {
  closedVendorInput,
  eventsOfType,
  scenarioOf,
  testMarket,
  tinyScenarioInput,
  type TestMarket,
} from '../support/scenario-fixtures.js';

// Tiny scenario: vendors [acme, llama], clouds [alpha, beta]; acme lists on alpha with a 25 % share.
const ACME = 0;
const LLAMA = 1;
const ALPHA = 0;
const CLOUDS = 2;

function demandOf(entries: {
  direct?: [number, number][];
  viaCloud?: [number, number, number][];
  directSmall?: [number, number][];
  viaCloudSmall?: [number, number, number][];
}): EnterpriseDemand {
  const directMTok = new Float64Array(2);
  const viaCloudMTok = new Float64Array(2 * CLOUDS);
  const directSmallMTok = new Float64Array(2);
  const viaCloudSmallMTok = new Float64Array(2 * CLOUDS);
  for (const [v, mtok] of entries.direct ?? []) directMTok[v] = mtok;
  for (const [v, c, mtok] of entries.viaCloud ?? []) viaCloudMTok[v * CLOUDS + c] = mtok;
  for (const [v, mtok] of entries.directSmall ?? []) directSmallMTok[v] = mtok;
  for (const [v, c, mtok] of entries.viaCloudSmall ?? []) viaCloudSmallMTok[v * CLOUDS + c] = mtok;
  return {
    directMTok,
    viaCloudMTok,
    directSmallMTok,
    viaCloudSmallMTok,
    adopters: 0,
    inProduction: 0,
    switches: 0,
    switchedInLastYear: 0,
    multiVendor: 0,
    upgrades: 0,
    upgradedInLastYear: 0,
  };
}

/** acme holds 1,000 MTok on alpha at 3 $/MTok for ticks 0–11, and sells its app to `subscribers`. */
function market(subscribers = 0): TestMarket {
  const input = tinyScenarioInput();
  if (subscribers > 0) closedVendorInput(input, 'acme').consumerApp = { brand: 0.5, subscribers };
  input.consumers.subscribersAtStart = subscribers;
  const m = testMarket(scenarioOf(input));
  m.sign({ vendor: 'acme', cloud: 'alpha', capacityMTok: 1000, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 12 });
  return m;
}

function settle(m: TestMarket, tick: number, demand: EnterpriseDemand) {
  const from = m.events.length;
  settleMonth(m.context(tick), demand);
  const events = m.events.slice(from);
  const vendor = (id: string) => eventsOfType(events, 'vendor.month-closed').find((e) => e.vendor === id)!;
  const cloud = (id: string) => eventsOfType(events, 'cloud.month-closed').find((e) => e.cloud === id)!;
  return { vendor, cloud };
}

describe('settlement', () => {
  it('bills direct and marketplace tokens at list price when capacity covers demand', () => {
    const m = market();
    const { vendor } = settle(m, 0, demandOf({ direct: [[ACME, 400]], viaCloud: [[ACME, ALPHA, 400]] }));
    expect(vendor('acme')).toMatchObject({
      apiDemandMTok: 800,
      servedMTok: 800,
      capacityMTok: 1000,
      revenueApiDirectUsd: 4000,
      revenueMarketplaceUsd: 4000,
    });
  });

  it('books the revenue share on marketplace sales once, as the vendor’s cost and the cloud’s revenue', () => {
    const m = market();
    const { vendor, cloud } = settle(m, 0, demandOf({ direct: [[ACME, 400]], viaCloud: [[ACME, ALPHA, 400]] }));
    // 25 % of 4,000 $ of marketplace sales.
    expect(vendor('acme').revenueShareUsd).toBeCloseTo(1000, 9);
    expect(cloud('alpha').marketplaceRevenueUsd).toBeCloseTo(1000, 9);
    expect(cloud('beta').marketplaceRevenueUsd).toBe(0);
    expect(m.world().clouds.alpha!.books.marketplaceRevenueUsd).toBeCloseTo(1000, 9);
  });

  it('charges the vendor capacity × contract price for its reservation, and the cloud books the same', () => {
    const m = market();
    // Take-or-pay: the reservation is billed whatever the demand.
    const { vendor, cloud } = settle(m, 0, demandOf({ direct: [[ACME, 10]] }));
    // 10 of its 1,000 MTok served: $30 is the cost of the tokens served, $2,970 stood idle.
    expect(vendor('acme').inferenceComputeUsd).toBeCloseTo(30, 9);
    expect(vendor('acme').idleCapacityUsd).toBeCloseTo(2970, 9);
    expect(vendor('acme').computeSpendByCloud).toEqual({ alpha: 3000 });
    expect(cloud('alpha').inferenceRevenueUsd).toBe(3000);
    expect(cloud('beta').inferenceRevenueUsd).toBe(0);
    expect(m.world().clouds.alpha!.books.vendorComputeRevenueUsd).toBe(3000);
    expect(m.world().vendors.acme!.books).toMatchObject({ inferenceComputeUsd: 30, idleCapacityUsd: 2970 });
  });

  it('cuts API revenue in proportion to the capacity shortfall, but not subscription revenue', () => {
    const m = market(100);
    // 1,400 direct + 500 marketplace + 100 subscriber tokens = 2,000 against 1,000 of capacity: half served.
    const { vendor, cloud } = settle(m, 0, demandOf({ direct: [[ACME, 1400]], viaCloud: [[ACME, ALPHA, 500]] }));
    expect(vendor('acme')).toMatchObject({
      apiDemandMTok: 1900,
      subscriberDemandMTok: 100,
      servedMTok: 1000,
      revenueApiDirectUsd: 7000,
      revenueMarketplaceUsd: 2500,
      revenueSubscriptionUsd: 2000,
    });
    expect(vendor('acme').revenueShareUsd).toBeCloseTo(625, 9);
    expect(cloud('alpha').marketplaceRevenueUsd).toBeCloseTo(625, 9);
  });

  it('grows tokens per user by (1 + usageGrowthPerYear) × (1 − gpuCostDeclinePerYear)^(−usageCostElasticity) a year', () => {
    const demandAtYearOne = (usageCostElasticity: number) => {
      const input = tinyScenarioInput();
      closedVendorInput(input, 'acme').consumerApp = { brand: 0.5, subscribers: 100, weeklyUsers: 1100 };
      input.compute.gpuCostDeclinePerYear = 0.45;
      input.consumers = {
        ...input.consumers,
        subscribersAtStart: 100,
        usageGrowthPerYear: 0.21,
        usageCostElasticity,
        weeklyUsers: { growthPerYear: 0, weeklyShare: 0.5, mTokPerFreeUserPerMonth: 0.3 },
      };
      const m = testMarket(scenarioOf(input));
      m.sign({ vendor: 'acme', cloud: 'alpha', capacityMTok: 1e6, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 24 });
      return settle(m, 12, demandOf({})).vendor('acme');
    };
    // Elasticity 1: 1.21 ÷ 0.55 = 2.2 a year; 100 subscribers × 1 MTok and 1,000 free users × 0.3 MTok.
    const givesBack = demandAtYearOne(1);
    expect(givesBack.subscriberDemandMTok).toBeCloseTo(220, 9);
    expect(givesBack.freeUserDemandMTok).toBeCloseTo(660, 9);
    // Elasticity 0: the hardware's savings stay margin, usage grows 1.21 a year.
    const keeps = demandAtYearOne(0);
    expect(keeps.subscriberDemandMTok).toBeCloseTo(121, 9);
    expect(keeps.freeUserDemandMTok).toBeCloseTo(363, 9);
  });

  it('serves free users on the vendor’s capacity at its cost and bills them nothing', () => {
    const input = tinyScenarioInput();
    // 100 paying of 1,100 weekly users: 1,000 free, each using 0.3 MTok a month against a subscriber's 1.
    closedVendorInput(input, 'acme').consumerApp = { brand: 0.5, subscribers: 100, weeklyUsers: 1100 };
    input.consumers = { ...input.consumers, subscribersAtStart: 100, weeklyUsers: { growthPerYear: 0, weeklyShare: 0.5, mTokPerFreeUserPerMonth: 0.3 } };
    const m = testMarket(scenarioOf(input));
    m.sign({ vendor: 'acme', cloud: 'alpha', capacityMTok: 1000, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 12 });
    const { vendor } = settle(m, 0, demandOf({ direct: [[ACME, 400]] }));
    // 400 API + 100 subscriber + 300 free = 800 of 1,000 served; the reservation costs 3,000, 2,400 of it in use.
    expect(vendor('acme')).toMatchObject({ apiDemandMTok: 400, subscriberDemandMTok: 100, freeUserDemandMTok: 300, servedMTok: 800 });
    expect(vendor('acme').inferenceComputeUsd).toBeCloseTo(2400, 9);
    expect(vendor('acme').revenueSubscriptionUsd).toBe(2000);
    expect(vendor('acme').revenueApiDirectUsd).toBe(4000);
    // Revenue 4,000 + 2,000 from paying tokens only; the free users' 900 $ of the reservation is a cost like the rest.
    expect(grossMargin(m.world().vendors.acme!.books)).toBeCloseTo((6000 - 3000) / 6000, 12);
  });

  describe('a vendor with a small tier', () => {
    /** acme as above, with a small model at 1 $/MTok whose token takes a tenth of a frontier token's compute. */
    function tiered(): TestMarket {
      const input = tinyScenarioInput();
      closedVendorInput(input, 'acme').smallTier = { quality: 0.8, priceUsdPerMTok: 1, servingCostShare: 0.1 };
      const m = testMarket(scenarioOf(input));
      m.sign({ vendor: 'acme', cloud: 'alpha', capacityMTok: 1000, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 12 });
      return m;
    }

    it('bills each tier’s tokens at its own price, and counts a small token at its share of the compute', () => {
      const m = tiered();
      // Direct 400 (300 small), through alpha 400 (200 small): compute 100 + 200 + 500 × 0.1 = 350 of 1,000.
      const { vendor, cloud } = settle(m, 0, demandOf({ direct: [[ACME, 400]], viaCloud: [[ACME, ALPHA, 400]], directSmall: [[ACME, 300]], viaCloudSmall: [[ACME, ALPHA, 200]] }));
      expect(vendor('acme')).toMatchObject({ apiDemandMTok: 800, servedMTok: 800, smallTier: { apiDemandMTok: 500, servingCostShare: 0.1 } });
      expect(vendor('acme').revenueApiDirectUsd).toBeCloseTo(100 * 10 + 300 * 1, 9);
      expect(vendor('acme').revenueMarketplaceUsd).toBeCloseTo(200 * 10 + 200 * 1, 9);
      expect(cloud('alpha').marketplaceRevenueUsd).toBeCloseTo(0.25 * 2200, 9);
      // The reservation's 3,000 $: 350 MTok of it in use.
      expect(vendor('acme').inferenceComputeUsd).toBeCloseTo(350 * 3, 9);
      expect(vendor('acme').idleCapacityUsd).toBeCloseTo(650 * 3, 9);
    });

    it('serves the share its compute allows, though it serves more tokens than its capacity counts', () => {
      const m = tiered();
      // 1,500 frontier + 3,000 small tokens: 1,500 + 300 = 1,800 MTok of compute against 1,000: 5/9 served.
      const { vendor } = settle(m, 0, demandOf({ direct: [[ACME, 4500]], directSmall: [[ACME, 3000]] }));
      expect(vendor('acme').servedMTok).toBeCloseTo((4500 * 5) / 9, 9);
      expect(vendor('acme').revenueApiDirectUsd).toBeCloseTo(((1500 * 10 + 3000 * 1) * 5) / 9, 9);
      expect(vendor('acme').inferenceComputeUsd).toBeCloseTo(3000, 9);
      expect(vendor('acme').idleCapacityUsd).toBeCloseTo(0, 9);
    });
  });

  it('bills nothing for a contract at its endTick, so the vendor serves nothing without capacity', () => {
    const m = market();
    const { vendor, cloud } = settle(m, 12, demandOf({ direct: [[ACME, 400]] }));
    expect(vendor('acme')).toMatchObject({ capacityMTok: 0, inferenceComputeUsd: 0, servedMTok: 0, revenueApiDirectUsd: 0 });
    expect(cloud('alpha').inferenceRevenueUsd).toBe(0);
  });

  it('lets the hosting cloud sell open-weights tokens at its own price, with no vendor revenue', () => {
    const m = testMarket(scenarioOf(tinyScenarioInput()));
    // alpha's open-model price: unit cost 2 × 1.5 = 3 $/MTok.
    const { vendor, cloud } = settle(m, 0, demandOf({ viaCloud: [[LLAMA, ALPHA, 300]] }));
    expect(cloud('alpha')).toMatchObject({ hostingMTok: 300, hostingRevenueUsd: 900 });
    expect(vendor('llama')).toMatchObject({ apiDemandMTok: 300, servedMTok: 300, revenueApiDirectUsd: 0, revenueMarketplaceUsd: 0 });
  });

  it('hosts open weights only on the capacity its vendors’ contracts leave free, and counts the rest as unmet', () => {
    const m = testMarket(scenarioOf(tinyScenarioInput()));
    m.sign({ vendor: 'acme', cloud: 'alpha', capacityMTok: 800, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 12 });
    // alpha's fleet of 1,000 MTok has 200 free for 300 asked: two thirds served, at 3 $/MTok.
    const { vendor, cloud } = settle(m, 0, demandOf({ viaCloud: [[LLAMA, ALPHA, 300]] }));
    expect(cloud('alpha')).toMatchObject({ hostingDemandMTok: 300, hostingMTok: 200, hostingRevenueUsd: 600, contractedMTok: 800 });
    expect(vendor('llama')).toMatchObject({ apiDemandMTok: 300, servedMTok: 200 });
    expect(m.world().clouds.alpha!.books.unmetRequestsMTok).toBe(100);
  });

  it('books each cloud’s fleet running cost at its unit cost', () => {
    const m = market();
    const { cloud } = settle(m, 0, demandOf({}));
    expect(cloud('alpha').fleetCostUsd).toBeCloseTo(1000 * 2, 9);
    // beta: 500 GPU at 2 + 500 ASIC at 1.6.
    expect(cloud('beta').fleetCostUsd).toBeCloseTo(500 * 2 + 500 * 1.6, 9);
  });
});
