import { z } from 'zod';
import { definePolicy } from './define-policy.js';
import type { OfferView } from './policy-roles.js';

/**
 * Offer what is free (up to a share of it) at blended chip cost plus a markup; at cost to a vendor
 * of its own group after a merger. The ASIC share offered is at least the fleet's, the policy's
 * minimum and what an investment deal with the vendor requires.
 */
export const costPlusOffer = definePolicy({
  type: 'cost-plus-offer',
  role: 'cloud-offer',
  summary: 'Offer free capacity at (ASIC/GPU blended cost) × (1 + markup), with at least a minimum ASIC share.',
  params: z
    .object({
      markup: z.number().min(0).default(0.3).describe('markup over the cloud’s unit cost'),
      maxShareOfFree: z.number().gt(0).max(1).default(0.8).describe('largest share of free capacity one request can take'),
      minAsicShare: z.number().min(0).max(1).default(0).describe('share of offered capacity placed on ASICs at least (a condition)'),
    })
    .strict(),
  create: (p) => ({
    offer(view: OfferView) {
      const capacityMTok = Math.min(view.requestedMTok, view.freeCapacityMTok * p.maxShareOfFree);
      if (capacityMTok <= 0) return { declined: 'no free capacity' };
      const asicShare = view.fixedAsicShare ?? Math.min(1, Math.max(p.minAsicShare, view.dealMinAsicShare, view.fleetAsicShare));
      const unitCost = asicShare * view.asicCostUsdPerMTok + (1 - asicShare) * view.gpuCostUsdPerMTok;
      return { capacityMTok, priceUsdPerMTok: unitCost * (view.transferAtCost ? 1 : 1 + p.markup), asicShare };
    },
  }),
});
