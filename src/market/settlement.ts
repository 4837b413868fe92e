import type { TickContext } from '../agents/agent-context.js';
import type { EnterpriseDemand } from '../agents/enterprises.js';
import { contractBills } from './contract-bills.js';
import { fleetUnitCostUsdPerMTok } from './compute-cost.js';
import { capacityAt, contractCapacityAt, EMPTY_VENDOR_BOOKS, fleetMTok, freeUsers, type WorldState } from '../world/state.js';

/**
 * Closes the month's books: each vendor serves what its capacity allows (the rest is lost), bills
 * enterprises directly or through marketplaces (paying the cloud its revenue share), bills
 * subscribers, serves its app's free users for nothing, and pays its inference reservations, used
 * and idle; each cloud books compute sold, revenue shares kept and open-weights tokens hosted. A cloud hosts open weights on what its
 * vendors' contracts leave free of its fleet: demand beyond that is rationed, every model hosted
 * served in the same proportion, and the rest is lost.
 */
export function settleMonth(ctx: TickContext, demand: EnterpriseDemand): void {
  const world = ctx.world();
  const { scenario, tick } = ctx;
  const cloudIds = scenario.clouds.map((c) => c.id);
  const revenueShareOf = new Map(world.listings.map((l) => [`${l.cloud}/${l.vendor}`, l.revenueShare]));
  const marketplaceRevenueUsd = new Map<string, number>(cloudIds.map((c) => [c, 0]));
  const hostingMTok = new Map<string, number>(cloudIds.map((c) => [c, 0]));
  const hostingRevenueUsd = new Map<string, number>(cloudIds.map((c) => [c, 0]));
  const inferenceRevenueUsd = new Map<string, number>(cloudIds.map((c) => [c, 0]));

  const contractedMTok = new Map<string, number>(cloudIds.map((c) => [c, contractedAt(world, c, tick)]));
  const hostingDemandMTok = new Map<string, number>(cloudIds.map((c) => [c, 0]));
  for (const config of ctx.vendors()) {
    if (world.vendors[config.id]!.weights !== 'open') continue;
    const v = ctx.roster.indexOf(config.id);
    cloudIds.forEach((cloudId, c) => hostingDemandMTok.set(cloudId, hostingDemandMTok.get(cloudId)! + demand.viaCloudMTok[v * cloudIds.length + c]!));
  }
  const hostedShare = new Map<string, number>(
    cloudIds.map((c) => {
      const asked = hostingDemandMTok.get(c)!;
      const free = Math.max(0, fleetMTok(world.clouds[c]!) - contractedMTok.get(c)!);
      return [c, asked > 0 ? Math.min(1, free / asked) : 1];
    }),
  );

  // Tokens per user grow with longer chats and reasoning, and faster as serving gets cheaper: the
  // apps give back part of what the hardware saves (docs/model.md, "Consumers").
  const usageGrowth = ctx.timeline.compound(
    (s) => (1 + s.consumers.usageGrowthPerYear) * (1 - s.compute.gpuCostDeclinePerYear) ** -s.consumers.usageCostElasticity - 1,
    tick,
  );
  const mTokPerSubscriber = scenario.consumers.mTokPerSubscriberPerMonth * usageGrowth;
  const mTokPerFreeUser = (scenario.consumers.weeklyUsers?.mTokPerFreeUserPerMonth ?? 0) * usageGrowth;

  for (const config of ctx.vendors()) {
    const v = ctx.roster.indexOf(config.id);
    const vendor = world.vendors[config.id]!;
    const directMTok = demand.directMTok[v]!;
    let viaCloudMTok = 0;
    cloudIds.forEach((_, c) => (viaCloudMTok += demand.viaCloudMTok[v * cloudIds.length + c]!));
    const apiDemandMTok = directMTok + viaCloudMTok;

    if (vendor.weights === 'open') {
      let servedMTok = 0;
      cloudIds.forEach((cloudId, c) => {
        const tokens = demand.viaCloudMTok[v * cloudIds.length + c]! * hostedShare.get(cloudId)!;
        servedMTok += tokens;
        hostingMTok.set(cloudId, hostingMTok.get(cloudId)! + tokens);
        hostingRevenueUsd.set(cloudId, hostingRevenueUsd.get(cloudId)! + tokens * world.clouds[cloudId]!.openModelPriceUsdPerMTok);
      });
      // Open weights: their tokens are served, and billed, by the clouds that host them.
      const { trainingComputeUsd: _training, commitmentShortfallUsd: _shortfall, trainingUnmetUsd: _unmet, raisedUsd: _raised, ...nothingBooked } = EMPTY_VENDOR_BOOKS;
      ctx.bus.publish({ type: 'vendor.month-closed', tick, vendor: config.id, ...nothingBooked, apiDemandMTok, servedMTok });
      continue;
    }

    const capacityMTok = capacityAt(world, config.id, tick);
    const subscriberDemandMTok = vendor.subscribers * mTokPerSubscriber;
    // Free users pay nothing: their tokens are served on the vendor's capacity, at its cost.
    const freeUserDemandMTok = freeUsers(vendor) * mTokPerFreeUser;
    const totalDemandMTok = apiDemandMTok + subscriberDemandMTok + freeUserDemandMTok;
    // A small-tier token takes its servingCostShare of the compute of a frontier one.
    const small = vendor.smallTier;
    const smallDirectMTok = small ? (demand.directSmallMTok?.[v] ?? 0) : 0;
    const smallViaCloudMTok = (c: number) => (small ? (demand.viaCloudSmallMTok?.[v * cloudIds.length + c] ?? 0) : 0);
    let smallApiMTok = smallDirectMTok;
    cloudIds.forEach((_, c) => (smallApiMTok += smallViaCloudMTok(c)));
    const computeDemandMTok = totalDemandMTok - (small ? smallApiMTok * (1 - small.servingCostShare) : 0);
    const servedShare = computeDemandMTok > 0 ? Math.min(1, capacityMTok / computeDemandMTok) : 1;
    // Reservations are take-or-pay: idle inference capacity is paid too, on its own line; the idle
    // part of a contract for both serving and training trains (booked then).
    let inferenceComputeUsd = 0;
    let idleCapacityUsd = 0;
    const computeSpendByCloud: Record<string, number> = {};
    for (const { contract, inferenceUsd, idleUsd } of contractBills(world, config.id, tick, computeDemandMTok * servedShare)) {
      const paidUsd = inferenceUsd + idleUsd;
      if (paidUsd <= 0) continue;
      inferenceComputeUsd += inferenceUsd;
      idleCapacityUsd += idleUsd;
      computeSpendByCloud[contract.cloud] = (computeSpendByCloud[contract.cloud] ?? 0) + paidUsd;
      inferenceRevenueUsd.set(contract.cloud, inferenceRevenueUsd.get(contract.cloud)! + paidUsd);
    }
    const price = vendor.priceUsdPerMTok;
    const smallPrice = small?.priceUsdPerMTok ?? 0;

    let revenueMarketplaceUsd = 0;
    let revenueShareUsd = 0;
    const revenueShareByCloud: Record<string, number> = {};
    cloudIds.forEach((cloudId, c) => {
      const tokens = demand.viaCloudMTok[v * cloudIds.length + c]!;
      const smallTokens = smallViaCloudMTok(c);
      const sales = small ? ((tokens - smallTokens) * price + smallTokens * smallPrice) * servedShare : tokens * servedShare * price;
      const share = sales * (revenueShareOf.get(`${cloudId}/${config.id}`) ?? 0);
      revenueMarketplaceUsd += sales;
      revenueShareUsd += share;
      if (share > 0) revenueShareByCloud[cloudId] = share;
      marketplaceRevenueUsd.set(cloudId, marketplaceRevenueUsd.get(cloudId)! + share);
    });
    ctx.bus.publish({
      type: 'vendor.month-closed',
      tick,
      vendor: config.id,
      apiDemandMTok,
      subscriberDemandMTok,
      freeUserDemandMTok,
      servedMTok: totalDemandMTok * servedShare,
      capacityMTok,
      revenueApiDirectUsd: small ? ((directMTok - smallDirectMTok) * price + smallDirectMTok * smallPrice) * servedShare : directMTok * servedShare * price,
      revenueMarketplaceUsd,
      revenueSubscriptionUsd: vendor.subscribers * scenario.consumers.priceUsdPerMonth,
      revenueShareUsd,
      revenueShareByCloud,
      inferenceComputeUsd,
      idleCapacityUsd,
      computeSpendByCloud,
      ...(small ? { smallTier: { apiDemandMTok: smallApiMTok, servingCostShare: small.servingCostShare } } : {}),
    });
  }

  for (const cloudId of cloudIds) {
    const cloud = world.clouds[cloudId]!;
    ctx.bus.publish({
      type: 'cloud.month-closed',
      tick,
      cloud: cloudId,
      inferenceRevenueUsd: inferenceRevenueUsd.get(cloudId)!,
      marketplaceRevenueUsd: marketplaceRevenueUsd.get(cloudId)!,
      hostingRevenueUsd: hostingRevenueUsd.get(cloudId)!,
      hostingMTok: hostingMTok.get(cloudId)!,
      hostingDemandMTok: hostingDemandMTok.get(cloudId)!,
      contractedMTok: contractedMTok.get(cloudId)!,
      fleetCostUsd:
        (cloud.gpuCapacityMTok + cloud.asicCapacityMTok) * fleetUnitCostUsdPerMTok(ctx.compute, tick, cloud),
    });
  }
}

/** Capacity in service under vendors' contracts at a cloud this month. */
function contractedAt(world: WorldState, cloudId: string, tick: number): number {
  let total = 0;
  for (const c of world.contracts) if (c.cloud === cloudId) total += contractCapacityAt(c, tick);
  return total;
}
