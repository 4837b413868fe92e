import type { TickContext } from './agent-context.js';
import type { InvestmentOffered } from '../world/events.js';
import { FINANCIAL_INVESTORS, shareBought } from '../world/cap-table.js';
import { revenueGrowthYear, vendorRevenueUsd, type ComputeCommitment, type Deal, type DealStatus, type WorldState } from '../world/state.js';

/** Valuation floor for a vendor with little revenue yet, USD (a seed-stage frontier lab). */
const MIN_VALUATION_USD = 1e9;

/** How a vendor is valued: its config's revenue multiple, and how the multiple follows growth. */
export interface ValuationTerms {
  /** Multiple of annualised revenue at the reference growth. */
  readonly revenueMultiple: number;
  /** multiple × (growth ÷ referenceGrowth)^this; 0 = one multiple whatever the growth. */
  readonly growthElasticity: number;
  /** Annual revenue growth (a multiple) at which revenueMultiple applies. */
  readonly referenceGrowth: number;
}

/** A closed vendor's valuation terms, from its config. */
export function valuationTermsOf(config: { valuationRevenueMultiple: number; valuationGrowthElasticity: number; valuationReferenceGrowth: number }): ValuationTerms {
  return { revenueMultiple: config.valuationRevenueMultiple, growthElasticity: config.valuationGrowthElasticity, referenceGrowth: config.valuationReferenceGrowth };
}


/**
 * The valuation policy: the pre-money valuation of a round the agents decide (and of a scripted
 * round that states none), annualised revenue × the vendor's revenue multiple, floored. The
 * multiple follows growth, as investors price it: × (revenue growth over the last 12 months ÷
 * the reference growth)^elasticity, growth taken between 1 and the reference (which is assumed
 * before 13 months are closed), so the multiple never exceeds the config's.
 */
export function valuationUsd(world: WorldState, vendor: string, terms: ValuationTerms): number {
  const state = world.vendors[vendor]!;
  // Growth counts between flat (a shrinking vendor is valued as a flat one) and the reference:
  // investors priced Anthropic at ×5 growth (run-rate ~$1B → ~$5B, 2025) at about the ~40× ARR
  // they gave OpenAI at ×2–3 (../shared/domain.md, 2025 rounds), so faster growth adds nothing.
  const growth = Math.min(terms.referenceGrowth, Math.max(1, revenueGrowthYear(state) ?? terms.referenceGrowth));
  const multiple = terms.revenueMultiple * (growth / terms.referenceGrowth) ** terms.growthElasticity;
  return Math.max(MIN_VALUATION_USD, 12 * vendorRevenueUsd(state.books) * multiple);
}

/**
 * What a vendor is marked at: the post-money valuation of its last round in the run (the price of
 * the most recent investment, as auditors of venture holdings accept it), or the valuation policy's
 * mark of the month before its first round.
 */
export function markedValuationUsd(world: WorldState, vendor: string, terms: ValuationTerms): number {
  return world.vendors[vendor]!.lastRoundPostMoneyUsd ?? valuationUsd(world, vendor, terms);
}

/** What an investment buys and binds, whoever the investor. */
export interface DealTerms {
  readonly amountUsd: number;
  readonly status: DealStatus;
  readonly minAsicShare: number;
  readonly permittedClouds: readonly string[];
}

/** Who invests: a cloud (its id is the investor's) or another investor, which ties no compute. */
export interface Investor {
  readonly investor: string;
  readonly cloud: string | null;
}

export function cloudInvestor(cloud: string): Investor {
  return { investor: cloud, cloud };
}

/** The investor a config names: `cloud` for a cloud, `investor` for anyone else. */
export function investorOf(named: { readonly cloud?: string; readonly investor?: string }): Investor {
  return named.cloud !== undefined ? cloudInvestor(named.cloud) : { investor: named.investor!, cloud: null };
}

/** A deal's price: the pre-money valuation it was struck at (null before the run) and the equity bought. */
export interface DealPrice {
  readonly preMoneyUsd: number | null;
  readonly equityShare: number;
}

/** The price of a round's part at a pre-money valuation: stake = amount ÷ post-money. */
export function pricedAt(amountUsd: number, preMoneyUsd: number): { preMoneyUsd: number; equityShare: number } {
  return { preMoneyUsd, equityShare: shareBought(amountUsd, preMoneyUsd) };
}

export function newDeal(world: WorldState, tick: number, from: Investor, vendor: string, terms: DealTerms, price: DealPrice): Deal {
  return {
    id: `deal-${world.dealsMade + 1}`,
    investor: from.investor,
    cloud: from.cloud,
    vendor,
    tick,
    amountUsd: terms.amountUsd,
    equityShare: price.equityShare,
    preMoneyUsd: price.preMoneyUsd,
    status: from.cloud === null ? 'none' : terms.status,
    minAsicShare: from.cloud === null ? 0 : terms.minAsicShare,
    permittedClouds: from.cloud === null ? [] : [...terms.permittedClouds],
  };
}

