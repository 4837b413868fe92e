import { describe, expect, it } from 'vitest';
import {
  NO_VENDOR,
  STAGE_NONE,
  STAGE_PILOT,
  STAGE_PRODUCTION,
  type EnterprisePopulation,
} from '../../src/agents/enterprise-population.js';
import { inclusiveValue, logitShare, seedAdopters, stepEnterprises, summariseRoi, type DemandCurve, type EnterpriseStep } from '../../src/agents/enterprises.js';
import { buildCatalogue } from '../../src/market/catalogue.js';
import { bassDiffusion } from '../../src/policies/enterprise-adoption.js';
import { roiPayback } from '../../src/policies/enterprise-switching.js';
import { logitSplit, singleVendor } from '../../src/policies/enterprise-allocation.js';
import { immediateUpgrade, staggeredUpgrade } from '../../src/policies/enterprise-upgrade.js';
import type { MarketEvent } from '../../src/world/events.js';
import { ALWAYS, NEVER, cloudState, constantRng, populationOf, vendorState, worldState } from '../support/world-fixtures.js';

/**
 * Three models and two clouds:
 * - acme: closed, quality 1, 10 $/MTok; listed on beta;
 * - bolt: closed, quality 2, 25 $/MTok; listed on alpha;
 * - llama: open weights, quality 0.7, hosted by alpha at 3 $/MTok.
 */
const ACME = 0;
const BOLT = 1;
const LLAMA = 2;
const ALPHA = 0;
const BETA = 1;
const CLOUDS = 2;

const world = worldState({
  vendors: [
    vendorState('acme', { quality: 1, priceUsdPerMTok: 10 }),
    vendorState('bolt', { quality: 2, priceUsdPerMTok: 25 }),
    vendorState('llama', { weights: 'open', quality: 0.7, priceUsdPerMTok: 0 }),
  ],
  clouds: [cloudState('alpha', { openModelPriceUsdPerMTok: 3 }), cloudState('beta', { openModelPriceUsdPerMTok: 3 })],
  listings: [
    { cloud: 'alpha', vendor: 'bolt', revenueShare: 0.2 },
    { cloud: 'alpha', vendor: 'llama', revenueShare: 0 },
    { cloud: 'beta', vendor: 'acme', revenueShare: 0.2 },
  ],
});
/** Frontier set to 1 so a task's value is its value per MTok × quality^w, as the hand-computed figures below assume. */
const catalogue = { ...buildCatalogue(world, ['acme', 'bolt', 'llama'], ['alpha', 'beta']), frontierQuality: 1 };
/** One MTok per task: value per task = value per MTok. */
const ONE_MTOK = Float64Array.of(1);

/** Everyone who may evaluate does; pilots last 3 months; ROI hurdle 0.5; adopters review monthly, 12-month payback. */
const adoption = bassDiffusion.create(bassDiffusion.params.parse({ innovation: 1, imitation: 0, pilotMonths: 3, pilotDemandShare: 0.1, hurdleRoi: 0.5 }));
const switching = roiPayback.create(roiPayback.params.parse({ reviewProbability: 0.5, paybackMonths: 12 }));
const SINGLE = singleVendor.create({});
const IMMEDIATE = immediateUpgrade.create({});
const FLAT_DEMAND: DemandCurve = { growthFactor: 1, priceElasticity: 0, referencePriceUsdPerMTok: 10, capabilityElasticity: 0, maxLift: 1, referenceQuality: 1 };

function step(population: EnterprisePopulation, fields: Partial<EnterpriseStep> = {}) {
  const events: MarketEvent[] = [];
  const demand = stepEnterprises({
    population,
    catalogue,
    tick: 0,
    adoption,
    switching,
    allocation: SINGLE,
    upgrade: IMMEDIATE,
    demand: FLAT_DEMAND,
    mTokPerTask: ONE_MTOK,
    weight: 1,
    publish: (event) => events.push(event),
    ...fields,
  });
  return { demand, events };
}

const via = (vendor: number, cloud: number) => vendor * CLOUDS + cloud;

