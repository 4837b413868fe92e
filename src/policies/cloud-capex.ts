import { z } from 'zod';
import { definePolicy } from './define-policy.js';
import type { CapexView } from './policy-roles.js';

/**
 * Build when utilisation, counting the requests the cloud had to turn away, passes a target, with
 * a growth floor; put a share of new capacity on the
 * cloud's own ASICs, a share that can ramp up year by year.
 */
export const utilisationCapex = definePolicy({
  type: 'utilisation-capex',
  role: 'cloud-capex',
  summary: 'Grow the fleet towards a target utilisation; a rising share of new capacity on own ASICs.',
  params: z
    .object({
      targetUtilisation: z.number().gt(0).max(1).default(0.7).describe('fleet utilisation the cloud builds towards'),
      baseGrowthPerYear: z.number().min(0).default(0.3).describe('fleet growth per year even without pressure'),
      maxGrowthPerMonth: z.number().min(0).default(0.15).describe('largest fleet expansion in one month, share of fleet'),
      asicShareOfNew: z.number().min(0).max(1).default(0.2).describe('share of new capacity on own ASICs at the start'),
      asicShareGrowthPerYear: z.number().min(0).max(1).default(0.05).describe('added to asicShareOfNew each year'),
    })
    .strict(),
  create: (p) => ({
    expansion(view: CapexView) {
      const floor = view.fleetMTok * ((1 + p.baseGrowthPerYear) ** (1 / 12) - 1);
      const needed = (view.usedMTok + view.unmetRequestsMTok) / p.targetUtilisation - view.fleetMTok;
      const total = Math.min(Math.max(floor, needed), view.fleetMTok * p.maxGrowthPerMonth);
      const asicShare = Math.min(1, p.asicShareOfNew + p.asicShareGrowthPerYear * (view.tick / 12));
      return { gpuMTok: total * (1 - asicShare), asicMTok: total * asicShare };
    },
  }),
});
