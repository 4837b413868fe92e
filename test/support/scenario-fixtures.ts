import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { produce } from 'immer';
import { agentRngs, instantiatePolicies, type AgentPolicies, type TickContext } from '../../src/agents/agent-context.js';
import { parseScenario, type Scenario } from '../../src/config/parse-scenario.js';
import type { ScenarioInput } from '../../src/config/scenario-schema.js';
import { tickToDate } from '../../src/engine/calendar.js';
import { EventBus } from '../../src/engine/event-bus.js';
import { initialWorld } from '../../src/simulation/initial-world.js';
import { Timeline } from '../../src/simulation/timeline.js';
import { applyEvent } from '../../src/world/apply-event.js';
import type { MarketEvent, MarketEventType } from '../../src/world/events.js';
import type { ComputeContract, WorldState } from '../../src/world/state.js';
import { contractOf, type ContractTerms } from './world-fixtures.js';

export const BASELINE_PATH = fileURLToPath(new URL('../../configs/baseline.json', import.meta.url));

/**
 * Raw scenario JSON, as a config file holds it, for tests to break on purpose: typed loosely
 * because a broken config does not fit the scenario's types.
 */
export type RawJson = any;

/** A fresh, mutable copy of configs/baseline.json as parsed JSON. */
export function baselineJson(): RawJson {
  const json = JSON.parse(readFileSync(BASELINE_PATH, 'utf8')) as RawJson;
  // Tests cut vendors and events out of it, and a declared uncertain path must name a part that is
  // there: the list is the baseline's (test/config/baseline-uncertain.test.ts checks it), not theirs.
  delete json.uncertain;
  return json;
}

