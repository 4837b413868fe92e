import { z } from 'zod';
import { definePolicy } from './define-policy.js';
import type { ComputeOfferTerms, ComputeView } from './policy-roles.js';

/**
 * Ask for capacity when projected utilisation passes a threshold, enough to bring it back to a
 * target. Ask the first-choice cloud first; only after it has fallen short for some months turn to
 * others (OpenAI added Oracle after months of too little compute from Microsoft, seed article),
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
      const projected = view.demandMTok * Math.max(1, view.demandGrowth);
      if (projected <= view.capacityNextMonthMTok * p.requestAboveUtilisation) return 0;
      return Math.max(0, projected / p.targetUtilisation - view.capacityNextMonthMTok);
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
