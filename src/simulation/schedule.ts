import type { TickContext } from '../agents/agent-context.js';
import { closeInvestment, investorOf, newDeal, pricedAt, valuationTermsOf, valuationUsd } from '../agents/funding.js';
import { impliedPreMoneyUsd, remainderHolder, restateRefusal } from '../world/cap-table.js';
import { dealMinAsicShare } from '../agents/clouds.js';
import { deliveryPlan } from '../agents/delivery-plan.js';
import type { ScheduledEvent } from '../config/schedule-schema.js';
import { dateToTick } from '../engine/calendar.js';
import { asicCostUsdPerMTok, gpuCostUsdPerMTok } from '../market/compute-cost.js';
import { contractTranches, type Tranche } from './contract-tranches.js';
import type { MarketEvent, VendorModelReleased } from '../world/events.js';
import { asicShare, exclusiveDeal, type VendorState, type WorldState } from '../world/state.js';
import { eventName } from '../config/event-label.js';

type Of<T extends ScheduledEvent['type']> = Extract<ScheduledEvent, { type: T }>;

/**
 * Scripted history: each event of the config's `events` whose month has come is turned into the
 * bus events an agent's decision would have produced, so the books cannot tell them apart. An
 * event the world of its month does not allow (a tie an agent made forbids it) is not applied:
 * `schedule.event-skipped` says which and why.
 */
export function applyScheduledEvents(ctx: TickContext, events: readonly ScheduledEvent[]): void {
  events.forEach((event, index) => {
    if (dateToTick(ctx.scenario.start, event.date) !== ctx.tick) return;
    const refusal = applyOne(ctx, event);
    if (refusal !== null) {
      ctx.bus.publish({ type: 'schedule.event-skipped', tick: ctx.tick, event: eventName(event, index), eventType: event.type, reason: refusal });
    }
  });
}

