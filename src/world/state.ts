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
  /** Tokens consumed by its app's free users (weekly users who do not pay): served at its cost, billed to nobody. */
  readonly freeUserDemandMTok: number;
  /** Tokens actually served (API, subscribers and free users), capped by contracted capacity. */
  readonly servedMTok: number;
  readonly capacityMTok: number;
  readonly revenueApiDirectUsd: number;
  /** API revenue sold through cloud marketplaces, booked gross by the vendor. */
  readonly revenueMarketplaceUsd: number;
  readonly revenueSubscriptionUsd: number;
  /** Paid to clouds out of marketplace revenue. */
  readonly revenueShareUsd: number;
  /** The same, by the cloud that kept it. */
  readonly revenueShareByCloud: Readonly<Record<CloudId, number>>;
  /** Reserved inference capacity that served tokens this month: the cost of revenue per token served. */
  readonly inferenceComputeUsd: number;
  /**
   * Reserved inference capacity that stood idle this month, paid all the same (take-or-pay): in
   * gross margin, not in the unit cost of a token served.
   */
  readonly idleCapacityUsd: number;
  /** Training compute bought this month (operating expense, not cost of revenue). */
  readonly trainingComputeUsd: number;
  /** Paid this month for committed compute left unbought at the end of a commitment's term. */
  readonly commitmentShortfallUsd: number;
  /** Training the vendor wanted to buy by the month and no cloud it may use had free capacity for. */
  readonly trainingUnmetUsd: number;
  /**
   * Its small tier's share of the month, present only for a vendor that sells one: the API tokens
   * enterprises asked of it, and the compute one of its tokens takes as a share of a frontier token's.
   */
  readonly smallTier?: { readonly apiDemandMTok: number; readonly servingCostShare: number };
  /** Cash raised this month in rounds (clouds' investments, other investors). */
  readonly raisedUsd: number;
  /** Inference reservations (used and idle), training and commitment shortfalls paid to each cloud this month. */
  readonly computeSpendByCloud: Readonly<Record<CloudId, number>>;
}

/** A closed vendor's cheap tier: its own quality (text and coding), list price and serving cost. */
export interface SmallTier {
  readonly quality: number;
  readonly codingQuality: number;
  readonly priceUsdPerMTok: number;
  /** The compute a token of it takes, as a share of a frontier token's. */
  readonly servingCostShare: number;
}

export interface VendorState {
  readonly id: VendorId;
  readonly weights: Weights;
  /** Capability index: GPT-4 (March 2023) = 1.0. */
  readonly quality: number;
  /**
   * The same index for coding work (SWE-bench Verified at release, on quality's scale); its
   * quality where nothing is reported. Enterprises weigh the two by their work's coding share.
   */
  readonly codingQuality: number;
  /** API list price, blended input/output, USD per million tokens; 0 for open weights. */
  readonly priceUsdPerMTok: number;
  /** Its small tier (GPT-4o mini, Claude Haiku); absent when it sells one model. */
  readonly smallTier?: SmallTier;
  /** Whether the vendor sells a consumer chat subscription (ChatGPT, Claude, ...). */
  readonly hasConsumerApp: boolean;
  /** Consumer brand strength, 0..1. */
  readonly brand: number;
  readonly subscribers: number;
  /** People who used its app this month, paying and free (at least its subscribers). */
  readonly weeklyUsers: number;
  /** Training spend accumulated since the last model release. */
  readonly trainingSinceReleaseUsd: number;
  /** Tick of its last model release; null before the first in the run. */
  readonly lastReleaseTick: number | null;
  /**
   * Training compute the vendor has used, all told: its stock before the run (config
   * `trainingStockUsd`) and every month's training since, in dollars at the run's starting
   * hardware price (vendor.trained's computeUsd). Quality follows it (the capital-plan policy).
   */
  readonly trainingStockUsd: number;
  /** The training stock when its current model shipped (at the start: the stock before the run). */
  readonly stockAtReleaseUsd: number;
  /** Cash raised in rounds since the start of the run (clouds' investments, other investors), USD. */
  readonly raisedToDateUsd: number;
  /** Revenue of its last 13 closed months, oldest first (fewer early in the run): what its growth is measured on. */
  readonly recentRevenueUsd: readonly number[];
  /** Compute its tokens took in its last 13 closed months (computeDemandMTok), oldest first: the trend it orders capacity on. */
  readonly recentComputeDemandMTok: readonly number[];
  /** Cash on hand; moves only through booked flows, investments and funding rounds. */
  readonly cashUsd: number;
  /** The cloud whose group owns the vendor (Google's Gemini and Google Cloud), or null. */
  readonly owner: CloudId | null;
  /** True once merged into its owner: compute at cost, no revenue share on the owner's marketplace. */
  readonly integrated: boolean;
  /** Consecutive months in which its first-choice cloud could not cover its compute need. */
  readonly monthsShort: number;
  /**
   * The cap table: share of the vendor each holder owns, summing to 1 (src/world/cap-table.ts).
   * Investors are a cloud id or another investor's id; the remainder holder (its owner, or
   * `founders-and-others`) owns the rest. Every round dilutes every holder.
   */
  readonly equity: Readonly<Record<string, number>>;
  /** Post-money valuation of its last round in the run, USD; null before its first. */
  readonly lastRoundPostMoneyUsd: number | null;
  readonly books: VendorBooks;
}

