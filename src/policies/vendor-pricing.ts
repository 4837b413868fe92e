import { z } from 'zod';
import { definePolicy } from './define-policy.js';
import type { PricingView } from './policy-roles.js';

/**
 * Price between a cost-plus anchor and the quality-adjusted price of rivals, moving a step a month.
 * Never below cost × (1 + floor markup).
 */
export const costPlusCompetitive = definePolicy({
  type: 'cost-plus-competitive',
  role: 'vendor-pricing',
  summary: 'Blend of cost × (1 + markup) and rivals’ quality-adjusted price; partial monthly adjustment.',
  params: z
    .object({
      markup: z.number().min(0).default(2).describe('markup over unit compute cost of the cost-plus anchor (2 = price 3× cost)'),
      floorMarkup: z.number().min(-1).default(0.2).describe('price never goes below unit cost × (1 + floorMarkup)'),
      rivalWeight: z.number().min(0).max(1).default(0.5).describe('weight of the rivals’ quality-adjusted price in the target'),
      qualityPremium: z
        .number()
        .min(0)
        .max(10, 'at most 10: a fair price ∝ quality^10 already moves 2.6× for a 10 % better model')
        .default(1)
        .describe('elasticity of the fair price to relative quality (price ∝ quality^premium), 0..10'),
      adjustmentPerMonth: z.number().min(0).max(1).default(0.2).describe('share of the gap to the target closed each month'),
      maxMonthlyChange: z.number().min(0).max(1).default(0.15).describe('largest relative price move in one month'),
    })
    .strict(),
  create: (p) => ({
    nextPrice(view: PricingView): number {
      const costAnchor = view.unitCostUsdPerMTok * (1 + p.markup);
      const rivalAnchor = qualityAdjustedRivalPrice(view, p.qualityPremium);
      const blended = rivalAnchor === null ? costAnchor : (1 - p.rivalWeight) * costAnchor + p.rivalWeight * rivalAnchor;
      const target = Math.max(blended, view.unitCostUsdPerMTok * (1 + p.floorMarkup));
      const step = Math.log(target / view.priceUsdPerMTok) * p.adjustmentPerMonth;
      const bounded = Math.max(Math.log(1 - p.maxMonthlyChange), Math.min(Math.log(1 + p.maxMonthlyChange), step));
      // The floor holds at once, whatever the monthly step: the vendor never sells below it.
      return Math.max(view.priceUsdPerMTok * Math.exp(bounded), view.unitCostUsdPerMTok * (1 + p.floorMarkup));
    },
  }),
});

export const fixedPrice = definePolicy({
  type: 'fixed-price',
  role: 'vendor-pricing',
  summary: 'Keeps the list price where it stands when the policy takes effect: the config’s price from the start, or the price the vendor had reached at the month of a policy-change or a branch.',
  params: z.object({}).strict(),
  create: () => ({ nextPrice: (view: PricingView) => view.priceUsdPerMTok }),
});

/** Volume-weighted price rivals would charge for this vendor's quality; null without rivals. */
function qualityAdjustedRivalPrice(view: PricingView, qualityPremium: number): number | null {
  let weighted = 0;
  let weights = 0;
  for (const rival of view.rivals) {
    if (rival.priceUsdPerMTok <= 0 || rival.quality <= 0) continue;
    const weight = Math.max(rival.volumeMTok, 1e-9);
    weighted += weight * Math.log(rival.priceUsdPerMTok * (view.quality / rival.quality) ** qualityPremium);
    weights += weight;
  }
  return weights > 0 ? Math.exp(weighted / weights) : null;
}
