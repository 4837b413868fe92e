import type { CloudId, ComputeContract, Deal, DealStatus, VendorBooks, VendorId } from './state.js';

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
export interface EnterpriseAbandoned extends At<'enterprise.abandoned'> {
  readonly enterprise: number;
  readonly vendor: VendorId;
  /** Return on spend at exit; null when the model left the channel and nothing replaced it. */
  readonly roi: number | null;
}
export interface EnterpriseSwitched extends At<'enterprise.switched'> {
  readonly enterprise: number;
  readonly from: VendorId;
  readonly to: VendorId;
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
}
/** Training compute bought from a cloud; accrues towards the vendor's next model release. */
export interface VendorTrained extends At<'vendor.trained'> {
  readonly vendor: VendorId;
  /** null when the vendor trains in its own data centres. */
  readonly cloud: CloudId | null;
  readonly spendUsd: number;
}
export interface ConsumersSubscribed extends At<'consumers.subscribed'> {
  readonly vendor: VendorId;
  readonly subscribers: number;
  readonly brand: number;
}
/** The month's books of a vendor, all but training (booked by vendor.trained); compute by cloud is inference only. */
export interface VendorMonthClosed extends At<'vendor.month-closed'>, Omit<VendorBooks, 'trainingComputeUsd'> {
  readonly vendor: VendorId;
}
export interface CloudMonthClosed extends At<'cloud.month-closed'> {
  readonly cloud: CloudId;
  /** Inference reservations billed to vendors this month (training is booked by vendor.trained). */
  readonly inferenceRevenueUsd: number;
  readonly fleetCostUsd: number;
  readonly marketplaceRevenueUsd: number;
  readonly hostingRevenueUsd: number;
  readonly hostingMTok: number;
}
export interface CloudCapacityAdded extends At<'cloud.capacity-added'> {
  readonly cloud: CloudId;
  readonly gpuMTok: number;
  readonly asicMTok: number;
  readonly capexUsd: number;
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
/** A round from financial investors, when no cloud's offer was taken. */
export interface VendorFunded extends At<'vendor.funded'> {
  readonly vendor: VendorId;
  readonly amountUsd: number;
}
export interface InvestmentOffered extends At<'investment.offered'> {
  readonly cloud: CloudId;
  readonly vendor: VendorId;
  readonly amountUsd: number;
  readonly equityShare: number;
  readonly status: DealStatus;
  readonly computeCommitmentUsd: number;
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
  | VendorPriceChanged
  | VendorModelReleased
  | VendorTrained
  | ConsumersSubscribed
  | VendorMonthClosed
  | CloudMonthClosed
  | CloudCapacityAdded
  | CloudAsicDeployed
  | CloudOpenModelPriced
  | ComputeRequested
  | ComputeOffered
  | ComputeDeclined
  | ComputeOfferAccepted
  | ComputeOfferRejected
  | ComputeContractSigned
  | ComputeContractExpired
  | VendorComputeShort
  | VendorFundingSought
  | VendorFunded
  | InvestmentOffered
  | InvestmentRejected
  | InvestmentClosed
  | InvestmentInForce
  | CorporateMerged
  | CloudCapacityShocked
  | PolicyChanged;

export type MarketEventType = MarketEvent['type'];
