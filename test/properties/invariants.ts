import { isDeepStrictEqual } from 'node:util';
import type { MarketEvent } from '../../src/world/events.js';
import type { ComputeContract, WorldState } from '../../src/world/state.js';
import { close, replay, type RecordedRun } from './books.js';

/**
 * Invariants of a run besides the money flows of books.ts: shares that are shares, numbers that
 * are numbers, and state that changes only through the events that record it.
 */

const UNIT_METRICS = [
  'vendor.enterprise_share',
  'vendor.capacity_shortfall',
  'cloud.asic_share',
  'cloud.asic_maturity',
  'market.adoption_rate',
  'market.production_rate',
];

/** Shares lie in 0..1, and vendors' shares of enterprise tokens add up to 1 when there are any. */
export function shareViolations(run: RecordedRun): string[] {
  const violations: string[] = [];
  const { metrics } = run;
  for (const metric of UNIT_METRICS) {
    for (const [entity, values] of metrics.series(metric)) {
      values.forEach((value, tick) => {
        if (value < 0 || value > 1) violations.push(`tick ${tick}: ${metric} of ${entity} is ${value}, outside 0..1`);
      });
    }
  }
  const tokens = metrics.series('market.enterprise_tokens_mtok').get('market');
  for (let tick = 0; tick < metrics.dates.length; tick++) {
    let total = 0;
    // A vendor not yet in the market has no share that month.
    for (const values of metrics.series('vendor.enterprise_share').values()) if (Number.isFinite(values[tick]!)) total += values[tick]!;
    const expected = (tokens?.[tick] ?? 0) > 0 ? 1 : 0;
    if (!close(total, expected)) violations.push(`tick ${tick}: vendor.enterprise_share adds up to ${total}, not ${expected}`);
    const adoption = metrics.series('market.adoption_rate').get('market')?.[tick] ?? 0;
    const production = metrics.series('market.production_rate').get('market')?.[tick] ?? 0;
    if (production > adoption + 1e-12) violations.push(`tick ${tick}: production rate ${production} above adoption rate ${adoption}`);
    const hhi = metrics.series('market.hhi').get('market')?.[tick] ?? 0;
    if (hhi < 0 || hhi > 10_000 + 1e-6) violations.push(`tick ${tick}: market.hhi is ${hhi}, outside 0..10,000`);
  }
  for (const event of run.events) {
    const fields = event as unknown as Record<string, unknown>;
    const contract = fields.contract as Record<string, unknown> | undefined;
    for (const [name, value] of [
      ['asicShare', fields.asicShare],
      ['brand', fields.brand],
      ['contract.asicShare', contract?.asicShare],
    ] as const) {
      if (typeof value === 'number' && (value < 0 || value > 1)) violations.push(`tick ${event.tick}: ${event.type} ${name} is ${value}, outside 0..1`);
    }
  }
  return violations;
}

/** Every value recorded as a metric is finite: no NaN, no Infinity. */
export function nonFiniteMetricViolations(run: RecordedRun): string[] {
  return [...run.nonFiniteRecords];
}

/** Every number of every event is finite (events.jsonl would otherwise hold null for it). */
export function nonFiniteEventViolations(run: RecordedRun): string[] {
  const violations: string[] = [];
  const visit = (value: unknown, path: string, event: MarketEvent): void => {
    if (typeof value === 'number' && !Number.isFinite(value)) violations.push(`tick ${event.tick}: ${event.type} ${path} is ${value}`);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) visit(inner, path === '' ? key : `${path}.${key}`, event);
    }
  };
  for (const event of run.events) visit(event, '', event);
  return violations;
}

/** Folding the event log from the initial world gives the run's final world, exactly. */
export function replayViolations(run: RecordedRun): string[] {
  const { world } = replay(run);
  if (isDeepStrictEqual(world, run.finalWorld)) return [];
  return [`replaying ${run.events.length} events does not give the final world: first difference at ${firstDifference(world, run.finalWorld)}`];
}

