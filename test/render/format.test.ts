import { describe, expect, it } from 'vitest';
import { formatCount, formatMonth, formatMTok, formatPercent, formatPeriod, formatUsd } from '../../src/render/format.js';

describe('formats', () => {
  it('writes months as "Jan 2024"', () => {
    expect(formatMonth('2024-01')).toBe('Jan 2024');
    expect(formatMonth('2026-12')).toBe('Dec 2026');
    expect(formatPeriod('2025-01', '2025-12')).toBe('Jan 2025 – Dec 2025');
  });

  it('writes USD with a unit suffix and at most three significant digits', () => {
    expect(formatUsd(350e6)).toBe('$350M');
    expect(formatUsd(1.2e9)).toBe('$1.2B');
    expect(formatUsd(48_345e6)).toBe('$48.3B');
    expect(formatUsd(999_999)).toBe('$1M');
    expect(formatUsd(0.15)).toBe('$0.15');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(-5e6)).toBe('−$5M');
  });

  it('writes percentage points as "35%", with a decimal only below 10%', () => {
    expect(formatPercent(35)).toBe('35%');
    expect(formatPercent(12.6)).toBe('13%');
    expect(formatPercent(2.5)).toBe('2.5%');
    expect(formatPercent(-0.01)).toBe('0%');
    expect(formatPercent(-40)).toBe('−40%');
  });

  it('writes token volumes in MTok with a unit suffix', () => {
    expect(formatMTok(1.58e9)).toBe('1.58B MTok');
    expect(formatMTok(26e6)).toBe('26M MTok');
    expect(formatMTok(120)).toBe('120 MTok');
  });

  it('writes counts with thousands separators', () => {
    expect(formatCount(10_000)).toBe('10,000');
  });
});
