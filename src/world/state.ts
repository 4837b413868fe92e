/**
 * The world of vendors, clouds and compute contracts, as immer-managed immutable state. The
 * enterprise population is kept apart, in typed arrays (see population.ts): it is too large to
 * draft object by object every month.
 */

export type VendorId = string;
export type CloudId = string;
/** Closed-weights vendors sell an API; open weights (Meta Llama) are hosted by clouds. */
export type Weights = 'closed' | 'open';

/** A vendor's last closed month, all in USD per month or million tokens (MTok) per month. */
export interface VendorBooks {
  /** Enterprise API tokens asked of the vendor (all channels). */
  readonly apiDemandMTok: number;
  /** Tokens consumed by its consumer subscribers. */
  readonly subscriberDemandMTok: number;
  /** Tokens actually served (API + subscribers), capped by contracted capacity. */
  readonly servedMTok: number;
  readonly capacityMTok: number;
  readonly revenueApiDirectUsd: number;
  /** API revenue sold through cloud marketplaces, booked gross by the vendor. */
  readonly revenueMarketplaceUsd: number;
  readonly revenueSubscriptionUsd: number;
  /** Paid to clouds out of marketplace revenue. */
  readonly revenueShareUsd: number;
  /** Reserved inference capacity paid for this month (take-or-pay). */
  readonly inferenceComputeUsd: number;
  /** Training compute bought this month (operating expense, not cost of revenue). */
  readonly trainingComputeUsd: number;
  /** Inference reservations and training paid to each cloud this month. */
  readonly computeSpendByCloud: Readonly<Record<CloudId, number>>;
}

export interface VendorState {
  readonly id: VendorId;
  readonly weights: Weights;
  /** Capability index: GPT-4 (March 2023) = 1.0. */
  readonly quality: number;
  /** API list price, blended input/output, USD per million tokens; 0 for open weights. */
  readonly priceUsdPerMTok: number;
  /** Whether the vendor sells a consumer chat subscription (ChatGPT, Claude, ...). */
  readonly hasConsumerApp: boolean;
  /** Consumer brand strength, 0..1. */
  readonly brand: number;
  readonly subscribers: number;
  /** Training spend accumulated since the last model release. */
  readonly trainingSinceReleaseUsd: number;
  /** Cash on hand; moves only through booked flows, investments and funding rounds. */
  readonly cashUsd: number;
  /** The cloud whose group owns the vendor (Google's Gemini and Google Cloud), or null. */
  readonly owner: CloudId | null;
  /** True once merged into its owner: compute at cost, no revenue share on the owner's marketplace. */
  readonly integrated: boolean;
  /** Consecutive months in which its first-choice cloud could not cover its compute need. */
  readonly monthsShort: number;
  readonly books: VendorBooks;
}

/** Whether a deal ties the vendor's compute to the investing cloud. */
export type DealStatus = 'exclusive' | 'primary' | 'none';

/** A cloud's investment in a vendor: cash for equity, with conditions. */
export interface Deal {
  readonly id: string;
  readonly cloud: CloudId;
  readonly vendor: VendorId;
  readonly tick: number;
  readonly amountUsd: number;
  /** Equity bought, share of the vendor after the round. */
  readonly equityShare: number;
  readonly status: DealStatus;
  /** Compute spend the vendor still owes the investor under the deal. */
  readonly commitmentRemainingUsd: number;
  /** Share of the vendor's capacity at the investor that must run on the investor's ASICs. */
  readonly minAsicShare: number;
  /** Under exclusivity, the other clouds the investor lets the vendor buy compute from. */
  readonly permittedClouds: readonly CloudId[];
}

export interface CloudBooks {
  /** Compute sold to vendors (inference reservations + training). */
  readonly vendorComputeRevenueUsd: number;
  /** Revenue share kept on vendors' marketplace sales. */
  readonly marketplaceRevenueUsd: number;
  /** Open-weights models served to enterprises at the cloud's own price. */
  readonly hostingRevenueUsd: number;
  readonly hostingMTok: number;
  /** Running cost of the whole fleet this month. */
  readonly fleetCostUsd: number;
  readonly capexUsd: number;
  /** Capacity vendors asked for this month and the cloud could not offer, MTok per month. */
  readonly unmetRequestsMTok: number;
}

