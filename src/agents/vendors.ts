import type { TickContext, VendorConfig } from './agent-context.js';
import { buildLeadOf, trainingCapacityOffer } from './clouds.js';
import { markedValuationUsd, scriptedByHistory, valuationTermsOf } from './funding.js';
import { normal } from '../engine/rng.js';
import { contractBills } from '../market/contract-bills.js';
import { gpuCostUsdPerMTok } from '../market/compute-cost.js';
import type { ComputePolicy, ComputeView, RivalOffer } from '../policies/policy-roles.js';
import type { ComputeOffered, ComputeDeclined } from '../world/events.js';
import {
  capacityScheduledAt,
  computeDemandTrendPerMonth,
  contractCapacityAt,
  exclusiveDeal,
  firstRefusalDeal,
  servesInference,
  computeDemandMTok,
  servedComputeMTok,
  tyingDeals,
  vendorRevenueUsd,
  type VendorState,
  type WorldState,
} from '../world/state.js';

/**
 * Each vendor's training policy decides whether it ships a model this month, and how good. In
 * scripted history the record's releases are the only ones.
 */
export function releaseModels(ctx: TickContext): void {
  if (scriptedByHistory(ctx, 'model-release')) return;
  for (const { id } of ctx.vendors()) {
    const world = ctx.world();
    const vendor = world.vendors[id]!;
    const rng = ctx.rngs[`vendor/${id}`]!;
    const toQuality = ctx.policies.vendors[id]!.training.release({
      quality: vendor.quality,
      trainingSinceReleaseUsd: vendor.trainingSinceReleaseUsd,
      trainingStockUsd: vendor.trainingStockUsd,
      stockAtReleaseUsd: vendor.stockAtReleaseUsd,
      monthsSinceRelease: ctx.tick - (vendor.lastReleaseTick ?? 0),
      frontierQuality: Math.max(...Object.values(world.vendors).filter((v) => v.id !== id).map((v) => v.quality)),
      drawNormal: () => normal(rng),
    });
    if (toQuality === null) continue;
    // A trained model keeps the vendor's edge (or lag) in coding.
    const toCodingQuality = vendor.codingQuality * (toQuality / vendor.quality);
    const distilled = distilledSmallTier(vendor, toQuality, toCodingQuality, ctx.compute.distillationReach);
    ctx.bus.publish({
      type: 'vendor.model-released',
      tick: ctx.tick,
      vendor: id,
      fromQuality: vendor.quality,
      toQuality,
      toCodingQuality,
      ...(distilled ? { distilledSmallTier: distilled } : {}),
    });
  }
}

/**
 * The small model a vendor distils from a new generation: `reach` of the outgoing frontier's
 * quality, text and coding each (GPT-4o mini, Claude 3.5 Haiku and Gemini 2.0 Flash each about
 * matched the frontier their vendor sold before: docs/model.md §6, "Model tiers"), or the old small
 * model lifted in step when that is better, and never above the new frontier. Null when the vendor
 * sells no small tier or reach is 0 (the small tier is then lifted in step).
 */
export function distilledSmallTier(
  vendor: Pick<VendorState, 'quality' | 'codingQuality' | 'smallTier'>,
  toQuality: number,
  toCodingQuality: number,
  reach: number,
): { quality: number; codingQuality: number } | null {
  const small = vendor.smallTier;
  if (!small || !(reach > 0)) return null;
  const lifted = toQuality / vendor.quality;
  const liftedCoding = toCodingQuality / vendor.codingQuality;
  return {
    quality: Math.min(toQuality, Math.max(small.quality * lifted, reach * vendor.quality)),
    codingQuality: Math.min(toCodingQuality, Math.max(small.codingQuality * liftedCoding, reach * vendor.codingQuality)),
  };
}

/** Capacity-weighted price of the vendor's serving contracts in force at a tick, USD per MTok. */
export function unitComputeCostUsdPerMTok(world: WorldState, vendorId: string, tick: number): number | null {
  let capacity = 0;
  let cost = 0;
  for (const c of world.contracts) {
    if (c.vendor !== vendorId || !servesInference(c)) continue;
    const mTok = contractCapacityAt(c, tick);
    capacity += mTok;
    cost += mTok * c.priceUsdPerMTok;
  }
  return capacity > 0 ? cost / capacity : null;
}

