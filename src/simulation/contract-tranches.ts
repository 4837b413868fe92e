import { contractInGw, type ScheduledEvent } from '../config/schedule-schema.js';
import { mTokPerGwAt, type ComputeMarket } from '../market/compute-cost.js';
import type { CapacityStep } from '../world/state.js';

/** A part of a scripted contract with one price per MTok: the whole contract, or one GW tranche. */
export interface Tranche {
  readonly ordered: CapacityStep[];
  /** The price the event states, per MTok; undefined: the cloud's offer policy prices it. */
  readonly priceUsdPerMTok: number | undefined;
}

/**
 * A contract in MTok is one contract. A contract in GW (as deals are reported) is one contract per
 * tranche, each GW serving the tokens of the hardware of the month it comes into service
 * (mTokPerGwAt) at the GW price over those tokens, so a GW delivered in 2027 serves more tokens,
 * each cheaper, than one delivered in 2025. `tickOf` turns a tranche's month (undefined: the
 * event's own month) into a tick.
 */
export function contractTranches(
  event: Extract<ScheduledEvent, { type: 'compute-contract' }>,
  compute: ComputeMarket,
  tickOf: (month: string | undefined) => number,
): Tranche[] {
  if (!contractInGw(event)) {
    const ordered = event.ramp
      ? event.ramp.map((step) => ({ fromTick: tickOf(step.from), capacityMTok: step.capacityMTok! }))
      : [{ fromTick: tickOf(undefined), capacityMTok: event.capacityMTok! }];
    return [{ ordered, priceUsdPerMTok: event.priceUsdPerMTok }];
  }
  const levels = event.ramp ? event.ramp.map((step) => ({ from: step.from, gw: step.capacityGw! })) : [{ from: undefined, gw: event.capacityGw! }];
  const tranches: Tranche[] = [];
  let held = 0;
  for (const level of levels) {
    const gw = level.gw - held;
    held = level.gw;
    if (gw <= 0) continue;
    const fromTick = tickOf(level.from);
    const mTokPerGw = mTokPerGwAt(compute, fromTick);
    tranches.push({
      ordered: [{ fromTick, capacityMTok: gw * mTokPerGw }],
      priceUsdPerMTok: event.priceUsdPerGwMonth === undefined ? undefined : event.priceUsdPerGwMonth / mTokPerGw,
    });
  }
  return tranches;
}
