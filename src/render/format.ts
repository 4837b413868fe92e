/** Number and date formats shared by every chart: axis ticks, labels and subtitles. */

/** The typographic minus: a hyphen reads as a dash next to axis ticks. */
const MINUS = '\u2212';

const UNITS: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-01" → "Jan 2024". */
export function formatMonth(date: string): string {
  const [year, month] = date.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** "Jan 2025 – Dec 2025", or a single month. */
export function formatPeriod(from: string, to: string): string {
  return from === to ? formatMonth(from) : `${formatMonth(from)} – ${formatMonth(to)}`;
}

/** $1.2B, $350M, $12K, $0.15: three significant digits at most, no trailing zeros. */
export function formatUsd(value: number): string {
  return withUnit(value, '$');
}

/** Token volumes already in MTok: "1.6B MTok", "350M MTok", "120 MTok". */
export function formatMTok(value: number): string {
  return `${withUnit(value, '')} MTok`;
}

/** A K/M/B/T suffix and three significant digits at most, after `prefix` (e.g. "$"). */
function withUnit(value: number, prefix: string): string {
  // Round before picking the unit, so 999,999 reads "$1M", not "$1000K".
  const magnitude = Number(Math.abs(value).toPrecision(3));
  const [divisor, suffix] = UNITS.find(([divisor]) => magnitude >= divisor) ?? [1, ''];
  return `${value < 0 ? MINUS : ''}${prefix}${Number((magnitude / divisor).toPrecision(3))}${suffix}`;
}

/** A value already in percentage points: 35 → "35%", 2.5 → "2.5%", −40 → "−40%". */
export function formatPercent(points: number): string {
  const rounded = Number(points.toFixed(Math.abs(points) < 10 ? 1 : 0));
  return `${rounded < 0 ? MINUS : ''}${Math.abs(rounded)}%`;
}

/** Whole counts with thousands separators: 10000 → "10,000". */
export function formatCount(value: number): string {
  // Small values keep two decimals (a capability index of 1.25, an axis step of 0.5); the rest are whole.
  if (Math.abs(value) < 10 && !Number.isInteger(value)) return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return Math.round(value).toLocaleString('en-US');
}

/** The decimals that tell apart ticks `step` apart: 5 → 0, 0.2 → 1, 0.25 → 2, 0.005 → 3. */
export function decimalsForStep(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  for (let decimals = 0; decimals < 12; decimals++) {
    const scaled = step * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return decimals;
  }
  return 12;
}

/**
 * An axis tick with as many decimals as the ticks' step needs, so that ticks a small swing apart
 * do not all read the same ("31.2%", "31.4%" rather than "31%" twice): `unit` as the axis's,
 * a share's value in percentage points, money with the K/M/B/T unit of the largest tick.
 */
export function formatTick(value: number, step: number, largest: number, unit: 'share' | 'count' | 'usd' | 'price'): string {
  const sign = value < 0 ? MINUS : '';
  if (unit === 'share') return `${sign}${Math.abs(value).toFixed(decimalsForStep(step))}%`;
  if (unit === 'count') {
    const decimals = decimalsForStep(step);
    return `${sign}${Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}`;
  }
  const [divisor, suffix] = UNITS.find(([divisor]) => Math.abs(largest) >= divisor) ?? [1, ''];
  return `${sign}$${(Math.abs(value) / divisor).toFixed(decimalsForStep(step / divisor))}${suffix}`;
}
