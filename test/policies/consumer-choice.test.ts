import { describe, expect, it } from 'vitest';
import { brandAndQuality } from '../../src/policies/consumer-choice.js';

const policy = brandAndQuality.create(
  brandAndQuality.params.parse({ brandWeight: 2, qualityWeight: 1, adjustmentPerMonth: 0.05, brandLearningPerMonth: 0.02 }),
);

// Appeal: 0.9² × 1 = 0.81 and 0.3² × 1.5 = 0.135, so target shares 6/7 and 1/7.
const leader = { brand: 0.9, quality: 1, subscribers: 600 };
const challenger = { brand: 0.3, quality: 1.5, subscribers: 400 };

describe('brand-and-quality consumer choice', () => {
  it('moves each app’s share a step towards its share of brand^b × quality^q', () => {
    const [a, b] = policy.nextSubscribers([leader, challenger], 2000);
    expect(a! / 2000).toBeCloseTo(0.6 + 0.05 * (6 / 7 - 0.6), 12);
    expect(b! / 2000).toBeCloseTo(0.4 + 0.05 * (1 / 7 - 0.4), 12);
  });

  it('hands out exactly the market’s total subscribers', () => {
    const next = policy.nextSubscribers([leader, challenger, { brand: 0.1, quality: 0.8, subscribers: 50 }], 1.23e7);
    expect(next.reduce((s, x) => s + x, 0)).toBeCloseTo(1.23e7, 3);
  });

  it('keeps shares still once they match appeal', () => {
    const next = policy.nextSubscribers([{ ...leader, subscribers: 600 }, { ...challenger, subscribers: 100 }], 700);
    expect(next[0]).toBeCloseTo(600, 9);
    expect(next[1]).toBeCloseTo(100, 9);
  });

  it('lets brand drift a step towards the app’s share of subscribers', () => {
    expect(policy.nextBrand(0.3, 0.5)).toBeCloseTo(0.304, 12);
    expect(policy.nextBrand(0.9, 0.6)).toBeCloseTo(0.894, 12);
    expect(policy.nextBrand(0.5, 0.5)).toBe(0.5);
  });
  it('hands out the whole market, by appeal, when no app has subscribers yet', () => {
    const policy = brandAndQuality.create(brandAndQuality.params.parse({}));
    const next = policy.nextSubscribers(
      [
        { brand: 0.5, quality: 1, subscribers: 0 },
        { brand: 0.25, quality: 1, subscribers: 0 },
      ],
      1000,
    );
    expect(next.reduce((s, x) => s + x, 0)).toBeCloseTo(1000, 9);
    // appeal = brand² × quality: 0.25 against 0.0625, so 80 % and 20 %.
    expect(next[0]).toBeCloseTo(800, 9);
  });
});
