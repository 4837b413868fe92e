import { castDraft, current, type Draft } from 'immer';
import type { MarketEvent } from './events.js';
import { grantOpeningStake, issueEquity, remainderHolder, restateStake, wholeTo } from './cap-table.js';
import { computeDemandMTok, EMPTY_CLOUD_BOOKS, EMPTY_VENDOR_BOOKS, REVENUE_MONTHS_KEPT, stepCapacityAt, vendorRevenueUsd, type CapacityStep, type WorldState } from './state.js';

/**
 * Events that leave the world as it is: enterprise decisions (the population holds them) and the
 * steps of an exchange before its outcome. The run skips immer for them, most of a month's events.
 */
export const WORLD_UNCHANGED: ReadonlySet<MarketEvent['type']> = new Set([
  'enterprise.adopted',
  'enterprise.in-production',
  'enterprise.abandoned',
  'enterprise.switched',
  'enterprise.vendor-added',
  'compute.declined',
  'compute.offer-accepted',
  'compute.offer-rejected',
  'vendor.funding-sought',
  'investment.offered',
  'investment.rejected',
  'policy.changed',
  'schedule.event-skipped',
]);

/**
 * Folds one event into the world. Events are facts: every change to vendors, clouds and
 * contracts goes through here, so the event log replays the world's books. Enterprise events
 * change nothing here: the enterprise population, which emitted them, already holds their effect.
 */
