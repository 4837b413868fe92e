import { z } from 'zod';
import { definePolicy } from './define-policy.js';
import type { InvestmentView } from './policy-roles.js';

/**
 * Invest in chosen vendors when they raise, for equity and conditions: primary or exclusive cloud
 * status, part of the cash coming back as compute spend, a share of the work on the cloud's ASICs
 * (Microsoft–OpenAI, Google and Amazon–Anthropic, seed article).
 */
export const strategicStake = definePolicy({
  type: 'strategic-stake',
  role: 'cloud-investment',
  summary: 'Take part of the chosen vendors’ rounds for equity, primary/exclusive status, a compute commitment and an ASIC share.',
  params: z
    .object({
      vendors: z.array(z.string()).default([]).describe('vendor ids the cloud invests in'),
      shareOfRound: z.number().gt(0).max(1).default(0.5).describe('share of a round the cloud offers to take'),
      maxInvestmentUsd: z.number().min(0).default(4e9).describe('largest single investment, USD'),
      status: z.enum(['exclusive', 'right-of-first-refusal', 'primary', 'none']).default('primary').describe('tie asked of the vendor'),
      computeCommitmentShare: z.number().min(0).max(1).default(0.5).describe('share of the investment the vendor must spend on the cloud’s compute'),
      commitmentMonths: z.number().int().min(1).max(120).default(36).describe('term over which the vendor must spend that commitment, months'),
      minAsicShare: z.number().min(0).max(1).default(0).describe('share of the vendor’s capacity at the cloud required on its ASICs'),
      permittedClouds: z.array(z.string()).default([]).describe('under exclusivity, the rivals the vendor may still buy from'),
    })
    .strict(),
  create: (p) => ({
    offer(view: InvestmentView) {
      if (!p.vendors.includes(view.vendor) || view.tiedElsewhere) return null;
      const amountUsd = Math.min(p.maxInvestmentUsd, p.shareOfRound * view.amountSoughtUsd);
      if (amountUsd <= 0) return null;
      return {
        amountUsd,
        status: p.status,
        computeCommitmentUsd: p.computeCommitmentShare * amountUsd,
        commitmentMonths: p.commitmentMonths,
        minAsicShare: p.minAsicShare,
        permittedClouds: p.permittedClouds,
      };
    },
  }),
});

export const noInvestment = definePolicy({
  type: 'no-investment',
  role: 'cloud-investment',
  summary: 'The cloud never invests in vendors.',
  params: z.object({}).strict(),
  create: () => ({ offer: () => null }),
});