/** What an enterprise pays, on average over the clouds that host it, for an open-weights model. */
function openModelPrice(world: WorldState, vendorId: string): number {
  const hosts = world.listings.filter((l) => l.vendor === vendorId).map((l) => world.clouds[l.cloud]!);
  return hosts.reduce((sum, cloud) => sum + cloud.openModelPriceUsdPerMTok, 0) / Math.max(1, hosts.length);
}

function rivalOffer(world: WorldState, lastMonth: WorldState, rival: VendorState): RivalOffer {
  return {
    priceUsdPerMTok: rival.weights === 'open' ? openModelPrice(world, rival.id) : rival.priceUsdPerMTok,
    quality: rival.quality,
    volumeMTok: lastMonth.vendors[rival.id]?.books.apiDemandMTok ?? 0,
  };
}

/** Closed vendors set next month's API price from their compute cost and their rivals' offers. */
export function setPrices(ctx: TickContext): void {
  const world = ctx.world();
  for (const { id } of ctx.vendors()) {
    const pricing = ctx.policies.vendors[id]!.pricing;
    if (!pricing) continue;
    const vendor = world.vendors[id]!;
    const unitCost = unitComputeCostUsdPerMTok(world, id, ctx.tick);
    if (unitCost === null) continue;
    const rivals = Object.values(world.vendors)
      .filter((r) => r.id !== id)
      .map((r) => rivalOffer(world, ctx.lastMonth, r));
    const next = pricing.nextPrice({
      priceUsdPerMTok: vendor.priceUsdPerMTok,
      unitCostUsdPerMTok: unitCost,
      quality: vendor.quality,
      rivals,
    });
    if (Math.abs(next / vendor.priceUsdPerMTok - 1) < 1e-9) continue;
    ctx.bus.publish({
      type: 'vendor.price-changed',
      tick: ctx.tick,
      vendor: id,
      fromUsdPerMTok: vendor.priceUsdPerMTok,
      toUsdPerMTok: next,
    });
  }
}

/**
 * After the month's books, training: the capacity of the vendor's training contracts (and what
 * serving left idle of its contracts for both) trains its models; it buys training by the month
 * from each cloud it has fallen behind a commitment to, enough to be back on pace (the spend is
 * owed anyway); and if its policy wants to spend more still, it buys the rest from the clouds it
 * may use, first choice first. Training bought by the month occupies the cloud's free capacity at
 * the cloud's offer price: what no cloud has room for is rationed, and the cloud that could not
 * supply it (the committed cloud, or the first choice for the rest) counts it among the requests
 * it could not serve. A commitment a full cloud could not supply stays owed, and the vendor's
 * budget goes to other clouds.
 */
export function buyTraining(ctx: TickContext): void {
  const world = ctx.world();
  const computePerDollar = computePerDollarAt(ctx);
  for (const config of ctx.vendors()) {
    const vendor = world.vendors[config.id]!;
    const wantedUsd = trainingPlanUsd(ctx, config);
    let contractedUsd = 0;
    for (const bill of contractBills(world, config.id, ctx.tick, servedComputeMTok(vendor.books))) {
      if (bill.trainingUsd <= 0) continue;
      contractedUsd += bill.trainingUsd;
      ctx.bus.publish({ type: 'vendor.trained', tick: ctx.tick, vendor: config.id, cloud: bill.contract.cloud, contractId: bill.contract.id, spendUsd: bill.trainingUsd, mTok: 0, computeUsd: bill.trainingUsd * computePerDollar });
    }
    let spotUsd = wantedUsd - contractedUsd;
    // Open weights train in their owner's data centres: no cloud books the spend.
    if (config.weights !== 'closed') {
      if (spotUsd > 0) ctx.bus.publish({ type: 'vendor.trained', tick: ctx.tick, vendor: config.id, cloud: null, contractId: null, spendUsd: spotUsd, mTok: 0, computeUsd: spotUsd * computePerDollar });
      continue;
    }
    const preference = cloudPreference(ctx.world(), config.id, config.computeClouds, ctx.tick);
    const unmetByCloud = new Map<string, number>();
    for (const { cloud, behindUsd } of commitmentsBehind(ctx.world(), config.id, ctx.tick)) {
      const boughtUsd = buyTrainingCapacity(ctx, config.id, cloud, behindUsd);
      // What a full cloud could not supply of a commitment stays owed, and the budget goes elsewhere.
      spotUsd -= boughtUsd;
      if (behindUsd - boughtUsd > 0) unmetByCloud.set(cloud, behindUsd - boughtUsd);
    }
    for (const cloud of preference) {
      if (spotUsd <= 0) break;
      spotUsd -= buyTrainingCapacity(ctx, config.id, cloud, spotUsd);
    }
    const first = preference[0];
    if (spotUsd > 0 && first !== undefined) unmetByCloud.set(first, (unmetByCloud.get(first) ?? 0) + spotUsd);
    for (const [cloud, unmetUsd] of unmetByCloud) {
      const offer = trainingCapacityOffer(ctx, config.id, cloud);
      const priceUsdPerMTok = offer?.priceUsdPerMTok ?? unitComputeCostUsdPerMTok(ctx.world(), config.id, ctx.tick) ?? 0;
      ctx.bus.publish({
        type: 'vendor.training-rationed',
        tick: ctx.tick,
        vendor: config.id,
        cloud,
        unmetUsd,
        unmetMTok: priceUsdPerMTok > 0 ? unmetUsd / priceUsdPerMTok : 0,
      });
    }
  }
}

