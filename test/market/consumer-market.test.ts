import { describe, expect, it } from 'vitest';
import { nextMarketSubscribers } from '../../src/market/consumer-market.js';

describe('consumer market', () => {
  it('takes one month of a logistic step: 1,000 of 10,000 at 100 % a year becomes 1,053.2, not 1,059.5', () => {
    // g = 2^(1/12) = 1.059463; 10,000 × 1,000 × g / (10,000 + 1,000 × 0.059463) = 1,053.20.
    expect(nextMarketSubscribers(1000, 10_000, 1)).toBeCloseTo(1053.2, 1);
  });

  it('slows towards the ceiling: a year from 1,000 reaches 1,818.2 of 10,000, two years 3,076.9', () => {
    let s = 1000;
    for (let m = 0; m < 12; m++) s = nextMarketSubscribers(s, 10_000, 1);
    // K / (1 + (K / S0 − 1) / 2^t): 10,000 / (1 + 9 / 2) and 10,000 / (1 + 9 / 4).
    expect(s).toBeCloseTo(10_000 / 5.5, 6);
    for (let m = 0; m < 12; m++) s = nextMarketSubscribers(s, 10_000, 1);
    expect(s).toBeCloseTo(10_000 / 3.25, 6);
  });

  it('never passes the ceiling, however fast the growth', () => {
    let s = 9_900;
    for (let m = 0; m < 240; m++) {
      s = nextMarketSubscribers(s, 10_000, 1000);
      expect(s).toBeLessThanOrEqual(10_000);
    }
    expect(s).toBeCloseTo(10_000, 6);
  });

  it('falls towards the ceiling from above, and stays at none from none', () => {
    expect(nextMarketSubscribers(20_000, 10_000, 1)).toBeLessThan(20_000);
    expect(nextMarketSubscribers(20_000, 10_000, 1)).toBeGreaterThan(10_000);
    expect(nextMarketSubscribers(0, 10_000, 1)).toBe(0);
    expect(nextMarketSubscribers(4_000, 10_000, 0)).toBe(4_000);
  });
});
