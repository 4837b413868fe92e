import { z } from 'zod';
import { definePolicy } from './define-policy.js';
import type { ComputeOfferTerms, ComputeView } from './policy-roles.js';

/**
 * Ask for capacity when projected utilisation passes a threshold, enough to bring it back to a
 * target: for next month, and, where a cloud of the vendor's group builds for it, a build lead
 * ahead against demand projected to then (src/agents/vendors.ts, orderAhead). Ask the
 * first-choice cloud first; only after it has fallen short for some months turn to others (OpenAI added Oracle after months of too little compute from Microsoft, seed article),
 * and then only at a price close to what the vendor pays now, counting the cost of porting work
 * bound to another cloud's ASICs.
 */
export const utilisationTarget = definePolicy({
  type: 'utilisation-target',
  role: 'vendor-compute',
  summary: 'Request capacity when projected utilisation > threshold; first cloud first, others after months short; price, premium and ASIC ceilings.',
  params: z
    .object({
      requestAboveUtilisation: z.number().min(0).max(2).default(0.85).describe('projected demand / capacity that triggers a request'),
      targetUtilisation: z.number().gt(0).max(1).default(0.75).describe('utilisation the requested capacity aims for'),
      contractMonths: z.number().int().min(1).max(120).default(12).describe('length of the contracts the vendor asks for, months'),
      maxComputePriceShare: z.number().gt(0).default(0.6).describe('reject offers priced above this share of the vendor’s API price'),
      maxAsicShare: z.number().min(0).max(1).default(1).describe('reject offers with more of the capacity on the cloud’s ASICs'),
      diversifyAfterMonthsShort: z.number().int().min(0).max(120).default(3).describe('months the first-choice cloud must fall short before asking others'),
      maxSecondCloudPremium: z.number().min(0).default(0.25).describe('reject other clouds’ offers costing more than this share above the first-choice cloud’s price, porting included'),
      asicPortingCost: z.number().min(0).default(1).describe('extra cost of moving ASIC-bound work to another cloud, share of price per unit of ASIC share'),
      secondCloudShare: z.number().min(0).max(1).default(0).describe('share of each need asked of the second-choice cloud from the start, to depend on no single cloud'),
      maxPlannedGrowthPerYear: z
        .number()
        .min(1)
        .max(100)
        .default(2.5)
        .describe(
          'fastest growth of its demand a year the vendor plans capacity for when it orders a build lead ahead (its trend above this is taken as this). A lab inside a group plans on its parent’s capital spending: Alphabet’s capex grew about 1.6–1.7× a year 2023–2025 (32 → 52 → 91 $B, annual reports and guidance), about 3× a year in tokens at a 45 %/yr fall in hardware cost; 2.5 lies between',
        ),
      trainingContractShare: z
        .number()
        .min(0)
        .max(1)
        .default(0)
        .describe('share of its training plan the vendor holds under training contracts (asked for, like inference, a month ahead and for contractMonths); the rest it buys by the month from free capacity. 0 = all by the month'),
    })
    .strict(),
  create: (p) => ({
    contractMonths: p.contractMonths,
    diversifyAfterMonthsShort: p.diversifyAfterMonthsShort,
    asicPortingCost: p.asicPortingCost,
    secondCloudShare: p.secondCloudShare,
    trainingContractShare: p.trainingContractShare,
    trainingRejectionReason: (offer: ComputeOfferTerms) => (offer.asicShare > p.maxAsicShare ? 'ASIC share above what the vendor accepts' : null),
    capacityToRequest(view: ComputeView): number {
      // Demand in the month the capacity is asked for: next month at last month's growth, the
      // months after at the past year's trend (capacity a cloud must build is ordered a build
      // lead ahead, against what demand will be by then). What is scheduled for that month counts,
      // built or not: a lab does not order again what is being built for it.
      const monthsAfterNext = Math.max(0, view.monthsToService - 1);
      const projected = view.demandMTok * Math.max(1, view.demandGrowth) * Math.min(Math.max(1, view.demandTrendPerMonth), p.maxPlannedGrowthPerYear ** (1 / 12)) ** monthsAfterNext;
      const position = view.capacityOnOrderMTok;
      if (projected <= position * p.requestAboveUtilisation) return 0;
      return Math.max(0, projected / p.targetUtilisation - position);
    },
    rejectionReason(offer: ComputeOfferTerms, view: ComputeView): string | null {
      if (view.apiPriceUsdPerMTok > 0 && offer.priceUsdPerMTok > p.maxComputePriceShare * view.apiPriceUsdPerMTok) {
        return 'compute price above the share of API price the vendor can pay';
      }
      if (offer.asicShare > p.maxAsicShare) return 'ASIC share above what the vendor accepts';
      const effective = offer.priceUsdPerMTok * (1 + view.portingPremium);
      const reference = view.referencePriceUsdPerMTok;
      if (!view.firstChoice && reference !== null && effective > reference * (1 + p.maxSecondCloudPremium)) {
        return view.portingPremium > 0
          ? 'porting ASIC-bound work makes this cloud too expensive'
          : 'price too far above what the vendor pays its first-choice cloud';
      }
      return null;
    },
  }),
});