/** Publishes what the event does; returns why it cannot happen, or null. */
function applyOne(ctx: TickContext, event: ScheduledEvent): string | null {
  const { tick } = ctx;
  const world = ctx.world();
  switch (event.type) {
    case 'investment':
      return invest(ctx, event);
    case 'deal-amendment': {
      const investor = event.cloud ?? event.investor!;
      if (!world.deals.some((d) => d.investor === investor && d.vendor === event.vendor)) return `${investor} holds no deal with ${event.vendor} to amend`;
      if (event.equityShare !== undefined) {
        const vendor = world.vendors[event.vendor]!;
        const refusal = restateRefusal(vendor.equity, investor, event.equityShare, remainderHolder(vendor.owner));
        if (refusal !== null) return `${event.vendor}'s cap table cannot give ${investor} ${event.equityShare}: ${refusal}`;
      }
      publish(ctx, {
        type: 'deal.amended',
        tick,
        investor,
        vendor: event.vendor,
        ...(event.status !== undefined && { status: event.status }),
        ...(event.equityShare !== undefined && { equityShare: event.equityShare }),
        ...(event.permittedClouds !== undefined && { permittedClouds: event.permittedClouds }),
        ...(event.minAsicShare !== undefined && { minAsicShare: event.minAsicShare }),
      });
      return null;
    }
    case 'compute-commitment': {
      const startTick = dateToTick(ctx.scenario.start, event.from ?? event.date);
      publish(ctx, {
        type: 'compute.commitment-made',
        tick,
        commitment: {
          id: `commitment-${world.commitmentsMade + 1}`,
          vendor: event.vendor,
          cloud: event.cloud,
          amountUsd: event.amountUsd,
          remainingUsd: event.amountUsd,
          startTick,
          endTick: startTick + event.months,
          dealId: null,
        },
      });
      return null;
    }
    case 'compute-contract':
      return signContract(ctx, event);
    case 'listing': {
      const blocked = forbiddenBy(world, event.vendor, event.cloud);
      if (blocked) return blocked;
      const open = world.vendors[event.vendor]?.weights === 'open';
      publish(ctx, { type: 'marketplace.listing-added', tick, listing: { cloud: event.cloud, vendor: event.vendor, revenueShare: open ? 0 : event.revenueShare } });
      return null;
    }
    case 'delisting':
      publish(ctx, { type: 'marketplace.listing-removed', tick, cloud: event.cloud, vendor: event.vendor });
      return null;
    case 'merger': {
      const refusal = mergerRefusal(world, event.vendor, event.cloud);
      if (refusal !== null) return refusal;
      publish(ctx, { type: 'corporate.merged', tick, cloud: event.cloud, vendor: event.vendor });
      return null;
    }
    case 'capacity-shock': {
      const cloud = world.clouds[event.cloud]!;
      publish(ctx, {
        type: 'cloud.capacity-shocked',
        tick,
        cloud: event.cloud,
        gpuMTok: cloud.gpuCapacityMTok * event.gpuChange,
        asicMTok: cloud.asicCapacityMTok * event.asicChange,
      });
      return null;
    }
    case 'model-release': {
      const vendor = world.vendors[event.vendor]!;
      if (event.tier === 'small') {
        publish(ctx, smallTierRelease(tick, vendor, event));
        return null;
      }
      const toQuality = event.quality ?? vendor.quality * (event.qualityGain ?? 1);
      // Without a coding figure of its own, the model keeps the vendor's edge (or lag) in coding.
      const toCodingQuality = event.codingQuality ?? vendor.codingQuality * (toQuality / vendor.quality);
      publish(ctx, {
        type: 'vendor.model-released',
        tick,
        vendor: event.vendor,
        fromQuality: vendor.quality,
        toQuality,
        toCodingQuality,
        ...(event.smallTierFollows === true ? {} : { smallTierKept: true as const }),
      });
      return null;
    }
    case 'policy-change':
      publish(ctx, { type: 'policy.changed', tick, agent: event.agent, slot: event.slot, policy: event.policy });
      return null;
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled scheduled event ${JSON.stringify(unhandled)}`);
    }
  }
}

function publish(ctx: TickContext, event: MarketEvent): void {
  ctx.bus.publish(event);
}

/** Why an exclusive deal in force keeps the vendor from `cloud`, or null. */
export function forbiddenBy(world: WorldState, vendorId: string, cloud: string): string | null {
  const exclusive = exclusiveDeal(world, vendorId);
  const vendor = world.vendors[vendorId];
  if (!exclusive || exclusive.cloud === cloud || exclusive.permittedClouds.includes(cloud)) return null;
  if (vendor?.integrated && vendor.owner === cloud) return null;
  const permitted = exclusive.permittedClouds.length > 0 ? ` (permitted: ${exclusive.permittedClouds.join(', ')})` : '';
  return `${exclusive.id} makes ${exclusive.cloud} ${vendorId}'s exclusive cloud${permitted}`;
}

function invest(ctx: TickContext, event: Of<'investment'>): string | null {
  const world = ctx.world();
  const from = investorOf(event);
  const status = event.status ?? 'none';
  const exclusive = exclusiveDeal(world, event.vendor);
  if (from.cloud !== null && status !== 'none' && exclusive && exclusive.cloud !== from.cloud) {
    return `${exclusive.id} makes ${exclusive.cloud} ${event.vendor}'s exclusive cloud: ${from.cloud} cannot take a ${status} tie`;
  }
  const terms = { amountUsd: event.amountUsd, status, minAsicShare: event.minAsicShare ?? 0, permittedClouds: event.permittedClouds ?? [] };
  const commitmentCloud = event.commitmentCloud ?? event.cloud;
  closeInvestment(
    ctx,
    newDeal(world, ctx.tick, from, event.vendor, terms, pricedAt(event.amountUsd, scriptedPreMoneyUsd(ctx, event))),
    commitmentCloud === undefined ? null : { cloud: commitmentCloud, amountUsd: event.computeCommitmentUsd, months: event.commitmentMonths },
  );
  return null;
}

/**
 * A scripted round's pre-money valuation: the record's (a post-money `valuationUsd` less the amount,
 * a `preMoneyValuationUsd`, or the one an `equityShare` implies); without one, the valuation
 * policy's, on last month's revenue (this month's books have only just opened).
 */
function scriptedPreMoneyUsd(ctx: TickContext, event: Of<'investment'>): number {
  if (event.valuationUsd !== undefined) return event.valuationUsd - event.amountUsd;
  if (event.preMoneyValuationUsd !== undefined) return event.preMoneyValuationUsd;
  if (event.equityShare !== undefined) return impliedPreMoneyUsd(event.amountUsd, event.equityShare);
  const vendorConfig = ctx.scenario.vendors.find((v) => v.id === event.vendor)!;
  const terms = vendorConfig.weights === 'closed' ? valuationTermsOf(vendorConfig) : { revenueMultiple: 25, growthElasticity: 0, referenceGrowth: 3 };
  return valuationUsd(ctx.lastMonth, event.vendor, terms);
}

/** Why a vendor cannot merge into a cloud: it merged already, or the cloud holds no stake in it. Null when it can. */
export function mergerRefusal(world: WorldState, vendorId: string, cloud: string): string | null {
  const vendor = world.vendors[vendorId]!;
  if (vendor.integrated) return `${vendorId} merged into ${vendor.owner} already; a vendor merges once`;
  if (vendor.owner !== cloud && !((vendor.equity[cloud] ?? 0) > 0)) return `${cloud} holds no stake in ${vendorId}; a cloud acquires a vendor it has invested in`;
  return null;
}

/**
 * A scripted contract is priced by the cloud's offer policy unless it states a price, at the ASIC
 * share it states, each tranche at the costs of the month it starts; what it calls for beyond the
 * cloud's free fleet is built, in service after the cloud's build lead time, and delivered late
 * until then.
 */
function signContract(ctx: TickContext, event: Of<'compute-contract'>): string | null {
  const { tick } = ctx;
  const blocked = forbiddenBy(ctx.world(), event.vendor, event.cloud);
  if (blocked) return blocked;
  const tranches = contractTranches(event, ctx.compute, (from) => (from === undefined ? tick : dateToTick(ctx.scenario.start, from)));
  const endTick = tranches[0]!.ordered[0]!.fromTick + event.months;
  // Every tranche's terms first, so that a contract the cloud cannot price signs no part of itself.
  const priced: { tranche: Tranche; priceUsdPerMTok: number; asicShare: number }[] = [];
  for (const tranche of tranches) {
    const world = ctx.world();
    const cloud = world.clouds[event.cloud]!;
    const vendor = world.vendors[event.vendor]!;
    const startTick = tranche.ordered[0]!.fromTick;
    const terms = ctx.policies.clouds[event.cloud]!.offer.offer({
      requestedMTok: Math.max(...tranche.ordered.map((s) => s.capacityMTok)),
      transferAtCost: vendor.integrated && vendor.owner === event.cloud,
      dealMinAsicShare: dealMinAsicShare(world, event.vendor, event.cloud),
      freeCapacityMTok: Number.POSITIVE_INFINITY,
      gpuCostUsdPerMTok: gpuCostUsdPerMTok(ctx.compute, startTick),
      asicCostUsdPerMTok: asicCostUsdPerMTok(ctx.compute, startTick, cloud.asicMaturity),
      fleetAsicShare: asicShare(cloud),
      ...(event.asicShare !== undefined && { fixedAsicShare: event.asicShare }),
    });
    if ('declined' in terms) return `${event.cloud}'s offer policy cannot price it: ${terms.declined}`;
    priced.push({ tranche, priceUsdPerMTok: tranche.priceUsdPerMTok ?? terms.priceUsdPerMTok, asicShare: terms.asicShare });
  }
  const { buildLeadMonths, buildRampMonths } = ctx.scenario.clouds.find((c) => c.id === event.cloud)!;
  for (const { tranche, priceUsdPerMTok, asicShare } of priced) {
    const world = ctx.world();
    const id = `contract-${world.contractsSigned + 1}`;
    const { ordered } = tranche;
    const plan = deliveryPlan({ world, cloud: event.cloud, vendor: event.vendor, contractId: id, ordered, tick, buildLeadMonths, buildRampMonths, asicShare });
    publish(ctx, {
      type: 'compute.contract-signed',
      tick,
      contract: { id, vendor: event.vendor, cloud: event.cloud, priceUsdPerMTok, asicShare, use: event.use, delivered: plan.delivered, ordered, startTick: ordered[0]!.fromTick, endTick },
    });
    for (const construction of plan.construction) publish(ctx, { type: 'cloud.construction-started', tick, construction });
  }
  return null;
}

/**
 * A scripted small-tier release: quality as given or the old small model's × the gain; coding quality
 * as given, or carrying over the old small model's edge in coding (the frontier's when it had none);
 * price and serving cost as given or as they stood (the config's rules say a vendor without a small
 * tier gives both, and a quality).
 */
function smallTierRelease(tick: number, vendor: VendorState, event: Extract<ScheduledEvent, { type: 'model-release' }>): VendorModelReleased {
  const old = vendor.smallTier;
  const toQuality = event.quality ?? (old?.quality ?? vendor.quality) * (event.qualityGain ?? 1);
  const edge = old ? old.codingQuality / old.quality : vendor.codingQuality / vendor.quality;
  return {
    type: 'vendor.model-released',
    tick,
    vendor: vendor.id,
    fromQuality: old?.quality ?? 0,
    toQuality,
    toCodingQuality: event.codingQuality ?? toQuality * edge,
    smallTier: {
      priceUsdPerMTok: event.priceUsdPerMTok ?? old?.priceUsdPerMTok ?? vendor.priceUsdPerMTok,
      servingCostShare: event.servingCostShare ?? old?.servingCostShare ?? 1,
    },
  };
}
