import type { CloudId, ComputeCommitment, ComputeContract, Construction, Deal, DealStatus, Listing, VendorBooks, VendorId, VendorState } from './state.js';

/** How an enterprise reaches a model: the vendor's own API or its cloud's marketplace. */
export type Channel = 'direct' | 'marketplace';

interface At<T extends string> {
  readonly type: T;
  readonly tick: number;
}

/** Opens a month: the books of every vendor and cloud start again from zero. */
export interface MarketMonthOpened extends At<'market.month-opened'> {}

export interface EnterpriseAdopted extends At<'enterprise.adopted'> {
  readonly enterprise: number;
  readonly vendor: VendorId;
  readonly channel: Channel;
  readonly cloud: CloudId;
  /** Expected return on spend of the chosen model: (value − price) / price. */
  readonly roi: number;
}
export interface EnterpriseInProduction extends At<'enterprise.in-production'> {
  readonly enterprise: number;
  readonly vendor: VendorId;
}
/**
 * An enterprise gives up AI: its pilot's return fell short of the hurdle (with that return), or its
 * model left its channel and no other model is there to move to (no return was measured).
 */
export type EnterpriseAbandoned = At<'enterprise.abandoned'> & {
  readonly enterprise: number;
  readonly vendor: VendorId;
} & ({ readonly reason: 'roi-below-hurdle'; readonly roi: number } | { readonly reason: 'model-unavailable' });
export interface EnterpriseSwitched extends At<'enterprise.switched'> {
  readonly enterprise: number;
  readonly from: VendorId;
  readonly to: VendorId;
  readonly monthlyGainUsd: number;
  readonly switchingCostUsd: number;
}
/**
 * An adopter puts a further vendor's model in production beside those it runs (allocation
 * logit-split), dropping the one it uses least when it already runs as many as it may.
 */
export interface EnterpriseVendorAdded extends At<'enterprise.vendor-added'> {
  readonly enterprise: number;
  readonly vendor: VendorId;
  /** The vendor it stops using to make room, or null. */
  readonly dropped: VendorId | null;
  readonly monthlyGainUsd: number;
  readonly switchingCostUsd: number;
}
export interface VendorPriceChanged extends At<'vendor.price-changed'> {
  readonly vendor: VendorId;
  readonly fromUsdPerMTok: number;
  readonly toUsdPerMTok: number;
}
export interface VendorModelReleased extends At<'vendor.model-released'> {
  readonly vendor: VendorId;
  readonly fromQuality: number;
  readonly toQuality: number;
  /** The new model's coding quality (`VendorState.codingQuality`). */
  readonly toCodingQuality: number;
  /**
   * Present when the model is the vendor's new small tier (quality and coding quality above, from
   * its old small model's, 0 when it had none), with the tier's price and serving cost from now on.
   */
  readonly smallTier?: { readonly priceUsdPerMTok: number; readonly servingCostShare: number };
  /**
   * A new frontier model that leaves the vendor's small tier as it is (a scripted release that
   * names only the frontier: the small model changes by its own release). Absent: the small tier
   * becomes `distilledSmallTier` when given, else it is lifted in step with the frontier.
   */
  readonly smallTierKept?: true;
  /**
   * A trained generation's small model, distilled from the outgoing frontier
   * (`compute.distillationReach`): the small tier's quality and coding quality from now on, at its
   * price and serving cost. Absent: as `smallTierKept` says.
   */
  readonly distilledSmallTier?: { readonly quality: number; readonly codingQuality: number };
}
/** Training compute bought from a cloud; accrues towards the vendor's next model release. */
export interface VendorTrained extends At<'vendor.trained'> {
  readonly vendor: VendorId;
  /** null when the vendor trains in its own data centres. */
  readonly cloud: CloudId | null;
  /** The contract whose capacity it trained on; null for compute bought by the month. */
  readonly contractId: string | null;
  readonly spendUsd: number;
  /** Capacity bought by the month from the cloud's free fleet, MTok of inference capacity; 0 on a contract or in its own data centres. */
  readonly mTok: number;
  /**
   * The compute the spend buys, in dollars at the run's starting hardware price (spend × GPU cost
   * at the start ÷ GPU cost this month): what it adds to the vendor's training stock.
   */
  readonly computeUsd: number;
}
/** Training a vendor wanted to buy by the month that no cloud it may use had free capacity for. */
export interface VendorTrainingRationed extends At<'vendor.training-rationed'> {
  readonly vendor: VendorId;
  /** The cloud it asked first, which counts the unmet capacity among the requests it could not serve. */
  readonly cloud: CloudId;
  readonly unmetUsd: number;
  readonly unmetMTok: number;
}
export interface ConsumersSubscribed extends At<'consumers.subscribed'> {
  readonly vendor: VendorId;
  readonly subscribers: number;
  /** Its weekly users, paying and free (its subscribers when the scenario has no weekly users). */
  readonly weeklyUsers: number;
  readonly brand: number;
}
/**
 * The month's books of a vendor, all but training (booked by vendor.trained) and commitment
 * shortfalls (compute.commitment-settled); compute by cloud is inference only.
 */