describe('enterprises', () => {
  describe('choosing a model', () => {
    it('picks the option with the highest surplus value × quality^weight × taste − price', () => {
      // Surplus per MTok: acme 20 − 10 = 10, bolt 20 × 2 − 25 = 15, llama 20 × 0.7 − 3 = 11.
      const population = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1 }], 3);
      const { events } = step(population);
      expect(events).toEqual([
        { type: 'enterprise.adopted', tick: 0, enterprise: 0, vendor: 'bolt', channel: 'direct', cloud: 'alpha', roi: 15 / 25 },
      ]);
      expect(population.vendor[0]).toBe(BOLT);
    });

    it('lets an enterprise’s taste for a model outweigh quality', () => {
      // acme with taste 2: 20 × 1 × 2 − 10 = 30 > 15.
      const population = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1, taste: [2, 1, 1] }], 3);
      step(population);
      expect(population.vendor[0]).toBe(ACME);
    });

    it('never picks a vendor it refuses (taste 0), however well the vendor would serve it', () => {
      // bolt refused: llama (11) beats acme (10).
      const population = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1, taste: [1, 0, 1] }], 3);
      step(population);
      expect(population.vendor[0]).toBe(LLAMA);
      // Refusing every vendor it can reach, it adopts none.
      const none = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1, taste: [0, 0, 0] }], 3);
      expect(step(none).events).toEqual([]);
      expect(none.stage[0]).toBe(STAGE_NONE);
    });

    it('buys a vendor’s small tier when it serves the enterprise better, at the small tier’s price, and books its tokens to it', () => {
      // bolt adds a small model of 0.75 its quality at 5 $/MTok. Quality weight 1: bolt's frontier 20 × 2 − 25 = 15,
      // its small 20 × 1.5 − 5 = 25: bolt, on its small tier; ROI 25 / 5 = 5. With quality weight 3: frontier
      // 20 × 8 − 25 = 135, small 20 × 3.375 − 5 = 62.5: its frontier model.
      const tieredWorld = worldState({
        ...world,
        vendors: [world.vendors.acme!, vendorState('bolt', { quality: 2, priceUsdPerMTok: 25, smallTier: { quality: 1.5, codingQuality: 1.5, priceUsdPerMTok: 5, servingCostShare: 0.1 } }), world.vendors.llama!],
        clouds: Object.values(world.clouds),
        listings: world.listings,
      });
      const tiered = { ...buildCatalogue(tieredWorld, ['acme', 'bolt', 'llama'], ['alpha', 'beta']), frontierQuality: 1 };
      expect(tiered.options(ALPHA, 'direct').smallQualityRatio[tiered.options(ALPHA, 'direct').optionOfVendor[BOLT]!]).toBeCloseTo(0.75, 12);
      const thrifty = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1 }], 3);
      const { demand, events } = step(thrifty, { catalogue: tiered });
      expect(events[0]).toMatchObject({ type: 'enterprise.adopted', vendor: 'bolt', roi: 5 });
      // A pilot's tokens, 10 % of its 100, all of them the small tier's.
      expect(demand.directMTok[BOLT]).toBeCloseTo(10, 12);
      expect(demand.directSmallMTok![BOLT]).toBeCloseTo(10, 12);
      const demanding = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 3 }], 3);
      const second = step(demanding, { catalogue: tiered });
      expect(second.events[0]).toMatchObject({ vendor: 'bolt', roi: 135 / 25 });
      expect(second.demand.directMTok[BOLT]).toBeCloseTo(10, 12);
      expect(second.demand.directSmallMTok![BOLT]).toBe(0);
    });

    it('has a price-only enterprise (quality weight 0) pick the cheapest model', () => {
      const onAlpha = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 0 }], 3);
      const onBeta = populationOf([{ cloud: BETA, valueUsdPerTask: 20, qualityWeight: 0 }], 3);
      step(onAlpha);
      step(onBeta);
      expect(onAlpha.vendor[0]).toBe(LLAMA);
      expect(onBeta.vendor[0]).toBe(ACME);
    });

    it('has a marketplace buyer reach only the models its cloud lists', () => {
      // On beta's marketplace only acme is listed, though bolt has the higher surplus.
      const population = populationOf(
        [
          { cloud: BETA, marketplace: true, valueUsdPerTask: 20, qualityWeight: 1 },
          { cloud: ALPHA, marketplace: true, valueUsdPerTask: 20, qualityWeight: 1, taste: [5, 1, 1] },
        ],
        3,
      );
      const { events } = step(population);
      expect(population.vendor[0]).toBe(ACME);
      // acme is not on alpha's marketplace, however much the buyer would like it.
      expect(population.vendor[1]).toBe(BOLT);
      expect(events[0]).toMatchObject({ type: 'enterprise.adopted', channel: 'marketplace', cloud: 'beta' });
    });

    it('values a model by the appeal the catalogue gives it', () => {
      // On alpha's marketplace a 1.5 placement boost lifts llama to 20 × 0.7 × 1.5 − 3 = 18 > bolt's 15.
      const placed = buildCatalogue(world, ['acme', 'bolt', 'llama'], ['alpha', 'beta'], {
        codingShare: 0,
        placement: (_cloud, vendor) => (vendor.id === 'llama' ? 1.5 : 1),
        brandPremium: 0,
        openWeightsValueFactor: 1,
      });
      const population = populationOf([{ cloud: ALPHA, marketplace: true, valueUsdPerTask: 20, qualityWeight: 1 }], 3);
      step(population, { catalogue: placed });
      expect(population.vendor[0]).toBe(LLAMA);
    });
  });

  describe('adopting', () => {
    it('adopts only when the best option’s ROI reaches the hurdle', () => {
      // Price-only buyers on beta: acme's ROI is (15 − 10) / 10 = 0.5, exactly the hurdle; 14.9 falls short.
      const population = populationOf(
        [
          { cloud: BETA, valueUsdPerTask: 15, qualityWeight: 0 },
          { cloud: BETA, valueUsdPerTask: 14.9, qualityWeight: 0 },
        ],
        3,
      );
      const { events, demand } = step(population);
      expect(events.map((e) => e.type === 'enterprise.adopted' && e.enterprise)).toEqual([0]);
      expect(population.stage[0]).toBe(STAGE_PILOT);
      expect(population.stage[1]).toBe(STAGE_NONE);
      expect(population.vendor[1]).toBe(NO_VENDOR);
      expect(demand.adopters).toBe(1);
    });

    it('evaluates with the hazard of last month’s adopted share', () => {
      const imitators = bassDiffusion.create(bassDiffusion.params.parse({ innovation: 0, imitation: 1, hurdleRoi: 0.5 }));
      const alone = populationOf([{ cloud: BETA, valueUsdPerTask: 20, qualityWeight: 0 }], 3);
      expect(step(alone, { adoption: imitators }).events).toEqual([]);

      const withAdopter = populationOf(
        [
          { cloud: BETA, valueUsdPerTask: 20, qualityWeight: 0 },
          { cloud: BETA, valueUsdPerTask: 20, qualityWeight: 0, stage: STAGE_PRODUCTION, vendor: ACME, rng: NEVER },
        ],
        3,
      );
      expect(step(withAdopter, { adoption: imitators }).events).toMatchObject([{ type: 'enterprise.adopted', enterprise: 0 }]);
    });

    it('puts a pilot into production after pilotMonths when its ROI still clears the hurdle', () => {
      const population = populationOf([{ cloud: BETA, valueUsdPerTask: 20, qualityWeight: 0, stage: STAGE_PILOT, vendor: ACME, stageSinceTick: 0 }], 3);

      const early = step(population, { tick: 2 });
      expect(early.events).toEqual([]);
      expect(population.stage[0]).toBe(STAGE_PILOT);
      expect(early.demand.directMTok[ACME]).toBeCloseTo(100 * 0.1, 9);

      const due = step(population, { tick: 3 });
      expect(due.events).toEqual([{ type: 'enterprise.in-production', tick: 3, enterprise: 0, vendor: 'acme' }]);
      expect(population.stage[0]).toBe(STAGE_PRODUCTION);
      expect(due.demand.directMTok[ACME]).toBeCloseTo(100, 9);
      expect(due.demand.inProduction).toBe(1);
    });

    it('abandons a pilot whose ROI falls short of the hurdle, and buys nothing', () => {
      // (14 − 10) / 10 = 0.4 < 0.5.
      const population = populationOf([{ cloud: BETA, valueUsdPerTask: 14, qualityWeight: 0, stage: STAGE_PILOT, vendor: ACME, stageSinceTick: 0 }], 3);
      const { events, demand } = step(population, { tick: 3 });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'enterprise.abandoned', tick: 3, enterprise: 0, vendor: 'acme', reason: 'roi-below-hurdle' });
      expect(events[0]?.type === 'enterprise.abandoned' && events[0].reason === 'roi-below-hurdle' && events[0].roi).toBeCloseTo(0.4, 12);
      expect(population.stage[0]).toBe(STAGE_NONE);
      expect(population.vendor[0]).toBe(NO_VENDOR);
      expect(demand.directMTok[ACME]).toBe(0);
      expect(demand.adopters).toBe(0);
    });

    it('abandons a model delisted from its only channel, saying so, with no ROI it never measured (no null in events.jsonl)', () => {
      const nothingListed = worldState({ vendors: [vendorState('llama', { weights: 'open', quality: 0.7, priceUsdPerMTok: 0 })], clouds: [cloudState('alpha'), cloudState('beta')], listings: [] });
      const empty = { ...buildCatalogue(nothingListed, ['acme', 'bolt', 'llama'], ['alpha', 'beta']), frontierQuality: 1 };
      const population = populationOf([{ cloud: ALPHA, stage: STAGE_PRODUCTION, vendor: LLAMA }], 3);
      const { events } = step(population, { catalogue: empty, tick: 4 });
      expect(events).toEqual([{ type: 'enterprise.abandoned', tick: 4, enterprise: 0, vendor: 'llama', reason: 'model-unavailable' }]);
      expect(JSON.stringify(events)).not.toContain('null');
      expect(population.vendor[0]).toBe(NO_VENDOR);
    });
  });

  describe('switching', () => {
    // In production with acme on beta, direct: bolt is worth 15 − 10 = 5 $/MTok more, on 100 MTok a month.
    const adopter = (switchingCostUsd: number, rng = ALWAYS) =>
      populationOf([{ cloud: BETA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: ACME, switchingCostUsd, rng }], 3);

    it('switches when the monthly gain over the payback period beats the switching cost', () => {
      const population = adopter(5_000);
      const { events, demand } = step(population);
      expect(events).toEqual([
        { type: 'enterprise.switched', tick: 0, enterprise: 0, from: 'acme', to: 'bolt', monthlyGainUsd: 500, switchingCostUsd: 5_000 },
      ]);
      expect(population.vendor[0]).toBe(BOLT);
      expect(demand.switches).toBe(1);
      expect(demand.directMTok[BOLT]).toBeCloseTo(100, 9);
      expect(demand.directMTok[ACME]).toBe(0);
    });

    it('stays when the switching cost is at least the gain over the payback period', () => {
      for (const cost of [6_000, 1e9]) {
        const population = adopter(cost);
        expect(step(population).events).toEqual([]);
        expect(population.vendor[0]).toBe(ACME);
      }
    });

    it('weighs the gain on the tokens it would buy at the new model’s price', () => {
      // Elasticity 1: at 25 $/MTok the enterprise buys 100 × 10/25 = 40 MTok; gain 200 × 12 = 2,400 < 3,000.
      const population = adopter(3_000);
      const { events } = step(population, { demand: { ...FLAT_DEMAND, priceElasticity: 1 } });
      expect(events).toEqual([]);
      expect(step(adopter(3_000)).events).toHaveLength(1);
    });

    it('costs more to move a deployment that runs more tasks', () => {
      // Demand twice the start's at the same tokens per task: twice the tasks, so 2 × 5,000 to move;
      // the gain is 200 MTok × 5 = 1,000 a month, × 12 = 12,000 > 10,000.
      const { events } = step(adopter(5_000), { demand: { ...FLAT_DEMAND, growthFactor: 2 } });
      expect(events).toEqual([
        { type: 'enterprise.switched', tick: 0, enterprise: 0, from: 'acme', to: 'bolt', monthlyGainUsd: 1_000, switchingCostUsd: 10_000 },
      ]);
      // 6,000 to move at the start: 12,000 to move now, not repaid by 12,000.
      expect(step(adopter(6_000), { demand: { ...FLAT_DEMAND, growthFactor: 2 } }).events).toEqual([]);
    });

    it('does not reconsider in a month it does not review', () => {
      const population = adopter(0, NEVER);
      expect(step(population).events).toEqual([]);
      expect(population.vendor[0]).toBe(ACME);
    });

    it('moves, whatever the switching cost, when its model leaves its channel', () => {
      // A marketplace buyer on alpha holding acme, which alpha does not list.
      const population = populationOf(
        [{ cloud: ALPHA, marketplace: true, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: ACME, switchingCostUsd: 1e12, rng: NEVER }],
        3,
      );
      const { events, demand } = step(population);
      expect(events).toMatchObject([{ type: 'enterprise.switched', from: 'acme', to: 'bolt', monthlyGainUsd: 0 }]);
      expect(demand.switches).toBe(1);
    });

    it('counts the adopters whose vendor changed in the 12 months to this one, this month’s switch included', () => {
      // At tick 20: switched at tick 9 (11 months ago) counts, at tick 8 (12 months ago) does not,
      // never does not, and the one switching now does.
      const staying = { cloud: BETA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: BOLT, rng: NEVER } as const;
      const population = populationOf(
        [
          { ...staying, lastSwitchTick: 9 },
          { ...staying, lastSwitchTick: 8 },
          staying,
          { cloud: BETA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: ACME, switchingCostUsd: 5_000 },
        ],
        3,
      );
      const { demand } = step(population, { tick: 20 });
      expect(demand.switches).toBe(1);
      expect(population.lastSwitchTick[3]).toBe(20);
      expect(demand.adopters).toBe(4);
      expect(demand.switchedInLastYear).toBe(2);
    });
  });

  describe('demand', () => {
    const producing = (fields: Parameters<typeof populationOf>[0][number]) => ({
      valueUsdPerTask: 20,
      stage: STAGE_PRODUCTION,
      rng: NEVER,
      baseDemandMTok: 100,
      ...fields,
    });

    it('routes direct API tokens to the vendor, marketplace and open-weights tokens through the cloud', () => {
      const population = populationOf(
        [
          producing({ cloud: BETA, vendor: ACME }),
          producing({ cloud: BETA, marketplace: true, vendor: ACME, baseDemandMTok: 30 }),
          producing({ cloud: ALPHA, vendor: LLAMA, baseDemandMTok: 7 }),
          producing({ cloud: ALPHA, marketplace: true, vendor: BOLT, baseDemandMTok: 5 }),
        ],
        3,
      );
      const { demand } = step(population);
      expect(Array.from(demand.directMTok)).toEqual([100, 0, 0]);
      const expected = new Array(3 * CLOUDS).fill(0);
      expected[via(ACME, BETA)] = 30;
      expected[via(LLAMA, ALPHA)] = 7;
      expected[via(BOLT, ALPHA)] = 5;
      expect(Array.from(demand.viaCloudMTok)).toEqual(expected);
    });

    it('scales tokens by the real enterprises each simulated one stands for', () => {
      const population = populationOf([producing({ cloud: BETA, vendor: ACME }), producing({ cloud: BETA, marketplace: true, vendor: ACME })], 3);
      const { demand } = step(population, { weight: 250 });
      expect(demand.directMTok[ACME]).toBeCloseTo(25_000, 9);
      expect(demand.viaCloudMTok[via(ACME, BETA)]).toBeCloseTo(25_000, 9);
      // Counts stay in simulated enterprises.
      expect(demand.inProduction).toBe(2);
    });

    it('grows demand over time and lowers it with price', () => {
      // Half a year at +100 % a year: × √2; acme at 10 $ against a 5 $ reference with elasticity 1: × 0.5.
      const population = populationOf([producing({ cloud: BETA, vendor: ACME })], 3);
      const { demand } = step(population, { tick: 6, demand: { ...FLAT_DEMAND, growthFactor: 2 ** (6 / 12), priceElasticity: 1, referencePriceUsdPerMTok: 5 } });
      expect(demand.directMTok[ACME]).toBeCloseTo(100 * Math.SQRT2 * 0.5, 9);
    });

    it('publishes nothing for enterprises that neither evaluate, decide nor switch', () => {
      const population = populationOf(
        [
          { cloud: BETA, valueUsdPerTask: 20, rng: NEVER },
          producing({ cloud: BETA, vendor: ACME }),
          { cloud: BETA, valueUsdPerTask: 20, stage: STAGE_PILOT, vendor: ACME, stageSinceTick: 1 },
        ],
        3,
      );
      const halfChance = bassDiffusion.create(bassDiffusion.params.parse({ innovation: 0.5, imitation: 0, pilotMonths: 3 }));
      const { events, demand } = step(population, { tick: 2, adoption: halfChance });
      expect(events).toEqual([]);
      expect(demand.adopters).toBe(2);
      expect(demand.inProduction).toBe(1);
    });
  });

  describe('seedAdopters', () => {
    it('puts the share adopted at the start into production on their best option, without events', () => {
      const population = populationOf(
        [
          { cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1 },
          { cloud: BETA, marketplace: true, valueUsdPerTask: 20, qualityWeight: 1 },
        ],
        3,
      );
      seedAdopters(population, catalogue, 1, 0.5, ONE_MTOK);
      expect(Array.from(population.stage)).toEqual([STAGE_PRODUCTION, STAGE_PRODUCTION]);
      expect(Array.from(population.vendor)).toEqual([BOLT, ACME]);
    });

    it('seeds only enterprises whose best model clears the ROI hurdle', () => {
      const loss = worldState({ vendors: [vendorState('acme', { priceUsdPerMTok: 10 })], clouds: [cloudState('alpha')] });
      const population = populationOf([{ valueUsdPerTask: 5, qualityWeight: 0 }], 1);
      seedAdopters(population, buildCatalogue(loss, ['acme'], ['alpha']), 1, 0.5, ONE_MTOK);
      expect(population.stage[0]).toBe(STAGE_NONE);
    });

    it('seeds no one when no one has adopted at the start', () => {
      const population = populationOf([{ cloud: ALPHA }], 3);
      seedAdopters(population, catalogue, 0, 0.5, ONE_MTOK);
      expect(population.stage[0]).toBe(STAGE_NONE);
    });
  });

  describe('value of a task and return', () => {
    // On beta, direct: acme (quality 1, 10 $/MTok) and bolt (quality 2, 25 $/MTok).
    it('counts its own integration cost on the cost side of ROI', () => {
      // Quality weight 0: acme is worth 20 − 10 = 10 a MTok. Integration 2 a MTok: ROI (10 − 2) / (10 + 2) = 2/3.
      const adopts = populationOf([{ cloud: BETA, valueUsdPerTask: 20, integrationUsdPerTask: 2, qualityWeight: 0 }], 3);
      expect(step(adopts).events).toEqual([
        { type: 'enterprise.adopted', tick: 0, enterprise: 0, vendor: 'acme', channel: 'direct', cloud: 'beta', roi: 8 / 12 },
      ]);
      // Integration 4: (10 − 4) / (10 + 4) = 0.43, below the 0.5 hurdle, though the tokens alone return 1.
      const declines = populationOf([{ cloud: BETA, valueUsdPerTask: 20, integrationUsdPerTask: 4, qualityWeight: 0 }], 3);
      expect(step(declines).events).toEqual([]);
    });

    it('values a token as value per task ÷ tokens per task', () => {
      // 20 per task at 1.6 MTok a task: 12.5 a MTok; acme returns (12.5 − 10) / 10 = 0.25 < 0.5.
      const population = populationOf([{ cloud: BETA, valueUsdPerTask: 20, qualityWeight: 0 }], 3);
      expect(step(population, { mTokPerTask: Float64Array.of(1.6) }).events).toEqual([]);
      expect(population.valueUsdPerMTok[0]).toBe(12.5);
      // At 1 MTok a task it is worth 20 a MTok and returns 1.
      expect(step(population).events).toHaveLength(1);
    });

    it('values a task done by the best model of the month in full, and by a lesser one in proportion to quality^weight', () => {
      // Frontier bolt (quality 2), weight 1: acme does half the task, 20 × (1/2) = 10 a MTok at 10 $/MTok:
      // ROI 0; bolt 20 at 25: ROI −0.2. Neither clears the hurdle, where against quality 1 acme returned 1.
      const frontier = buildCatalogue(world, ['acme', 'bolt', 'llama'], ['alpha', 'beta']);
      expect(frontier.frontierQuality).toBe(2);
      const population = populationOf([{ cloud: BETA, valueUsdPerTask: 20, qualityWeight: 1 }], 3);
      expect(step(population, { catalogue: frontier }).events).toEqual([]);
      expect(population.valueUsdPerMTok[0]).toBe(10);
    });

    it('never values a task at more than twice its worth, however well a model fits', () => {
      // Taste 1000 for acme: uncapped 20,000 a MTok, bounded to 2 × 20 × tanh(500) = 40; surplus 30.
      // Integration 4 a MTok: ROI (30 − 4) / (10 + 4) = 26/14, where the uncapped value gave 1,428.
      const population = populationOf([{ cloud: BETA, valueUsdPerTask: 20, integrationUsdPerTask: 4, qualityWeight: 0, taste: [1000, 1, 1] }], 3, 2);
      expect(step(population).events).toEqual([
        { type: 'enterprise.adopted', tick: 0, enterprise: 0, vendor: 'acme', channel: 'direct', cloud: 'beta', roi: 26 / 14 },
      ]);
    });

    it('reports the median and highest ROI of the month’s adopters on the model they use', () => {
      // In production on acme at 10 $/MTok, weight 0: values 20, 30, 40 → ROI 1, 2, 3; integration 5 on the
      // last → (40 − 10 − 5) / 15 = 5/3; median 5/3. One worth 5 a MTok evaluates, does not adopt, and counts for nothing.
      const population = populationOf(
        [
          { cloud: BETA, valueUsdPerTask: 20, qualityWeight: 0, stage: STAGE_PRODUCTION, vendor: ACME, rng: NEVER },
          { cloud: BETA, valueUsdPerTask: 30, qualityWeight: 0, stage: STAGE_PRODUCTION, vendor: ACME, rng: NEVER },
          { cloud: BETA, valueUsdPerTask: 40, integrationUsdPerTask: 5, qualityWeight: 0, stage: STAGE_PRODUCTION, vendor: ACME, rng: NEVER },
          { cloud: BETA, valueUsdPerTask: 5, qualityWeight: 0 },
        ],
        3,
      );
      const { demand } = step(population);
      expect(demand.adopterRoi?.median).toBeCloseTo(5 / 3, 12);
      expect(demand.adopterRoi?.max).toBe(2);
      expect(step(populationOf([{ cloud: BETA, valueUsdPerTask: 5 }], 3)).demand.adopterRoi).toBeUndefined();
    });

    it('takes the mean of the middle two as the median of an even count', () => {
      expect(summariseRoi(Float64Array.of(4, 1, 3, 2))).toEqual({ median: 2.5, max: 4 });
      expect(summariseRoi(new Float64Array(0))).toBeUndefined();
    });
  });
});

