import type { Subscription } from 'rxjs';
import type { TickContext } from './agent-context.js';
import { asicCostUsdPerMTok, fleetUnitCostUsdPerMTok, gpuCostUsdPerMTok, maturityAfter } from '../market/compute-cost.js';
import type { ComputeOfferTerms } from '../policies/policy-roles.js';
import { asicShare, exclusiveDeal, freeCapacityMTok, type WorldState } from '../world/state.js';
import { freeCapacityThroughMTok, MAX_BUILD_GROWTH_PER_MONTH, usedCapacityMTok } from './cloud-capacity.js';
import { deliveryPlan } from './delivery-plan.js';

/**
 * New capacity in service, with its capex at this month's chip costs; ASIC capacity also matures
 * the cloud's programme. `forContract` names the contract a construction was for.
 */
function addCapacity(ctx: TickContext, cloudId: string, gpuMTok: number, asicMTok: number, forContract: string | null): void {
  const market = ctx.compute;
  const cloud = ctx.world().clouds[cloudId]!;
  const gpuCapexUsd = gpuMTok * gpuCostUsdPerMTok(market, ctx.tick) * market.capexMonthsOfCost;
  const asicCapexUsd = asicMTok * asicCostUsdPerMTok(market, ctx.tick, cloud.asicMaturity) * market.capexMonthsOfCost;
  ctx.bus.publish({ type: 'cloud.capacity-added', tick: ctx.tick, cloud: cloudId, gpuMTok, asicMTok, capexUsd: gpuCapexUsd + asicCapexUsd, forContract });
  if (asicMTok > 0) {
    ctx.bus.publish({
      type: 'cloud.asic-deployed',
      tick: ctx.tick,
      cloud: cloudId,
      asicMTok,
      capexUsd: asicCapexUsd,
      maturityBefore: cloud.asicMaturity,
      maturityAfter: maturityAfter(market, cloud.asicMaturity, asicCapexUsd),
    });
  }
}

/**
 * Each cloud brings into service this month's tranches of what it is building for contracts, then
 * grows its fleet by its capex policy, part of it on its own ASICs, whose programme matures with
 * spend. The capex build takes what the month's construction leaves of the build rate.
 */
export function buildFleets(ctx: TickContext): void {
  const atStart = new Map(Object.values(ctx.world().clouds).map((c) => [c.id, { gpu: c.gpuCapacityMTok, asic: c.asicCapacityMTok }]));
  for (const site of ctx.world().construction.filter((c) => c.readyTick === ctx.tick)) {
    addCapacity(ctx, site.cloud, site.gpuMTok, site.asicMTok, site.contractId);
  }
  for (const cloudConfig of ctx.scenario.clouds) {
    const cloud = ctx.world().clouds[cloudConfig.id]!;
    const fleetMTok = cloud.gpuCapacityMTok + cloud.asicCapacityMTok;
    const lastBooks = ctx.lastMonth.clouds[cloud.id]!.books;
    // Training sold by the month last month is in use as much as hosting: the cloud builds for both.
    const usedMTok = usedCapacityMTok(ctx.world(), cloud.id, ctx.tick, lastBooks.hostingMTok + lastBooks.trainingMTok);
    const wanted = ctx.policies.clouds[cloud.id]!.capex.expansion({
      fleetMTok,
      usedMTok,
      unmetRequestsMTok: lastBooks.unmetRequestsMTok,
      tick: ctx.tick,
    });
    const { gpuMTok, asicMTok } = withinBuildRate({ gpu: wanted.gpuMTok, asic: wanted.asicMTok }, atStart.get(cloud.id)!, { gpu: cloud.gpuCapacityMTok, asic: cloud.asicCapacityMTok });
    if (gpuMTok <= 0 && asicMTok <= 0) continue;
    addCapacity(ctx, cloud.id, gpuMTok, asicMTok, null);
  }
}

interface Fleet {
  readonly gpu: number;
  readonly asic: number;
}

/**
 * What the capex cycle may add this month (`MAX_BUILD_GROWTH_PER_MONTH`): the fleet and each chip
 * family grow at most by that multiple of what they were when the month began, this month's
 * construction for contracts included; an ASIC programme that cannot take its share gives the rest
 * to GPUs, and the other way round (a fleet or a family that was 0 is not bounded: it starts from
 * nothing).
 */
