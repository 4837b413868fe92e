/**
 * Calibration figures as scripts/calibrate.ts prints them: money in billions, shares and margins to
 * three decimals, and a band open on one side as a bound ("≤ 0.700"), never "-InfinityB".
 */

/** 5.10B for money (a million or more), 0.412 otherwise; a missing figure is "n/a". */
export function formatTarget(value: number): string {
  if (Number.isNaN(value)) return 'n/a';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  return Math.abs(value) >= 1e6 ? `${(value / 1e9).toFixed(2)}B` : value.toFixed(3);
}

/** "0.480 .. 0.570", "≤ 0.700", "≥ 3.75B", or "any value" for a band open on both sides. */
export function describeBand(low: number, high: number): string {
  const [hasLow, hasHigh] = [Number.isFinite(low), Number.isFinite(high)];
  if (hasLow && hasHigh) return `${formatTarget(low)} .. ${formatTarget(high)}`;
  if (hasHigh) return `≤ ${formatTarget(high)}`;
  if (hasLow) return `≥ ${formatTarget(low)}`;
  return 'any value';
}
