import { z } from 'zod';
import { definePolicy } from './define-policy.js';

/**
 * Spend a share of revenue (with a floor funded by investors) on training; release a model when
 * the spend since the last release reaches its cost, which grows with quality (each step up the
 * capability ladder costs more: Epoch AI, "Trends in the dollar training cost of ML systems", 2024,
 * frontier training cost ×2.4 a year).
 */
export const revenueShareTraining = definePolicy({
  type: 'revenue-share-training',
  role: 'vendor-training',
  summary: 'Train with max(floor, share × revenue) a month; release when accrued spend reaches the release cost.',
  params: z
    .object({
      shareOfRevenue: z.number().min(0).max(5).default(0.5).describe('training spend as a share of monthly revenue'),
      minMonthlyUsd: z.number().min(0).default(50e6).describe('floor on monthly training spend (investor-funded), USD'),
      releaseCostUsd: z.number().gt(0).default(1.5e9).describe('training spend for a release at quality 1.0, USD'),
      releaseCostQualityExponent: z.number().min(0).default(2).describe('release cost ∝ quality^exponent'),
      qualityGainPerRelease: z.number().min(1).default(1.25).describe('quality multiplier of a release (1.25 = +25 %)'),
      qualityGainSpread: z.number().min(0).max(2).default(0.1).describe('log-sd of the random exponent on a release’s gain (0 = every release gains exactly the multiplier)'),
    })
    .strict(),
  create: (p) => ({
    monthlySpendUsd: (revenueUsd: number) => Math.max(p.minMonthlyUsd, p.shareOfRevenue * revenueUsd),
    releaseCostUsd: (quality: number) => p.releaseCostUsd * quality ** p.releaseCostQualityExponent,
    qualityGainPerRelease: p.qualityGainPerRelease,
    qualityGainSpread: p.qualityGainSpread,
  }),
});