export function withinBuildRate(wanted: Fleet, start: Fleet, now: Fleet): { gpuMTok: number; asicMTok: number } {
  const growth = MAX_BUILD_GROWTH_PER_MONTH;
  const room = (startMTok: number, nowMTok: number) => (startMTok > 0 ? Math.max(0, (1 + growth) * startMTok - nowMTok) : Number.POSITIVE_INFINITY);
  const totalRoom = room(start.gpu + start.asic, now.gpu + now.asic);
  const total = Math.min(wanted.gpu + wanted.asic, totalRoom);
  const gpuRoom = room(start.gpu, now.gpu);
  const asicRoom = room(start.asic, now.asic);
  // The policy's split, scaled to the total; what one family cannot take goes to the other.
  const share = wanted.gpu + wanted.asic > 0 ? wanted.asic / (wanted.gpu + wanted.asic) : 0;
  let asicMTok = Math.min(total * share, asicRoom);
  const gpuMTok = Math.min(total - asicMTok, gpuRoom);
  asicMTok = Math.min(total - gpuMTok, asicRoom);
  return { gpuMTok, asicMTok };
}

/** Clouds price the open-weights tokens they host from their own unit cost. */
export function priceOpenModels(ctx: TickContext): void {
  for (const cloudConfig of ctx.scenario.clouds) {
    const cloud = ctx.world().clouds[cloudConfig.id]!;
    const unitCost = fleetUnitCostUsdPerMTok(ctx.compute, ctx.tick, cloud);
    const price = ctx.policies.clouds[cloud.id]!.hostingPricing.priceUsdPerMTok(unitCost);
    if (price !== cloud.openModelPriceUsdPerMTok) {
      ctx.bus.publish({ type: 'cloud.open-model-priced', tick: ctx.tick, cloud: cloud.id, priceUsdPerMTok: price });
    }
  }
}

/**
 * The clouds' side of compute negotiation, live for one phase: answer each request with an offer
 * or a refusal, and turn an accepted offer into a contract that starts next month.
 */
export function listenForComputeRequests(ctx: TickContext): Subscription {
  const market = ctx.compute;
  const openOffers = new Map<string, ComputeOfferTerms & { months: number; use: 'inference' | 'training'; fromTick: number }>();
  const subscription = ctx.bus.on('compute.requested', (request) => {
    const world = ctx.world();
    const cloud = world.clouds[request.cloud]!;
    const fromTick = request.fromTick;
    const vendor = world.vendors[request.vendor]!;
    // A group builds for its own lab what its fleet has no room for (Google's TPUs for Gemini),
    // when the lab orders a build lead ahead: that request is never turned away for want of free
    // capacity; the contract's delivery plan says when the part built for it comes into service
    // (after the build lead, over the ramp), and its term runs from then. Asked for next month, it
    // offers what its fleet has free, as to anyone.
    const freeCapacityMTok = ownGroup(world, request.vendor, cloud.id) && fromTick >= ctx.tick + buildLeadOf(ctx, cloud.id)
      ? Number.POSITIVE_INFINITY
      : Math.max(0, freeCapacityThroughMTok(world, cloud.id, fromTick, fromTick + request.months, cloud.books.hostingMTok));
    const answer = ctx.policies.clouds[cloud.id]!.offer.offer({
      requestedMTok: request.capacityMTok,
      transferAtCost: vendor.integrated && vendor.owner === cloud.id,
      dealMinAsicShare: dealMinAsicShare(world, request.vendor, cloud.id),
      freeCapacityMTok,
      gpuCostUsdPerMTok: gpuCostUsdPerMTok(market, ctx.tick + 1),
      asicCostUsdPerMTok: asicCostUsdPerMTok(market, ctx.tick + 1, cloud.asicMaturity),
      fleetAsicShare: asicShare(cloud),
    });
    if ('declined' in answer) {
      ctx.bus.publish({ ...requestParties(request), type: 'compute.declined', reason: answer.declined });
      return;
    }
    openOffers.set(request.requestId, { ...answer, months: request.months, use: request.use, fromTick });
    ctx.bus.publish({ ...requestParties(request), type: 'compute.offered', ...answer, months: request.months });
  });
  subscription.add(
    ctx.bus.on('compute.offer-accepted', (acceptance) => {
      const offer = openOffers.get(acceptance.requestId);
      if (!offer) throw new Error(`acceptance of an offer never made: ${acceptance.requestId}`);
      openOffers.delete(acceptance.requestId);
      const world = ctx.world();
      const id = `contract-${world.contractsSigned + 1}`;
      const ordered = [{ fromTick: offer.fromTick, capacityMTok: offer.capacityMTok }];
      const { buildLeadMonths, buildRampMonths } = ctx.scenario.clouds.find((c) => c.id === acceptance.cloud)!;
      const plan = ownGroup(world, acceptance.vendor, acceptance.cloud)
        ? deliveryPlan({ world, cloud: acceptance.cloud, vendor: acceptance.vendor, contractId: id, ordered, tick: ctx.tick, buildLeadMonths, buildRampMonths, asicShare: offer.asicShare })
        : { delivered: ordered, construction: [] };
      ctx.bus.publish({
        type: 'compute.contract-signed',
        tick: ctx.tick,
        contract: {
          id,
          vendor: acceptance.vendor,
          cloud: acceptance.cloud,
          priceUsdPerMTok: offer.priceUsdPerMTok,
          asicShare: offer.asicShare,
          use: offer.use,
          delivered: plan.delivered,
          ordered,
          startTick: offer.fromTick,
          // What is built for the group's lab serves it for the whole term once all of it is in service.
          endTick: Math.max(offer.fromTick, plan.delivered.at(-1)!.fromTick) + offer.months,
        },
      });
      for (const construction of plan.construction) ctx.bus.publish({ type: 'cloud.construction-started', tick: ctx.tick, construction });
    }),
  );
  subscription.add(ctx.bus.on('compute.offer-rejected', (rejection) => openOffers.delete(rejection.requestId)));
  return subscription;
}