/** Parses a scenario that the test expects to be valid; a problem fails the test with its paths. */
export function scenarioOf(json: unknown): Scenario {
  const result = parseScenario(json);
  if (!result.success) {
    throw new Error(`scenario invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  return result.scenario;
}

export type ClosedVendorInput = Extract<ScenarioInput['vendors'][number], { weights: 'closed' }>;
export type CloudInput = ScenarioInput['clouds'][number];

/**
 * Two clouds, one closed vendor and one open-weights model, with round numbers so that offers and
 * books can be worked out by hand:
 * - alpha: 1,000 MTok of GPUs, cost 2 $/MTok (no decline), offers at cost × 1.5, up to 80 % of free;
 * - beta: 500 GPU + 500 ASIC MTok, ASIC maturity 0.5 (ASIC cost 1.6), offers at cost × 1.3;
 * - acme: closed, quality 1, list price 10 $/MTok, asks alpha then beta (beta as soon as alpha
 *   falls short), pays at most 60 % of its price for compute; no compute at the start;
 * - llama: open weights, listed on alpha.
 */
export function tinyScenarioInput(): ScenarioInput {
  const capex = { type: 'utilisation-capex', params: { targetUtilisation: 0.75, baseGrowthPerYear: 0, maxGrowthPerMonth: 0.15, asicShareOfNew: 0, asicShareGrowthPerYear: 0 } };
  const hostingPricing = { type: 'hosting-markup', params: { markup: 0.5 } };
  const training = { type: 'revenue-share-training', params: { shareOfRevenue: 0.5, minMonthlyUsd: 100, releaseCostUsd: 1e12 } };
  return {
    name: 'tiny',
    seed: 7,
    start: '2024-01',
    months: 6,
    compute: {
      gpuCostUsdPerMTok: 2,
      gpuCostDeclinePerYear: 0,
      asicMaxAdvantage: 0.4,
      asicMaturityScaleUsd: 1e9,
      capexMonthsOfCost: 30,
    },
    clouds: [
      {
        id: 'alpha',
        enterpriseShare: 1,
        gpuCapacityMTok: 1000,
        asicCapacityMTok: 0,
        asicMaturity: 0,
        policies: {
          offer: { type: 'cost-plus-offer', params: { markup: 0.5, maxShareOfFree: 0.8, minAsicShare: 0 } },
          capex,
          hostingPricing,
        },
      },
      {
        id: 'beta',
        enterpriseShare: 0,
        gpuCapacityMTok: 500,
        asicCapacityMTok: 500,
        asicMaturity: 0.5,
        policies: {
          offer: { type: 'cost-plus-offer', params: { markup: 0.3, maxShareOfFree: 0.8, minAsicShare: 0 } },
          capex,
          hostingPricing,
        },
      },
    ],
    vendors: [
      {
        id: 'acme',
        weights: 'closed',
        quality: 1,
        priceUsdPerMTok: 10,
        computeClouds: ['alpha', 'beta'],
        compute: [],
        policies: {
          pricing: { type: 'fixed-price' },
          compute: {
            type: 'utilisation-target',
            params: {
              requestAboveUtilisation: 0.85,
              targetUtilisation: 0.75,
              contractMonths: 12,
              maxComputePriceShare: 0.6,
              maxAsicShare: 1,
              diversifyAfterMonthsShort: 1,
              maxSecondCloudPremium: 0.25,
              asicPortingCost: 0.5,
              secondCloudShare: 0,
            },
          },
          training,
        },
      },
      { id: 'llama', weights: 'open', quality: 0.8, policies: { training } },
    ],
    marketplace: [
      { cloud: 'alpha', vendor: 'acme', revenueShare: 0.25 },
      { cloud: 'alpha', vendor: 'llama' },
    ],
    enterprises: {
      count: 10,
      represents: 100,
      adoptedAtStart: 0,
      demandGrowthPerYear: 0,
      priceElasticity: 0,
      referencePriceUsdPerMTok: 10,
      tasteDispersion: 0,
      segments: [
        {
          id: 'all',
          share: 1,
          demandMTokPerMonth: { median: 10 },
          valueUsdPerTask: { median: 30 },
          mTokPerTask: { atStart: 1, growthPerYear: 0 },
          integrationCostShare: 0.2,
          qualityWeight: { min: 1, max: 1 },
          switchingCostUsd: { median: 1000 },
          marketplaceShare: 0.5,
        },
      ],
      policies: { adoption: { type: 'bass-diffusion' }, switching: { type: 'roi-payback' } },
    },
    consumers: {
      subscribersAtStart: 0,
      addressableMarket: { peopleOnline: 1e6, payingShare: 0.1 },
      growthPerYear: 0,
      priceUsdPerMonth: 20,
      mTokPerSubscriberPerMonth: 1,
      policy: { type: 'brand-and-quality' },
    },
  };
}

/** The closed vendor `id` of a scenario input, to edit its fields and policies. */
export function closedVendorInput(input: ScenarioInput, id: string): ClosedVendorInput {
  const vendor = input.vendors.find((v) => v.id === id);
  if (!vendor || vendor.weights !== 'closed') throw new Error(`no closed vendor ${id}`);
  return vendor;
}

export function cloudInput(input: ScenarioInput, id: string): CloudInput {
  const cloud = input.clouds.find((c) => c.id === id);
  if (!cloud) throw new Error(`no cloud ${id}`);
  return cloud;
}

/**
 * A scenario's world wired as runSimulation wires it: every event on the bus is folded into the
 * world first, then recorded, so a test can publish facts and call agents' phases by hand.
 */
export interface TestMarket {
  readonly scenario: Scenario;
  readonly policies: AgentPolicies;
  readonly bus: EventBus<MarketEvent>;
  /** Every event published so far, in order of publication. */
  readonly events: MarketEvent[];
  world(): WorldState;
  /** The context of one phase of `tick`; last month is the world as it stands now. */
  context(tick: number): TickContext;
  /** Publishes a contract as signed, as the opening contracts are. */
  sign(contract: ContractTerms): ComputeContract;
}

export function testMarket(scenario: Scenario): TestMarket {
  const policies = instantiatePolicies(scenario);
  const bus = new EventBus<MarketEvent>();
  const rngs = agentRngs(scenario, scenario.seed);
  let world = initialWorld(scenario, policies);
  const events: MarketEvent[] = [];
  bus.events$.subscribe((event) => {
    world = produce(world, (draft) => applyEvent(draft, event));
  });
  bus.events$.subscribe((event) => events.push(event));
  return {
    scenario,
    policies,
    bus,
    events,
    world: () => world,
    context: (tick) => ({
      scenario,
      tick,
      date: tickToDate(scenario.start, tick),
      compute: scenario.compute,
      timeline: new Timeline(scenario),
      roster: scenario.vendors.map((v) => v.id),
      vendors: () => scenario.vendors.filter((v) => world.vendors[v.id] !== undefined),
      world: () => world,
      lastMonth: world,
      bus,
      policies,
      rngs,
    }),
    sign(terms) {
      const contract = contractOf({ id: `contract-${world.contractsSigned + 1}`, ...terms });
      bus.publish({ type: 'compute.contract-signed', tick: terms.startTick, contract });
      return contract;
    },
  };
}

/** The events of one type, typed. */
export function eventsOfType<T extends MarketEventType>(
  events: readonly MarketEvent[],
  type: T,
): Extract<MarketEvent, { type: T }>[] {
  return events.filter((e): e is Extract<MarketEvent, { type: T }> => e.type === type);
}