/**
 * Whether a deal ties the vendor's compute to the investing cloud, strongest first: exclusive (only
 * the investor and the clouds it permits), right of first refusal (the investor is asked first for
 * all new capacity and may match; other clouds get what it declines), primary (asked first for most
 * of it), none.
 */
export type DealStatus = 'exclusive' | 'right-of-first-refusal' | 'primary' | 'none';

/** An investment in a vendor: cash for equity, with conditions when the investor is a cloud. */
export interface Deal {
  readonly id: string;
  /** A cloud id, or the id of another investor (softbank, nvidia, funds). */
  readonly investor: string;
  /** The investing cloud; null for investors that are not clouds (they tie no compute). */
  readonly cloud: CloudId | null;
  readonly vendor: VendorId;
  readonly tick: number;
  readonly amountUsd: number;
  /**
   * Equity bought, share of the vendor when the deal closes: amountUsd ÷ (preMoneyUsd + amountUsd).
   * Parts of one round close in turn, each priced at the round's pre-money plus what the parts
   * before it raised, so each ends at amount ÷ the round's post-money.
   */
  readonly equityShare: number;
  /** Pre-money valuation it was priced at, USD; null for a deal struck before the run, whose price the config does not give. */
  readonly preMoneyUsd: number | null;
  readonly status: DealStatus;
  /** Share of the vendor's capacity at the investor that must run on the investor's ASICs. */
  readonly minAsicShare: number;
  /** Under exclusivity, the other clouds the investor lets the vendor buy compute from. */
  readonly permittedClouds: readonly CloudId[];
}

/**
 * Compute spend a vendor has bound itself to buy from a cloud over a term (from an investment's
 * conditions or signed on its own, without cash). Its compute bought from the cloud pays it down;
 * what is left at the end of the term is paid anyway (take-or-pay).
 */
export interface ComputeCommitment {
  readonly id: string;
  readonly vendor: VendorId;
  readonly cloud: CloudId;
  readonly amountUsd: number;
  readonly remainingUsd: number;
  /** First tick whose spend counts; the term ends before endTick. */
  readonly startTick: number;
  readonly endTick: number;
  /** The investment that brought it, or null for a commitment signed on its own. */
  readonly dealId: string | null;
}