/**
 * What a cloud offers a vendor of training compute by the month, this month: its offer policy's
 * answer for the capacity its fleet has free after its contracts, the open weights it hosts and
 * the training it has sold this month, at its offer price; null when it offers none.
 */
export function trainingCapacityOffer(ctx: TickContext, vendorId: string, cloudId: string): { capacityMTok: number; priceUsdPerMTok: number } | null {
  const world = ctx.world();
  const cloud = world.clouds[cloudId]!;
  const vendor = world.vendors[vendorId]!;
  const free = freeCapacityMTok(cloud);
  if (free <= 0) return null;
  const answer = ctx.policies.clouds[cloudId]!.offer.offer({
    requestedMTok: free,
    transferAtCost: vendor.integrated && vendor.owner === cloudId,
    dealMinAsicShare: dealMinAsicShare(world, vendorId, cloudId),
    freeCapacityMTok: free,
    gpuCostUsdPerMTok: gpuCostUsdPerMTok(ctx.compute, ctx.tick),
    asicCostUsdPerMTok: asicCostUsdPerMTok(ctx.compute, ctx.tick, cloud.asicMaturity),
    fleetAsicShare: asicShare(cloud),
  });
  if ('declined' in answer || answer.capacityMTok <= 0 || !(answer.priceUsdPerMTok > 0)) return null;
  return { capacityMTok: Math.min(free, answer.capacityMTok), priceUsdPerMTok: answer.priceUsdPerMTok };
}

/** Months from ground-breaking to a cloud's first racks (its config's `buildLeadMonths`). */
export function buildLeadOf(ctx: TickContext, cloudId: string): number {
  return ctx.scenario.clouds.find((c) => c.id === cloudId)!.buildLeadMonths;
}

/** Whether the vendor belongs to the cloud's group (Gemini and Google Cloud). */
function ownGroup(world: WorldState, vendorId: string, cloudId: string): boolean {
  return world.vendors[vendorId]!.owner === cloudId;
}

/** The highest ASIC share any of the cloud's investment deals with the vendor requires. */
export function dealMinAsicShare(world: WorldState, vendor: string, cloud: string): number {
  let share = 0;
  for (const deal of world.deals) if (deal.vendor === vendor && deal.cloud === cloud) share = Math.max(share, deal.minAsicShare);
  return share;
}

/**
 * The clouds' side of a funding round, live for one phase: each cloud's investment policy may
 * answer a vendor's call for money with an offer of cash for equity and conditions.
 */
export function listenForFundingRounds(ctx: TickContext): Subscription {
  return ctx.bus.on('vendor.funding-sought', (round) => {
    const world = ctx.world();
    const exclusive = exclusiveDeal(world, round.vendor);
    for (const cloud of ctx.scenario.clouds) {
      const policy = ctx.policies.clouds[cloud.id]!.investment;
      if (!policy) continue;
      const terms = policy.offer({
        vendor: round.vendor,
        amountSoughtUsd: round.amountUsd,
        tiedElsewhere: exclusive !== undefined && exclusive.cloud !== cloud.id,
      });
      if (!terms) continue;
      ctx.bus.publish({
        type: 'investment.offered',
        tick: ctx.tick,
        cloud: cloud.id,
        vendor: round.vendor,
        equityShare: terms.amountUsd / (round.valuationUsd + round.amountUsd),
        ...terms,
      });
    }
  });
}

function requestParties(request: { requestId: string; vendor: string; cloud: string; tick: number }) {
  return { requestId: request.requestId, vendor: request.vendor, cloud: request.cloud, tick: request.tick };
}