export interface VendorMonthClosed
  extends At<'vendor.month-closed'>,
    Omit<VendorBooks, 'trainingComputeUsd' | 'commitmentShortfallUsd' | 'trainingUnmetUsd' | 'raisedUsd'> {
  readonly vendor: VendorId;
}
export interface CloudMonthClosed extends At<'cloud.month-closed'> {
  readonly cloud: CloudId;
  /** Inference reservations, used and idle, billed to vendors this month (training is booked by vendor.trained). */
  readonly inferenceRevenueUsd: number;
  readonly fleetCostUsd: number;
  readonly marketplaceRevenueUsd: number;
  readonly hostingRevenueUsd: number;
  readonly hostingMTok: number;
  readonly hostingDemandMTok: number;
  readonly contractedMTok: number;
}
export interface CloudCapacityAdded extends At<'cloud.capacity-added'> {
  readonly cloud: CloudId;
  readonly gpuMTok: number;
  readonly asicMTok: number;
  readonly capexUsd: number;
  /** The contract the capacity was built for, when it completes a construction; null for the capex cycle. */
  readonly forContract: string | null;
}
/** A contract called for more than the cloud had free: it builds the rest, in service at readyTick. */
export interface CloudConstructionStarted extends At<'cloud.construction-started'> {
  readonly construction: Construction;
}
export interface CloudAsicDeployed extends At<'cloud.asic-deployed'> {
  readonly cloud: CloudId;
  readonly asicMTok: number;
  readonly capexUsd: number;
  readonly maturityBefore: number;
  readonly maturityAfter: number;
}
export interface CloudOpenModelPriced extends At<'cloud.open-model-priced'> {
  readonly cloud: CloudId;
  readonly priceUsdPerMTok: number;
}
export interface ComputeRequested extends At<'compute.requested'> {
  readonly requestId: string;
  readonly vendor: VendorId;
  readonly cloud: CloudId;
  readonly capacityMTok: number;
  readonly months: number;
  /** What the capacity is for: serving tokens, or training (a contract whose whole bill is training). */
  readonly use: 'inference' | 'training';
  /**
   * The month the capacity is wanted from: next month, or later for a lab ordering ahead of a
   * build (a cloud of its group builds what its fleet will not have by then).
   */
  readonly fromTick: number;
}
export interface ComputeOffered extends At<'compute.offered'> {
  readonly requestId: string;
  readonly vendor: VendorId;
  readonly cloud: CloudId;
  readonly capacityMTok: number;
  readonly priceUsdPerMTok: number;
  readonly asicShare: number;
  readonly months: number;
}
export interface ComputeDeclined extends At<'compute.declined'> {
  readonly requestId: string;
  readonly vendor: VendorId;
  readonly cloud: CloudId;
  readonly reason: string;
}
export interface ComputeOfferAccepted extends At<'compute.offer-accepted'> {
  readonly requestId: string;
  readonly vendor: VendorId;
  readonly cloud: CloudId;
}
export interface ComputeOfferRejected extends At<'compute.offer-rejected'> {
  readonly requestId: string;
  readonly vendor: VendorId;
  readonly cloud: CloudId;
  readonly reason: string;
}
export interface ComputeContractSigned extends At<'compute.contract-signed'> {
  readonly contract: ComputeContract;
}
export interface ComputeContractExpired extends At<'compute.contract-expired'> {
  readonly contractId: string;
  readonly vendor: VendorId;
  readonly cloud: CloudId;
  readonly capacityMTok: number;
}
export interface ComputeCommitmentMade extends At<'compute.commitment-made'> {
  readonly commitment: ComputeCommitment;
}
/** A commitment's term ended: what the vendor had not bought of it is paid to the cloud anyway. */
export interface ComputeCommitmentSettled extends At<'compute.commitment-settled'> {
  readonly commitmentId: string;
  readonly vendor: VendorId;
  readonly cloud: CloudId;
  readonly shortfallUsd: number;
}

/** A vendor's first-choice cloud could not cover its compute need (monthsShort 0: covered again). */
export interface VendorComputeShort extends At<'vendor.compute-short'> {
  readonly vendor: VendorId;
  readonly unmetMTok: number;
  readonly monthsShort: number;
}
/** A vendor running out of cash asks for a funding round. */
export interface VendorFundingSought extends At<'vendor.funding-sought'> {
  readonly vendor: VendorId;
  readonly amountUsd: number;
  /** Pre-money valuation: ARR × the vendor's revenue multiple. */
  readonly valuationUsd: number;
}
/**
 * The part of a round no cloud's offer took: raised from financial investors, or, for a vendor a
 * cloud's group owns, from its owner.
 */
