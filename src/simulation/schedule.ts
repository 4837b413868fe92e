import type { TickContext } from '../agents/agent-context.js';
import { newDeal, valuationUsd } from '../agents/funding.js';
import { dealMinAsicShare } from '../agents/clouds.js';
import type { ScheduledEvent } from '../config/schedule-schema.js';
import { dateToTick } from '../engine/calendar.js';
import { asicCostUsdPerMTok, gpuCostUsdPerMTok } from '../market/compute-cost.js';
import { asicShare } from '../world/state.js';

/**
 * Scripted history: each event of the config's `events` whose month has come is turned into the
 * bus events an agent's decision would have produced, so the books cannot tell them apart.
 */
export function applyScheduledEvents(ctx: TickContext, events: readonly ScheduledEvent[]): void {
  for (const event of events) {
    if (dateToTick(ctx.scenario.start, event.date) !== ctx.tick) continue;
    applyOne(ctx, event);
  }
}

function applyOne(ctx: TickContext, event: ScheduledEvent): void {
  const { tick } = ctx;
  const world = ctx.world();
  switch (event.type) {
    case 'investment': {
      const vendorConfig = ctx.scenario.vendors.find((v) => v.id === event.vendor)!;
      const multiple = vendorConfig.weights === 'closed' ? vendorConfig.valuationRevenueMultiple : 25;
      // Valued on last month's revenue: this month's books have only just opened.
      const valuation = valuationUsd(ctx.lastMonth, event.vendor, multiple);
      const equityShare = event.equityShare ?? event.amountUsd / (valuation + event.amountUsd);
      const terms = {
        amountUsd: event.amountUsd,
        status: event.status,
        computeCommitmentUsd: event.computeCommitmentUsd,
        minAsicShare: event.minAsicShare,
        permittedClouds: event.permittedClouds,
      };
      ctx.bus.publish({ type: 'investment.closed', tick, deal: newDeal(world, tick, event.cloud, event.vendor, terms, equityShare) });
      return;
    }
    case 'merger':
      ctx.bus.publish({ type: 'corporate.merged', tick, cloud: event.cloud, vendor: event.vendor });
      return;
    case 'capacity-shock': {
      const cloud = world.clouds[event.cloud]!;
      ctx.bus.publish({
        type: 'cloud.capacity-shocked',
        tick,
        cloud: event.cloud,
        gpuMTok: cloud.gpuCapacityMTok * event.gpuChange,
        asicMTok: cloud.asicCapacityMTok * event.asicChange,
      });
      return;
    }
    case 'model-release': {
      const vendor = world.vendors[event.vendor]!;
      const toQuality = event.quality ?? vendor.quality * (event.qualityGain ?? 1);
      ctx.bus.publish({ type: 'vendor.model-released', tick, vendor: event.vendor, fromQuality: vendor.quality, toQuality });
      return;
    }
    case 'compute-contract': {
      const cloud = world.clouds[event.cloud]!;
      const vendor = world.vendors[event.vendor]!;
      const terms = ctx.policies.clouds[event.cloud]!.offer.offer({
        requestedMTok: event.capacityMTok,
        transferAtCost: vendor.integrated && vendor.owner === event.cloud,
        dealMinAsicShare: dealMinAsicShare(world, event.vendor, event.cloud),
        freeCapacityMTok: Number.POSITIVE_INFINITY,
        gpuCostUsdPerMTok: gpuCostUsdPerMTok(ctx.scenario.compute, tick),
        asicCostUsdPerMTok: asicCostUsdPerMTok(ctx.scenario.compute, tick, cloud.asicMaturity),
        fleetAsicShare: asicShare(cloud),
      });
      if ('declined' in terms) throw new Error(`${event.cloud} cannot price the scheduled contract with ${event.vendor}: ${terms.declined}`);
      const offered = terms;
      ctx.bus.publish({
        type: 'compute.contract-signed',
        tick,
        contract: {
          id: `contract-${world.contractsSigned + 1}`,
          vendor: event.vendor,
          cloud: event.cloud,
          capacityMTok: event.capacityMTok,
          priceUsdPerMTok: event.priceUsdPerMTok ?? offered.priceUsdPerMTok,
          asicShare: offered.asicShare,
          startTick: tick,
          endTick: tick + event.months,
        },
      });
      return;
    }
    case 'policy-change':
      ctx.bus.publish({ type: 'policy.changed', tick, agent: event.agent, slot: event.slot, policy: event.policy });
      return;
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled scheduled event ${JSON.stringify(unhandled)}`);
    }
  }
}