describe('several vendors in production (logit-split)', () => {
  // On alpha, direct, value 20 a MTok, quality weight 1: surpluses acme 10, bolt 15, llama 11.
  // Temperature 0.25 of the value of a MTok of the best model (20, one MTok a task): scale 5.
  const split = (maxVendors: number) => logitSplit.create(logitSplit.params.parse({ maxVendors, temperature: 0.25 }));
  const user = (fields: { vendor: number; alsoUses?: number[]; switchingCostUsd?: number; rng?: typeof ALWAYS }) =>
    populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, ...fields }], 3);
  const e = Math.exp;

  it('splits the work over the vendors in use by a logit of their surplus', () => {
    // Weights 1 (bolt), e^(−5/5) (acme), e^(−4/5) (llama); llama's open weights run on alpha.
    const population = user({ vendor: BOLT, alsoUses: [ACME, LLAMA], rng: NEVER });
    const { demand, events } = step(population, { allocation: split(3) });
    const total = 1 + e(-1) + e(-0.8);
    expect(events).toEqual([]);
    expect(demand.directMTok[BOLT]).toBeCloseTo(100 / total, 9);
    expect(demand.directMTok[ACME]).toBeCloseTo((100 * e(-1)) / total, 9);
    expect(demand.viaCloudMTok[via(LLAMA, ALPHA)]).toBeCloseTo((100 * e(-0.8)) / total, 9);
    expect(demand.multiVendor).toBe(1);
    expect(demand.adopters).toBe(1);
  });

  it('adds at a review the best vendor it does not use when the rise in inclusive value repays moving the work', () => {
    // In use: bolt (15). Best not in use: llama (11). Inclusive value 15 → 15 + 5 ln(1 + e^−0.8): the gain
    // is 100 MTok × 5 ln(1 + e^−0.8) = 185.55 a month; llama takes e^−0.8 / (1 + e^−0.8) = 31.0 % of the
    // work, so moving it costs 1,000 × 0.310 = 310.0; 185.55 × 12 > 310.0.
    const population = user({ vendor: BOLT });
    const { demand, events } = step(population, { allocation: split(3) });
    const share = e(-0.8) / (1 + e(-0.8));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'enterprise.vendor-added', enterprise: 0, vendor: 'llama', dropped: null });
    const added = events[0] as { monthlyGainUsd: number; switchingCostUsd: number };
    expect(added.monthlyGainUsd).toBeCloseTo(500 * Math.log(1 + e(-0.8)), 9);
    expect(added.switchingCostUsd).toBeCloseTo(1_000 * share, 9);
    expect(population.vendor[0]).toBe(BOLT);
    expect(Array.from(population.inUse)).toEqual([0, 1, 1]);
    expect(demand.directMTok[BOLT]).toBeCloseTo(100 * (1 - share), 9);
    expect(demand.viaCloudMTok[via(LLAMA, ALPHA)]).toBeCloseTo(100 * share, 9);
    // The same review, at a cost 12 months of the gain do not repay, adds nothing.
    const dear = user({ vendor: BOLT, switchingCostUsd: 10_000 });
    expect(step(dear, { allocation: split(3) }).events).toEqual([]);
    expect(Array.from(dear.inUse)).toEqual([0, 1, 0]);
  });

  it('never adds a vendor the enterprise refuses, though the logit would give it work', () => {
    // As above, but llama is refused: the best it does not use is acme (10); 500 (ln(1 + e^−1)) × 12 =
    // 1,879 > 1,000 × e^−1 / (1 + e^−1) = 268.9, so acme is added, and llama never.
    const population = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: BOLT, taste: [1, 1, 0] }], 3);
    const { events } = step(population, { allocation: split(3) });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'enterprise.vendor-added', vendor: 'acme' });
    step(population, { allocation: split(3) });
    expect(Array.from(population.inUse)).toEqual([1, 1, 0]);
  });

  it('drops the least fitting vendor to make room at the limit', () => {
    // At two vendors, bolt and acme (10): llama (11) replaces acme. Gain 500 (ln(1 + e^−0.8) − ln(1 + e^−1)) = 28.9
    // a month; cost 500 × 0.310 = 155.0; 28.9 × 12 = 347 > 155.
    const population = user({ vendor: BOLT, alsoUses: [ACME], switchingCostUsd: 500 });
    const { events } = step(population, { allocation: split(2) });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'enterprise.vendor-added', vendor: 'llama', dropped: 'acme' });
    expect((events[0] as { monthlyGainUsd: number }).monthlyGainUsd).toBeCloseTo(500 * (Math.log(1 + e(-0.8)) - Math.log(1 + e(-1))), 9);
    expect(Array.from(population.inUse)).toEqual([0, 1, 1]);
  });

  it('makes the vendor in use that serves it best its primary at a review, a change of vendor that costs nothing to move', () => {
    // Primary acme (10) with bolt (15) in use; llama is too dear to add. Bolt takes the lead: 100 × (15 − 10) = 500 a month.
    const population = user({ vendor: ACME, alsoUses: [BOLT], switchingCostUsd: 1e9 });
    const { demand, events } = step(population, { allocation: split(3) });
    expect(events).toEqual([{ type: 'enterprise.switched', tick: 0, enterprise: 0, from: 'acme', to: 'bolt', monthlyGainUsd: 500, switchingCostUsd: 0 }]);
    expect(population.vendor[0]).toBe(BOLT);
    expect(population.lastSwitchTick[0]).toBe(0);
    expect(demand.switches).toBe(1);
    expect(demand.switchedInLastYear).toBe(1);
  });

  it('keeps only the primary when the allocation allows one vendor, and never adds one', () => {
    const population = user({ vendor: ACME, alsoUses: [BOLT, LLAMA], switchingCostUsd: 1e9 });
    const { demand } = step(population, { allocation: SINGLE });
    expect(Array.from(population.inUse)).toEqual([1, 0, 0]);
    expect(demand.directMTok[ACME]).toBe(100);
    expect(demand.multiVendor).toBe(0);
  });

  it('moves the work to a vendor still in use when the primary’s model leaves the channel', () => {
    // Marketplace buyer on alpha using acme (not listed there) and bolt: bolt becomes the primary at no cost.
    const population = populationOf([{ cloud: ALPHA, marketplace: true, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: ACME, alsoUses: [BOLT], rng: NEVER }], 3);
    const { demand, events } = step(population, { allocation: split(3) });
    expect(events).toEqual([{ type: 'enterprise.switched', tick: 0, enterprise: 0, from: 'acme', to: 'bolt', monthlyGainUsd: 0, switchingCostUsd: 0 }]);
    expect(Array.from(population.inUse)).toEqual([0, 1, 0]);
    expect(demand.viaCloudMTok[via(BOLT, ALPHA)]).toBe(100);
  });

  it('computes the inclusive value and the logit share by hand', () => {
    const surpluses = Float64Array.of(10, 15, 11);
    const members = Int16Array.of(1, 2, 0);
    expect(inclusiveValue(members, 1, -1, -1, surpluses, 5)).toBe(15);
    expect(inclusiveValue(members, 2, -1, -1, surpluses, 5)).toBeCloseTo(15 + 5 * Math.log(1 + e(-0.8)), 12);
    // Replacing llama (place 1) with acme, and adding acme at the end.
    expect(inclusiveValue(members, 2, 1, 0, surpluses, 5)).toBeCloseTo(15 + 5 * Math.log(1 + e(-1)), 12);
    expect(inclusiveValue(members, 2, 2, 0, surpluses, 5)).toBeCloseTo(15 + 5 * Math.log(1 + e(-0.8) + e(-1)), 12);
    expect(inclusiveValue(members, 2, -1, -1, surpluses, 0)).toBe(15);
    expect(logitShare(11, 15 + 5 * Math.log(1 + e(-0.8)), 5)).toBeCloseTo(e(-0.8) / (1 + e(-0.8)), 12);
    expect(logitShare(15, 15, 0)).toBe(1);
    expect(logitShare(11, 15, 0)).toBe(0);
  });
});

