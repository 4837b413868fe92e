import { describe, expect, it } from 'vitest';
import { frontierFollower, revenueShareTraining } from '../../src/policies/vendor-training.js';
import type { ReleaseView } from '../../src/policies/policy-roles.js';

const training = (params: Record<string, unknown>) => revenueShareTraining.create(revenueShareTraining.params.parse(params));
const follower = (params: Record<string, unknown>) => frontierFollower.create(frontierFollower.params.parse(params));

function view(fields: Partial<ReleaseView>): ReleaseView {
  return { quality: 1, trainingSinceReleaseUsd: 0, monthsSinceRelease: 12, frontierQuality: 1, drawNormal: () => 0, ...fields };
}

describe('vendor training policies', () => {
  describe('revenue-share-training', () => {
    it('spends a share of revenue on training, never less than the investor-funded floor', () => {
      const policy = training({ shareOfRevenue: 0.5, minMonthlyUsd: 50e6 });
      expect(policy.monthlySpendUsd(0)).toBe(50e6);
      expect(policy.monthlySpendUsd(40e6)).toBe(50e6);
      expect(policy.monthlySpendUsd(300e6)).toBe(150e6);
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
      expect(policy.monthlySpendUsd(0)).toBe(1.5e8);
      expect(policy.monthlySpendUsd(1e10)).toBe(1.5e8);
    });

    it('releases to frontier × (1 − gap) once that beats its model by the minimum step', () => {
      const policy = follower({ gapToFrontier: 0.15, minStep: 1.08 });
      // Target 1.2 × 0.85 = 1.02; a step needs 0.9 × 1.08 = 0.972.
      expect(policy.release(view({ quality: 0.9, frontierQuality: 1.2 }))).toBeCloseTo(1.02, 12);
      // Target 1.1 × 0.85 = 0.935 < 0.972: not worth a release.
      expect(policy.release(view({ quality: 0.9, frontierQuality: 1.1 }))).toBeNull();
    });
  });
});
