import { z } from 'zod';
import { definePolicy } from './define-policy.js';
import type { ComputeOfferTerms, ComputeView } from './policy-roles.js';

/**
 * Ask for capacity when projected utilisation passes a threshold, enough to bring it back to a
 * target; reject offers whose compute price eats too much of the API price or whose ASIC share is
 * more lock-in than the vendor accepts.
 */
export const utilisationTarget = definePolicy({
  type: 'utilisation-target',
  role: 'vendor-compute',
  summary: 'Request capacity when projected utilisation > threshold; accept offers under a price and ASIC ceiling.',
  params: z
    .object({
      requestAboveUtilisation: z.number().min(0).max(2).default(0.85).describe('projected demand / capacity that triggers a request'),
      targetUtilisation: z.number().gt(0).max(1).default(0.75).describe('utilisation the requested capacity aims for'),
      contractMonths: z.number().int().min(1).max(120).default(12).describe('length of the contracts the vendor asks for'),
      maxComputePriceShare: z.number().gt(0).default(0.6).describe('reject offers priced above this share of the vendor’s API price'),
      maxAsicShare: z.number().min(0).max(1).default(1).describe('reject offers with more of the capacity on the cloud’s ASICs'),
    })
    .strict(),
  create: (p) => ({
    contractMonths: p.contractMonths,
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
      return null;
    },
  }),
});
