import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario, type Scenario } from '../../src/config/parse-scenario.js';
import { dateToTick } from '../../src/engine/calendar.js';
import type { MetricTable } from '../../src/metrics/metric-table.js';
import { runSimulation, type RunResult } from '../../src/simulation/run-simulation.js';
import type { MarketEvent, MarketEventType } from '../../src/world/events.js';

const BASELINE = fileURLToPath(new URL('../../configs/baseline.json', import.meta.url));

/** Raw scenario JSON, loosely typed so a test can shrink and rewire it freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/**
 * configs/baseline.json, shrunk for a mechanism test: fewer simulated enterprises (each standing
 * for more real ones, so the market keeps its size), fewer months, no scripted history (events,
 * history window, vendors that come to market later) unless the test adds it; the history's
 * listings within its months are in force from the start.
 */
export function smallBaseline(options: { count?: number; months?: number } = {}): Json {
  const json = JSON.parse(readFileSync(BASELINE, 'utf8')) as Json;
  // Its uncertain list names DeepSeek, cut out below.
  delete json.uncertain;
  json.enterprises.count = options.count ?? 500;
  json.months = options.months ?? 12;
  // No scripted history: the agents make every decision, and vendors that come later stay out.
  // What the history lists within the test's months (Claude on Vertex AI, 2024-03) is listed from
  // the start, so the marketplaces a test reads sell what they sold at the opening before that
  // listing was dated.
  const vendors = json.vendors.filter((v: Json) => v.entersAt === undefined);
  const present = new Set(vendors.map((v: Json) => v.id));
  for (const e of json.events as Json[]) {
    if (e.type !== 'listing' || !present.has(e.vendor) || dateToTick(json.start, e.date) >= json.months) continue;
    json.marketplace.push({ cloud: e.cloud, vendor: e.vendor, ...(e.revenueShare === undefined ? {} : { revenueShare: e.revenueShare }) });
  }
  json.events = [];
  delete json.history;
  json.vendors = vendors;
  withLabsBeforeIssue26(json);
  return json;
}

/**
 * The labs as they were before issue 26, for tests of other mechanisms whose hand-computed figures
 * assume them: training a share of revenue (with a floor), bought by the month, releases at a cost
 * per step; one valuation multiple whatever the growth. The capital-plan policy, training contracts
 * and growth-priced valuations have tests of their own (test/policies/vendor-training.test.ts,
 * test/agents/vendors.test.ts, test/agents/funding.test.ts, test/scenarios/stylized-facts.test.ts).
 */
export function withLabsBeforeIssue26(json: Json): Json {
  const revenueShare: Record<string, [number, number, number]> = {
    openai: [0.75, 1.5e8, 1e9],
    anthropic: [0.75, 1.5e8, 1e9],
    google: [0.5, 2e8, 1e9],
    xai: [1, 1e8, 1e9],
    mistral: [0.5, 2e7, 5e8],
    meta: [0, 1.5e8, 1e9],
  };
  for (const vendor of json.vendors) {
    const old = revenueShare[vendor.id];
    if (old !== undefined && vendor.policies.training?.type === 'capital-plan') {
      const [shareOfRevenue, minMonthlyUsd, releaseCostUsd] = old;
      vendor.policies.training = { type: 'revenue-share-training', params: { shareOfRevenue, minMonthlyUsd, releaseCostUsd, qualityGainPerRelease: 1.05, minMonthsBetweenReleases: 4 } };
    }
    if (vendor.policies.compute?.params) delete vendor.policies.compute.params.trainingContractShare;
    delete vendor.valuationGrowthElasticity;
  }
  return json;
}

/**
 * Gives every cloud a fleet `factor` times the baseline's, so that vendors find free capacity to
 * train on by the month: the baseline's opening fleets are sized for serving, and training bought
 * by the month takes only what they have free (issue 21: compute is physical).
 */
export function withRoomToTrain(json: Json, factor = 20): Json {
  for (const cloud of json.clouds) {
    cloud.gpuCapacityMTok *= factor;
    cloud.asicCapacityMTok *= factor;
  }
  return json;
}

export function scenarioOf(json: unknown): Scenario {
  const parsed = parseScenario(json);
  if (!parsed.success) throw new Error(`invalid scenario: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return parsed.scenario;
}

export interface Run extends RunResult {
  readonly events: readonly MarketEvent[];
}

/** Runs the scenario and keeps every event it published, in order. */
export function run(json: unknown, seed = 1): Run {
  const events: MarketEvent[] = [];
  const result = runSimulation(scenarioOf(json), { seed, onEvent: (event) => events.push(event) });
  return { ...result, events };
}

export function eventsOf<T extends MarketEventType>(events: readonly MarketEvent[], type: T): Extract<MarketEvent, { type: T }>[] {
  return events.filter((e): e is Extract<MarketEvent, { type: T }> => e.type === type);
}

/** One entity's series of a metric, as a plain array (NaN where nothing was recorded). */
export function seriesOf(metrics: MetricTable, metric: string, entity: string): number[] {
  const values = metrics.series(metric).get(entity);
  if (!values) throw new Error(`no ${metric} for ${entity}; recorded: ${[...metrics.series(metric).keys()].join(', ')}`);
  return [...values];
}

/** The vendor entry of a raw scenario, to edit. */
export function vendorJson(json: Json, id: string): Json {
  const vendor = json.vendors.find((v: Json) => v.id === id);
  if (!vendor) throw new Error(`no vendor ${id}`);
  return vendor;
}

export function cloudJson(json: Json, id: string): Json {
  const cloud = json.clouds.find((c: Json) => c.id === id);
  if (!cloud) throw new Error(`no cloud ${id}`);
  return cloud;
}

/**
 * The cost of compute as the config states it, worked out by hand (not through src/market), so a
 * test's expected prices follow the baseline if it is recalibrated.
 */
export function computeCosts(json: Json) {
  const market = json.compute;
  const gpu = (tick: number): number => market.gpuCostUsdPerMTok * (1 - market.gpuCostDeclinePerYear) ** (tick / 12);
  return {
    gpu,
    asic: (tick: number, maturity: number): number => gpu(tick) * (1 - market.asicMaxAdvantage * maturity),
    maturityScaleUsd: market.asicMaturityScaleUsd as number,
    capexMonthsOfCost: market.capexMonthsOfCost as number,
  };
}

/** 1 + the markup of a cloud's cost-plus offers. */
export function offerFactor(json: Json, cloud: string): number {
  return 1 + cloudJson(json, cloud).policies.offer.params.markup;
}
