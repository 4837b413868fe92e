/**
 * What each kind of decision looks like to the engine. A policy in a config is
 * `{ "type": "...", "params": { ... } }`; the registry turns it into one of these. The engine
 * calls the interface and never branches on a policy's name.
 */

export interface AdoptionPolicy {
  /** Probability that an enterprise that has not adopted evaluates AI this month. */
  evaluationProbability(adoptedShare: number): number;
  readonly pilotMonths: number;
  /** Share of its full token demand an enterprise uses while piloting. */
  readonly pilotDemandShare: number;
  /** Minimum return on spend, (value − price) / price, to start a pilot and to go to production. */
  readonly hurdleRoi: number;
}

export interface SwitchingPolicy {
  /** Probability that an adopted enterprise reviews its model choice this month (inertia). */
  readonly reviewProbability: number;
  shouldSwitch(monthlyGainUsd: number, switchingCostUsd: number): boolean;
}

/** How an adopter spreads its work over the vendors it has in production. */
export interface AllocationPolicy {
  /** Most vendors an adopter has in production at once; 1: all its work on its primary. */
  readonly maxVendors: number;
  /** Logit temperature, as a share of the enterprise's value of a MTok of the best model (0 with one vendor). */
  readonly temperature: number;
  /** Share of the gap between its split of work and the logit's that an adopter closes in a month; 1: at once. */
  readonly adjustment: number;
}

/** How an adopter moves to a vendor's newer model. */
export interface UpgradePolicy {
  /** Chance a month that an adopter with a newer model pending moves to it; 1: the month it ships, without a draw. */
  readonly monthlyProbability: number;
}

/** What an adopter's token demand grows with, beyond time. */
export interface DemandPolicy {
  /** κ: work × (quality of the best model the adopter runs ÷ the best at the start)^κ; 0: time alone. */
  readonly capabilityElasticity: number;
  /** The most quality can multiply an adopter's work by. */
  readonly maxLift: number;
}

export interface RivalOffer {
  readonly priceUsdPerMTok: number;
  readonly quality: number;
  /** Last month's enterprise tokens, to weight the rival's price by its weight in the market. */
  readonly volumeMTok: number;
}

export interface PricingView {
  readonly priceUsdPerMTok: number;
  /** What one MTok of reserved capacity costs the vendor now. */
  readonly unitCostUsdPerMTok: number;
  readonly quality: number;
  readonly rivals: readonly RivalOffer[];
}

export interface PricingPolicy {
  nextPrice(view: PricingView): number;
}

export interface ComputeView {
  /** Premium, as a share of the price, of moving ASIC-bound work to this cloud. */
  readonly portingPremium: number;
  /** Whether the offering cloud is the vendor's first choice this month. */
  readonly firstChoice: boolean;
  /**
   * What compute costs the vendor at its first-choice cloud: that cloud's offer this month, else
   * the capacity-weighted price of its contracts; null when it has neither. USD per MTok.
   */
  readonly referencePriceUsdPerMTok: number | null;
  /** Tokens asked of the vendor this month (API + subscribers), MTok. */
  readonly demandMTok: number;
  /** Demand growth over the last month, as a ratio (1.05 = +5 %). */
  readonly demandGrowth: number;
  /** Monthly demand growth over up to the last 12 months (the trend), as a ratio. */
  readonly demandTrendPerMonth: number;
  /**
   * Capacity its contracts will have in service in the month asked for (`monthsToService` ahead),
   * builds under way included, contracts ending before then counted at their last month, MTok.
   * Next month's capacity when asking for next month.
   */
  readonly capacityOnOrderMTok: number;
  /** Months ahead the capacity is asked for: 1 (next month), or a build lead ahead when a cloud of its group builds it. */
  readonly monthsToService: number;
  readonly apiPriceUsdPerMTok: number;
}

export interface ComputeOfferTerms {
  readonly capacityMTok: number;
  readonly priceUsdPerMTok: number;
  readonly asicShare: number;
}

export interface ComputePolicy {
  /** Capacity to ask for, MTok per month; 0 when the vendor has enough. */
  capacityToRequest(view: ComputeView): number;
  readonly contractMonths: number;
  /** Months its first-choice cloud must fall short before the vendor asks others. */
  readonly diversifyAfterMonthsShort: number;
  /** Extra cost, as a share of price, of running elsewhere work that is bound to a cloud's ASICs. */
  readonly asicPortingCost: number;
  /** Share of each need asked of the second-choice cloud from the start. */
  readonly secondCloudShare: number;
  /** Share of the month's training plan the vendor holds under training contracts for next month (0 = buys all training by the month). */
  readonly trainingContractShare: number;
  /** Whether the vendor turns down training capacity on this much of the cloud's ASICs; null when it accepts it. */
  trainingRejectionReason(offer: ComputeOfferTerms): string | null;
  /** A reason to reject the offer, or null to accept it. */
  rejectionReason(offer: ComputeOfferTerms, view: ComputeView): string | null;
}

export interface ReleaseView {
  readonly quality: number;
  readonly trainingSinceReleaseUsd: number;
  /** Training compute used, all told, in dollars at the run's starting hardware price (VendorState.trainingStockUsd). */
  readonly trainingStockUsd: number;
  /** The training stock when the current model shipped. */
  readonly stockAtReleaseUsd: number;
  /** Months since the vendor's last model shipped (scripted or its own); since the start when none has. */
  readonly monthsSinceRelease: number;
  /** Best quality among the other vendors' models. */
  readonly frontierQuality: number;
  /** A standard normal draw from the vendor's own random stream, taken only when called. */
  drawNormal(): number;
}

