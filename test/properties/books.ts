import { produce } from 'immer';
import { instantiatePolicies } from '../../src/agents/agent-context.js';
import type { Scenario } from '../../src/config/parse-scenario.js';
import { MetricRecorder, type MetricTable } from '../../src/metrics/metric-table.js';
import { initialWorld } from '../../src/simulation/initial-world.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { applyEvent } from '../../src/world/apply-event.js';
import type { MarketEvent } from '../../src/world/events.js';
import type { WorldState } from '../../src/world/state.js';

/**
 * The books a run must keep, checked month by month from its event log and metrics. Each check
 * returns the violations it found, each naming the month and the figures that disagree, so a
 * failing property shows what went wrong rather than "expected false to be true".
 */

export interface RecordedRun {
  readonly scenario: Scenario;
  readonly events: readonly MarketEvent[];
  readonly metrics: MetricTable;
  readonly finalWorld: WorldState;
  /** Every value handed to the metric recorder that was NaN or infinite, as "tick t: metric of entity is v". */
  readonly nonFiniteRecords: readonly string[];
}

/**
 * Runs a scenario, keeping its events, and watching what is handed to the metric recorder: in the
 * table a NaN cannot be told from a value never recorded (metrics recorded only when they mean
 * something, like a margin without revenue), at the call it can.
 */
export function recordRun(scenario: Scenario): RecordedRun {
  const events: MarketEvent[] = [];
  const nonFiniteRecords: string[] = [];
  const record = MetricRecorder.prototype.record;
  MetricRecorder.prototype.record = function (this: MetricRecorder, metric: string, entity: string, value: number) {
    if (!Number.isFinite(value)) nonFiniteRecords.push(`tick ${this.dates.length - 1}: ${metric} of ${entity} is ${value}`);
    record.call(this, metric, entity, value);
  };
  try {
    const result = runSimulation(scenario, { onEvent: (event) => events.push(event) });
    return { scenario, events, metrics: result.metrics, finalWorld: result.finalWorld, nonFiniteRecords };
  } finally {
    MetricRecorder.prototype.record = record;
  }
}

/** Equal within floating-point noise: relative 1e-9, absolute 1e-6 (USD or MTok). */
export function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 + 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

type Step = { readonly event: MarketEvent; readonly before: WorldState; readonly after: WorldState };

/** Every event with the world just before and just after it, replayed from the initial world. */
export function replay(run: RecordedRun): { steps: Step[]; world: WorldState } {
  let world = initialWorld(run.scenario, instantiatePolicies(run.scenario));
  const steps: Step[] = [];
  for (const event of run.events) {
    const before = world;
    world = produce(world, (draft) => applyEvent(draft, event));
    steps.push({ event, before, after: world });
  }
  return { steps, world };
}

