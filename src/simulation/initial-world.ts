import type { Scenario } from '../config/parse-scenario.js';
import type { AgentPolicies, VendorConfig } from '../agents/agent-context.js';
import { dateToTick } from '../engine/calendar.js';
import { fleetUnitCostUsdPerMTok, gpuCostUsdPerMTok, asicCostUsdPerMTok, type ComputeMarket } from '../market/compute-cost.js';
import { remainderHolder, wholeTo } from '../world/cap-table.js';
import { asicShare, EMPTY_CLOUD_BOOKS, EMPTY_VENDOR_BOOKS, type CloudState, type ComputeContract, type VendorState, type WorldState } from '../world/state.js';

/** The month a vendor comes to market, as a tick: 0 for a vendor there from the start. */
export function entryTick(scenario: Scenario, vendor: VendorConfig): number {
  return vendor.entersAt === undefined ? 0 : Math.max(0, dateToTick(scenario.start, vendor.entersAt));
}

/** A vendor as its config describes it when it comes to market. */
export function vendorAtEntry(v: VendorConfig): VendorState {
  const app = v.weights === 'closed' ? v.consumerApp : undefined;
  const owner = v.weights === 'closed' ? (v.owner ?? null) : null;
  return {
    id: v.id,
    weights: v.weights,
    quality: v.quality,
    codingQuality: v.codingQuality ?? v.quality,
    priceUsdPerMTok: v.weights === 'closed' ? v.priceUsdPerMTok : 0,
    ...(v.weights === 'closed' && v.smallTier
      ? {
          smallTier: {
            quality: v.smallTier.quality,
            codingQuality: v.smallTier.codingQuality ?? v.smallTier.quality,
            priceUsdPerMTok: v.smallTier.priceUsdPerMTok,
            servingCostShare: v.smallTier.servingCostShare,
          },
        }
      : {}),
    hasConsumerApp: app !== undefined,
    brand: app?.brand ?? 0,
    subscribers: app?.subscribers ?? 0,
    weeklyUsers: app?.weeklyUsers ?? app?.subscribers ?? 0,
    trainingSinceReleaseUsd: 0,
    lastReleaseTick: null,
    trainingStockUsd: v.trainingStockUsd,
    stockAtReleaseUsd: v.trainingStockUsd,
    raisedToDateUsd: 0,
    recentRevenueUsd: [],
    recentComputeDemandMTok: [],
    cashUsd: v.weights === 'closed' ? v.cashUsd : 0,
    owner,
    integrated: false,
    monthsShort: 0,
    equity: wholeTo(remainderHolder(owner)),
    lastRoundPostMoneyUsd: null,
    books: EMPTY_VENDOR_BOOKS,
  };
}

/** The world before the first month: the vendors there from the start, clouds and listings, no contracts yet. */
export function initialWorld(scenario: Scenario, policies: AgentPolicies): WorldState {
  const vendors: Record<string, VendorState> = {};
  for (const v of scenario.vendors) if (entryTick(scenario, v) === 0) vendors[v.id] = vendorAtEntry(v);
  const clouds: Record<string, CloudState> = {};
  for (const c of scenario.clouds) {
    const cloud: CloudState = {
      id: c.id,
      gpuCapacityMTok: c.gpuCapacityMTok,
      asicCapacityMTok: c.asicCapacityMTok,
      asicMaturity: c.asicMaturity,
      asicCapexToDateUsd: 0,
      openModelPriceUsdPerMTok: 0,
      books: EMPTY_CLOUD_BOOKS,
    };
    const unitCost = fleetUnitCostUsdPerMTok(scenario.compute, 0, cloud);
    clouds[c.id] = { ...cloud, openModelPriceUsdPerMTok: policies.clouds[c.id]!.hostingPricing.priceUsdPerMTok(unitCost) };
  }
  const openIds = new Set(scenario.vendors.filter((v) => v.weights === 'open').map((v) => v.id));
  return {
    tick: 0,
    vendors,
    clouds,
    contracts: [],
    deals: [],
    commitments: [],
    construction: [],
    listings: scenario.marketplace.map((l) => ({ ...l, revenueShare: openIds.has(l.vendor) ? 0 : l.revenueShare })),
    contractsSigned: 0,
    dealsMade: 0,
    commitmentsMade: 0,
  };
}

/**
 * The compute contracts a vendor holds when it comes to market (at the start, or at its entry),
 * priced as the cloud would offer them then; they are published as `compute.contract-signed` so
 * the event log holds every contract the books use.
 */
export function openingContracts(
  scenario: Scenario,
  market: ComputeMarket,
  policies: AgentPolicies,
  world: WorldState,
  vendor: VendorConfig,
  tick: number,
): ComputeContract[] {
  if (vendor.weights !== 'closed') return [];
  return vendor.compute.map((holding, i) => {
    const cloud = world.clouds[holding.cloud]!;
    const terms = policies.clouds[holding.cloud]!.offer.offer({
      requestedMTok: holding.capacityMTok,
      transferAtCost: false,
      dealMinAsicShare: Math.max(
        0,
        ...scenario.dealsAtStart.filter((d) => d.vendor === vendor.id && d.cloud === holding.cloud).map((d) => d.minAsicShare),
      ),
      // The config says the vendor holds this capacity; validation checks that the fleets hold it.
      freeCapacityMTok: Number.POSITIVE_INFINITY,
      gpuCostUsdPerMTok: gpuCostUsdPerMTok(market, tick),
      asicCostUsdPerMTok: asicCostUsdPerMTok(market, tick, cloud.asicMaturity),
      fleetAsicShare: asicShare(cloud),
    });
    if ('declined' in terms) throw new Error(`${holding.cloud} declines ${vendor.id}'s opening contract: ${terms.declined}`);
    const steps = [{ fromTick: tick, capacityMTok: holding.capacityMTok }];
    return {
      id: `contract-${world.contractsSigned + i + 1}`,
      vendor: vendor.id,
      cloud: holding.cloud,
      priceUsdPerMTok: terms.priceUsdPerMTok,
      asicShare: terms.asicShare,
      use: 'inference',
      delivered: steps,
      ordered: steps,
      startTick: tick,
      endTick: tick + holding.months,
    };
  });
}
