import type { TickContext } from './agent-context.js';
import type { InvestmentTerms } from '../policies/policy-roles.js';
import type { InvestmentOffered } from '../world/events.js';
import { vendorRevenueUsd, type Deal, type WorldState } from '../world/state.js';

/** Valuation floor for a vendor with little revenue yet, USD (a seed-stage frontier lab). */
const MIN_VALUATION_USD = 1e9;

/** Pre-money valuation: annualised revenue × the vendor's revenue multiple, floored. */
export function valuationUsd(world: WorldState, vendor: string, revenueMultiple: number): number {
  return Math.max(MIN_VALUATION_USD, 12 * vendorRevenueUsd(world.vendors[vendor]!.books) * revenueMultiple);
}

export function newDeal(world: WorldState, tick: number, cloud: string, vendor: string, terms: InvestmentTerms, equityShare: number): Deal {
  return {
    id: `deal-${world.deals.length + 1}`,
    cloud,
    vendor,
    tick,
    amountUsd: terms.amountUsd,
    equityShare,
    status: terms.status,
    commitmentRemainingUsd: terms.computeCommitmentUsd,
    minAsicShare: terms.minAsicShare,
    permittedClouds: [...terms.permittedClouds],
  };
}

/**
 * End of month: a vendor whose cash runs short asks for a round; clouds' investment policies
 * answer with offers; the vendor takes the acceptable ones, largest first, and raises the rest
 * from financial investors.
 */
export function raiseFunds(ctx: TickContext): void {
  const offers: InvestmentOffered[] = [];
  const subscription = ctx.bus.on('investment.offered', (offer) => offers.push(offer));
  for (const config of ctx.scenario.vendors) {
    const funding = ctx.policies.vendors[config.id]!.funding;
    if (!funding || config.weights !== 'closed') continue;
    const vendor = ctx.world().vendors[config.id]!;
    const b = vendor.books;
    const monthlyBurnUsd = b.revenueShareUsd + b.inferenceComputeUsd + b.trainingComputeUsd - vendorRevenueUsd(b);
    const amountUsd = funding.amountToRaise({ cashUsd: vendor.cashUsd, monthlyBurnUsd });
    if (amountUsd <= 0) continue;
    const valuation = valuationUsd(ctx.world(), config.id, config.valuationRevenueMultiple);
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
      const terms = { ...offer, amountUsd: offer.amountUsd * scale, computeCommitmentUsd: offer.computeCommitmentUsd * scale };
      const deal = newDeal(ctx.world(), ctx.tick, offer.cloud, config.id, terms, terms.amountUsd / (valuation + amountUsd));
      ctx.bus.publish({ type: 'investment.closed', tick: ctx.tick, deal });
      raisedUsd += terms.amountUsd;
    }
    if (raisedUsd < amountUsd) {
      ctx.bus.publish({ type: 'vendor.funded', tick: ctx.tick, vendor: config.id, amountUsd: amountUsd - raisedUsd });
    }
  }
  subscription.unsubscribe();
}