/** Compute a dollar buys this month, at the run's starting hardware price: GPU cost at the start ÷ GPU cost now. */
function computePerDollarAt(ctx: TickContext): number {
  return gpuCostUsdPerMTok(ctx.compute, 0) / gpuCostUsdPerMTok(ctx.compute, ctx.tick);
}

/** The vendor's training plan for the month, by its training policy, USD. */
export function trainingPlanUsd(ctx: TickContext, config: VendorConfig): number {
  const world = ctx.world();
  const vendor = world.vendors[config.id]!;
  return ctx.policies.vendors[config.id]!.training.monthlySpendUsd({
    revenueUsd: vendorRevenueUsd(vendor.books),
    cashUsd: vendor.cashUsd,
    canRaise: ctx.policies.vendors[config.id]!.funding !== undefined,
    valuationUsd: config.weights === 'closed' ? markedValuationUsd(world, config.id, valuationTermsOf(config)) : 0,
    rivalTrainingUsd: Object.values(ctx.lastMonth.vendors)
      .filter((rival) => rival.id !== config.id)
      .map((rival) => rival.books.trainingComputeUsd),
    years: ctx.tick / 12,
  });
}

/** Buys up to `wantedUsd` of training from a cloud's free capacity this month; returns what it spent. */
function buyTrainingCapacity(ctx: TickContext, vendorId: string, cloudId: string, wantedUsd: number): number {
  if (wantedUsd <= 0) return 0;
  const offer = trainingCapacityOffer(ctx, vendorId, cloudId);
  if (offer === null) return 0;
  const mTok = Math.min(offer.capacityMTok, wantedUsd / offer.priceUsdPerMTok);
  const spendUsd = mTok * offer.priceUsdPerMTok;
  if (spendUsd <= 0) return 0;
  ctx.bus.publish({ type: 'vendor.trained', tick: ctx.tick, vendor: vendorId, cloud: cloudId, contractId: null, spendUsd, mTok, computeUsd: spendUsd * computePerDollarAt(ctx) });
  return spendUsd;
}

/**
 * Commitments in their term that the vendor's spend has fallen behind, by how much: what remains
 * beyond a straight-line schedule to the end of the term. Largest shortfall first.
 */
export function commitmentsBehind(world: WorldState, vendorId: string, tick: number): { cloud: string; behindUsd: number }[] {
  const behind = new Map<string, number>();
  for (const c of world.commitments) {
    if (c.vendor !== vendorId || c.startTick > tick || tick >= c.endTick) continue;
    const allowedRemainingUsd = (c.amountUsd * (c.endTick - tick - 1)) / (c.endTick - c.startTick);
    const behindUsd = c.remainingUsd - allowedRemainingUsd;
    if (behindUsd > 0) behind.set(c.cloud, (behind.get(c.cloud) ?? 0) + behindUsd);
  }
  return [...behind].map(([cloud, behindUsd]) => ({ cloud, behindUsd })).sort((a, b) => b.behindUsd - a.behindUsd);
}