export interface CloudBooks {
  /** Compute sold to vendors (inference reservations + training). */
  readonly vendorComputeRevenueUsd: number;
  /** Revenue share kept on vendors' marketplace sales. */
  readonly marketplaceRevenueUsd: number;
  /** Open-weights models served to enterprises at the cloud's own price. */
  readonly hostingRevenueUsd: number;
  /** Open-weights tokens served this month. */
  readonly hostingMTok: number;
  /** Open-weights tokens enterprises asked of the cloud this month; above hostingMTok when its fleet was full. */
  readonly hostingDemandMTok: number;
  /** Capacity in service under vendors' contracts this month (serving, training or both). */
  readonly contractedMTok: number;
  /** Training compute sold by the month, in the fleet's units (MTok of inference capacity per month). */
  readonly trainingMTok: number;
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

/** What a contract's capacity is for: serving tokens, training models, or serving first and training on the rest. */
export type ContractUse = 'inference' | 'training' | 'both';

/** Capacity from a tick on, until the next step. */
export interface CapacityStep {
  readonly fromTick: number;
  readonly capacityMTok: number;
}

export interface ComputeContract {
  readonly id: string;
  readonly vendor: VendorId;
  readonly cloud: CloudId;
  readonly priceUsdPerMTok: number;
  /** Share of the contracted capacity that runs on the cloud's ASICs. */
  readonly asicShare: number;
  readonly use: ContractUse;
  /** Capacity the cloud delivers, step by step (one step unless the contract ramps or came late); none before the first. */
  readonly delivered: readonly CapacityStep[];
  /** Capacity the contract calls for, step by step; above `delivered` while the cloud is still building. */
  readonly ordered: readonly CapacityStep[];
  /** First tick the contract runs; last tick is endTick - 1. */
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
  /** Vendors in the market: a vendor that enters later is absent until its month. */
  readonly vendors: Readonly<Record<VendorId, VendorState>>;
  readonly clouds: Readonly<Record<CloudId, CloudState>>;
  readonly contracts: readonly ComputeContract[];
  readonly listings: readonly Listing[];
  readonly deals: readonly Deal[];
  readonly commitments: readonly ComputeCommitment[];
  /** Capacity clouds are building for contracts beyond their fleet, not yet in service. */
  readonly construction: readonly Construction[];
  readonly contractsSigned: number;
  /** Deals and commitments made so far, for their ids. */
  readonly dealsMade: number;
  readonly commitmentsMade: number;
}

/** Capacity a cloud is building because a contract called for more than its fleet had free. */
export interface Construction {
  readonly cloud: CloudId;
  readonly contractId: string;
  readonly gpuMTok: number;
  readonly asicMTok: number;
  /** The month it comes into service (and its capex is booked). */
  readonly readyTick: number;
}

export const EMPTY_VENDOR_BOOKS: VendorBooks = {
  apiDemandMTok: 0,
  subscriberDemandMTok: 0,
  freeUserDemandMTok: 0,
  servedMTok: 0,
  capacityMTok: 0,
  revenueApiDirectUsd: 0,
  revenueMarketplaceUsd: 0,
  revenueSubscriptionUsd: 0,
  revenueShareUsd: 0,
  revenueShareByCloud: {},
  inferenceComputeUsd: 0,
  idleCapacityUsd: 0,
  trainingComputeUsd: 0,
  commitmentShortfallUsd: 0,
  trainingUnmetUsd: 0,
  raisedUsd: 0,
  computeSpendByCloud: {},
};

export const EMPTY_CLOUD_BOOKS: CloudBooks = {
  vendorComputeRevenueUsd: 0,
  marketplaceRevenueUsd: 0,
  hostingRevenueUsd: 0,
  hostingMTok: 0,
  hostingDemandMTok: 0,
  contractedMTok: 0,
  trainingMTok: 0,
  fleetCostUsd: 0,
  capexUsd: 0,
  unmetRequestsMTok: 0,
};

/** Capacity of a schedule of steps at a tick: the last step begun, 0 before the first. */
export function stepCapacityAt(steps: readonly CapacityStep[], tick: number): number {
  let capacity = 0;
  for (const step of steps) {
    if (step.fromTick > tick) break;
    capacity = step.capacityMTok;
  }
  return capacity;
}

/** Capacity a contract puts in service at a tick (0 outside its term or before delivery). */
export function contractCapacityAt(contract: ComputeContract, tick: number): number {
  return contract.startTick <= tick && tick < contract.endTick ? stepCapacityAt(contract.delivered, tick) : 0;
}

/** Capacity a contract calls for at a tick but the cloud has not delivered yet. */
export function undeliveredAt(contract: ComputeContract, tick: number): number {
  if (contract.startTick > tick || tick >= contract.endTick) return 0;
  return Math.max(0, stepCapacityAt(contract.ordered, tick) - stepCapacityAt(contract.delivered, tick));
}

/** Whether the contract's capacity serves tokens (inference or both). */
export function servesInference(contract: ComputeContract): boolean {
  return contract.use !== 'training';
}

/** Capacity the vendor can serve tokens with at a tick. */
export function capacityAt(state: WorldState, vendor: VendorId, tick: number): number {
  let total = 0;
  for (const c of state.contracts) {
    if (c.vendor === vendor && servesInference(c)) total += contractCapacityAt(c, tick);
  }
  return total;
}

/**
 * A vendor's capacity position `monthsAhead` months after `tick`: one month ahead, the capacity
 * its serving contracts will have in service then; further ahead, what they call for then, in
 * service or still to be built (a build under way is coming; a curtailed contract calls for less,
 * src/world/apply-event.ts), each contract that ends before then counted at its last month (it
 * would be renewed).
 */
export function capacityScheduledAt(state: WorldState, vendor: VendorId, tick: number, monthsAhead: number): number {
  const horizon = tick + Math.max(1, Math.round(monthsAhead));
  let total = 0;
  for (const c of state.contracts) {
    if (c.vendor !== vendor || !servesInference(c) || c.startTick > horizon || c.endTick <= tick + 1) continue;
    total += stepCapacityAt(horizon === tick + 1 ? c.delivered : c.ordered, Math.min(horizon, c.endTick - 1));
  }
  return total;
}

export function vendorRevenueUsd(books: VendorBooks): number {
  return books.revenueApiDirectUsd + books.revenueMarketplaceUsd + books.revenueSubscriptionUsd;
}

/** The part of a vendor's books its tokens are counted from (a `vendor.month-closed` event carries it too). */
export type TokenBooks = Pick<VendorBooks, 'apiDemandMTok' | 'subscriberDemandMTok' | 'freeUserDemandMTok' | 'servedMTok' | 'smallTier'>;

/** Tokens asked of a vendor in a month: its API's, its subscribers' and its free users'. */
export function totalDemandMTok(books: TokenBooks): number {
  return books.apiDemandMTok + books.subscriberDemandMTok + books.freeUserDemandMTok;
}

/**
 * The compute those tokens take, in frontier-token MTok (what capacity is counted in): a small-tier
 * token takes its servingCostShare of one. The tokens themselves for a vendor with one model.
 */
export function computeDemandMTok(books: TokenBooks): number {
  const small = books.smallTier;
  return totalDemandMTok(books) - (small ? small.apiDemandMTok * (1 - small.servingCostShare) : 0);
}

/** The compute the month's served tokens took: the compute asked × the share served (the tokens served for a vendor with one model). */
export function servedComputeMTok(books: TokenBooks): number {
  return books.smallTier ? computeDemandMTok(books) * servedShare(books) : books.servedMTok;
}

/** The app's free users: weekly users who do not pay. */
export function freeUsers(vendor: VendorState): number {
  return Math.max(0, vendor.weeklyUsers - vendor.subscribers);
}

/** Share of last month's demand (API, subscribers and free users) the vendor could serve; 1 without demand. */
export function servedShare(books: TokenBooks): number {
  const demand = totalDemandMTok(books);
  return demand > 0 ? Math.min(1, books.servedMTok / demand) : 1;
}

/** (revenue − inference compute, used and idle − revenue share) / revenue; null without revenue, where a margin means nothing. */
/** Months of revenue and of compute demand a vendor's state keeps: this month and the same month a year before. */
export const REVENUE_MONTHS_KEPT = 13;

/** Revenue growth over the last 12 months (a multiple), or null before 13 months are closed or from nothing. */
export function revenueGrowthYear(vendor: VendorState): number | null {
  const months = vendor.recentRevenueUsd;
  if (months.length < REVENUE_MONTHS_KEPT || !(months[0]! > 0)) return null;
  return months[months.length - 1]! / months[0]!;
}

/**
 * Monthly growth of the compute the vendor's tokens take, averaged over the months its state keeps
 * (up to a year): the trend it projects its demand on when capacity takes months to come. 1 with
 * fewer than two months closed or from nothing.
 */
export function computeDemandTrendPerMonth(vendor: VendorState): number {
  const months = vendor.recentComputeDemandMTok;
  if (months.length < 2 || !(months[0]! > 0)) return 1;
  return (months[months.length - 1]! / months[0]!) ** (1 / (months.length - 1));
}

export function grossMargin(books: VendorBooks): number | null {
  const revenue = vendorRevenueUsd(books);
  if (revenue <= 0) return null;
  return (revenue - books.inferenceComputeUsd - books.idleCapacityUsd - books.revenueShareUsd) / revenue;
}

export function fleetMTok(cloud: CloudState): number {
  return cloud.gpuCapacityMTok + cloud.asicCapacityMTok;
}

/** Capacity of the cloud in use this month: vendors' contracts, open weights hosted, training sold by the month. */
export function capacityInUseMTok(cloud: CloudState): number {
  return cloud.books.contractedMTok + cloud.books.hostingMTok + cloud.books.trainingMTok;
}

/** Capacity of the cloud's fleet still free this month, as far as the month's books have gone. */
export function freeCapacityMTok(cloud: CloudState): number {
  return Math.max(0, fleetMTok(cloud) - capacityInUseMTok(cloud));
}

const TIE_RANK: Readonly<Record<DealStatus, number>> = { exclusive: 0, 'right-of-first-refusal': 1, primary: 2, none: 3 };

/** Deals in which a cloud holds the vendor's compute, strongest tie first, then newest first. */
export function tyingDeals(state: WorldState, vendor: VendorId): (Deal & { cloud: CloudId })[] {
  return state.deals
    .filter((d): d is Deal & { cloud: CloudId } => d.vendor === vendor && d.cloud !== null && d.status !== 'none')
    .sort((a, b) => TIE_RANK[a.status] - TIE_RANK[b.status] || b.tick - a.tick);
}

/** The exclusive deal in force for a vendor, if any (the newest wins). */
export function exclusiveDeal(state: WorldState, vendor: VendorId): (Deal & { cloud: CloudId }) | undefined {
  return tyingDeals(state, vendor).find((d) => d.status === 'exclusive');
}

/** The cloud holding a right of first refusal on the vendor's new capacity, if no exclusive deal does more. */
export function firstRefusalDeal(state: WorldState, vendor: VendorId): (Deal & { cloud: CloudId }) | undefined {
  const strongest = tyingDeals(state, vendor)[0];
  return strongest?.status === 'right-of-first-refusal' ? strongest : undefined;
}

export function asicShare(cloud: CloudState): number {
  const fleet = cloud.gpuCapacityMTok + cloud.asicCapacityMTok;
  return fleet > 0 ? cloud.asicCapacityMTok / fleet : 0;
}