describe('upgrades within a vendor', () => {
  // In production with bolt (now quality 2, 25 $/MTok) on alpha, direct, value 20 a MTok, weight 1; it holds bolt's older model of quality 1.5.
  const holder = (rng: typeof ALWAYS, lastUpgradeTick?: number) =>
    populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: BOLT, heldQuality: [0, 1.5, 0], rng, ...(lastUpgradeTick !== undefined ? { lastUpgradeTick } : {}) }], 3);
  const staggered = (p: number) => staggeredUpgrade.create(staggeredUpgrade.params.parse({ monthlyProbability: p }));
  const noReview = roiPayback.create(roiPayback.params.parse({ reviewProbability: 0, paybackMonths: 12 }));

  it('moves every customer to the newer model the month it ships under the immediate policy', () => {
    const population = holder(NEVER);
    const { demand } = step(population, { tick: 5, switching: noReview });
    expect(population.heldQuality[BOLT]).toBe(2);
    expect(population.lastUpgradeTick[0]).toBe(5);
    expect(demand.upgrades).toBe(1);
    expect(demand.upgradedInLastYear).toBe(1);
    // ROI on the newer model: (20 × 2 − 25) / 25.
    expect(demand.adopterRoi?.median).toBeCloseTo(15 / 25, 12);
  });

  it('keeps the older model until the draw says, valuing the work on the model it runs', () => {
    const waiting = holder(NEVER);
    const { demand } = step(waiting, { tick: 5, switching: noReview, upgrade: staggered(0.2) });
    expect(waiting.heldQuality[BOLT]).toBe(1.5);
    expect(demand.upgrades).toBe(0);
    // ROI on the model it runs: (20 × 1.5 − 25) / 25; its tokens still go to bolt.
    expect(demand.adopterRoi?.median).toBeCloseTo(5 / 25, 12);
    expect(demand.directMTok[BOLT]).toBe(100);
    // A draw below 0.2 moves it.
    const moving = holder(constantRng(0.19));
    expect(step(moving, { tick: 5, switching: noReview, upgrade: staggered(0.2) }).demand.upgrades).toBe(1);
    expect(moving.heldQuality[BOLT]).toBe(2);
  });

  it('counts the survey’s three answers over twelve months: changed vendor, upgraded only, neither', () => {
    // Upgraded 11 months ago and nothing since: upgraded. Upgraded 12 months ago: neither.
    expect(step(holder(NEVER, -6), { tick: 5, switching: noReview, upgrade: staggered(0.2) }).demand.upgradedInLastYear).toBe(1);
    expect(step(holder(NEVER, -7), { tick: 5, switching: noReview, upgrade: staggered(0.2) }).demand.upgradedInLastYear).toBe(0);
    // A switch in the year counts as a change of vendor, not as an upgrade, whatever else it did.
    const both = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: BOLT, heldQuality: [0, 2, 0], rng: NEVER, lastUpgradeTick: 3, lastSwitchTick: 4 }], 3);
    const { demand } = step(both, { tick: 5, switching: noReview });
    expect(demand.switchedInLastYear).toBe(1);
    expect(demand.upgradedInLastYear).toBe(0);
  });

  it('weighs a switch against the model it runs, not the vendor’s newest', () => {
    // The draw 0.5 leaves the upgrade pending (≥ 0.2) and brings a review (< 0.6). Best not in use: llama,
    // 20 × 0.7 − 3 = 11, against bolt on the model it runs, 20 × 1.5 − 25 = 5 (its newest would give 15):
    // gain 100 × 6 = 600 a month, which repays 1,000.
    const population = holder(constantRng(0.5));
    const { events } = step(population, { upgrade: staggered(0.2), switching: roiPayback.create(roiPayback.params.parse({ reviewProbability: 0.6, paybackMonths: 12 })) });
    expect(events).toEqual([{ type: 'enterprise.switched', tick: 0, enterprise: 0, from: 'bolt', to: 'llama', monthlyGainUsd: 600, switchingCostUsd: 1_000 }]);
  });
});