/** A binding commitment to spend `amountUsd` on a cloud's compute over `months` from `startTick`. */
export function newCommitment(
  world: WorldState,
  terms: { vendor: string; cloud: string; amountUsd: number; startTick: number; months: number; dealId: string | null },
): ComputeCommitment {
  return {
    id: `commitment-${world.commitmentsMade + 1}`,
    vendor: terms.vendor,
    cloud: terms.cloud,
    amountUsd: terms.amountUsd,
    remainingUsd: terms.amountUsd,
    startTick: terms.startTick,
    endTick: terms.startTick + terms.months,
    dealId: terms.dealId,
  };
}

/** Closes an investment: the deal, then the compute commitment it carries, if any. */
export function closeInvestment(
  ctx: TickContext,
  deal: Deal,
  commitment: { cloud: string; amountUsd: number; months: number } | null,
): void {
  ctx.bus.publish({ type: 'investment.closed', tick: ctx.tick, deal });
  if (commitment === null || commitment.amountUsd <= 0) return;
  ctx.bus.publish({
    type: 'compute.commitment-made',
    tick: ctx.tick,
    commitment: newCommitment(ctx.world(), { vendor: deal.vendor, ...commitment, startTick: ctx.tick, dealId: deal.id }),
  });
}

/** Whether the record, not the agents, makes this kind of decision this month. */
export function scriptedByHistory(ctx: TickContext, decision: 'model-release' | 'investment'): boolean {
  const history = ctx.scenario.history;
  return history !== undefined && ctx.date <= history.until && history.scripts.includes(decision);
}

/**
 * End of month: a vendor whose cash runs short asks for a round, priced by the valuation policy;
 * clouds' investment policies answer with offers; the vendor takes the acceptable ones, largest
 * first, and raises the rest from financial investors. A vendor a cloud's group owns raises it
 * from its owner alone. In scripted history the record's rounds are the only ones.
 *
 * The round's parts close one after another at one price per share: the part taken after `raised`
 * dollars is priced at pre-money valuation + raised, so every part ends at amount ÷ the round's
 * post-money, and every holder before the round keeps pre-money ÷ post-money of its stake.
 */
export function raiseFunds(ctx: TickContext): void {
  if (scriptedByHistory(ctx, 'investment')) return;
  const offers: InvestmentOffered[] = [];
  const subscription = ctx.bus.on('investment.offered', (offer) => offers.push(offer));
  for (const config of ctx.vendors()) {
    const funding = ctx.policies.vendors[config.id]!.funding;
    if (!funding || config.weights !== 'closed') continue;
    const vendor = ctx.world().vendors[config.id]!;
    const b = vendor.books;
    const monthlyBurnUsd = b.revenueShareUsd + b.inferenceComputeUsd + b.idleCapacityUsd + b.trainingComputeUsd + b.commitmentShortfallUsd - vendorRevenueUsd(b);
    const amountUsd = funding.amountToRaise({ cashUsd: vendor.cashUsd, monthlyBurnUsd });
    if (amountUsd <= 0) continue;
    const valuation = valuationUsd(ctx.world(), config.id, valuationTermsOf(config));
    if (vendor.owner !== null) {
      ctx.bus.publish({ type: 'vendor.funded', tick: ctx.tick, vendor: config.id, investor: vendor.owner, amountUsd, ...pricedAt(amountUsd, valuation) });
      continue;
    }
    offers.length = 0;
    ctx.bus.publish({ type: 'vendor.funding-sought', tick: ctx.tick, vendor: config.id, amountUsd, valuationUsd: valuation });

    let raisedUsd = 0;
    for (const offer of [...offers].sort((a, b) => b.amountUsd - a.amountUsd)) {
      const reason = raisedUsd >= amountUsd ? 'the round is already filled' : funding.rejectionReason(offer);
      if (reason !== null) {
        ctx.bus.publish({ type: 'investment.rejected', tick: ctx.tick, cloud: offer.cloud, vendor: config.id, reason });
        continue;
      }
      // The last offer taken is cut to what the round still needs, commitment in proportion.
      const scale = Math.min(1, (amountUsd - raisedUsd) / offer.amountUsd);
      const terms = { ...offer, amountUsd: offer.amountUsd * scale };
      const deal = newDeal(ctx.world(), ctx.tick, cloudInvestor(offer.cloud), config.id, terms, pricedAt(terms.amountUsd, valuation + raisedUsd));
      closeInvestment(ctx, deal, { cloud: offer.cloud, amountUsd: offer.computeCommitmentUsd * scale, months: offer.commitmentMonths });
      raisedUsd += terms.amountUsd;
    }
    if (raisedUsd < amountUsd) {
      const rest = amountUsd - raisedUsd;
      ctx.bus.publish({
        type: 'vendor.funded',
        tick: ctx.tick,
        vendor: config.id,
        investor: FINANCIAL_INVESTORS,
        amountUsd: rest,
        ...pricedAt(rest, valuation + raisedUsd),
      });
    }
  }
  subscription.unsubscribe();
}