/** The cloud holding most of the vendor's capacity at a tick, or null without contracts. */
export function primaryCloud(world: WorldState, vendorId: string, tick: number): string | null {
  const byCloud = new Map<string, number>();
  for (const c of world.contracts) {
    const mTok = contractCapacityAt(c, tick);
    if (c.vendor !== vendorId || mTok <= 0) continue;
    byCloud.set(c.cloud, (byCloud.get(c.cloud) ?? 0) + mTok);
  }
  let best: string | null = null;
  let bestCapacity = 0;
  for (const [cloud, capacity] of byCloud) {
    if (capacity > bestCapacity) {
      best = cloud;
      bestCapacity = capacity;
    }
  }
  return best;
}

/**
 * The clouds a vendor turns to for compute, in order: its owner after a merger; clouds its deals
 * tie it to (exclusive, right of first refusal, primary); clouds it still owes committed spend; the
 * cloud holding most of its capacity; then its configured preferences. An exclusive deal limits
 * the list to the investor and the rivals the investor permits.
 */
export function cloudPreference(world: WorldState, vendorId: string, configured: readonly string[], tick: number): string[] {
  const vendor = world.vendors[vendorId]!;
  const deals = tyingDeals(world, vendorId);
  const committed = world.commitments
    .filter((c) => c.vendor === vendorId && c.remainingUsd > 0 && c.startTick <= tick)
    .sort((a, b) => b.remainingUsd - a.remainingUsd)
    .map((c) => c.cloud);
  const largest = primaryCloud(world, vendorId, tick);
  const ordered = [
    ...(vendor.integrated && vendor.owner ? [vendor.owner] : []),
    ...deals.map((d) => d.cloud),
    ...committed,
    ...(largest === null ? [] : [largest]),
    ...configured,
  ];
  const exclusive = exclusiveDeal(world, vendorId);
  const allowed = exclusive ? new Set([exclusive.cloud, ...exclusive.permittedClouds, ...(vendor.owner && vendor.integrated ? [vendor.owner] : [])]) : null;
  return [...new Set(ordered)].filter((cloud) => allowed === null || allowed.has(cloud));
}

/** Share of the vendor's capacity, outside `cloud`, that runs on other clouds' ASICs. */
function asicBoundElsewhere(world: WorldState, vendorId: string, cloud: string, tick: number): number {
  let total = 0;
  let bound = 0;
  for (const c of world.contracts) {
    const mTok = contractCapacityAt(c, tick);
    if (c.vendor !== vendorId || mTok <= 0) continue;
    total += mTok;
    if (c.cloud !== cloud) bound += mTok * c.asicShare;
  }
  return total > 0 ? bound / total : 0;
}

/**
 * The vendors' side of compute negotiation. A vendor short of capacity for next month asks its
 * first-choice cloud; when that cloud has fallen short for long enough it asks the next ones,
 * weighing each offer (price, ASIC share, cost of porting ASIC-bound work), until covered. A cloud
 * with a right of first refusal is asked for all of the need, and the others at once for what it
 * could not or would not take on. A lab inside a cloud's group asks before the others; what a
 * vendor's second cloud turns away of its share goes back to its first.
 */
