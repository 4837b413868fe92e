import { describe, expect, it } from 'vitest';
import { describeSeeds, formatKpi, formatMoney, formatStats } from '../../src/report/kpi-format.js';

describe('kpi-format', () => {
  it('prints less than half a cent as $0, unsigned, never as float noise', () => {
    expect(formatMoney(-3.58e-7)).toBe('$0');
    expect(formatMoney(6.48e-6, true)).toBe('$0');
    expect(formatStats({ mean: 0, p5: -6.48e-6, p95: 6.48e-6 }, 'usd', 4, true)).toBe('$0 ($0 to $0)');
    expect(formatMoney(0.35)).toBe('$0.35');
    expect(formatMoney(-30.6e9, true)).toBe('−$30.6B');
  });

  it('gives a price that rounds to zero no sign', () => {
    expect(formatKpi(-0.001, 'price', true)).toBe('$0.00');
    expect(formatKpi(-0.25, 'price', true)).toBe('−$0.25');
  });

  it('says seeds once', () => {
    expect(describeSeeds([1, 2, 3, 4])).toBe('seeds 1–4');
    expect(describeSeeds([7])).toBe('seed 7');
  });
});