describe('demand that grows with what the models can do (capability-driven)', () => {
  const noReview = roiPayback.create(roiPayback.params.parse({ reviewProbability: 0, paybackMonths: 12 }));
  // κ = 2 against a best model of quality 1 at the start.
  const capable: DemandCurve = { ...FLAT_DEMAND, capabilityElasticity: 2, maxLift: 100, referenceQuality: 1 };

  it('lifts an adopter’s tokens by (quality of the best model it runs ÷ the start’s best)^κ', () => {
    // It runs bolt's model of quality 2: its work × 2² = 4.
    const population = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: BOLT, heldQuality: [0, 2, 0], rng: NEVER }], 3);
    const { demand } = step(population, { switching: noReview, demand: capable });
    expect(demand.directMTok[BOLT]).toBeCloseTo(400, 9);
  });

  it('never lifts the work beyond maxLift', () => {
    const population = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: BOLT, heldQuality: [0, 2, 0], rng: NEVER }], 3);
    // 2^2 = 4 capped at 3.
    expect(step(population, { switching: noReview, demand: { ...capable, maxLift: 3 } }).demand.directMTok[BOLT]).toBeCloseTo(300, 9);
  });

  it('lifts it only when the adopter runs the better model: a pending upgrade waits', () => {
    const staggered = staggeredUpgrade.create(staggeredUpgrade.params.parse({ monthlyProbability: 0.1 }));
    const population = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: BOLT, heldQuality: [0, 1.5, 0], rng: NEVER }], 3);
    const { demand } = step(population, { switching: noReview, demand: capable, upgrade: staggered });
    expect(demand.directMTok[BOLT]).toBeCloseTo(100 * 1.5 ** 2, 9);
  });

  it('scales the cost of moving the work with the work it lifts', () => {
    // Direct on beta, running acme (quality 1: lift 1): bolt (2) gives 20 × 2 − 25 = 15 against acme's 10, so the
    // gain is 100 × 1 × 5 = 500 a month and the cost 5,000 × 1; the work it moves is lifted after the move.
    const population = populationOf([{ cloud: BETA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: ACME, heldQuality: [1, 0, 0], switchingCostUsd: 5_000 }], 3);
    const { events, demand } = step(population, { demand: capable });
    expect(events).toEqual([{ type: 'enterprise.switched', tick: 0, enterprise: 0, from: 'acme', to: 'bolt', monthlyGainUsd: 500, switchingCostUsd: 5_000 }]);
    // Now on bolt (quality 2): its work is lifted 4×.
    expect(demand.directMTok[BOLT]).toBeCloseTo(400, 9);
    // At κ = 0 the same step buys 100 MTok.
    const plain = populationOf([{ cloud: BETA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: ACME, heldQuality: [1, 0, 0], switchingCostUsd: 5_000 }], 3);
    expect(step(plain).demand.directMTok[BOLT]).toBeCloseTo(100, 9);
  });
});

