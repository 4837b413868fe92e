import { z } from 'zod';
import { definePolicy } from './define-policy.js';

/**
 * Switch when the monthly gain, over a payback horizon, beats the one-off switching cost:
 * "it's one line of code to switch ... businesses are much more likely to do so on an ROI basis"
 * (seed article, AlphaSense interview).
 */
export const roiPayback = definePolicy({
  type: 'roi-payback',
  role: 'enterprise-switching',
  summary: 'Review with some probability each month; switch if monthly gain × payback months > switching cost.',
  params: z
    .object({
      reviewProbability: z.number().min(0).max(1).default(0.25).describe('chance per month that an adopter re-evaluates its model'),
      paybackMonths: z.number().min(0).default(12).describe('months over which the monthly gain must repay the switching cost'),
    })
    .strict(),
  create: (p) => ({
    reviewProbability: p.reviewProbability,
    shouldSwitch: (monthlyGainUsd: number, switchingCostUsd: number) =>
      monthlyGainUsd > 0 && monthlyGainUsd * p.paybackMonths > switchingCostUsd,
  }),
});

export const neverSwitch = definePolicy({
  type: 'never-switch',
  role: 'enterprise-switching',
  summary: 'Enterprises never review their vendors: they keep the ones they have in production (full lock-in), unless a model leaves their channel; under logit-split the work still moves among those, and the primary with it.',
  params: z.object({}).strict(),
  create: () => ({ reviewProbability: 0, shouldSwitch: () => false }),
});
