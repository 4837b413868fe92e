import type { Scenario } from '../config/parse-scenario.js';
import type { AgentPolicies } from '../agents/agent-context.js';
import { fleetUnitCostUsdPerMTok, gpuCostUsdPerMTok, asicCostUsdPerMTok } from '../market/compute-cost.js';
import { asicShare, EMPTY_CLOUD_BOOKS, EMPTY_VENDOR_BOOKS, type CloudState, type ComputeContract, type VendorState, type WorldState } from '../world/state.js';

/** The world before the first month: vendors, clouds and marketplace listings, no contracts yet. */
export function initialWorld(scenario: Scenario, policies: AgentPolicies): WorldState {
  const vendors: Record<string, VendorState> = {};
  for (const v of scenario.vendors) {
    const app = v.weights === 'closed' ? v.consumerApp : undefined;
    vendors[v.id] = {
      id: v.id,
      weights: v.weights,
      quality: v.quality,
      priceUsdPerMTok: v.weights === 'closed' ? v.priceUsdPerMTok : 0,
      hasConsumerApp: app !== undefined,
      brand: app?.brand ?? 0,
      subscribers: app?.subscribers ?? 0,
      trainingSinceReleaseUsd: 0,
      cashUsd: v.weights === 'closed' ? v.cashUsd : 0,
      owner: v.weights === 'closed' ? (v.owner ?? null) : null,
      integrated: false,
      monthsShort: 0,
      books: EMPTY_VENDOR_BOOKS,
    };
  }
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
    listings: scenario.marketplace.map((l) => ({ ...l, revenueShare: openIds.has(l.vendor) ? 0 : l.revenueShare })),
    contractsSigned: 0,
  };
}

/**
 * The compute contracts vendors hold when the run starts, priced as the cloud would offer them
 * today; they are published as `compute.contract-signed` at tick 0 so the event log holds every
 * contract the books use.
 */
export function openingContracts(scenario: Scenario, policies: AgentPolicies, world: WorldState): ComputeContract[] {
  const contracts: ComputeContract[] = [];
  for (const vendor of scenario.vendors) {
    if (vendor.weights !== 'closed') continue;
    for (const holding of vendor.compute) {
      const cloud = world.clouds[holding.cloud]!;
      const terms = policies.clouds[holding.cloud]!.offer.offer({
        requestedMTok: holding.capacityMTok,
        transferAtCost: false,
        dealMinAsicShare: Math.max(
          0,
          ...scenario.dealsAtStart.filter((d) => d.vendor === vendor.id && d.cloud === holding.cloud).map((d) => d.minAsicShare),
        ),
        freeCapacityMTok: Number.POSITIVE_INFINITY,
        gpuCostUsdPerMTok: gpuCostUsdPerMTok(scenario.compute, 0),
        asicCostUsdPerMTok: asicCostUsdPerMTok(scenario.compute, 0, cloud.asicMaturity),
        fleetAsicShare: asicShare(cloud),
      });
      if ('declined' in terms) throw new Error(`${holding.cloud} declines ${vendor.id}'s opening contract: ${terms.declined}`);
      contracts.push({
        id: `contract-${contracts.length + 1}`,
        vendor: vendor.id,
        cloud: holding.cloud,
        capacityMTok: holding.capacityMTok,
        priceUsdPerMTok: terms.priceUsdPerMTok,
        asicShare: terms.asicShare,
        startTick: 0,
        endTick: holding.months,
      });
    }
  }
  return contracts;
}