export interface CloudState {
  readonly id: CloudId;
  /** Fleet capacity in MTok of inference per month, by chip family. */
  readonly gpuCapacityMTok: number;
  readonly asicCapacityMTok: number;
  /** 0..1: how far the cloud's ASIC programme has closed its gap to its potential. */
  readonly asicMaturity: number;
  readonly asicCapexToDateUsd: number;
  /** Price of open-weights tokens on its marketplace, USD per MTok. */
  readonly openModelPriceUsdPerMTok: number;
  readonly books: CloudBooks;
}

export interface ComputeContract {
  readonly id: string;
  readonly vendor: VendorId;
  readonly cloud: CloudId;
  readonly capacityMTok: number;
  readonly priceUsdPerMTok: number;
  /** Share of the contracted capacity that runs on the cloud's ASICs. */
  readonly asicShare: number;
  /** First tick the capacity serves; last tick is endTick - 1. */
  readonly startTick: number;
  readonly endTick: number;
}

/** A model listed in a cloud's marketplace. */
export interface Listing {
  readonly cloud: CloudId;
  readonly vendor: VendorId;
  /** Share of the sale the cloud keeps (0 for open weights, whose whole price is the cloud's). */
  readonly revenueShare: number;
}

export interface WorldState {
  readonly tick: number;
  readonly vendors: Readonly<Record<VendorId, VendorState>>;
  readonly clouds: Readonly<Record<CloudId, CloudState>>;
  readonly contracts: readonly ComputeContract[];
  readonly listings: readonly Listing[];
  readonly deals: readonly Deal[];
  readonly contractsSigned: number;
}

export const EMPTY_VENDOR_BOOKS: VendorBooks = {
  apiDemandMTok: 0,
  subscriberDemandMTok: 0,
  servedMTok: 0,
  capacityMTok: 0,
  revenueApiDirectUsd: 0,
  revenueMarketplaceUsd: 0,
  revenueSubscriptionUsd: 0,
  revenueShareUsd: 0,
  inferenceComputeUsd: 0,
  trainingComputeUsd: 0,
  computeSpendByCloud: {},
};

export const EMPTY_CLOUD_BOOKS: CloudBooks = {
  vendorComputeRevenueUsd: 0,
  marketplaceRevenueUsd: 0,
  hostingRevenueUsd: 0,
  hostingMTok: 0,
  fleetCostUsd: 0,
  capexUsd: 0,
  unmetRequestsMTok: 0,
};

export function activeContracts(state: WorldState, tick: number): ComputeContract[] {
  return state.contracts.filter((c) => c.startTick <= tick && tick < c.endTick);
}

export function capacityAt(state: WorldState, vendor: VendorId, tick: number): number {
  let total = 0;
  for (const c of state.contracts) {
    if (c.vendor === vendor && c.startTick <= tick && tick < c.endTick) total += c.capacityMTok;
  }
  return total;
}

export function vendorRevenueUsd(books: VendorBooks): number {
  return books.revenueApiDirectUsd + books.revenueMarketplaceUsd + books.revenueSubscriptionUsd;
}

/** Share of last month's demand (API and subscribers) the vendor could serve; 1 without demand. */
export function servedShare(books: VendorBooks): number {
  const demand = books.apiDemandMTok + books.subscriberDemandMTok;
  return demand > 0 ? Math.min(1, books.servedMTok / demand) : 1;
}

/** (revenue − inference compute − revenue share) / revenue; NaN without revenue. */
export function grossMargin(books: VendorBooks): number {
  const revenue = vendorRevenueUsd(books);
  if (revenue <= 0) return Number.NaN;
  return (revenue - books.inferenceComputeUsd - books.revenueShareUsd) / revenue;
}

/** Deals in which the cloud holds the vendor's compute: exclusive first, then primary, newest first. */
export function tyingDeals(state: WorldState, vendor: VendorId): Deal[] {
  const rank = { exclusive: 0, primary: 1, none: 2 } as const;
  return state.deals
    .filter((d) => d.vendor === vendor && d.status !== 'none')
    .sort((a, b) => rank[a.status] - rank[b.status] || b.tick - a.tick);
}

/** The exclusive deal in force for a vendor, if any (the newest wins). */
export function exclusiveDeal(state: WorldState, vendor: VendorId): Deal | undefined {
  return tyingDeals(state, vendor).find((d) => d.status === 'exclusive');
}

export function asicShare(cloud: CloudState): number {
  const fleet = cloud.gpuCapacityMTok + cloud.asicCapacityMTok;
  return fleet > 0 ? cloud.asicCapacityMTok / fleet : 0;
}