export interface VendorFunded extends At<'vendor.funded'> {
  readonly vendor: VendorId;
  /** `financial-investors`, or the owning group. */
  readonly investor: string;
  readonly amountUsd: number;
  /** Pre-money valuation of this part of the round, USD. */
  readonly preMoneyUsd: number;
  /** Equity bought, share of the vendor after it: amountUsd ÷ (preMoneyUsd + amountUsd). */
  readonly equityShare: number;
}
export interface InvestmentOffered extends At<'investment.offered'> {
  readonly cloud: CloudId;
  readonly vendor: VendorId;
  readonly amountUsd: number;
  readonly equityShare: number;
  readonly status: DealStatus;
  readonly computeCommitmentUsd: number;
  readonly commitmentMonths: number;
  readonly minAsicShare: number;
  readonly permittedClouds: readonly CloudId[];
}
export interface InvestmentRejected extends At<'investment.rejected'> {
  readonly cloud: CloudId;
  readonly vendor: VendorId;
  readonly reason: string;
}
/** Cash for equity, with the deal's conditions in force from now on. */
export interface InvestmentClosed extends At<'investment.closed'> {
  readonly deal: Deal;
}
/** A deal struck before the run, in force from its start: no cash moves now. */
export interface InvestmentInForce extends At<'investment.in-force'> {
  readonly deal: Deal;
}
/**
 * The terms between an investor and a vendor change (every deal between them): a tie loosened or
 * ended, an equity stake restated after a recapitalisation, other clouds permitted.
 */
export interface DealAmended extends At<'deal.amended'> {
  readonly investor: string;
  readonly vendor: VendorId;
  readonly status?: DealStatus;
  /** The investor's whole stake after the amendment, share of the vendor. */
  readonly equityShare?: number;
  readonly permittedClouds?: readonly CloudId[];
  readonly minAsicShare?: number;
}
export interface ListingAdded extends At<'marketplace.listing-added'> {
  readonly listing: Listing;
}
export interface ListingRemoved extends At<'marketplace.listing-removed'> {
  readonly cloud: CloudId;
  readonly vendor: VendorId;
}
/** A vendor comes to market (DeepSeek in 2025-01): from now on enterprises can reach it. */
export interface VendorEntered extends At<'vendor.entered'> {
  readonly vendor: VendorState;
}
/** A scripted event the world at its month did not allow (a tie made by an agent forbids it): not applied. */
export interface ScheduledEventSkipped extends At<'schedule.event-skipped'> {
  /** Its id, or its place in the config's events. */
  readonly event: string;
  readonly eventType: string;
  readonly reason: string;
}
/** Vertical integration: the vendor becomes part of the cloud's group. */
export interface CorporateMerged extends At<'corporate.merged'> {
  readonly cloud: CloudId;
  readonly vendor: VendorId;
}
/** Capacity gained or lost outside the capex cycle (outage, supply shock, reallocation). */
export interface CloudCapacityShocked extends At<'cloud.capacity-shocked'> {
  readonly cloud: CloudId;
  readonly gpuMTok: number;
  readonly asicMTok: number;
}
/** An agent's decision rule replaced by another, from this month on. */
export interface PolicyChanged extends At<'policy.changed'> {
  /** "vendor/<id>", "cloud/<id>", "enterprises" or "consumers". */
  readonly agent: string;
  /** The agent's policy slot: pricing, compute, capex, switching, ... */
  readonly slot: string;
  readonly policy: { readonly type: string; readonly params: Readonly<Record<string, unknown>> };
}

export type MarketEvent =
  | MarketMonthOpened
  | EnterpriseAdopted
  | EnterpriseInProduction
  | EnterpriseAbandoned
  | EnterpriseSwitched
  | EnterpriseVendorAdded
  | VendorPriceChanged
  | VendorModelReleased
  | VendorTrained
  | VendorTrainingRationed
  | ConsumersSubscribed
  | VendorMonthClosed
  | CloudMonthClosed
  | CloudCapacityAdded
  | CloudConstructionStarted
  | CloudAsicDeployed
  | CloudOpenModelPriced
  | ComputeRequested
  | ComputeOffered
  | ComputeDeclined
  | ComputeOfferAccepted
  | ComputeOfferRejected
  | ComputeContractSigned
  | ComputeContractExpired
  | ComputeCommitmentMade
  | ComputeCommitmentSettled
  | VendorComputeShort
  | VendorFundingSought
  | VendorFunded
  | InvestmentOffered
  | InvestmentRejected
  | InvestmentClosed
  | InvestmentInForce
  | DealAmended
  | ListingAdded
  | ListingRemoved
  | VendorEntered
  | ScheduledEventSkipped
  | CorporateMerged
  | CloudCapacityShocked
  | PolicyChanged;

export type MarketEventType = MarketEvent['type'];
