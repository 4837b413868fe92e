import { z } from 'zod';
import { definePolicy } from './define-policy.js';
import type { ReleaseView } from './policy-roles.js';

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
      minMonthsBetweenReleases: z
        .number()
        .int()
        .min(0)
        .max(60)
        .default(0)
        .describe('months a release takes at the least, however much is spent (a training run and its evaluation); 0 = none'),
    })
    .strict(),
  create: (p) => ({
    monthlySpendUsd: (revenueUsd: number) => Math.max(p.minMonthlyUsd, p.shareOfRevenue * revenueUsd),
    release(view: ReleaseView): number | null {
      if (view.monthsSinceRelease < p.minMonthsBetweenReleases) return null;
      if (view.trainingSinceReleaseUsd < p.releaseCostUsd * view.quality ** p.releaseCostQualityExponent) return null;
      return view.quality * p.qualityGainPerRelease ** Math.exp(p.qualityGainSpread * view.drawNormal());
    },
  }),
});

/**
 * Open weights as a fast follower: a fixed budget keeps the model within a gap of the frontier,
 * shipping a release whenever the frontier has moved far enough ahead (Epoch AI, 2024: open models
 * trail the best closed ones by about a year of progress; commoditization narrows the gap).
 */
export const frontierFollower = definePolicy({
  type: 'frontier-follower',
  role: 'vendor-training',
  summary: 'Fixed monthly budget; release to frontier × (1 − gap) whenever that beats the current model by a step.',
  params: z
    .object({
      monthlySpendUsd: z.number().min(0).default(1.5e8).describe('training spend a month, USD'),
      gapToFrontier: z.number().min(0).max(0.9).default(0.15).describe('quality kept below the best rival model, share of its quality'),
      minStep: z.number().min(1).default(1.08).describe('smallest quality multiplier worth a release'),
    })
    .strict(),
  create: (p) => ({
    monthlySpendUsd: () => p.monthlySpendUsd,
    release(view: ReleaseView): number | null {
      const target = view.frontierQuality * (1 - p.gapToFrontier);
      return target >= view.quality * p.minStep ? target : null;
    },
  }),
});
