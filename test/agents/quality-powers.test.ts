import { describe, expect, it } from 'vitest';
import { BYTES_PER_ENTERPRISE_VENDOR_POWERS, QUALITY_POWERS_BUDGET_BYTES } from '../../src/config/limits.js';
import { powersFor, QualityPowers } from '../../src/agents/quality-powers.js';

describe('QualityPowers', () => {
  it('gives back a kept power only for the very quality it was kept for', () => {
    const powers = new QualityPowers(2, 3);
    expect(powers.kept(5, 1.5)).toBeNaN();
    powers.keep(5, 1.5, Math.pow(1.5, 0.7));
    expect(powers.kept(5, 1.5)).toBe(Math.pow(1.5, 0.7));
    expect(powers.kept(5, 1.5000000000000002)).toBeNaN();
    expect(powers.kept(4, 1.5)).toBeNaN();
  });

  it('tells −0 from +0, whose powers differ, and never matches a NaN quality', () => {
    const powers = new QualityPowers(1, 1);
    powers.keep(0, -0, Math.pow(-0, 3));
    expect(Object.is(powers.kept(0, -0), -0)).toBe(true);
    expect(powers.kept(0, 0)).toBeNaN();
    powers.keep(1, Number.NaN, 1);
    expect(powers.kept(1, Number.NaN)).toBeNaN();
  });

  it('is made only for a population whose powers fit the budget', () => {
    const vendors = 8;
    const fits = Math.floor(QUALITY_POWERS_BUDGET_BYTES / (BYTES_PER_ENTERPRISE_VENDOR_POWERS * vendors));
    expect(powersFor(fits, vendors)).toBeInstanceOf(QualityPowers);
    expect(powersFor(fits + 1, vendors)).toBeUndefined();
  });
});
