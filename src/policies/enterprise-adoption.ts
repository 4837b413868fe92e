import { z } from 'zod';
import { definePolicy } from './define-policy.js';

/**
 * Bass diffusion: each month a non-adopter evaluates AI with probability p + q × (share adopted).
 * Bass (1969), "A new product growth model for consumer durables"; p and q of enterprise software
 * are typically 0.01–0.03 and 0.3–0.5 a year (Sultan, Farley & Lehmann 1990 meta-analysis:
 * mean p 0.03, q 0.38), so per month divide by 12.
 */
export const bassDiffusion = definePolicy({
  type: 'bass-diffusion',
  role: 'enterprise-adoption',
  summary: 'Monthly evaluation hazard p + q × adopted share; pilot, then production if ROI clears the hurdle.',
  params: z
    .object({
      innovation: z.number().min(0).max(1).default(0.03 / 12).describe('p: monthly chance of evaluating AI unprompted'),
      imitation: z.number().min(0).max(1).default(0.38 / 12).describe('q: extra monthly chance per unit of adopted share'),
      pilotMonths: z.number().int().min(0).max(36).default(3).describe('months of pilot before deciding on production'),
      pilotDemandShare: z.number().min(0).max(1).default(0.1).describe('share of full token demand used while piloting'),
      hurdleRoi: z.number().min(-1).default(0.5).describe('minimum (value − price) / price to pilot and to go to production'),
    })
    .strict(),
  create: (p) => ({
    evaluationProbability: (adoptedShare: number) => Math.min(1, p.innovation + p.imitation * adoptedShare),
    pilotMonths: p.pilotMonths,
    pilotDemandShare: p.pilotDemandShare,
    hurdleRoi: p.hurdleRoi,
  }),
});
