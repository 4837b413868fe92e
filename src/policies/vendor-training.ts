import { z } from 'zod';
import { definePolicy } from './define-policy.js';
import type { ReleaseView, TrainingBudgetView } from './policy-roles.js';

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
    monthlySpendUsd: (view: TrainingBudgetView) => Math.max(p.minMonthlyUsd, p.shareOfRevenue * view.revenueUsd),
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

/**
 * Capital funds training, and quality follows the compute it buys.
 *
 * The plan: a frontier lab sizes its training to what its rivals spend (`matchRivals` × the
 * largest rival's training last month), never below a share of its own revenue, and never above
 * what its capital supports: that share of revenue plus the money it can raise in a year without
 * selling more than `maxDilutionPerYear` of itself (valuation × that share ÷ 12), or, for a lab
 * that raises no rounds, its cash spread over `cashRunwayMonths`; a lab inside a larger company
 * draws instead on a share of its parent's capital spending, which grows every year. The cash the
 * plan burns is what the funding policy raises rounds for.
 *
 * Quality follows cumulative training compute with diminishing returns, a scaling law: the model
 * the stock supports is quality at the last release × (stock ÷ stock at the last release)^α, so
 * doubling the compute ever used lifts quality by 2^α, whoever spends it. The vendor ships when
 * that beats its current model by `minStep`, no sooner than `minMonthsBetweenReleases` after its
 * last release. α: the scripted 2024–2025 frontier went from 1.05 (GPT-4 Turbo, 2023-12) to 1.28
 * (Gemini 3 era, 2025-12), ×1.104 a year, while frontier training compute grew 4–5× a year (Epoch
 * AI, "Training compute of frontier AI models grows by 4–5x per year", 2024): α = ln 1.104 ÷ ln
 * (4..5) = 0.061–0.068; Kaplan et al. (2020) find loss ∝ compute^−0.050, the same order.
 */
export const capitalPlan = definePolicy({
  type: 'capital-plan',
  role: 'vendor-training',
  summary: 'Train to match rivals within what revenue and capital (valuation, or a parent’s capex) support; quality ∝ training stock^α.',
  params: z
    .object({
      matchRivals: z.number().min(0).max(10).default(1).describe('training aimed for, as a multiple of the largest rival’s training last month'),
      shareOfRevenue: z.number().min(0).max(5).default(0.5).describe('training spend as a share of monthly revenue, at least (and the part of the ceiling revenue pays for)'),
      maxDilutionPerYear: z
        .number()
        .min(0)
        .max(1)
        .default(0.05)
        .describe('share of its value the lab spends on training beyond its revenue share in a year, at most: valuation × this ÷ 12 a month (OpenAI’s projected ~$115B burn over 2025–2029 against a ~$500B valuation is ~5 % a year, The Information, Sep 2025; its 2025 rounds sold ~15 %)'),
      cashRunwayMonths: z
        .number()
        .gt(0)
        .max(120)
        .default(24)
        .describe('a lab that raises no rounds (no funding policy) spends beyond its share of revenue at most its cash ÷ this a month'),
      parent: z
        .object({
          capexUsdPerYear: z.number().gt(0).describe('the parent company’s capital spending in the run’s first year, USD'),
          growthPerYear: z.number().gt(0).max(10).describe('its growth, a multiple a year (1.75 = +75 % a year)'),
          shareForTraining: z.number().gt(0).max(1).describe('share of it the lab may spend on training'),
        })
        .strict()
        .optional()
        .describe('for a lab inside a larger company (Gemini in Alphabet, Llama in Meta): its ceiling is a share of the parent’s capital spending instead of what its valuation supports'),
      scalingExponent: z.number().gt(0).max(1).default(0.065).describe('α: quality ∝ training stock^α (a doubling of compute ever used lifts quality ×2^α)'),
      minStep: z.number().min(1).default(1.05).describe('smallest quality multiplier worth a release'),
      minMonthsBetweenReleases: z.number().int().min(0).max(60).default(4).describe('months a release takes at the least (a training run and its evaluation)'),
    })
    .strict(),
  create: (p) => ({
    monthlySpendUsd(view: TrainingBudgetView): number {
      const fromRevenue = p.shareOfRevenue * Math.max(0, view.revenueUsd);
      const capitalUsd = p.parent
        ? (p.parent.capexUsdPerYear * p.parent.growthPerYear ** view.years * p.parent.shareForTraining) / 12
        : view.canRaise
          ? (Math.max(0, view.valuationUsd) * p.maxDilutionPerYear) / 12
          : Math.max(0, view.cashUsd) / p.cashRunwayMonths;
      const rivals = p.matchRivals * Math.max(0, ...view.rivalTrainingUsd);
      return Math.max(fromRevenue, Math.min(rivals, fromRevenue + capitalUsd));
    },
    release(view: ReleaseView): number | null {
      if (view.monthsSinceRelease < p.minMonthsBetweenReleases || view.stockAtReleaseUsd <= 0) return null;
      const supported = view.quality * (view.trainingStockUsd / view.stockAtReleaseUsd) ** p.scalingExponent;
      return supported >= view.quality * p.minStep ? supported : null;
    },
  }),
});
