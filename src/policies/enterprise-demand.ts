import { z } from 'zod';
import { definePolicy } from './define-policy.js';

/**
 * What an adopter's token demand grows with. Work moves to models as they become able to do it:
 * coding became the lead use case and agents, long context and reasoning multiply the tokens a task
 * takes (a16z, "How 100 Enterprise CIOs Are Building and Buying Gen AI in 2025"; Menlo Ventures,
 * mid-2025 update: model-API spend ×2.4 from late 2024 to mid-2025 while prices fell), and the length
 * of the tasks frontier models complete doubled about every seven months, 2019–2025 (Kwa et al. 2025,
 * METR, "Measuring AI Ability to Complete Long Tasks").
 */

export const steadyDemand = definePolicy({
  type: 'steady',
  role: 'enterprise-demand',
  summary: 'An adopter’s work grows at the enterprises’ demandGrowthPerYear, whatever the models can do.',
  params: z.object({}).strict(),
  create: () => ({ capabilityElasticity: 0, maxLift: 1 }),
});

/**
 * The work an adopter runs also grows with the quality of the most capable model it runs, relative
 * to the best model at the start: × min(maxLift, (quality ÷ quality at the start)^κ). A release
 * reaches an adopter's demand when it upgrades to it (the upgrade policy) or adds the vendor.
 */
export const capabilityDriven = definePolicy({
  type: 'capability-driven',
  role: 'enterprise-demand',
  summary: 'An adopter’s work grows at demandGrowthPerYear and with the quality of the best model it runs: × (quality ÷ the best at the start)^capabilityElasticity.',
  params: z
    .object({
      capabilityElasticity: z
        .number()
        .min(0)
        .max(20)
        .default(2)
        .describe('κ: how the work an adopter hands to models grows with the quality of the best model it runs, (quality ÷ the best at the start)^κ; fitted by npm run calibrate'),
      maxLift: z
        .number()
        .min(1)
        .max(1e4)
        .default(100)
        .describe(
          'the most that quality can multiply an adopter’s work by: an enterprise has only so much work to hand to models (modelling bound; it also keeps a model a release lifts far beyond the record from overflowing demand)',
        ),
    })
    .strict(),
  create: (p) => ({ capabilityElasticity: p.capabilityElasticity, maxLift: p.maxLift }),
});
