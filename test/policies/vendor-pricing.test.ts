import { describe, expect, it } from 'vitest';
import { costPlusCompetitive, fixedPrice } from '../../src/policies/vendor-pricing.js';
import type { PricingView, RivalOffer } from '../../src/policies/policy-roles.js';

const costPlus = (params: Record<string, unknown>) => costPlusCompetitive.create(costPlusCompetitive.params.parse(params));

function view(fields: Partial<PricingView>): PricingView {
  return { priceUsdPerMTok: 10, unitCostUsdPerMTok: 2, quality: 1, rivals: [], ...fields };
}

const rival = (priceUsdPerMTok: number, quality: number, volumeMTok = 100): RivalOffer => ({ priceUsdPerMTok, quality, volumeMTok });

/** Moves straight to the target, to read the target off the next price. */
const jumpToTarget = { adjustmentPerMonth: 1, maxMonthlyChange: 1 };

describe('vendor pricing policies', () => {
  describe('cost-plus-competitive pricing', () => {
    it('without rivals, closes a share of the log gap to cost × (1 + markup)', () => {
      const policy = costPlus({ markup: 2, adjustmentPerMonth: 0.2, maxMonthlyChange: 0.15 });
      // Target 2 × 3 = 6; 10 × (6/10)^0.2 = 9.0288.
      expect(policy.nextPrice(view({ priceUsdPerMTok: 10 }))).toBeCloseTo(10 * 0.6 ** 0.2, 9);
      expect(policy.nextPrice(view({ priceUsdPerMTok: 10 }))).toBeCloseTo(9.0288, 4);
      // At the target it stays put.
      expect(policy.nextPrice(view({ priceUsdPerMTok: 6 }))).toBeCloseTo(6, 12);
    });

    it('moves at most maxMonthlyChange in a month, down or up', () => {
      const policy = costPlus({ markup: 2, adjustmentPerMonth: 0.5, maxMonthlyChange: 0.15 });
      expect(policy.nextPrice(view({ priceUsdPerMTok: 60 }))).toBeCloseTo(60 * 0.85, 9);
      // Upwards from above the floor (cost 2 × 1.2 = 2.4): target 6, one step of 15 %.
      expect(policy.nextPrice(view({ priceUsdPerMTok: 3 }))).toBeCloseTo(3.45, 9);
    });

    it('never goes below cost × (1 + floorMarkup), however cheap the rivals', () => {
      const policy = costPlus({ markup: 0, floorMarkup: 0.2, rivalWeight: 1 });
      const cheapRivals = [rival(0.5, 1)];
      let price = 3;
      const prices: number[] = [];
      for (let month = 0; month < 100; month++) {
        price = policy.nextPrice(view({ priceUsdPerMTok: price, unitCostUsdPerMTok: 2, rivals: cheapRivals }));
        prices.push(price);
      }
      expect(Math.min(...prices)).toBeGreaterThanOrEqual(2.4 - 1e-9);
      expect(prices.at(-1)).toBeCloseTo(2.4, 6);
      expect(costPlus({ markup: 0, floorMarkup: 0.2, rivalWeight: 1, ...jumpToTarget }).nextPrice(
        view({ priceUsdPerMTok: 3, rivals: cheapRivals }),
      )).toBeCloseTo(2.4, 12);
    });

    it('prices like a rival of equal quality, and at half a rival’s price with half its quality', () => {
      const policy = costPlus({ rivalWeight: 1, qualityPremium: 1, ...jumpToTarget });
      expect(policy.nextPrice(view({ quality: 1, rivals: [rival(8, 1)] }))).toBeCloseTo(8, 12);
      expect(policy.nextPrice(view({ quality: 1, rivals: [rival(10, 2)] }))).toBeCloseTo(5, 12);
      expect(policy.nextPrice(view({ quality: 2, rivals: [rival(10, 1)] }))).toBeCloseTo(20, 12);
    });

    it('lets a higher-quality rival at the same price pull a lower-quality vendor’s price down', () => {
      const policy = costPlus({ markup: 2, rivalWeight: 0.5, qualityPremium: 1, adjustmentPerMonth: 0.2, maxMonthlyChange: 0.15 });
      // Cost anchor 10/3 × 3 = 10; rival anchor 10 × 1/1.25 = 8; target 0.5 × 10 + 0.5 × 8 = 9.
      const sameQuality = policy.nextPrice(view({ unitCostUsdPerMTok: 10 / 3, rivals: [rival(10, 1)] }));
      const betterRival = policy.nextPrice(view({ unitCostUsdPerMTok: 10 / 3, rivals: [rival(10, 1.25)] }));
      expect(sameQuality).toBeCloseTo(10, 9);
      expect(betterRival).toBeCloseTo(10 * 0.9 ** 0.2, 9);
      expect(betterRival).toBeLessThan(sameQuality);
    });

    it('ignores quality differences with qualityPremium 0', () => {
      const policy = costPlus({ rivalWeight: 1, qualityPremium: 0, ...jumpToTarget });
      expect(policy.nextPrice(view({ quality: 1, rivals: [rival(10, 2)] }))).toBeCloseTo(10, 12);
    });

    it('weights rivals by last month’s volume, geometrically', () => {
      const policy = costPlus({ rivalWeight: 1, ...jumpToTarget });
      // 4^(3/4) × 16^(1/4) = 2^2.5.
      const next = policy.nextPrice(view({ rivals: [rival(4, 1, 300), rival(16, 1, 100)] }));
      expect(next).toBeCloseTo(2 ** 2.5, 9);
    });

    it('falls back on the cost anchor when no rival has a positive price', () => {
      const policy = costPlus({ markup: 2, rivalWeight: 1, ...jumpToTarget });
      expect(policy.nextPrice(view({ unitCostUsdPerMTok: 2, rivals: [rival(0, 0.8)] }))).toBeCloseTo(6, 12);
    });
  });

  describe('cost-plus-competitive floor', () => {
    it('never prices below cost × (1 + floorMarkup), even when cost jumps past the price', () => {
      const policy = costPlusCompetitive.create(costPlusCompetitive.params.parse({ markup: 2, floorMarkup: 0.2 }));
      expect(policy.nextPrice({ priceUsdPerMTok: 5, unitCostUsdPerMTok: 10, quality: 1, rivals: [] })).toBeCloseTo(12, 12);
    });
  });

  describe('fixed-price pricing', () => {
    it('keeps the current price whatever cost and rivals do', () => {
      const policy = fixedPrice.create(fixedPrice.params.parse({}));
      expect(policy.nextPrice(view({ priceUsdPerMTok: 12, unitCostUsdPerMTok: 50, rivals: [rival(1, 5)] }))).toBe(12);
    });
  });
});
