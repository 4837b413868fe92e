import { z } from 'zod';
import { definePolicy } from './define-policy.js';

/**
 * How an adopter spreads its work over the vendors it has in production. Surveys find most large
 * enterprises run several model families at once, chosen per use case: 37 % of large enterprises
 * use 5 or more models (29 % a year earlier), most 3 or more families (a16z, "How 100 Enterprise
 * CIOs Are Building and Buying Gen AI in 2025", May 2025).
 */

export const singleVendor = definePolicy({
  type: 'single-vendor',
  role: 'enterprise-allocation',
  summary: 'Every adopter runs all its work on one vendor’s model, its primary; a switch moves all of it at once.',
  params: z.object({}).strict(),
  create: () => ({ maxVendors: 1, temperature: 0, adjustment: 1 }),
});

/**
 * A logit split over the vendors an adopter has in production (McFadden 1974, conditional logit):
 * each use case goes to the vendor whose model serves it best, its fit an idiosyncratic draw, so
 * vendor v gets a share exp(surplus_v / (τ × value)) ÷ Σ exp(…) of the tokens, where value is the
 * enterprise's value of a MTok of the month's best model and τ the temperature. The split moves
 * towards that logit every month among the vendors in production, by `adjustment` of the gap;
 * adding a vendor takes a review and pays the switching cost of the work that moves to it.
 */
export const logitSplit = definePolicy({
  type: 'logit-split',
  role: 'enterprise-allocation',
  summary: 'Work split over up to maxVendors vendors in production by a logit of each one’s surplus; a review adds a vendor when its gain repays moving the work.',
  params: z
    .object({
      maxVendors: z
        .number()
        .int()
        .min(1)
        .max(8)
        .default(3)
        .describe('most vendors an adopter has in production at once; a16z (May 2025): most large enterprises use 3 or more model families'),
      temperature: z
        .number()
        .gt(0)
        .max(10)
        .default(0.1)
        .describe(
          'τ: how far a use case’s fit spreads, as a share of the value of a MTok of the best model; a vendor whose surplus is τ × value behind gets e^-1 of the leader’s weight',
        ),
      adjustment: z
        .number()
        .gt(0)
        .max(1)
        .default(1)
        .describe(
          'share of the gap between its split of work and the logit’s that an adopter closes in a month (moving a use case takes testing and prompt work); 1: the split follows prices and qualities at once',
        ),
    })
    .strict(),
  create: (p) => ({ maxVendors: p.maxVendors, temperature: p.temperature, adjustment: p.adjustment }),
});
