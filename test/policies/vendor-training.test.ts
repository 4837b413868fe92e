import { describe, expect, it } from 'vitest';
import { capitalPlan, frontierFollower, revenueShareTraining } from '../../src/policies/vendor-training.js';
import type { ReleaseView, TrainingBudgetView } from '../../src/policies/policy-roles.js';

const training = (params: Record<string, unknown>) => revenueShareTraining.create(revenueShareTraining.params.parse(params));
const follower = (params: Record<string, unknown>) => frontierFollower.create(frontierFollower.params.parse(params));
const plan = (params: Record<string, unknown>) => capitalPlan.create(capitalPlan.params.parse(params));

function view(fields: Partial<ReleaseView>): ReleaseView {
  return { quality: 1, trainingSinceReleaseUsd: 0, trainingStockUsd: 0, stockAtReleaseUsd: 0, monthsSinceRelease: 12, frontierQuality: 1, drawNormal: () => 0, ...fields };
}

function budget(fields: Partial<TrainingBudgetView>): TrainingBudgetView {
  return { revenueUsd: 0, valuationUsd: 0, rivalTrainingUsd: [], cashUsd: 0, canRaise: true, years: 0, ...fields };
}

describe('vendor training policies', () => {
  describe('revenue-share-training', () => {
    it('spends a share of revenue on training, never less than the investor-funded floor', () => {
      const policy = training({ shareOfRevenue: 0.5, minMonthlyUsd: 50e6 });
      expect(policy.monthlySpendUsd(budget({ revenueUsd: 0 }))).toBe(50e6);
      expect(policy.monthlySpendUsd(budget({ revenueUsd: 40e6 }))).toBe(50e6);
      expect(policy.monthlySpendUsd(budget({ revenueUsd: 300e6 }))).toBe(150e6);
    });

    it('releases once training since the last release reaches its cost at the current quality', () => {
      const policy = training({ releaseCostUsd: 1.5e9, releaseCostQualityExponent: 2, qualityGainPerRelease: 1.25 });
      expect(policy.release(view({ quality: 1, trainingSinceReleaseUsd: 1.49e9 }))).toBeNull();
      expect(policy.release(view({ quality: 1, trainingSinceReleaseUsd: 1.5e9 }))).toBeCloseTo(1.25, 12);
    });

    it('ships no sooner than minMonthsBetweenReleases after the last release, however much it has spent', () => {
      const policy = training({ releaseCostUsd: 1e9, qualityGainPerRelease: 1.2, minMonthsBetweenReleases: 6 });
      expect(policy.release(view({ trainingSinceReleaseUsd: 1e12, monthsSinceRelease: 5 }))).toBeNull();
      expect(policy.release(view({ trainingSinceReleaseUsd: 1e12, monthsSinceRelease: 6 }))).toBeCloseTo(1.2, 12);
      // Time alone does not make a model: the spend must be there too.
      expect(policy.release(view({ trainingSinceReleaseUsd: 0.9e9, monthsSinceRelease: 60 }))).toBeNull();
    });

    it('makes each step up the quality ladder cost more: cost × quality^exponent', () => {
      const policy = training({ releaseCostUsd: 1.5e9, releaseCostQualityExponent: 2, qualityGainPerRelease: 1.25 });
      // At quality 2 a release costs 1.5e9 × 4 = 6e9.
      expect(policy.release(view({ quality: 2, trainingSinceReleaseUsd: 5.9e9 }))).toBeNull();
      expect(policy.release(view({ quality: 2, trainingSinceReleaseUsd: 6e9 }))).toBeCloseTo(2.5, 12);
      expect(training({ releaseCostUsd: 1e9, releaseCostQualityExponent: 0 }).release(view({ quality: 3, trainingSinceReleaseUsd: 1e9 }))).not.toBeNull();
    });

    it('spreads a release’s gain around the multiplier with the vendor’s own draw', () => {
      const policy = training({ releaseCostUsd: 1, qualityGainPerRelease: 1.25, qualityGainSpread: 0.1 });
      const funded = { quality: 1, trainingSinceReleaseUsd: 1 };
      // gain = 1.25^exp(0.1 × z).
      expect(policy.release(view({ ...funded, drawNormal: () => 1 }))).toBeCloseTo(1.25 ** Math.exp(0.1), 12);
      expect(policy.release(view({ ...funded, drawNormal: () => -1 }))).toBeCloseTo(1.25 ** Math.exp(-0.1), 12);
      const noSpread = training({ releaseCostUsd: 1, qualityGainPerRelease: 1.25, qualityGainSpread: 0 });
      expect(noSpread.release(view({ ...funded, drawNormal: () => 3 }))).toBeCloseTo(1.25, 12);
    });

    it('draws from the vendor’s stream only when it releases', () => {
      const policy = training({ releaseCostUsd: 1e9 });
      let draws = 0;
      policy.release(view({ trainingSinceReleaseUsd: 0, drawNormal: () => (draws++, 0) }));
      expect(draws).toBe(0);
    });
  });

  describe('frontier-follower training', () => {
    it('spends a fixed budget whatever its revenue', () => {
      const policy = follower({ monthlySpendUsd: 1.5e8 });
      expect(policy.monthlySpendUsd(budget({ revenueUsd: 0 }))).toBe(1.5e8);
      expect(policy.monthlySpendUsd(budget({ revenueUsd: 1e10 }))).toBe(1.5e8);
    });

    it('releases to frontier × (1 − gap) once that beats its model by the minimum step', () => {
      const policy = follower({ gapToFrontier: 0.15, minStep: 1.08 });
      // Target 1.2 × 0.85 = 1.02; a step needs 0.9 × 1.08 = 0.972.
      expect(policy.release(view({ quality: 0.9, frontierQuality: 1.2 }))).toBeCloseTo(1.02, 12);
      // Target 1.1 × 0.85 = 0.935 < 0.972: not worth a release.
      expect(policy.release(view({ quality: 0.9, frontierQuality: 1.1 }))).toBeNull();
    });
  });

  describe('capital-plan training', () => {
    it('aims past the largest rival’s training, within revenue plus what selling 15 % of itself a year raises', () => {
      const policy = plan({ matchRivals: 1.2, shareOfRevenue: 0.5, maxDilutionPerYear: 0.15 });
      // Rivals spent 1B and 2B: the plan aims for 1.2 × 2B = 2.4B; the ceiling is
      // 0.5 × 1B of revenue + 300B × 0.15 ÷ 12 = 0.5B + 3.75B = 4.25B.
      expect(policy.monthlySpendUsd(budget({ revenueUsd: 1e9, valuationUsd: 300e9, rivalTrainingUsd: [1e9, 2e9] }))).toBeCloseTo(2.4e9, 0);
      // A lab valued at 60B can fund 0.5B + 60B × 0.15 ÷ 12 = 1.25B, however much its rivals spend.
      expect(policy.monthlySpendUsd(budget({ revenueUsd: 1e9, valuationUsd: 60e9, rivalTrainingUsd: [10e9] }))).toBeCloseTo(1.25e9, 0);
      // Rivals that spend little leave it at its share of revenue.
      expect(policy.monthlySpendUsd(budget({ revenueUsd: 1e9, valuationUsd: 300e9, rivalTrainingUsd: [0.1e9] }))).toBeCloseTo(0.5e9, 0);
    });

    it('spends beyond its revenue share only its cash over cashRunwayMonths when it raises no rounds', () => {
      const policy = plan({ matchRivals: 1.2, shareOfRevenue: 0.5, maxDilutionPerYear: 0.15, cashRunwayMonths: 24 });
      // 0.5 × 1B + 12B ÷ 24 = 1B, whatever its 300B valuation would support.
      expect(policy.monthlySpendUsd(budget({ revenueUsd: 1e9, valuationUsd: 300e9, rivalTrainingUsd: [5e9], cashUsd: 12e9, canRaise: false }))).toBeCloseTo(1e9, 0);
      // Out of cash: its share of revenue alone.
      expect(policy.monthlySpendUsd(budget({ revenueUsd: 1e9, valuationUsd: 300e9, rivalTrainingUsd: [5e9], cashUsd: -1e9, canRaise: false }))).toBeCloseTo(0.5e9, 0);
    });

    it('draws on a parent’s growing capital spending, not its valuation, for a lab inside a larger company', () => {
      const policy = plan({ matchRivals: 1, shareOfRevenue: 0.5, parent: { capexUsdPerYear: 52.5e9, growthPerYear: 1.75, shareForTraining: 0.1 } });
      // Year 0: 52.5B × 0.1 ÷ 12 = 437.5M a month, plus half its 100M of revenue.
      expect(policy.monthlySpendUsd(budget({ revenueUsd: 100e6, valuationUsd: 1e12, rivalTrainingUsd: [5e9] }))).toBeCloseTo(487.5e6, 0);
      // Two years on, the parent spends 52.5B × 1.75² = 160.78B a year: 1.3398B a month for training.
      expect(policy.monthlySpendUsd(budget({ revenueUsd: 0, rivalTrainingUsd: [5e9], years: 2 }))).toBeCloseTo((52.5e9 * 1.75 ** 2 * 0.1) / 12, 0);
    });

    it('ships the quality its training stock supports, (stock ÷ stock at the last release)^α, once that is a step up', () => {
      const policy = plan({ scalingExponent: 0.065, minStep: 1.05, minMonthsBetweenReleases: 4 });
      // Twice the stock: 1.2 × 2^0.065 = 1.2 × 1.04608 = 1.2553 — below a 5 % step: no release.
      expect(policy.release(view({ quality: 1.2, trainingStockUsd: 20e9, stockAtReleaseUsd: 10e9 }))).toBeNull();
      // Four times: 1.2 × 4^0.065 = 1.2 × 1.09427 = 1.31312.
      expect(policy.release(view({ quality: 1.2, trainingStockUsd: 40e9, stockAtReleaseUsd: 10e9 }))).toBeCloseTo(1.2 * 4 ** 0.065, 12);
      // Not sooner than 4 months after the last release, however large the stock.
      expect(policy.release(view({ quality: 1.2, trainingStockUsd: 400e9, stockAtReleaseUsd: 10e9, monthsSinceRelease: 3 }))).toBeNull();
      // No stock to grow from: nothing to scale.
      expect(policy.release(view({ quality: 1.2, trainingStockUsd: 40e9, stockAtReleaseUsd: 0 }))).toBeNull();
    });

    it('makes the same compute worth less the more has been spent before it (diminishing returns)', () => {
      const policy = plan({ scalingExponent: 0.065, minStep: 1, minMonthsBetweenReleases: 0 });
      const gain = (stock: number) => policy.release(view({ quality: 1, trainingStockUsd: stock + 10e9, stockAtReleaseUsd: stock }))!;
      // 10B on a stock of 10B: ×2^0.065 = 1.0461; on a stock of 100B: ×1.1^0.065 = 1.0062.
      expect(gain(10e9)).toBeCloseTo(2 ** 0.065, 12);
      expect(gain(100e9)).toBeCloseTo(1.1 ** 0.065, 12);
    });
  });
});