/** What a vendor sizes its month's training plan from. */
export interface TrainingBudgetView {
  /** Its revenue this month, USD (0 for open weights). */
  readonly revenueUsd: number;
  /** Its valuation as marked (its last round's post-money, or the valuation policy's mark), USD; 0 for open weights. */
  readonly valuationUsd: number;
  /** What each rival bought of training last month, USD. */
  readonly rivalTrainingUsd: readonly number[];
  /** Its cash on hand, USD. */
  readonly cashUsd: number;
  /** Whether it raises rounds when short (it has a funding policy); a lab that cannot spends only its cash and revenue. */
  readonly canRaise: boolean;
  /** Years since the run began (a parent company's capital spending grows with them). */
  readonly years: number;
}

export interface TrainingPolicy {
  /** Training compute to buy this month, USD. */
  monthlySpendUsd(view: TrainingBudgetView): number;
  /** Quality of the model the vendor ships this month, or null when it ships none. */
  release(view: ReleaseView): number | null;
}

export interface OfferView {
  readonly requestedMTok: number;
  /** The vendor is part of the cloud's group after a merger: compute transfers at cost. */
  readonly transferAtCost: boolean;
  /** ASIC share the cloud's investment deal with the vendor requires. */
  readonly dealMinAsicShare: number;
  readonly freeCapacityMTok: number;
  readonly gpuCostUsdPerMTok: number;
  readonly asicCostUsdPerMTok: number;
  readonly fleetAsicShare: number;
  /** The ASIC share a signed contract fixes (an all-TPU deal, a deal on Nvidia GPUs); the policy's own choice otherwise. */
  readonly fixedAsicShare?: number;
}

export interface CloudOfferPolicy {
  /** Terms offered, or a reason to decline. */
  offer(view: OfferView): ComputeOfferTerms | { readonly declined: string };
}

export interface CapexView {
  readonly fleetMTok: number;
  /** Capacity committed to vendors next month plus last month's open-weights hosting, MTok. */
  readonly usedMTok: number;
  /** Capacity vendors asked for last month that the cloud could not offer, MTok. */
  readonly unmetRequestsMTok: number;
  /** Months elapsed since the start of the run. */
  readonly tick: number;
}

export interface CapexPolicy {
  /** New capacity to build this month, by chip family, MTok per month. */
  expansion(view: CapexView): { readonly gpuMTok: number; readonly asicMTok: number };
}

export interface HostingPricingPolicy {
  priceUsdPerMTok(unitCostUsdPerMTok: number): number;
}

export interface ConsumerAppeal {
  readonly brand: number;
  readonly quality: number;
  readonly subscribers: number;
}

export interface ConsumerChoicePolicy {
  /**
   * Next month's subscribers of each app, given the market's total paying subscribers: they add
   * up to that total, never more (the books' `subscribersWithinMarket` stops a run otherwise).
   */
  nextSubscribers(apps: readonly ConsumerAppeal[], totalSubscribers: number): number[];
  /** Next brand strength, 0..1, given the app's share of subscribers. */
  nextBrand(brand: number, subscriberShare: number): number;
}

export interface FundingView {
  readonly cashUsd: number;
  /** Cash spent last month beyond revenue (0 when profitable), USD. */
  readonly monthlyBurnUsd: number;
}

export interface InvestmentTerms {
  readonly amountUsd: number;
  readonly status: 'exclusive' | 'right-of-first-refusal' | 'primary' | 'none';
  readonly computeCommitmentUsd: number;
  /** Term of the compute commitment, months. */
  readonly commitmentMonths: number;
  readonly minAsicShare: number;
  readonly permittedClouds: readonly string[];
}

export interface FundingPolicy {
  /** Amount to raise now, USD; 0 when the runway is long enough. */
  amountToRaise(view: FundingView): number;
  /** A reason to turn down a cloud's investment, or null to take it. */
  rejectionReason(terms: InvestmentTerms): string | null;
}

export interface InvestmentView {
  readonly vendor: string;
  readonly amountSoughtUsd: number;
  /** Whether another cloud already holds an exclusive deal with the vendor. */
  readonly tiedElsewhere: boolean;
}

export interface CloudInvestmentPolicy {
  /** Terms offered to a vendor raising money, or null to stay out. */
  offer(view: InvestmentView): InvestmentTerms | null;
}

export interface PlacementView {
  /** The vendor belongs to the cloud's group (Gemini on Google Cloud). */
  readonly ownModel: boolean;
  readonly openWeights: boolean;
}

export interface MarketplacePolicy {
  /** Multiplier on the value marketplace buyers see in a listed model: > 1 favours it (placement, bundling). */
  placement(view: PlacementView): number;
}

export interface PolicyRoles {
  'enterprise-adoption': AdoptionPolicy;
  'enterprise-switching': SwitchingPolicy;
  'enterprise-allocation': AllocationPolicy;
  'enterprise-upgrade': UpgradePolicy;
  'enterprise-demand': DemandPolicy;
  'vendor-pricing': PricingPolicy;
  'vendor-compute': ComputePolicy;
  'vendor-training': TrainingPolicy;
  'cloud-offer': CloudOfferPolicy;
  'cloud-capex': CapexPolicy;
  'cloud-hosting-pricing': HostingPricingPolicy;
  'consumer-choice': ConsumerChoicePolicy;
  'vendor-funding': FundingPolicy;
  'cloud-investment': CloudInvestmentPolicy;
  'cloud-marketplace': MarketplacePolicy;
}

export type PolicyRole = keyof PolicyRoles;
