import { z } from 'zod';
import { definePolicy } from './define-policy.js';
import type { FundingView, InvestmentTerms } from './policy-roles.js';

/**
 * Raise when cash covers fewer months of burn than a threshold, enough for a longer runway; take a
 * cloud's money unless its conditions tie the vendor more than it accepts (Anthropic wary of more
 * Trainium, seed article).
 */
export const runway = definePolicy({
  type: 'runway',
  role: 'vendor-funding',
  summary: 'Raise when cash < N months of burn; accept a cloud’s terms within ASIC and exclusivity limits.',
  params: z
    .object({
      raiseBelowMonths: z.number().min(0).default(6).describe('raise when cash covers fewer months of burn than this'),
      raiseMonthsOfBurn: z.number().gt(0).default(18).describe('size of a round, months of burn'),
      minRoundUsd: z.number().min(0).default(5e8).describe('smallest round worth raising, USD'),
      maxAsicShare: z.number().min(0).max(1).default(1).describe('turn down deals requiring more of the capacity on the investor’s ASICs'),
      acceptExclusive: z.boolean().default(true).describe('whether the vendor takes money that makes the investor its exclusive cloud'),
    })
    .strict(),
  create: (p) => ({
    amountToRaise(view: FundingView): number {
      if (view.monthlyBurnUsd <= 0 || view.cashUsd >= p.raiseBelowMonths * view.monthlyBurnUsd) return 0;
      return Math.max(p.minRoundUsd, p.raiseMonthsOfBurn * view.monthlyBurnUsd - Math.max(0, view.cashUsd));
    },
    rejectionReason(terms: InvestmentTerms): string | null {
      if (terms.minAsicShare > p.maxAsicShare) return `requires ${(100 * terms.minAsicShare).toFixed(0)} % on the investor’s ASICs`;
      if (terms.status === 'exclusive' && !p.acceptExclusive) return 'would make the investor the exclusive cloud';
      return null;
    },
  }),
});