export function negotiateCompute(ctx: TickContext): void {
  const answers = new Map<string, ComputeOffered | ComputeDeclined>();
  const subscription = ctx.bus.on('compute.offered', (offer) => answers.set(offer.requestId, offer));
  subscription.add(ctx.bus.on('compute.declined', (refusal) => answers.set(refusal.requestId, refusal)));

  for (const config of groupLabsFirst(ctx)) {
    const compute = ctx.policies.vendors[config.id]!.compute;
    if (!compute || config.weights !== 'closed') continue;
    const vendor = ctx.world().vendors[config.id]!;
    const lastBooks = (ctx.lastMonth.vendors[config.id] ?? vendor).books;
    // Capacity is counted in frontier tokens: a small-tier token asks its servingCostShare of one.
    const demandMTok = computeDemandMTok(vendor.books);
    const lastDemandMTok = computeDemandMTok(lastBooks);
    const order = cloudPreference(ctx.world(), config.id, config.computeClouds, ctx.tick);
    const unitCost = unitComputeCostUsdPerMTok(ctx.world(), config.id, ctx.tick);
    const demandTrendPerMonth = computeDemandTrendPerMonth(vendor);
    const view = (cloud: string, reference: number | null, monthsToService = 1): ComputeView => ({
      demandMTok,
      demandGrowth: lastDemandMTok > 0 ? demandMTok / lastDemandMTok : 1,
      demandTrendPerMonth,
      capacityOnOrderMTok: capacityScheduledAt(ctx.world(), config.id, ctx.tick, monthsToService),
      monthsToService,
      apiPriceUsdPerMTok: ctx.world().vendors[config.id]!.priceUsdPerMTok,
      portingPremium: compute.asicPortingCost * asicBoundElsewhere(ctx.world(), config.id, cloud, ctx.tick),
      firstChoice: cloud === order[0],
      referencePriceUsdPerMTok: reference ?? unitCost,
    });

    const [first, ...others] = order;
    if (first === undefined) continue;
    orderAhead(ctx, answers, config.id, first, compute, (monthsAhead) => view(first, null, monthsAhead));
    const needMTok = compute.capacityToRequest(view(first, null));
    if (needMTok <= 0) {
      if (vendor.monthsShort !== 0) ctx.bus.publish({ type: 'vendor.compute-short', tick: ctx.tick, vendor: config.id, unmetMTok: 0, monthsShort: 0 });
      continue;
    }
    const firstRefusal = firstRefusalDeal(ctx.world(), config.id)?.cloud === first;
    // Part of each need goes to the second cloud from the start, to depend on no single cloud;
    // not under a right of first refusal, whose holder is offered all of it.
    const spread = others.length > 0 && !firstRefusal ? compute.secondCloudShare : 0;
    const firstAskMTok = needMTok * (1 - spread);
    const firstOffer = requestCompute(ctx, answers, config.id, first, firstAskMTok, compute, view(first, null));
    const unmetMTok = firstAskMTok - (firstOffer?.accepted ? firstOffer.capacityMTok : 0);
    const monthsShort = unmetMTok > 1e-9 * needMTok ? vendor.monthsShort + 1 : 0;
    if (monthsShort !== vendor.monthsShort) {
      ctx.bus.publish({ type: 'vendor.compute-short', tick: ctx.tick, vendor: config.id, unmetMTok: Math.max(0, unmetMTok), monthsShort });
    }
    const reference = firstOffer?.priceUsdPerMTok ?? null;
    if (spread > 0) {
      const second = requestCompute(ctx, answers, config.id, others[0]!, needMTok * spread, compute, view(others[0]!, reference));
      // What the second cloud could not or would not take on goes back to the first, when it had room for its own part.
      const secondShortMTok = needMTok * spread - (second?.accepted ? second.capacityMTok : 0);
      if (secondShortMTok > 1e-9 * needMTok && unmetMTok <= 1e-9 * needMTok) {
        requestCompute(ctx, answers, config.id, first, secondShortMTok, compute, view(first, null));
      }
    }
    const diversify = firstRefusal ? monthsShort > 0 : monthsShort >= compute.diversifyAfterMonthsShort;
    if (!diversify) continue;
    for (const cloud of others) {
      const remainingMTok = compute.capacityToRequest(view(cloud, reference));
      if (remainingMTok <= 0) break;
      requestCompute(ctx, answers, config.id, cloud, remainingMTok, compute, view(cloud, reference));
    }
  }
  for (const config of ctx.vendors()) {
    const compute = ctx.policies.vendors[config.id]!.compute;
    if (!compute || config.weights !== 'closed' || compute.trainingContractShare <= 0) continue;
    contractTraining(ctx, answers, config, config.computeClouds, compute);
  }
  subscription.unsubscribe();
}

/**
 * The vendors in the order their compute requests reach the clouds: a lab inside a cloud's group
 * (Gemini at Google) first, then the others in config order. A group serves its own lab before it
 * sells what is left of its fleet: through 2025 Google Cloud reported demand above its capacity
 * (Alphabet, Q2 and Q3 2025 earnings calls) while Gemini's tokens grew fifty-fold in a year
 * (9.7 trillion a month in April 2024 to 480 trillion in April 2025, Google I/O 2025).
 */
function groupLabsFirst(ctx: TickContext): VendorConfig[] {
  const world = ctx.world();
  const inGroup = (config: VendorConfig) => {
    const owner = world.vendors[config.id]?.owner;
    return owner !== undefined && owner !== null && world.clouds[owner] !== undefined;
  };
  const vendors = ctx.vendors();
  return [...vendors.filter(inGroup), ...vendors.filter((config) => !inGroup(config))];
}

