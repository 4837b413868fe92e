import { describe, expect, it } from 'vitest';
import { derivedValue, describeDerivedRange, rangeScale } from '../../src/sweep/derived-range.js';
import type { ParamBounds } from '../../src/sweep/policy-params.js';

const share: ParamBounds = { min: 0, max: 1, integer: false };
const atLeastOne: ParamBounds = { min: 1, integer: false };
const positive: ParamBounds = { min: 0, integer: false };
const sides = (value: number, bounds: ParamBounds, change = 0.5) => [derivedValue({ value, bounds }, 'low', change).value, derivedValue({ value, bounds }, 'high', change).value];

describe('the range of a parameter no range is declared for (derived-range)', () => {
  it('moves a multiplier that must stay at least 1 by its excess over 1, never to 1 or five times its gain', () => {
    // 1 + 0.05 / 1.5 and 1 + 0.05 × 1.5; ±20 % of the value would have been 0.84 (held at 1) and 1.26.
    expect(sides(1.05, atLeastOne)).toEqual([1.03333333333, 1.075]);
    expect(rangeScale(atLeastOne)).toBe('excess');
  });

  it('moves a share by its odds between its bounds: 0.5 to 0.4 and 0.6, 0.05 and 0.9 in proportion to what they have left', () => {
    // odds 1 → 2/3 and 3/2: 0.4 and 0.6.
    expect(sides(0.5, share)).toEqual([0.4, 0.6]);
    // odds 1/19 → 1/28.5 = 0.035088 → 0.033898; 1/19 × 1.5 = 0.078947 → 0.073171.
    expect(sides(0.05, share)).toEqual([0.0338983050847, 0.0731707317073]);
    // odds 9 → 6 (6/7) and 13.5 (13.5/14.5): never past 1, as +20 % (1.08) would be.
    expect(sides(0.9, share)).toEqual([0.857142857143, 0.931034482759]);
    // Bounds other than 0..1: 3 in 0..10 is place 0.3, odds 3/7 → 2/7 (2/9 → 2.2222) and 9/14 (9/23 → 3.9130).
    expect(sides(3, { min: 0, max: 10, integer: false })).toEqual([2.22222222222, 3.91304347826]);
  });

  it('moves a parameter at a bound of a two-sided range inward only, as far as the middle would move', () => {
    // (1.5 / 2.5 − 0.5) = a tenth of the range.
    expect(derivedValue({ value: 1, bounds: share }, 'low', 0.5)).toEqual({ value: 0.9 });
    expect(derivedValue({ value: 1, bounds: share }, 'high', 0.5)).toEqual({ why: 'it is at the maximum of its range' });
    expect(derivedValue({ value: 0, bounds: share }, 'high', 0.5)).toEqual({ value: 0.1 });
  });

  it('moves a positive amount by a factor, symmetric on a log scale, and cannot move one at its only bound', () => {
    expect(sides(500_000_000, positive)).toEqual([333_333_333.333, 750_000_000]);
    expect(sides(2, positive, 1)).toEqual([1, 4]);
    expect(derivedValue({ value: 0, bounds: positive }, 'high', 0.5).why).toContain('at its lower bound, 0');
    // A markup above −1: its excess over −1, the price's multiple of the cost, 1.2 → 0.8 and 1.8.
    expect(sides(0.2, { min: -1, integer: false })).toEqual([-0.2, 0.8]);
  });

  it('mirrors an upper bound, and takes ± the change of a value with no bound', () => {
    expect(sides(7, { max: 10, integer: false })).toEqual([5.5, 8]);
    expect(sides(-4, { integer: false })).toEqual([-6, -2]);
    expect(derivedValue({ value: 0, bounds: { integer: false } }, 'low', 0.5).why).toContain('no bound');
  });

  it('rounds whole numbers, moving one step where rounding would leave them, and not past a bound', () => {
    // 12 months at least 1 (to 120): place 11/119, odds 11/108 → ÷ 1.5 → 8.57 → 9; × 1.5 → 16.8 → 17.
    expect(sides(12, { min: 1, max: 120, integer: true })).toEqual([9, 17]);
    // 1 at least 0: 1/1.5 rounds to 1, so one step, to 0; 1.5 rounds to 2.
    expect(sides(1, { min: 0, integer: true })).toEqual([0, 2]);
    expect(derivedValue({ value: 1, bounds: { min: 1, max: 8, integer: true } }, 'low', 0.5).why).toBe('it is at the minimum of its range');
  });

  it('states the rule as the report does', () => {
    expect(describeDerivedRange(share, 0.5)).toBe('its odds within 0..1 ÷/× 1.5');
    expect(describeDerivedRange(atLeastOne, 0.5)).toBe('its excess over 1 ÷/× 1.5');
    expect(describeDerivedRange({ min: 1, max: 120, integer: true }, 1)).toBe('its odds within 1..120 ÷/× 2 (whole numbers)');
  });
});
