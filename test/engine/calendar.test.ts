import { describe, expect, it } from 'vitest';
import { dateToTick, isYearMonth, monthIndex, monthLabel, tickToDate } from '../../src/engine/calendar.js';

describe('calendar', () => {
  it('counts ticks as months from the start month, across year ends', () => {
    expect(tickToDate('2023-12', 0)).toBe('2023-12');
    expect(tickToDate('2023-12', 1)).toBe('2024-01');
    expect(tickToDate('2023-12', 13)).toBe('2025-01');
    expect(tickToDate('2023-12', 36)).toBe('2026-12');
  });

  it('turns a month back into the tick it was simulated at', () => {
    expect(dateToTick('2023-12', '2024-01')).toBe(1);
    expect(dateToTick('2023-12', '2025-01')).toBe(13);
    expect(dateToTick('2024-06', '2024-01')).toBe(-5);
  });

  it('round-trips every tick of a ten-year run from any start month', () => {
    for (const start of ['2023-01', '2023-07', '2023-12']) {
      for (let tick = 0; tick < 120; tick++) {
        expect(dateToTick(start, tickToDate(start, tick))).toBe(tick);
      }
    }
  });

  it('labels months for charts and reports as "Jan 2024"', () => {
    expect(monthLabel('2024-01')).toBe('Jan 2024');
    expect(monthLabel('2023-12')).toBe('Dec 2023');
    expect(monthLabel(tickToDate('2023-12', 1))).toBe('Jan 2024');
  });

  it('accepts only YYYY-MM months with a real month number', () => {
    expect(isYearMonth('2024-01')).toBe(true);
    expect(isYearMonth('2024-12')).toBe(true);
    expect(isYearMonth('2024-13')).toBe(false);
    expect(isYearMonth('2024-00')).toBe(false);
    expect(isYearMonth('2024-1')).toBe(false);
    expect(isYearMonth('Jan 2024')).toBe(false);
    expect(() => monthIndex('2024-13')).toThrow(/not a month/);
  });
});