/**
 * A lab whose group's cloud builds for it (Gemini on Google Cloud's TPUs) orders a build lead
 * ahead what it will need then, as labs sign for data centres years out: capacity from the month
 * the first racks of a build started now could serve, against its demand projected to then, net
 * of what is scheduled for that month. The cloud serves it from its fleet if it has room by then
 * and builds the rest (src/agents/delivery-plan.ts). Other clouds sell from their fleet: a lab
 * asks them a month ahead only.
 */
function orderAhead(
  ctx: TickContext,
  answers: ReadonlyMap<string, ComputeOffered | ComputeDeclined>,
  vendorId: string,
  cloudId: string,
  compute: ComputePolicy,
  view: (monthsAhead: number) => ComputeView,
): void {
  if (ctx.world().vendors[vendorId]!.owner !== cloudId) return;
  const leadMonths = buildLeadOf(ctx, cloudId);
  if (leadMonths <= 1) return;
  const aheadView = view(leadMonths);
  const needMTok = compute.capacityToRequest(aheadView);
  if (needMTok > 0) requestCompute(ctx, answers, vendorId, cloudId, needMTok, compute, aheadView, ctx.tick + leadMonths);
}

/**
 * Training under contract: a vendor whose training contracts for next month cover less than its
 * policy's share of this month's training plan asks for the rest, in its clouds' order of
 * preference, each cloud for what the ones before it did not offer; it judges a training offer on
 * its ASIC share alone (training serves no tokens, so the price is what the plan pays). What no
 * cloud offers it buys by the month, if any cloud has room then (buyTraining).
 */
function contractTraining(
  ctx: TickContext,
  answers: ReadonlyMap<string, ComputeOffered | ComputeDeclined>,
  config: VendorConfig,
  computeClouds: readonly string[],
  compute: ComputePolicy,
): void {
  const world = ctx.world();
  let contractedUsd = 0;
  for (const c of world.contracts) {
    if (c.vendor === config.id && c.use === 'training') contractedUsd += contractCapacityAt(c, ctx.tick + 1) * c.priceUsdPerMTok;
  }
  let needUsd = compute.trainingContractShare * trainingPlanUsd(ctx, config) - contractedUsd;
  if (needUsd <= 0) return;
  const priceUsdPerMTok = gpuCostUsdPerMTok(ctx.compute, ctx.tick + 1);
  for (const cloud of cloudPreference(world, config.id, computeClouds, ctx.tick)) {
    const offer = requestCompute(ctx, answers, config.id, cloud, needUsd / priceUsdPerMTok, compute, null);
    if (offer?.accepted) needUsd -= offer.capacityMTok * offer.priceUsdPerMTok;
    if (needUsd <= 0) return;
  }
}

/**
 * Asks a cloud for capacity and answers its offer. `view` is the vendor's inference position, by
 * which it judges an offer of serving capacity; null asks for training capacity, judged on its
 * ASIC share alone.
 */
function requestCompute(
  ctx: TickContext,
  answers: ReadonlyMap<string, ComputeOffered | ComputeDeclined>,
  vendor: string,
  cloud: string,
  needMTok: number,
  compute: ComputePolicy,
  view: ComputeView | null,
  fromTick = ctx.tick + 1,
): { accepted: boolean; capacityMTok: number; priceUsdPerMTok: number } | null {
  // A vendor may ask one cloud several times in a month (its share of the spread, after months short, for training).
  let requestId = `${ctx.tick}/${vendor}/${cloud}`;
  for (let attempt = 2; answers.has(requestId); attempt++) requestId = `${ctx.tick}/${vendor}/${cloud}/${attempt}`;
  const use = view === null ? 'training' : 'inference';
  ctx.bus.publish({ type: 'compute.requested', tick: ctx.tick, requestId, vendor, cloud, capacityMTok: needMTok, months: compute.contractMonths, use, fromTick });
  const answer = answers.get(requestId);
  if (!answer || answer.type === 'compute.declined') return null;
  const parties = { tick: ctx.tick, requestId, vendor, cloud };
  const reason = view === null ? compute.trainingRejectionReason(answer) : compute.rejectionReason(answer, view);
  ctx.bus.publish(reason === null ? { ...parties, type: 'compute.offer-accepted' } : { ...parties, type: 'compute.offer-rejected', reason });
  return { accepted: reason === null, capacityMTok: answer.capacityMTok, priceUsdPerMTok: answer.priceUsdPerMTok };
}