describe('work that moves over months (logit-split adjustment)', () => {
  const noReview = roiPayback.create(roiPayback.params.parse({ reviewProbability: 0, paybackMonths: 12 }));
  // Surpluses on alpha, direct: bolt 15, llama 11; scale 5: the logit gives llama e^−0.8 / (1 + e^−0.8) = 31.0 %.
  const slow = logitSplit.create(logitSplit.params.parse({ maxVendors: 3, temperature: 0.25, adjustment: 0.5 }));
  const target = Math.exp(-0.8) / (1 + Math.exp(-0.8));

  it('closes the adjustment’s share of the gap to the logit each month', () => {
    // All the work on bolt, llama just added (share 0): half the gap closes in a month, three quarters in two.
    const population = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: BOLT, alsoUses: [LLAMA], heldQuality: [0, 2, 0.7], workShare: [0, 1, 0], rng: NEVER }], 3);
    const first = step(population, { switching: noReview, allocation: slow }).demand;
    expect(first.viaCloudMTok[via(LLAMA, ALPHA)]).toBeCloseTo(100 * 0.5 * target, 9);
    expect(first.directMTok[BOLT]).toBeCloseTo(100 * (1 - 0.5 * target), 9);
    const second = step(population, { switching: noReview, allocation: slow }).demand;
    expect(second.viaCloudMTok[via(LLAMA, ALPHA)]).toBeCloseTo(100 * 0.75 * target, 9);
  });

  it('keeps the primary until the vendor added beside it carries more of the work: a pilot, then the change', () => {
    // llama (surplus 11) is primary with all the work; bolt (15) was just added at share 0, its logit
    // share 1 − 31.0 % = 69.0 %. Month 1: bolt 0.5 × 0.690 = 0.345 < 0.655, llama stays primary.
    // Month 2: bolt 0.345 + 0.5 × (0.690 − 0.345) = 0.517 > 0.483: bolt becomes primary, its gain
    // 100 MTok × (15 − 11) = $400 a month, at no further cost (the move was paid when it was added).
    const population = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: LLAMA, alsoUses: [BOLT], heldQuality: [0, 2, 0.7], workShare: [0, 0, 1], rng: NEVER }], 3);
    const first = step(population, { switching: noReview, allocation: slow });
    expect(first.events).toEqual([]);
    expect(first.demand.switches).toBe(0);
    expect(population.vendor[0]).toBe(LLAMA);
    const second = step(population, { switching: noReview, allocation: slow });
    expect(second.demand.directMTok[BOLT]).toBeCloseTo(100 * (0.75 * (1 - target)), 9);
    expect(second.events).toEqual([{ type: 'enterprise.switched', tick: 0, enterprise: 0, from: 'llama', to: 'bolt', monthlyGainUsd: expect.closeTo(400, 9), switchingCostUsd: 0 }]);
    expect(second.demand.switches).toBe(1);
    expect(population.vendor[0]).toBe(BOLT);
  });

  it('reads the shares of the vendors still in use as the whole when one is dropped', () => {
    // acme's 0.5 went with it: bolt 0.3 and llama 0.2 become 0.6 and 0.4, then move half-way to the logit.
    const population = populationOf(
      [{ cloud: BETA, marketplace: false, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: BOLT, alsoUses: [LLAMA], heldQuality: [0, 2, 0.7], workShare: [0.5, 0.3, 0.2], rng: NEVER }],
      3,
    );
    const { demand } = step(population, { switching: noReview, allocation: slow });
    // On beta, direct: llama is hosted by alpha only, so it left the channel: bolt alone, all the work.
    expect(demand.directMTok[BOLT]).toBeCloseTo(100, 9);
    const onAlpha = populationOf([{ cloud: ALPHA, valueUsdPerTask: 20, qualityWeight: 1, stage: STAGE_PRODUCTION, vendor: BOLT, alsoUses: [LLAMA], heldQuality: [0, 2, 0.7], workShare: [0.5, 0.3, 0.2], rng: NEVER }], 3);
    const split = step(onAlpha, { switching: noReview, allocation: slow }).demand;
    expect(split.viaCloudMTok[via(LLAMA, ALPHA)]).toBeCloseTo(100 * (0.4 + 0.5 * (target - 0.4)), 9);
  });
});