export function applyEvent(world: Draft<WorldState>, event: MarketEvent): void {
  switch (event.type) {
    case 'market.month-opened':
      world.tick = event.tick;
      for (const vendor of Object.values(world.vendors)) vendor.books = { ...EMPTY_VENDOR_BOOKS, computeSpendByCloud: {}, revenueShareByCloud: {} };
      for (const cloud of Object.values(world.clouds)) cloud.books = { ...EMPTY_CLOUD_BOOKS };
      return;
    case 'enterprise.adopted':
    case 'enterprise.in-production':
    case 'enterprise.abandoned':
    case 'enterprise.switched':
    case 'enterprise.vendor-added':
    case 'compute.declined':
    case 'compute.offer-accepted':
    case 'compute.offer-rejected':
    case 'vendor.funding-sought':
    case 'investment.offered':
    case 'investment.rejected':
    case 'policy.changed':
    case 'schedule.event-skipped':
      return;
    case 'compute.requested':
      cloudOf(world, event.cloud).books.unmetRequestsMTok += event.capacityMTok;
      return;
    case 'compute.offered':
      cloudOf(world, event.cloud).books.unmetRequestsMTok -= event.capacityMTok;
      return;
    case 'vendor.price-changed': {
      const vendor = vendorOf(world, event.vendor);
      // The small tier's price moves in step with the frontier's.
      if (vendor.smallTier) vendor.smallTier.priceUsdPerMTok *= event.toUsdPerMTok / vendor.priceUsdPerMTok;
      vendor.priceUsdPerMTok = event.toUsdPerMTok;
      return;
    }
    case 'vendor.model-released': {
      const vendor = vendorOf(world, event.vendor);
      if (event.smallTier) {
        // A new small model: the frontier, and the training towards the next, are as they were.
        vendor.smallTier = { quality: event.toQuality, codingQuality: event.toCodingQuality, ...event.smallTier };
        return;
      }
      // A trained generation brings the small model distilled from it (the release carries it when
      // compute.distillationReach is above 0, else the small tier is lifted in step); a scripted
      // frontier release leaves the small model as it is unless it says otherwise.
      if (vendor.smallTier && event.distilledSmallTier) {
        vendor.smallTier.quality = event.distilledSmallTier.quality;
        vendor.smallTier.codingQuality = event.distilledSmallTier.codingQuality;
      } else if (vendor.smallTier && !event.smallTierKept) {
        vendor.smallTier.quality *= event.toQuality / vendor.quality;
        vendor.smallTier.codingQuality *= event.toCodingQuality / vendor.codingQuality;
      }
      vendor.quality = event.toQuality;
      vendor.codingQuality = event.toCodingQuality;
      vendor.trainingSinceReleaseUsd = 0;
      vendor.lastReleaseTick = event.tick;
      vendor.stockAtReleaseUsd = vendor.trainingStockUsd;
      return;
    }
    case 'vendor.trained': {
      const vendor = vendorOf(world, event.vendor);
      vendor.trainingSinceReleaseUsd += event.spendUsd;
      vendor.trainingStockUsd += event.computeUsd;
      vendor.books.trainingComputeUsd += event.spendUsd;
      vendor.cashUsd -= event.spendUsd;
      if (event.cloud !== null) {
        cloudOf(world, event.cloud).books.vendorComputeRevenueUsd += event.spendUsd;
        cloudOf(world, event.cloud).books.trainingMTok += event.mTok;
        vendor.books.computeSpendByCloud[event.cloud] = (vendor.books.computeSpendByCloud[event.cloud] ?? 0) + event.spendUsd;
        spendAgainstCommitments(world, event.vendor, event.cloud, event.spendUsd, event.tick);
      }
      return;
    }
    case 'vendor.training-rationed':
      vendorOf(world, event.vendor).books.trainingUnmetUsd += event.unmetUsd;
      cloudOf(world, event.cloud).books.unmetRequestsMTok += event.unmetMTok;
      return;
    case 'consumers.subscribed': {
      const vendor = vendorOf(world, event.vendor);
      vendor.subscribers = event.subscribers;
      vendor.weeklyUsers = event.weeklyUsers;
      vendor.brand = event.brand;
      return;
    }
    case 'vendor.month-closed': {
      const { type: _type, tick: _tick, vendor: id, computeSpendByCloud, revenueShareByCloud, ...books } = event;
      const vendor = vendorOf(world, id);
      const earlier = vendor.books;
      vendor.books = {
        ...books,
        computeSpendByCloud: { ...earlier.computeSpendByCloud },
        revenueShareByCloud: { ...revenueShareByCloud },
        trainingComputeUsd: earlier.trainingComputeUsd,
        commitmentShortfallUsd: earlier.commitmentShortfallUsd,
        trainingUnmetUsd: earlier.trainingUnmetUsd,
        raisedUsd: earlier.raisedUsd,
      };
      for (const [cloud, spendUsd] of Object.entries(computeSpendByCloud)) {
        vendor.books.computeSpendByCloud[cloud] = (vendor.books.computeSpendByCloud[cloud] ?? 0) + spendUsd;
        spendAgainstCommitments(world, id, cloud, spendUsd, event.tick);
      }
      vendor.cashUsd +=
        books.revenueApiDirectUsd +
        books.revenueMarketplaceUsd +
        books.revenueSubscriptionUsd -
        books.revenueShareUsd -
        books.inferenceComputeUsd -
        books.idleCapacityUsd;
      vendor.recentRevenueUsd.push(vendorRevenueUsd(vendor.books));
      if (vendor.recentRevenueUsd.length > REVENUE_MONTHS_KEPT) vendor.recentRevenueUsd.shift();
      vendor.recentComputeDemandMTok.push(computeDemandMTok(vendor.books));
      if (vendor.recentComputeDemandMTok.length > REVENUE_MONTHS_KEPT) vendor.recentComputeDemandMTok.shift();
      return;
    }
    case 'vendor.compute-short':
      vendorOf(world, event.vendor).monthsShort = event.monthsShort;
      return;
    case 'vendor.funded': {
      const vendor = vendorOf(world, event.vendor);
      vendor.cashUsd += event.amountUsd;
      vendor.books.raisedUsd += event.amountUsd;
      vendor.raisedToDateUsd += event.amountUsd;
      issueEquity(vendor.equity, event.investor, event.equityShare);
      vendor.lastRoundPostMoneyUsd = event.preMoneyUsd + event.amountUsd;
      return;
    }
    case 'investment.closed': {
      world.deals.push(castDraft(event.deal));
      world.dealsMade += 1;
      const vendor = vendorOf(world, event.deal.vendor);
      vendor.cashUsd += event.deal.amountUsd;
      vendor.books.raisedUsd += event.deal.amountUsd;
      vendor.raisedToDateUsd += event.deal.amountUsd;
      issueEquity(vendor.equity, event.deal.investor, event.deal.equityShare);
      if (event.deal.preMoneyUsd !== null) vendor.lastRoundPostMoneyUsd = event.deal.preMoneyUsd + event.deal.amountUsd;
      return;
    }
    case 'investment.in-force': {
      world.deals.push(castDraft(event.deal));
      world.dealsMade += 1;
      const vendor = vendorOf(world, event.deal.vendor);
      grantOpeningStake(vendor.equity, event.deal.investor, event.deal.equityShare, remainderHolder(vendor.owner));
      return;
    }
    case 'deal.amended': {
      for (const deal of world.deals) {
        if (deal.investor !== event.investor || deal.vendor !== event.vendor) continue;
        if (event.status !== undefined) deal.status = event.status;
        if (event.permittedClouds !== undefined) deal.permittedClouds = [...event.permittedClouds];
        if (event.minAsicShare !== undefined) deal.minAsicShare = event.minAsicShare;
      }
      if (event.equityShare !== undefined) {
        const vendor = vendorOf(world, event.vendor);
        restateStake(vendor.equity, event.investor, event.equityShare, remainderHolder(vendor.owner));
      }
      return;
    }
    case 'compute.commitment-made':
      world.commitments.push(event.commitment);
      world.commitmentsMade += 1;
      return;
    case 'compute.commitment-settled': {
      const vendor = vendorOf(world, event.vendor);
      vendor.cashUsd -= event.shortfallUsd;
      vendor.books.commitmentShortfallUsd += event.shortfallUsd;
      vendor.books.computeSpendByCloud[event.cloud] = (vendor.books.computeSpendByCloud[event.cloud] ?? 0) + event.shortfallUsd;
      cloudOf(world, event.cloud).books.vendorComputeRevenueUsd += event.shortfallUsd;
      world.commitments = world.commitments.filter((c) => c.id !== event.commitmentId);
      return;
    }
    case 'marketplace.listing-added':
      world.listings = world.listings.filter((l) => l.cloud !== event.listing.cloud || l.vendor !== event.listing.vendor);
      world.listings.push(event.listing);
      return;
    case 'marketplace.listing-removed':
      world.listings = world.listings.filter((l) => l.cloud !== event.cloud || l.vendor !== event.vendor);
      return;
    case 'vendor.entered':
      world.vendors[event.vendor.id] = castDraft(event.vendor);
      return;
    case 'corporate.merged': {
      // The acquirer buys out every other holder (no cash is booked: clouds keep no cash account).
      const vendor = vendorOf(world, event.vendor);
      vendor.owner = event.cloud;
      vendor.integrated = true;
      vendor.equity = wholeTo(event.cloud);
      for (const listing of world.listings) {
        if (listing.cloud === event.cloud && listing.vendor === event.vendor) listing.revenueShare = 0;
      }
      return;
    }
    case 'cloud.capacity-shocked': {
      const cloud = cloudOf(world, event.cloud);
      cloud.gpuCapacityMTok = Math.max(0, cloud.gpuCapacityMTok + event.gpuMTok);
      cloud.asicCapacityMTok = Math.max(0, cloud.asicCapacityMTok + event.asicMTok);
      curtailContracts(world, event.cloud, event.tick);
      return;
    }
    case 'cloud.month-closed': {
      const books = cloudOf(world, event.cloud).books;
      books.vendorComputeRevenueUsd += event.inferenceRevenueUsd;
      books.marketplaceRevenueUsd = event.marketplaceRevenueUsd;
      books.hostingRevenueUsd = event.hostingRevenueUsd;
      books.hostingMTok = event.hostingMTok;
      books.hostingDemandMTok = event.hostingDemandMTok;
      books.contractedMTok = event.contractedMTok;
      // Open weights it could not host count among the requests it could not serve, as vendors' do.
      books.unmetRequestsMTok += event.hostingDemandMTok - event.hostingMTok;
      books.fleetCostUsd = event.fleetCostUsd;
      return;
    }
    case 'cloud.capacity-added': {
      const cloud = cloudOf(world, event.cloud);
      cloud.gpuCapacityMTok += event.gpuMTok;
      cloud.asicCapacityMTok += event.asicMTok;
      cloud.books.capexUsd += event.capexUsd;
      if (event.forContract !== null) {
        // Filtered as it stands (`current`), not through the draft: every element a draft array's
        // filter reads becomes a draft of its own for immer to finalize, and the cost of the fold
        // grew with the constructions under way (docs/performance.md).
        world.construction = castDraft(
          current(world.construction).filter((c) => c.cloud !== event.cloud || c.contractId !== event.forContract || c.readyTick !== event.tick),
        );
      }
      return;
    }
    case 'cloud.construction-started':
      world.construction.push(castDraft(event.construction));
      return;
    case 'cloud.asic-deployed': {
      const cloud = cloudOf(world, event.cloud);
      cloud.asicMaturity = event.maturityAfter;
      cloud.asicCapexToDateUsd += event.capexUsd;
      return;
    }
    case 'cloud.open-model-priced':
      cloudOf(world, event.cloud).openModelPriceUsdPerMTok = event.priceUsdPerMTok;
      return;
    case 'compute.contract-signed':
      world.contracts.push(castDraft(event.contract));
      world.contractsSigned += 1;
      return;
    case 'compute.contract-expired':
      // As it stands, not through the draft, as for 'cloud.capacity-added'.
      world.contracts = castDraft(current(world.contracts).filter((c) => c.id !== event.contractId));
      return;
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * A fleet that lost capacity cannot deliver what it had contracted: every contract at the cloud
 * delivers the same share of its capacity from this month on, the share that fits the fleet left.
 */
function curtailContracts(world: Draft<WorldState>, cloudId: string, tick: number): void {
  const cloud = world.clouds[cloudId]!;
  const fleet = cloud.gpuCapacityMTok + cloud.asicCapacityMTok;
  const mine = world.contracts.filter((c) => c.cloud === cloudId);
  let contracted = 0;
  for (const c of mine) contracted += c.startTick <= tick && tick < c.endTick ? stepCapacityAt(c.delivered, tick) : 0;
  if (contracted <= fleet) return;
  const share = fleet / contracted;
  for (const c of mine) {
    c.delivered = castDraft(scaledFrom(c.delivered, tick, share));
    // It calls for no more than it can have: what is still being built for it is cut alike.
    c.ordered = castDraft(scaledFrom(c.ordered, tick, share));
  }
}

/** A schedule of capacity steps scaled by `share` from `tick` on. */
function scaledFrom(steps: readonly CapacityStep[], tick: number, share: number): CapacityStep[] {
  const before = stepCapacityAt(steps, tick);
  const later = steps.filter((s) => s.fromTick > tick).map((s) => ({ fromTick: s.fromTick, capacityMTok: s.capacityMTok * share }));
  const earlier = steps.filter((s) => s.fromTick < tick);
  return [...earlier, { fromTick: tick, capacityMTok: before * share }, ...later];
}

/** Compute bought from a cloud pays down the vendor's commitments to it that have begun, oldest first. */
function spendAgainstCommitments(world: Draft<WorldState>, vendor: string, cloud: string, spendUsd: number, tick: number): void {
  let left = spendUsd;
  // Read as they stand and written through the draft only where paid: most events that spend
  // (a vendor's training, its month's close) pay none of them, and reading each commitment through
  // the draft would make a draft of it for immer to finalize.
  const commitments = current(world.commitments);
  for (let k = 0; k < commitments.length; k++) {
    if (left <= 0) return;
    const commitment = commitments[k]!;
    if (commitment.vendor !== vendor || commitment.cloud !== cloud || commitment.remainingUsd <= 0 || commitment.startTick > tick) continue;
    const paid = Math.min(left, commitment.remainingUsd);
    world.commitments[k]!.remainingUsd -= paid;
    left -= paid;
  }
}

function vendorOf(world: Draft<WorldState>, id: string) {
  const vendor = world.vendors[id];
  if (!vendor) throw new Error(`event names unknown vendor ${id}`);
  return vendor;
}

function cloudOf(world: Draft<WorldState>, id: string) {
  const cloud = world.clouds[id];
  if (!cloud) throw new Error(`event names unknown cloud ${id}`);
  return cloud;
}