function of<T extends MarketEvent['type']>(events: readonly MarketEvent[], type: T, tick: number) {
  return events.filter((e): e is Extract<MarketEvent, { type: T }> => e.type === type && e.tick === tick);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** Revenue shares vendors pay equal what clouds book as marketplace revenue. */
export function revenueShareViolations(run: RecordedRun): string[] {
  const violations: string[] = [];
  for (let tick = 0; tick < run.metrics.dates.length; tick++) {
    const paid = sum(of(run.events, 'vendor.month-closed', tick).map((e) => e.revenueShareUsd));
    const kept = sum(of(run.events, 'cloud.month-closed', tick).map((e) => e.marketplaceRevenueUsd));
    if (!close(paid, kept)) violations.push(`tick ${tick}: vendors paid ${paid} USD of revenue share, clouds booked ${kept}`);
  }
  return violations;
}

/**
 * What vendors pay for compute equals what clouds earn from it: inference reservations, per cloud,
 * and training bought from a cloud (training in a vendor's own data centres pays no cloud).
 */
export function computePaymentViolations(run: RecordedRun): string[] {
  const violations: string[] = [];
  for (let tick = 0; tick < run.metrics.dates.length; tick++) {
    const vendors = of(run.events, 'vendor.month-closed', tick);
    const clouds = of(run.events, 'cloud.month-closed', tick);
    const training = of(run.events, 'vendor.trained', tick).filter((e) => e.cloud !== null);
    for (const cloud of clouds) {
      const billed = sum(vendors.map((v) => v.computeSpendByCloud?.[cloud.cloud] ?? 0));
      if (!close(billed, cloud.inferenceRevenueUsd)) {
        violations.push(`tick ${tick}: vendors paid ${cloud.cloud} ${billed} USD of inference, it booked ${cloud.inferenceRevenueUsd}`);
      }
    }
    const paid = sum(vendors.map((v) => v.inferenceComputeUsd + v.idleCapacityUsd)) + sum(training.map((t) => t.spendUsd));
    const earned = sum(clouds.map((c) => c.inferenceRevenueUsd)) + sum(training.map((t) => t.spendUsd));
    if (!close(paid, earned)) violations.push(`tick ${tick}: vendors paid ${paid} USD for compute, clouds earned ${earned}`);
  }
  return violations;
}

/**
 * What enterprises are charged, tokens × the month's prices, equals what vendors and clouds book:
 * a closed vendor's API revenue is its served API tokens × its list price (a small tier's at its own); a cloud's hosting
 * revenue is the open-weights tokens it served × its price, and what it served is what the open
 * weights' books say was served of what enterprises asked.
 */
export function enterpriseChargeViolations(run: RecordedRun): string[] {
  const violations: string[] = [];
  const openTokens = new Map<number, number>();
  for (const { event, before } of replay(run).steps) {
    if (event.type === 'vendor.month-closed') {
      const vendor = before.vendors[event.vendor]!;
      if (vendor.weights === 'open') {
        // What the clouds could host of it: a full fleet rations open weights.
        openTokens.set(event.tick, (openTokens.get(event.tick) ?? 0) + event.servedMTok);
        continue;
      }
      const demand = event.apiDemandMTok + event.subscriberDemandMTok + event.freeUserDemandMTok;
      const servedShare = demand > 0 ? event.servedMTok / demand : 1;
      // A small tier's tokens are billed at its own price.
      const small = event.smallTier?.apiDemandMTok ?? 0;
      const charged = (event.apiDemandMTok - small) * servedShare * vendor.priceUsdPerMTok + small * servedShare * (vendor.smallTier?.priceUsdPerMTok ?? 0);
      const revenue = event.revenueApiDirectUsd + event.revenueMarketplaceUsd;
      if (!close(charged, revenue)) {
        violations.push(`tick ${event.tick}: ${event.vendor} served API tokens × price = ${charged} USD, it booked ${revenue}`);
      }
    }
    if (event.type === 'cloud.month-closed') {
      const charged = event.hostingMTok * before.clouds[event.cloud]!.openModelPriceUsdPerMTok;
      if (!close(charged, event.hostingRevenueUsd)) {
        violations.push(`tick ${event.tick}: ${event.cloud} hosted tokens × price = ${charged} USD, it booked ${event.hostingRevenueUsd}`);
      }
    }
  }
  for (let tick = 0; tick < run.metrics.dates.length; tick++) {
    const hosted = sum(of(run.events, 'cloud.month-closed', tick).map((e) => e.hostingMTok));
    if (!close(hosted, openTokens.get(tick) ?? 0)) {
      violations.push(`tick ${tick}: enterprises bought ${openTokens.get(tick) ?? 0} MTok of open weights, clouds hosted ${hosted}`);
    }
  }
  return violations;
}

/**
 * The market's recorded enterprise spend is what vendors booked as API revenue plus what clouds
 * booked for hosting open weights: no more (tokens a vendor could not serve are not paid for).
 */
export function marketSpendViolations(run: RecordedRun): string[] {
  const violations: string[] = [];
  const spend = run.metrics.series('market.enterprise_spend_usd').get('market');
  for (let tick = 0; tick < run.metrics.dates.length; tick++) {
    const api = sum(of(run.events, 'vendor.month-closed', tick).map((e) => e.revenueApiDirectUsd + e.revenueMarketplaceUsd));
    const hosting = sum(of(run.events, 'cloud.month-closed', tick).map((e) => e.hostingRevenueUsd));
    const recorded = spend?.[tick];
    if (recorded === undefined || !close(recorded, api + hosting)) {
      violations.push(`tick ${tick}: market.enterprise_spend_usd is ${recorded}, vendors booked ${api} USD of API revenue and clouds ${hosting} of hosting`);
    }
  }
  return violations;
}