function firstDifference(a: unknown, b: unknown, path = 'world'): string {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${path}.${key}`);
  }
  return path;
}

type Fields = Record<string, unknown>;
const num = (value: unknown) => (typeof value === 'number' ? value : 0);

/** The change of a vendor's cash an event records; every other event must leave cash alone. */
function recordedCashFlow(event: MarketEvent, vendor: string): number {
  const e = event as unknown as Fields;
  const deal = e.deal as Fields | undefined;
  switch (event.type as string) {
    case 'vendor.month-closed':
      return e.vendor !== vendor ? 0 : num(e.revenueApiDirectUsd) + num(e.revenueMarketplaceUsd) + num(e.revenueSubscriptionUsd) - num(e.revenueShareUsd) - num(e.inferenceComputeUsd) - num(e.idleCapacityUsd);
    case 'vendor.trained':
      return e.vendor === vendor ? -num(e.spendUsd) : 0;
    case 'vendor.funded':
      return e.vendor === vendor ? num(e.amountUsd) : 0;
    case 'investment.closed':
      return deal?.vendor === vendor ? num(deal.amountUsd) : 0;
    case 'compute.commitment-settled':
      return e.vendor === vendor ? -num(e.shortfallUsd) : 0;
    default:
      return 0;
  }
}

/** A cloud's fleet after an event, by what the event records. */
function recordedFleet(event: MarketEvent, cloud: string, before: { gpu: number; asic: number }): { gpu: number; asic: number } {
  const e = event as unknown as Fields;
  if (e.cloud !== cloud) return before;
  if (event.type === 'cloud.capacity-added') return { gpu: before.gpu + num(e.gpuMTok), asic: before.asic + num(e.asicMTok) };
  if ((event.type as string) === 'cloud.capacity-shocked') {
    return { gpu: Math.max(0, before.gpu + num(e.gpuMTok)), asic: Math.max(0, before.asic + num(e.asicMTok)) };
  }
  return before;
}

/** Capacity a contract ends up delivering (its last step). */
function finalMTok(contract: ComputeContract): number {
  return contract.delivered.at(-1)?.capacityMTok ?? 0;
}

function contractedMTok(world: WorldState, vendor: string): number {
  return world.contracts.filter((c) => c.vendor === vendor).reduce((total, c) => total + finalMTok(c), 0);
}

/**
 * Cash and capacity move only through recorded flows: event by event, each vendor's cash, each
 * cloud's fleet and each vendor's contracted capacity change by exactly what the event records.
 * And no vendor serves more than its capacity.
 */
export function flowViolations(run: RecordedRun): string[] {
  const violations: string[] = [];
  for (const { event, before, after } of replay(run).steps) {
    for (const id of Object.keys(before.vendors)) {
      // Compared as balances, so rounding is relative to the cash held, not to the flow.
      const cash = after.vendors[id]?.cashUsd ?? 0;
      const recorded = recordedCashFlow(event, id);
      const expected = (before.vendors[id]?.cashUsd ?? 0) + recorded;
      if (!close(cash, expected)) violations.push(`tick ${event.tick}: ${event.type} left ${id} with ${cash} USD of cash, its flow of ${recorded} gives ${expected}`);
      const contracted = contractedMTok(after, id);
      const signed = event.type === 'compute.contract-signed' && event.contract.vendor === id ? finalMTok(event.contract) : 0;
      const expired = event.type === 'compute.contract-expired' && event.vendor === id ? event.capacityMTok : 0;
      const recordedMTok = contractedMTok(before, id) + signed - expired;
      if (!close(contracted, recordedMTok)) {
        violations.push(`tick ${event.tick}: ${event.type} left ${id} with ${contracted} MTok under contract, its record gives ${recordedMTok}`);
      }
    }
    for (const [id, cloud] of Object.entries(before.clouds)) {
      const expected = recordedFleet(event, id, { gpu: cloud.gpuCapacityMTok, asic: cloud.asicCapacityMTok });
      const next = after.clouds[id]!;
      if (!close(next.gpuCapacityMTok, expected.gpu) || !close(next.asicCapacityMTok, expected.asic)) {
        violations.push(`tick ${event.tick}: ${event.type} moved ${id}'s fleet to ${next.gpuCapacityMTok}+${next.asicCapacityMTok} MTok, it records ${expected.gpu}+${expected.asic}`);
      }
    }
    if (event.type === 'vendor.month-closed' && before.vendors[event.vendor]?.weights === 'closed') {
      // Capacity is counted in frontier tokens: a small-tier token takes its serving share of one.
      const demand = event.apiDemandMTok + event.subscriberDemandMTok + event.freeUserDemandMTok;
      const small = event.smallTier ? event.smallTier.apiDemandMTok * (1 - event.smallTier.servingCostShare) : 0;
      const servedCompute = demand > 0 ? (event.servedMTok / demand) * (demand - small) : 0;
      if (servedCompute > event.capacityMTok * (1 + 1e-9) + 1e-6) {
        violations.push(`tick ${event.tick}: ${event.vendor} served ${servedCompute} MTok of compute with ${event.capacityMTok} MTok of capacity`);
      }
    }
  }
  return violations;
}
