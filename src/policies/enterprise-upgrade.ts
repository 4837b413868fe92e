import { z } from 'zod';
import { definePolicy } from './define-policy.js';

/**
 * How an adopter moves to a vendor's newer model. Enterprises upgrade within their vendor far more
 * often than they change vendor: in the twelve months to mid-2025, 66 % upgraded within their vendor,
 * 11 % changed vendor and 23 % changed nothing (Menlo Ventures, mid-2025 update, survey of 30 Jun –
 * 10 Jul 2025). A new model is tested and its prompts and evaluations redone before it takes the work.
 */

export const immediateUpgrade = definePolicy({
  type: 'immediate',
  role: 'enterprise-upgrade',
  summary: 'A release upgrades every customer of the vendor the month it ships.',
  params: z.object({}).strict(),
  create: () => ({ monthlyProbability: 1 }),
});

export const staggeredUpgrade = definePolicy({
  type: 'staggered',
  role: 'enterprise-upgrade',
  summary: 'Each month an adopter with a newer model available from a vendor it uses moves to it with some probability; until then it runs the model it has.',
  params: z
    .object({
      monthlyProbability: z
        .number()
        .gt(0)
        .max(1)
        .default(0.15)
        .describe('chance a month that an adopter moves its work to the newer models of the vendors it uses; 1 − (1 − p)^12 of those with one pending a year'),
    })
    .strict(),
  create: (p) => ({ monthlyProbability: p.monthlyProbability }),
});
